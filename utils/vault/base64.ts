/**
 * Standard base64 (RFC 4648 §4, with `=` padding) for the vault file, written out by hand so it
 * runs the same in the extension service worker and in Node without `Buffer` or `atob`.
 *
 * Decoding is strict on purpose: a vault field has exactly one accepted spelling, so the bytes
 * we authenticate and the text we checksum cannot drift apart (no whitespace, no URL-safe
 * alphabet, no missing padding, no stray bits in the last character).
 */
import { InvalidInputError } from '../errors';
import { msg } from '../i18n/local-message';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** 6-bit value → char code. */
const ALPHABET_CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const PAD = 0x3d; // '='
const asciiDecoder = new TextDecoder();

/** Char code → 6-bit value, or -1 for characters outside the alphabet. */
const DECODE = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/**
 * Encodes bytes as padded standard base64.
 *
 * @param bytes any length, including 0 (gives "").
 * @returns text whose length is 4 × ⌈bytes.length / 3⌉.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-4
 */
export function toBase64(bytes: Uint8Array): string {
  // Write ASCII codes into a byte array and decode once: linear, and no long string chains.
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const left = bytes.length - i;
    out[o++] = ALPHABET_CODES[b0 >> 2] ?? 0;
    out[o++] = ALPHABET_CODES[((b0 & 0x03) << 4) | (b1 >> 4)] ?? 0;
    out[o++] = left > 1 ? (ALPHABET_CODES[((b1 & 0x0f) << 2) | (b2 >> 6)] ?? 0) : PAD;
    out[o++] = left > 2 ? (ALPHABET_CODES[b2 & 0x3f] ?? 0) : PAD;
  }
  return asciiDecoder.decode(out);
}

/**
 * Decodes padded standard base64, accepting only the canonical spelling that {@link toBase64}
 * produces.
 *
 * @param text base64 text; "" decodes to an empty array.
 * @returns a new array backed by its own `ArrayBuffer` (usable directly with WebCrypto).
 * @throws InvalidInputError (field "base64") for a length that is not a multiple of 4, a character
 *   outside the standard alphabet, misplaced padding, or non-zero unused bits.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-3.5 (canonical encoding)
 */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  if (typeof text !== 'string' || text.length % 4 !== 0) throw invalid();
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const v0 = sextet(text, i);
    const v1 = sextet(text, i + 1);
    const v2 = last && padding === 2 ? 0 : sextet(text, i + 2);
    const v3 = last && padding >= 1 ? 0 : sextet(text, i + 3);
    // Canonical form: the bits that fall off the end of a padded group must be zero.
    if (last && padding === 2 && (v1 & 0x0f) !== 0) throw invalid();
    if (last && padding === 1 && (v2 & 0x03) !== 0) throw invalid();
    out[o++] = (v0 << 2) | (v1 >> 4);
    if (o < out.length) out[o++] = ((v1 & 0x0f) << 4) | (v2 >> 2);
    if (o < out.length) out[o++] = ((v2 & 0x03) << 6) | v3;
  }
  return out;
}

/** Only characters of the alphabet, then at most two `=` at the end (one native pass). */
const ALPHABET_THEN_PADDING = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The number of bytes `text` decodes to, when {@link fromBase64} would accept it, without
 * decoding: for checking a field's length (a vault's 80 KB ciphertext when the service worker
 * starts) where the bytes themselves are not needed yet.
 *
 * @param text base64 text.
 * @returns `fromBase64(text).length`.
 * @throws InvalidInputError (field "base64") exactly where {@link fromBase64} throws.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-3.5 (canonical encoding)
 */
export function base64ByteLength(text: string): number {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !ALPHABET_THEN_PADDING.test(text)) throw invalid();
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  // Canonical form: the bits of the last character before the padding that fall off the end are zero.
  const last = text.length - padding - 1;
  if (padding === 2 && (sextet(text, last) & 0x0f) !== 0) throw invalid();
  if (padding === 1 && (sextet(text, last) & 0x03) !== 0) throw invalid();
  return (text.length / 4) * 3 - padding;
}

function sextet(text: string, index: number): number {
  const code = text.charCodeAt(index);
  const value = code < 128 ? (DECODE[code] ?? -1) : -1;
  if (value < 0) throw invalid();
  return value;
}

function invalid(): InvalidInputError {
  return new InvalidInputError(msg('errNotBase64'), { field: 'base64' });
}
