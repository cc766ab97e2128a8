/**
 * The names in an `otpauth://` setup link, read without the rest of the parser: pages that only
 * show a link's account (the options page's per-account QR codes) use this, so they do not load
 * the parser and the English catalogue its error messages come from. parseOtpauthUri reads the
 * label with the same functions.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format#label
 */
import { splitLabel, truncateName } from './draft-rules';
import { readQuery } from './read-query';

/**
 * Longest link read, in UTF-16 code units, checked before anything else looks at the text (so a
 * huge paste costs nothing). A QR code holds at most 4,296 characters; the margin is for pasted
 * links that carry an `image` parameter.
 */
export const MAX_OTPAUTH_URI_LENGTH = 65_536;

/**
 * Finds the code type and the still-encoded label in a parsed `otpauth:` URL.
 * WHATWG parsers (Node, Firefox, Chromium since 2024) give `host` "totp" and `pathname` "/label";
 * older Chromium kept non-special URLs opaque (`host` "", `pathname` "//totp/label"), and
 * `otpauth:totp/label` (no slashes) parses that way everywhere. Both shapes are read here.
 * @returns `type` as written (any case) and `rawLabel` still percent-encoded, "" when absent.
 */
export function readTypeAndLabel(location: { host: string; pathname: string }): { type: string; rawLabel: string } {
  if (location.host !== '') {
    return { type: location.host, rawLabel: location.pathname.replace(/^\//u, '') };
  }
  const match = /^\/{0,2}([^/]*)(?:\/([\s\S]*))?$/u.exec(location.pathname);
  return { type: match?.[1] ?? '', rawLabel: match?.[2] ?? '' };
}

/**
 * Decodes a label. A raw "+" is a space (form encoding), except in an e-mail address (alice+shop@…).
 * @throws URIError for a broken percent-escape.
 */
export function decodeOtpauthLabel(rawLabel: string): string {
  const literal = decodeURIComponent(rawLabel);
  return literal.includes('@') ? literal : decodeURIComponent(rawLabel.replace(/\+/gu, '%20'));
}

/**
 * The service and account names of a setup link as parseOtpauthUri reads them (the `issuer`
 * parameter wins over the label's prefix; names tidied and cut to the length limit), without
 * checking anything else.
 * @returns the names, or null when `uri` is longer than {@link MAX_OTPAUTH_URI_LENGTH}, is not an
 *   `otpauth:` URL, or its label or query is badly escaped.
 */
export function readOtpauthNames(uri: string): { issuer: string; label: string } | null {
  if (uri.length > MAX_OTPAUTH_URI_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(uri.trim());
  } catch {
    return null;
  }
  if (url.protocol.toLowerCase() !== 'otpauth:') return null;
  let label: string;
  try {
    label = decodeOtpauthLabel(readTypeAndLabel(url).rawLabel);
  } catch {
    return null;
  }
  const query = readQuery(url.search);
  if (!query.ok) return null;
  const issuer = query.value.find(({ name }) => name.trim().toLowerCase() === 'issuer')?.value.trim() ?? '';
  const names = splitLabel(label, issuer);
  return { issuer: truncateName(names.issuer), label: truncateName(names.label) };
}
