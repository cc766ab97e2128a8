/**
 * The contract between the background and the fill agent (`entrypoints/fill-agent/`), the full
 * filler it injects into a frame with `scripting.executeScript`. The agent publishes itself on
 * the content-script world's global object under `FILL_AGENT_GLOBAL`; the background calls it
 * there with `executeScript({ func, args })`. The page's own scripts never see that world.
 */

/** Name of the agent's global in the content-script (isolated) world. */
export const FILL_AGENT_GLOBAL = '__twofoldFillAgent';

/** What a trigger (popup, shortcut, context menu, unlock window) asks the agent to do. */
export interface FillNowRequest {
  /** Fill this account's code (the popup names one); otherwise the site's account, or a chooser. */
  accountId?: string;
  /** The context menu: the field the user right-clicked (the focused one) is the target. */
  focusedField?: boolean;
  /** The popup asked (it closes after a fill): the page confirms the fill itself. */
  confirm?: boolean;
}

/** What came of a request in one frame. */
export interface FillNowResult {
  filled: boolean;
  /**
   * Why nothing was filled (yet): no field here, a chooser is open, the page asks whether to
   * fill a code that was sent elsewhere, locked, refused…
   */
  reason?: 'no-field' | 'choosing' | 'asking' | 'locked' | 'refused' | 'no-account';
}

/** After an explicit request found no field in any frame: what the top frame's agent should say. */
export interface NoFieldRequest {
  /**
   * From the popup, which tried to copy the code before asking: whether the code is on the
   * clipboard, so the page says what really happened. Absent (shortcut, context menu): the
   * agent copies the site's code itself.
   */
  copied?: boolean;
  accountId?: string;
}

/** The agent's surface, as the background sees it. */
export interface FillAgentApi {
  /** Whether this frame has a field a code would go into now. */
  hasField(): boolean;
  fillNow(request: FillNowRequest): Promise<FillNowResult>;
  /**
   * Never silent: no frame had a field. Copies the code (unless the popup tried) and says on the
   * page, near the focused field or at the top, what came of it: "Code copied: paste it with
   * Ctrl+V", or, when the clipboard refused, where to get the code. Resolves true when the code
   * is on the clipboard.
   */
  noField(request: NoFieldRequest): Promise<boolean>;
}
