/**
 * The rules an account draft obeys, shared by every way in (otpauth:// URI, Google Authenticator
 * export, the "type the key" form) so that all of them accept and refuse the same values with the
 * same words. Each reader returns a result; the caller wraps a refusal in its own error class.
 */
import { msg, type LocalMessage } from '../i18n/local-message';
import { OtpAlgorithm, OtpKind } from './account';

/** A value read from outside, or the message saying why it cannot be used. */
export type Check<T> = { ok: true; value: T } | { ok: false; message: LocalMessage };

/** Limits and defaults for drafts. */
export const DraftBounds = {
  defaultDigits: 6,
  minDigits: 6,
  maxDigits: 8,
  defaultPeriod: 30,
  /**
   * One day, in seconds. Real services use 30 s (a few 60 s); a code that lives longer than a day is
   * not a one-time code in any useful sense, and a huge period is usually a typo or a broken QR.
   */
  maxPeriodSeconds: 86_400,
  /** In Unicode code points; longer names are refused by the form and cut by importers. */
  maxNameLength: 200,
} as const;

/** Steam Guard's fixed parameters: 5 characters, 30-second steps, HMAC-SHA1. */
export const SteamParameters = { digits: 5, period: 30, algorithm: OtpAlgorithm.Sha1 } as const;

const ok = <T>(value: T): Check<T> => ({ ok: true, value });
const fail = <T>(message: LocalMessage): Check<T> => ({ ok: false, message });

/**
 * A value as a message shows it (the message puts the quotation marks), cut short so a huge or
 * hostile value cannot flood the UI.
 */
export function clip(value: string | number): string {
  const text = String(value);
  const chars = [...text];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text;
}

/** Quotes a value in English quotation marks, cut short as {@link clip} does. */
export function quote(value: string | number): string {
  return `“${clip(value)}”`;
}

/**
 * Reads a kind ("totp", "hotp", "steam"; any letter case).
 * @returns the kind, or a message naming the supported kinds.
 */
export function readKind(raw: string): Check<OtpKind> {
  const kind = Object.values(OtpKind).find((k) => k === raw.trim().toLowerCase());
  return kind
    ? ok(kind)
    : fail(msg('errKindUnknown', clip(raw)));
}

/**
 * Reads an HMAC algorithm: "SHA1", "sha256", "SHA-512", "HmacSHA1" (any letter case), exactly as
 * given: a caller that allows spaces around a value (a form) trims it first.
 * @returns the algorithm, or a message listing the supported ones.
 */
export function readAlgorithm(raw: string): Check<OtpAlgorithm> {
  const match = /^(?:hmac-?)?sha-?(1|256|512)$/iu.exec(raw);
  const algorithm = Object.values(OtpAlgorithm).find((a) => a === `SHA${match?.[1] ?? ''}`);
  return algorithm
    ? ok(algorithm)
    : fail(msg('errAlgorithmUnknown', clip(raw)));
}

/**
 * Reads a non-negative whole number written in ASCII decimal digits only: no sign, point,
 * exponent, `0x`, and no space around it (a link's `period=+30` arrives as " 30" and is refused;
 * a form trims its values before asking).
 */
function readWholeNumber(raw: string | number): number | null {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 0 ? raw : null;
  if (!/^[0-9]{1,16}$/u.test(raw)) return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * Reads the number of digits: 6, 7 or 8 (RFC 4226 §5.3 asks for at least 6; 8 is the most anyone
 * uses); Steam Guard codes are always 5 characters.
 */
export function readDigits(raw: string | number, kind: OtpKind): Check<number> {
  const value = readWholeNumber(raw);
  if (kind === OtpKind.Steam) {
    return value === SteamParameters.digits ? ok(value) : fail(msg('errSteamDigits', clip(raw)));
  }
  return value !== null && value >= DraftBounds.minDigits && value <= DraftBounds.maxDigits
    ? ok(value)
    : fail(msg('errDigits', clip(raw)));
}

/** Reads the time step in seconds: a whole number from 1 to {@link DraftBounds.maxPeriodSeconds}. */
export function readPeriod(raw: string | number): Check<number> {
  const value = readWholeNumber(raw);
  if (value === null) return fail(msg('errPeriodNotWhole', clip(raw)));
  if (value < 1) return fail(msg('errPeriodTooShort'));
  if (value > DraftBounds.maxPeriodSeconds) return fail(msg('errPeriodTooLong', DraftBounds.maxPeriodSeconds, clip(raw)));
  return ok(value);
}

/** Reads an HOTP counter: a whole number from 0 to Number.MAX_SAFE_INTEGER. */
export function readCounter(raw: string | number): Check<number> {
  const value = readWholeNumber(raw);
  return value === null
    ? fail(msg('errCounter', Number.MAX_SAFE_INTEGER, clip(raw)))
    : ok(value);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
const CONTROL = /[\p{Cc}\u2028\u2029]+/gu;

/**
 * Tidies a service or account name: control characters and line breaks become spaces, broken
 * UTF-16 becomes U+FFFD (so the name can always be percent-encoded), ends are trimmed.
 */
export function normalizeName(raw: string): string {
  return raw.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, ' ').trim();
}

/** Length of a name in code points, the unit of {@link DraftBounds.maxNameLength}. */
export function nameLength(name: string): number {
  let count = 0;
  for (const _ of name) count++;
  return count;
}

/** Cuts a name to {@link DraftBounds.maxNameLength} code points (never inside a surrogate pair). */
export function truncateName(name: string): string {
  return nameLength(name) <= DraftBounds.maxNameLength ? name : [...name].slice(0, DraftBounds.maxNameLength).join('').trim();
}

/**
 * Splits a label of the form "Issuer:account" (the Key URI format's label; Google Authenticator
 * export names look the same) given the issuer stated separately, if any.
 * - "Issuer:account" or "Issuer: account" → both parts.
 * - If `issuerHint` is given and the label starts with it and a colon, that prefix is taken whole,
 *   so an issuer that itself contains a colon survives.
 * - If both are given and differ, the hint wins and the label's account name is kept; `conflict`
 *   reports it.
 * - No colon → the whole label is the account name.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format#label
 */
export function splitLabel(label: string, issuerHint: string): { issuer: string; label: string; conflict: boolean } {
  const hint = normalizeName(issuerHint);
  if (hint !== '' && label.startsWith(`${hint}:`)) {
    return { issuer: hint, label: normalizeName(label.slice(hint.length + 1)), conflict: false };
  }
  const colon = label.indexOf(':');
  if (colon < 0) return { issuer: hint, label: normalizeName(label), conflict: false };
  const prefix = normalizeName(label.slice(0, colon));
  const account = normalizeName(label.slice(colon + 1));
  if (hint === '') return { issuer: prefix, label: account, conflict: false };
  return { issuer: hint, label: account, conflict: prefix !== '' && prefix.toLowerCase() !== hint.toLowerCase() };
}

/**
 * The first control character in `text` (C0, DEL, C1) or line/paragraph separator, with its
 * 1-based position counted in characters as shown (code points), or null when there is none.
 * A name from a link or an export never holds one; finding one means the data was damaged or
 * made to mislead, and it is refused rather than turned into a space. Linear, no regex.
 */
export function findControlCharacter(text: string): { character: string; position: number } | null {
  let position = 0;
  for (const character of text) {
    position++;
    const code = character.charCodeAt(0);
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) return { character, position };
  }
  return null;
}
