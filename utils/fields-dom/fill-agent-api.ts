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
}

/** What came of a request in one frame. */
export interface FillNowResult {
  filled: boolean;
  /** Why nothing was filled: no field here, a chooser is open, locked, refused… */
  reason?: 'no-field' | 'choosing' | 'locked' | 'refused' | 'no-account';
}

/** The agent's surface, as the background sees it. */
export interface FillAgentApi {
  /** Whether this frame has a field a code would go into now. */
  hasField(): boolean;
  fillNow(request: FillNowRequest): Promise<FillNowResult>;
}
