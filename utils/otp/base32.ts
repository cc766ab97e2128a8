/**
 * Base32 (RFC 4648 §6) for the text keys that sites show under their setup QR codes.
 * Pure: no browser API, no Node module.
 */
import { InvalidSecretError } from '../errors';
import { msg, type LocalMessage } from '../i18n/local-message';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Alphabet position of each char code, or -1. Built once; decoding is on the popup's hot path. */
const VALUE_OF: readonly number[] = (() => {
  const table = new Array<number>(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** Bounds on a secret, in bytes once decoded. */
export const SecretBounds = {
  /**
   * Below 32 bits a key is not a real key: no service issues one, so such input is almost
   * always a partial copy; and it could be recovered from two or three codes by trying every key.
   */
  minBytes: 4,
  /** Below 80 bits (RFC 4226 §4 asks for 128) we accept the key but warn about it. */
  recommendedBytes: 10,
  /** Far above any real key (RFC 6238's SHA512 seed is 64 bytes): longer input is something else pasted. */
  maxBytes: 640,
} as const;

/**
 * Longest key text read, in UTF-16 code units: far above the longest key accepted
 * ({@link SecretBounds.maxBytes} is 1,024 base32 characters, 1,280 grouped in fours), and checked
 * before the text is looked at, so a huge paste costs nothing.
 */
export const MAX_SECRET_TEXT_LENGTH = 4_096;

/** Characters that people type for a base32 letter, with the hint naming the letters they probably meant. */
const LOOKALIKES: Readonly<Record<string, LocalMessage>> = {
  '0': msg('errKeyMeantLetter', 'O'),
  '1': msg('errKeyMeantLetters', 'I', 'L'),
  '8': msg('errKeyMeantLetter', 'B'),
  '9': msg('errKeyMeantLetter', 'G'),
};

/** A character as messages name it: its code point, U+XXXX. */
export function codePointName(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Whether a character shows by itself (a letter, digit, punctuation or symbol), so a message may quote it. */
export function isPrintable(ch: string): boolean {
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch);
}

/** Full-width forms of the ASCII letters, digits and punctuation, typed with an East Asian input method. */
const isFullWidth = (ch: string): boolean => ch >= '\uFF01' && ch <= '\uFF5E';

/**
 * The message for a character outside base32 at a 1-based position (in characters as shown):
 * its glyph when it shows, always its code point, and a hint.
 */
function badCharacter(ch: string, position: number): LocalMessage {
  const point = codePointName(ch);
  const what = isPrintable(ch) ? msg('errKeyCharacterAt', ch, point, position) : msg('errKeyInvisibleAt', point, position);
  const hint = LOOKALIKES[ch] ?? (isFullWidth(ch) ? msg('errKeyFullWidth') : msg('errKeyAlphabet'));
  return msg('twoSentences', what, hint);
}

/**
 * Reads a key as typed: drops ASCII spaces and hyphens (the only separators a person types),
 * accepts lower case and trailing `=` padding, and upper-cases ASCII letters. Nothing else is
 * dropped or mapped: a look-alike (`ß`, `ſ`, `ı`, full-width letters), a no-break or zero-width
 * space, a tab or any control character would save a different key, so it is refused by name.
 * Linear in the input, and no regex runs on it.
 * @returns base32 characters only.
 * @throws InvalidSecretError with a message for the person (the character, its code point and position).
 */
function cleanBase32(input: string): string {
  if (input.length > MAX_SECRET_TEXT_LENGTH) throw new InvalidSecretError(msg('errKeyTextTooLong', input.length, MAX_SECRET_TEXT_LENGTH));
  let out = '';
  let padded = false;
  let position = 0;
  for (const ch of input) {
    position++;
    if (ch === ' ' || ch === '-') continue;
    if (ch === '=') {
      padded = true;
      continue;
    }
    const code = ch.charCodeAt(0);
    // ASCII a–z only: toUpperCase would also turn ß into SS, ſ into S and ı into I.
    const upper = code >= 0x61 && code <= 0x7a ? code - 0x20 : code;
    if (ch.length !== 1 || upper >= 128 || VALUE_OF[upper] === -1) throw new InvalidSecretError(badCharacter(ch, position));
    if (padded) throw new InvalidSecretError(msg('errKeyPaddingInside'));
    out += String.fromCharCode(upper);
  }
  if (out === '') throw new InvalidSecretError(msg('errKeyEmpty'));
  // 8 base32 characters carry 5 bytes; lengths 1, 3 and 6 (mod 8) end in the middle of a byte.
  if ([1, 3, 6].includes(out.length % 8)) {
    throw new InvalidSecretError(msg('errKeyLength', out.length));
  }
  return out;
}

/**
 * Decodes base32 text to bytes. Accepts what people type: ASCII spaces, hyphens, lower case and `=`
 * padding; refuses every other character (see {@link normalizeSecret}).
 * Trailing bits that do not fill a byte are dropped (as RFC 4648 decoders do).
 * @throws InvalidSecretError when the text is empty, longer than {@link MAX_SECRET_TEXT_LENGTH}, has a
 *   non-base32 character or an impossible length.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-6
 */
export function decodeBase32(secret: string): Uint8Array {
  if (secret.length > MAX_SECRET_TEXT_LENGTH) throw new InvalidSecretError(msg('errKeyTextTooLong', secret.length, MAX_SECRET_TEXT_LENGTH));
  // Fast path for the canonical form stored in the vault; anything else goes through the checks.
  const isCanonical = /^[A-Z2-7]+$/u.test(secret) && ![1, 3, 6].includes(secret.length % 8);
  const text = isCanonical ? secret : cleanBase32(secret);
  const bytes = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (let i = 0; i < text.length; i++) {
    buffer = ((buffer << 5) | (VALUE_OF[text.charCodeAt(i)] ?? 0)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (buffer >>> bits) & 0xff;
    }
  }
  return bytes;
}

/**
 * Encodes bytes as upper-case base32 without padding.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-6
 */
export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >>> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Turns a key as people type it or sites show it ("jbsw y3dp-ehpk 3pxp====") into the canonical
 * form stored in the vault: upper-case base32, no separators, no padding, unused trailing bits zero
 * (so two spellings of one key compare equal). Only ASCII spaces and hyphens are dropped and only
 * ASCII letters upper-cased: any other character (`ß`, `ſ`, `ı`, full-width letters, no-break and
 * zero-width spaces, tabs, line breaks, control characters) is refused, never folded into a letter.
 * @throws InvalidSecretError when the key is empty, over {@link MAX_SECRET_TEXT_LENGTH} characters,
 *   has a character outside base32 (the message names it, its code point and its 1-based position,
 *   and suggests the letter meant for 0/1/8/9), has an impossible length, or decodes to
 *   fewer than {@link SecretBounds.minBytes} or more than {@link SecretBounds.maxBytes} bytes.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-6
 */
export function normalizeSecret(input: string): string {
  const bytes = decodeBase32(cleanBase32(input));
  return encodeBase32(checkSecretBytes(bytes));
}

/**
 * Checks the decoded length of a secret against {@link SecretBounds} and returns the bytes.
 * @throws InvalidSecretError when the key is shorter than 32 bits or longer than 640 bytes.
 */
export function checkSecretBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 0) throw new InvalidSecretError(msg('errKeyEmpty'));
  if (bytes.length < SecretBounds.minBytes) throw new InvalidSecretError(msg('errKeyTooShort', bytes.length * 8));
  if (bytes.length > SecretBounds.maxBytes) throw new InvalidSecretError(msg('errKeyTooLong', bytes.length, SecretBounds.maxBytes));
  return bytes;
}
