/**
 * The background's helper: work the service worker hands out so that it carries only the vault
 * and the router (issue 15). On Chrome the helper is an offscreen document
 * (entrypoints/offscreen), created when a request needs it and closed after; on Firefox, which
 * has no offscreen API, the event page runs the same work itself from lazily loaded chunks.
 * Either way the heavy parts (jsQR, the public suffix list) load only when used.
 *
 * @see https://developer.chrome.com/docs/extensions/reference/api/offscreen
 */
import type { ErrorCode } from './error-codes';
import type { LocalMessage } from './i18n/local-message';
import type { ViewportRect } from './messages';
import type { ImportPreview } from './import/import-types';

/** A part of a captured tab: `rect` in CSS px of a viewport `viewportWidth` wide. */
export interface CaptureCrop {
  rect: ViewportRect;
  viewportWidth: number;
}

/** Each helper request and its reply. */
export interface HelperProtocol {
  /** The text of every QR code in an image (a data: URL), in reading order. */
  decodeQr: { args: { dataUrl: string; crop?: CaptureCrop }; reply: string[] };
  /** The registrable domain of each URL (utils/site/registrable-domain), null where none. */
  registrableDomains: { args: { urls: string[] }; reply: (string | null)[] };
  /** The bound site `host` imitates (utils/site/lookalike), or null. */
  lookalikeOf: { args: { host: string; sites: string[] }; reply: string | null };
  /**
   * Another app's export read into a preview (utils/import): exactly one of `text` or the file's
   * bytes in base64 (extension messages carry JSON, not byte arrays).
   */
  readImport: { args: { text?: string; bytesBase64?: string; fileName?: string; password?: string }; reply: ImportPreview };
  /**
   * Empties the clipboard if its text still has the SHA-256 `sha256` (hex): what was copied,
   * which the background keeps only as this hash. Replies whether it was emptied.
   */
  clearClipboard: { args: { sha256: string }; reply: boolean };
}

export type HelperName = keyof HelperProtocol;
export type HelperArgs<N extends HelperName> = HelperProtocol[N]['args'];
export type HelperValue<N extends HelperName> = HelperProtocol[N]['reply'];

export const HELPER_CHANNEL = 'twofold-helper';

/** A request from the background to its helper on the wire. */
export interface HelperEnvelope<N extends HelperName = HelperName> {
  channel: typeof HELPER_CHANNEL;
  name: N;
  args: HelperArgs<N>;
}

/** The helper's reply: a failure keeps the error's code and words, so the background can raise it again. */
export type HelperReply<N extends HelperName = HelperName> =
  | { ok: true; value: HelperValue<N> }
  | { ok: false; error: { code: ErrorCode; text?: LocalMessage; field?: string; detail?: string } };

const helperNames: ReadonlySet<string> = new Set<HelperName>(['decodeQr', 'registrableDomains', 'lookalikeOf', 'readImport', 'clearClipboard']);

export function isHelperEnvelope(value: unknown): value is HelperEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.channel === HELPER_CHANNEL && typeof v.name === 'string' && helperNames.has(v.name) && typeof v.args === 'object' && v.args !== null;
}
