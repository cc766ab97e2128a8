/**
 * Letter avatars: the first letter of an account's name on a colour that stays the same for
 * the same issuer, so people find "the blue A" without reading. Pure.
 */

/**
 * Background colours for white letters, each with a contrast ratio of at least 4.5:1 against
 * white (WCAG AA for text; checked by avatar.test.ts) in both light and dark themes.
 */
export const AVATAR_COLORS = [
  '#1565c0', '#2e7d32', '#c62828', '#6a1b9a', '#ad1457', '#00695c',
  '#b45309', '#4527a0', '#37474f', '#0277bd', '#5d4037', '#283593',
] as const;

/** The letter to show: the first character of the issuer (or name), upper case; "?" when there is none. */
export function avatarLetter(account: { issuer: string; label: string }): string {
  const name = (account.issuer || account.label).trim();
  const first = [...name][0];
  return first === undefined ? '?' : first.toLocaleUpperCase();
}

/**
 * A stable colour for a name: FNV-1a over its case-folded UTF-16 units, into {@link AVATAR_COLORS}.
 * "Amazon", "amazon" and " AMAZON " get the same colour.
 * @see http://www.isthe.com/chongo/tech/comp/fnv/ for FNV-1a
 */
export function avatarColor(name: string): string {
  const key = name.trim().toLowerCase();
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return AVATAR_COLORS[hash % AVATAR_COLORS.length]!;
}
