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

/** Characters that people type for a base32 letter, with the hint naming the letters they probably meant. */
const LOOKALIKES: Readonly<Record<string, LocalMessage>> = {
  '0': msg('errKeyMeantLetter', 'O'),
  '1': msg('errKeyMeantLetters', 'I', 'L'),
  '8': msg('errKeyMeantLetter', 'B'),
  '9': msg('errKeyMeantLetter', 'G'),
};

/** Separators people and sites put into keys for readability: whitespace, hyphens, dashes, zero-width marks. */
const SEPARATORS = /[\s\u200B-\u200D\u2060\uFEFF\-\u2010-\u2015\u2212]/gu;

/** The message for a character outside base32: its glyph, or its code point when it does not show. */
function badCharacter(ch: string): LocalMessage {
  const code = ch.codePointAt(0) ?? 0;
  const visible = /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch);
  const point = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return visible ? msg('errKeyBadCharacter', ch) : msg('errKeyInvisibleCharacter', point);
}

/**
 * Strips separators and padding, upper-cases and checks the characters and the length.
 * Returns base32 characters only; throws InvalidSecretError with a message for the person.
 */
function cleanBase32(input: string): string {
  // NFKC folds full-width letters and digits (typed with an East Asian IME) to ASCII.
  const compact = input.normalize('NFKC').replace(SEPARATORS, '').toUpperCase();
  if (compact === '') throw new InvalidSecretError(msg('errKeyEmpty'));
  const unpadded = compact.replace(/=+$/u, '');
  for (const ch of unpadded) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code < 128 && VALUE_OF[code] !== -1) continue;
    if (ch === '=') throw new InvalidSecretError(msg('errKeyPaddingInside'));
    throw new InvalidSecretError(msg('twoSentences', badCharacter(ch), LOOKALIKES[ch] ?? msg('errKeyAlphabet')));
  }
  if (unpadded === '') throw new InvalidSecretError(msg('errKeyEmpty'));
  // 8 base32 characters carry 5 bytes; lengths 1, 3 and 6 (mod 8) end in the middle of a byte.
  if ([1, 3, 6].includes(unpadded.length % 8)) {
    throw new InvalidSecretError(msg('errKeyLength', unpadded.length));
  }
  return unpadded;
}

/**
 * Decodes base32 text to bytes. Accepts what people type: spaces, hyphens, lower case and `=` padding.
 * Trailing bits that do not fill a byte are dropped (as RFC 4648 decoders do).
 * @throws InvalidSecretError when the text is empty, has a non-base32 character or an impossible length.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-6
 */
export function decodeBase32(secret: string): Uint8Array {
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
 * (so two spellings of one key compare equal).
 * @throws InvalidSecretError when the key is empty, has a character outside base32 (the message
 *   names it and suggests the letter meant for 0/1/8/9), has an impossible length, or decodes to
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
