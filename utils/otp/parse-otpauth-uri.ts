/**
 * Reads `otpauth://` setup links (Google's Key URI format) as real sites emit them.
 */
import { InvalidOtpauthUriError, InvalidSecretError } from '../errors';
import { msg, type LocalMessage } from '../i18n/local-message';
import { type AccountDraft, OtpAlgorithm, OtpKind } from './account';
import { checkSecretBytes, codePointName, decodeBase32, encodeBase32, SecretBounds } from './base32';
import { decodeOtpauthLabel, MAX_OTPAUTH_URI_LENGTH, readTypeAndLabel } from './read-otpauth-names';
import { readQuery } from './read-query';
import {
  type Check,
  clip,
  DraftBounds,
  findControlCharacter,
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
import { trimPasted } from './trim-pasted';

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

export { MAX_OTPAUTH_URI_LENGTH };

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

/**
 * Collects the parameters we read, names folded to lower case. Refused: a broken `%` escape in any
 * name or value, read or not (URLSearchParams would pass it on silently, and a name it cannot
 * decode would be skipped, so a damaged `algorithm` would quietly become SHA1); a parameter of ours
 * given twice; one of ours written with spaces around its name (`+digits=8`), which would otherwise
 * be skipped and its default used.
 */
function readParameters(search: string): Map<KnownParameter, string> {
  const query = readQuery(search);
  if (!query.ok) {
    const known = query.error.name.toLowerCase();
    fail(msg('errLinkBadEscape', clip(query.error.name)), isKnownParameter(known) ? known : OtpauthField.Uri, query.error.cause);
  }
  const found = new Map<KnownParameter, string>();
  for (const { name: rawName, value } of query.value) {
    const name = rawName.toLowerCase();
    if (!isKnownParameter(name)) {
      const trimmed = rawName.trim().toLowerCase();
      if (isKnownParameter(trimmed)) fail(msg('errLinkParameterSpaced', clip(rawName)), trimmed);
      continue;
    }
    // Two secrets (or two periods…) make the link ambiguous; guessing could save a wrong account.
    if (found.has(name)) fail(msg('errLinkRepeated', clip(name)), name);
    found.set(name, value);
  }
  return found;
}

/**
 * Refuses a name holding a control character (NUL, a line break…): turning it into a space or
 * dropping it would save a name the link does not say.
 */
function checkName(name: string, field: typeof OtpauthField.Label | typeof OtpauthField.Issuer): void {
  const found = findControlCharacter(name);
  if (found === null) return;
  const code = codePointName(found.character);
  fail(field === OtpauthField.Label ? msg('errLinkLabelControl', code, found.position) : msg('errLinkIssuerControl', code, found.position), field);
}

/**
 * Refuses a control character in the link as written. The URL parser would drop tabs and line
 * breaks without a word (`Ac\nme` becomes `Acme`) and encode the others.
 */
function checkRawText(text: string): void {
  const found = findControlCharacter(text);
  if (found !== null) fail(msg('errLinkControlCharacter', codePointName(found.character), found.position), OtpauthField.Uri);
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
  // Only ASCII spaces (%20 or +) are blank here; anything else goes to the key's own checks.
  if (raw === undefined || raw.replaceAll(' ', '') === '') {
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
 * Parses an `otpauth://TYPE/LABEL?secret=…` setup link into an account draft. A malformed link is
 * refused with the reason, never repaired: what is saved is what the link says.
 *
 * Accepted: surrounding whitespace (and byte order marks, zero-width spaces); type (`totp`, `hotp`,
 * `steam`) and parameter names in any letter case; secrets by the typed key's rules
 * (normalizeSecret: lower case, grouped with spaces — `%20` or `+` — or hyphens, `=` padding); labels
 * `Issuer:account`, `Issuer: account` or `Issuer%3Aaccount`, percent-encoded Unicode, `/` inside;
 * the `issuer` parameter (it wins over a differing label prefix, whose account name is kept; empty
 * means none); `+` as a space (in the label, except in an e-mail address); no label at all.
 * Steam Guard is read from type `steam`, `encoder=steam`, or issuer "Steam" with `digits=5`.
 * Parameters Twofold does not use (`image`, `color`…) are ignored, and so are those the kind does
 * not use (a TOTP `counter`, an HOTP `period`, Steam's `digits`). Names longer than 200 characters
 * are cut (with a warning).
 *
 * Refused: a link over {@link MAX_OTPAUTH_URI_LENGTH} (checked first); a control character in
 * the link as written or, decoded, in the label or the issuer; a broken `%` escape in any name or
 * value; a parameter of ours with spaces around its name; an empty `digits`, `period` or
 * `algorithm`; numbers that are not plain ASCII decimal digits (`+30`, ` 30`, `0x1`).
 *
 * @returns the draft (canonical secret; defaults SHA1, 6 digits, 30 s for parameters left out;
 *   counter 0 unless HOTP; period 30 for HOTP) and warnings for the person: short key,
 *   conflicting issuer, missing name, cut names, text after "#".
 * @throws InvalidOtpauthUriError with `field` naming the part at fault: "scheme" (not otpauth:, with
 *   what it is instead, e.g. a web link), "uri" (empty, too long, unparsable, a control character,
 *   a broken escape in a parameter Twofold does not read), "type", "label" (broken % escape,
 *   control character), "issuer" (idem), "secret" (missing, empty, not base32 — the
 *   InvalidSecretError as cause — or too short/long), "algorithm", "digits" (6–8; Steam 5),
 *   "period" (whole seconds, 1–86400), "counter" (HOTP only: required, 0–2^53−1), or a parameter
 *   name given twice, empty, badly escaped or with spaces around it.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function parseOtpauthUri(uri: string): ParsedOtpauthUri {
  if (uri.length > MAX_OTPAUTH_URI_LENGTH) fail(msg('errLinkTooLong', uri.length, MAX_OTPAUTH_URI_LENGTH), OtpauthField.Uri);
  const text = trimPasted(uri);
  if (text === '') fail(msg('errLinkEmpty'), OtpauthField.Uri);
  if (!/^otpauth:/iu.test(text)) describeForeign(text);
  checkRawText(text);

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

  const params = readParameters(url.search);
  const secret = readSecret(params.get('secret'), url.hash, warnings);
  const decodedLabel = decodeLabel(location.rawLabel);
  checkName(decodedLabel, OtpauthField.Label);
  const issuerParam = params.get('issuer') ?? '';
  checkName(issuerParam, OtpauthField.Issuer);
  /** A parameter's value as given; an empty one (`digits=`) is refused, never read as the default. */
  const given = (name: KnownParameter): string | undefined => {
    const value = params.get(name);
    if (value === '') fail(msg('errLinkParameterEmpty', name), name);
    return value;
  };

  const split = splitLabel(decodedLabel, issuerParam.trim());
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

  const isSteam =
    type === OtpKind.Steam ||
    params.get('encoder')?.trim().toLowerCase() === 'steam' ||
    (names.issuer.toLowerCase() === 'steam' && params.get('digits') === String(SteamParameters.digits));
  if (isSteam) {
    return { draft: { kind: OtpKind.Steam, ...names, secret, ...SteamParameters, counter: 0 }, warnings };
  }

  const algorithmParam = given('algorithm');
  const digitsParam = given('digits');
  const algorithm = algorithmParam === undefined ? OtpAlgorithm.Sha1 : take(readAlgorithm(algorithmParam), OtpauthField.Algorithm);
  const digits = digitsParam === undefined ? DraftBounds.defaultDigits : take(readDigits(digitsParam, type), OtpauthField.Digits);

  if (type === OtpKind.Hotp) {
    const counterParam = params.get('counter');
    if (counterParam === undefined || counterParam === '') {
      fail(msg('errLinkNoCounter'), OtpauthField.Counter);
    }
    const counter = take(readCounter(counterParam), OtpauthField.Counter);
    return { draft: { kind: type, ...names, secret, algorithm, digits, period: DraftBounds.defaultPeriod, counter }, warnings };
  }

  const periodParam = given('period');
  const period = periodParam === undefined ? DraftBounds.defaultPeriod : take(readPeriod(periodParam), OtpauthField.Period);
  return { draft: { kind: type, ...names, secret, algorithm, digits, period, counter: 0 }, warnings };
}
