/**
 * Reads `otpauth://` setup links (Google's Key URI format) as real sites emit them.
 */
import { InvalidOtpauthUriError, InvalidSecretError } from '../errors';
import { msg, type LocalMessage } from '../i18n/local-message';
import { type AccountDraft, OtpAlgorithm, OtpKind } from './account';
import { checkSecretBytes, decodeBase32, encodeBase32, SecretBounds } from './base32';
import { decodeOtpauthLabel, readTypeAndLabel } from './read-otpauth-names';
import {
  type Check,
  clip,
  DraftBounds,
  nameLength,
  readAlgorithm,
  readCounter,
  readDigits,
  readKind,
  readPeriod,
  splitLabel,
  SteamParameters,
  truncateName,
} from './draft-rules';

/** A parsed link: the account, and notes for the person about anything odd (empty when none). */
export interface ParsedOtpauthUri {
  draft: AccountDraft;
  warnings: LocalMessage[];
}

/** Values of InvalidOtpauthUriError's `field`: the part of the link at fault. */
export const OtpauthField = {
  Uri: 'uri',
  Scheme: 'scheme',
  Type: 'type',
  Label: 'label',
  Secret: 'secret',
  Issuer: 'issuer',
  Algorithm: 'algorithm',
  Digits: 'digits',
  Period: 'period',
  Counter: 'counter',
} as const;
export type OtpauthField = (typeof OtpauthField)[keyof typeof OtpauthField];

/**
 * Longest link read, in characters. A QR code holds at most 4,296 characters; the margin is for
 * pasted links that carry an `image` parameter.
 */
export const MAX_OTPAUTH_URI_LENGTH = 65_536;

/** Parameters Twofold reads; each may appear once (names in any letter case). Others are ignored. */
const KNOWN_PARAMETERS = ['secret', 'issuer', 'algorithm', 'digits', 'period', 'counter', 'encoder'] as const;
type KnownParameter = (typeof KNOWN_PARAMETERS)[number];

const isKnownParameter = (name: string): name is KnownParameter => (KNOWN_PARAMETERS as readonly string[]).includes(name);

function fail(message: LocalMessage, field: OtpauthField | KnownParameter, cause?: unknown): never {
  throw new InvalidOtpauthUriError(message, { field, cause });
}

function take<T>(check: Check<T>, field: OtpauthField): T {
  if (!check.ok) fail(check.message, field);
  return check.value;
}

export { readTypeAndLabel };

/** Says what a non-otpauth text is, so the person knows what they scanned. */
function describeForeign(text: string): never {
  const scheme = /^([a-z][a-z0-9+.-]*):/iu.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'otpauth-migration') fail(msg('errLinkIsExport'), OtpauthField.Scheme);
  if (scheme === 'http' || scheme === 'https') {
    let host = '';
    try {
      host = new URL(text).hostname;
    } catch {
      // An unparsable web link is still a web link; say so without the host.
    }
    fail(host === '' ? msg('errLinkIsWebLink') : msg('errLinkIsWebLinkTo', host), OtpauthField.Scheme);
  }
  if (scheme !== undefined && scheme !== 'otpauth') fail(msg('errLinkOtherScheme', clip(`${scheme}:`)), OtpauthField.Scheme);
  fail(msg('errLinkNotSetup'), OtpauthField.Scheme);
}

/** Rejects a broken percent-escape in a parameter we read (URLSearchParams would pass it on silently). */
function checkQueryEscapes(search: string): void {
  for (const [pair] of search.replace(/^\?/u, '').matchAll(/[^&]+/gu)) {
    const equals = pair.indexOf('=');
    const rawName = equals < 0 ? pair : pair.slice(0, equals);
    let name: string;
    try {
      name = decodeURIComponent(rawName.replace(/\+/gu, ' ')).toLowerCase();
    } catch {
      continue; // A name we cannot read is not one of ours.
    }
    if (!isKnownParameter(name)) continue;
    try {
      decodeURIComponent(pair.replace(/\+/gu, ' '));
    } catch (error) {
      fail(msg('errLinkBadEscape', clip(name)), name, error);
    }
  }
}

/** Collects the parameters we read, names folded to lower case; a repeated one is refused. */
function readParameters(url: URL): Map<KnownParameter, string> {
  const found = new Map<KnownParameter, string>();
  for (const [rawName, value] of url.searchParams) {
    const name = rawName.trim().toLowerCase();
    if (!isKnownParameter(name)) continue;
    // Two secrets (or two periods…) make the link ambiguous; guessing could save a wrong account.
    if (found.has(name)) fail(msg('errLinkRepeated', clip(name)), name);
    found.set(name, value);
  }
  return found;
}

/** Decodes the label (see {@link decodeOtpauthLabel}); refuses a broken escape. */
function decodeLabel(rawLabel: string): string {
  try {
    return decodeOtpauthLabel(rawLabel);
  } catch (error) {
    fail(msg('errLinkLabelEscape'), OtpauthField.Label, error);
  }
}

function readSecret(raw: string | undefined, hash: string, warnings: LocalMessage[]): string {
  if (raw === undefined || raw.trim() === '') {
    const missing = msg(raw === undefined ? 'errLinkSecretMissing' : 'errLinkSecretEmpty');
    fail(/secret=/iu.test(hash) ? msg('twoSentences', missing, msg('errLinkCutByHash')) : missing, OtpauthField.Secret);
  }
  try {
    const bytes = checkSecretBytes(decodeBase32(raw));
    if (bytes.length < SecretBounds.recommendedBytes) warnings.push(msg('warnShortKey', bytes.length * 8));
    return encodeBase32(bytes);
  } catch (error) {
    if (error instanceof InvalidSecretError) fail(error.text, OtpauthField.Secret, error);
    throw error;
  }
}

/**
 * Parses an `otpauth://TYPE/LABEL?secret=…` setup link into an account draft.
 *
 * Accepted: surrounding whitespace; type (`totp`, `hotp`, `steam`) and parameter names in any letter
 * case; secrets in lower case, grouped with spaces (`%20` or `+`) or hyphens, with `=` padding;
 * labels `Issuer:account`, `Issuer: account` or `Issuer%3Aaccount`, percent-encoded Unicode, `/`
 * inside; the `issuer` parameter (it wins over a differing label prefix, whose account name is kept);
 * `+` as a space (in the label, except in an e-mail address); no label at all. Steam Guard is read
 * from type `steam`, `encoder=steam`, or issuer "Steam" with `digits=5`. Parameters Twofold does not
 * use (`image`, `color`…) are ignored. Names longer than 200 characters are cut (with a warning).
 *
 * @returns the draft (canonical secret; defaults SHA1, 6 digits, 30 s; counter 0 unless HOTP;
 *   period 30 for HOTP) and warnings for the person: short key, conflicting issuer, missing name,
 *   cut names, text after "#".
 * @throws InvalidOtpauthUriError with `field` naming the part at fault: "scheme" (not otpauth:, with
 *   what it is instead, e.g. a web link), "uri" (empty, too long, unparsable), "type", "label"
 *   (broken % escape), "secret" (missing, empty, not base32 — the InvalidSecretError as cause —
 *   or too short/long), "algorithm", "digits" (6–8; Steam 5), "period" (whole seconds, 1–86400),
 *   "counter" (HOTP only: required, 0–2^53−1), or a parameter name given twice or badly escaped.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function parseOtpauthUri(uri: string): ParsedOtpauthUri {
  const text = uri.replace(/^[\s\uFEFF\u200B]+|[\s\uFEFF\u200B]+$/gu, '');
  if (text === '') fail(msg('errLinkEmpty'), OtpauthField.Uri);
  if (text.length > MAX_OTPAUTH_URI_LENGTH) fail(msg('errLinkTooLong', text.length, MAX_OTPAUTH_URI_LENGTH), OtpauthField.Uri);
  if (!/^otpauth:/iu.test(text)) describeForeign(text);

  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    fail(msg('errLinkMalformed'), OtpauthField.Uri, error);
  }

  const warnings: LocalMessage[] = [];
  const location = readTypeAndLabel(url);
  if (location.type === '') fail(msg('errLinkNoType'), OtpauthField.Type);
  const type = take(readKind(location.type), OtpauthField.Type);

  checkQueryEscapes(url.search);
  const params = readParameters(url);
  const secret = readSecret(params.get('secret'), url.hash, warnings);
  const decodedLabel = decodeLabel(location.rawLabel);
  const nonEmpty = (name: KnownParameter): string | undefined => {
    const value = params.get(name)?.trim();
    return value === '' ? undefined : value;
  };

  const split = splitLabel(decodedLabel, nonEmpty('issuer') ?? '');
  if (split.conflict) {
    warnings.push(msg('warnIssuerConflict', clip(decodedLabel.slice(0, decodedLabel.indexOf(':')).trim()), clip(split.issuer)));
  }
  const names = { issuer: split.issuer, label: split.label };
  for (const key of ['issuer', 'label'] as const) {
    if (nameLength(names[key]) > DraftBounds.maxNameLength) {
      names[key] = truncateName(names[key]);
      warnings.push(msg(key === 'issuer' ? 'warnServiceNameCut' : 'warnAccountNameCut', DraftBounds.maxNameLength));
    }
  }
  if (names.issuer === '' && names.label === '') warnings.push(msg('warnNoName'));
  if (url.hash !== '') warnings.push(msg('warnHashIgnored'));

  const digitsParam = nonEmpty('digits');
  const isSteam =
    type === OtpKind.Steam ||
    nonEmpty('encoder')?.toLowerCase() === 'steam' ||
    (names.issuer.toLowerCase() === 'steam' && digitsParam === String(SteamParameters.digits));
  if (isSteam) {
    return { draft: { kind: OtpKind.Steam, ...names, secret, ...SteamParameters, counter: 0 }, warnings };
  }

  const algorithmParam = nonEmpty('algorithm');
  const algorithm = algorithmParam === undefined ? OtpAlgorithm.Sha1 : take(readAlgorithm(algorithmParam), OtpauthField.Algorithm);
  const digits = digitsParam === undefined ? DraftBounds.defaultDigits : take(readDigits(digitsParam, type), OtpauthField.Digits);

  if (type === OtpKind.Hotp) {
    const counterParam = nonEmpty('counter');
    if (counterParam === undefined) {
      fail(msg('errLinkNoCounter'), OtpauthField.Counter);
    }
    const counter = take(readCounter(counterParam), OtpauthField.Counter);
    return { draft: { kind: type, ...names, secret, algorithm, digits, period: DraftBounds.defaultPeriod, counter }, warnings };
  }

  const periodParam = nonEmpty('period');
  const period = periodParam === undefined ? DraftBounds.defaultPeriod : take(readPeriod(periodParam), OtpauthField.Period);
  return { draft: { kind: type, ...names, secret, algorithm, digits, period, counter: 0 }, warnings };
}
