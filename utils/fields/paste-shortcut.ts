/**
 * The paste shortcut as a platform writes it, for "Code copied: paste it with Ctrl+V". Pure.
 *
 * @param platform `navigator.platform` (or `userAgentData.platform`), e.g. "MacIntel", "Win32"
 * @param ctrlV Ctrl+V as the user's keyboard labels it (the `pasteKeys` message: "Strg+V" in German)
 * @returns "⌘V" on macOS (and iPadOS), `ctrlV` elsewhere
 */
export function pasteShortcut(platform: string, ctrlV: string): string {
  return /mac|iphone|ipad/iu.test(platform) ? '⌘V' : ctrlV;
}
