/**
 * Byte decoding for foreign export files, which are less strict than Twofold's own vault:
 * base64 with or without padding, standard or URL-safe, with line breaks; hex in either case.
 * Each function returns null for text it cannot decode, and the caller says what was wrong
 * in its own words (a record problem, or a damaged file).
 */

const BASE64_VALUE: ReadonlyMap<string, number> = new Map(
  [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((ch, i) => [ch, i] as const).concat([
    ['-', 62],
    ['_', 63],
  ]),
);

/**
 * Decodes base64 (RFC 4648 §4 or §5), padded or not; whitespace is ignored.
 * @returns the bytes (own ArrayBuffer, usable with WebCrypto), or null when the text is not base64.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-4
 */
export function decodeBase64Loose(text: string): Uint8Array<ArrayBuffer> | null {
  const compact = text.replace(/\s+/gu, '').replace(/={0,2}$/u, '');
  if (compact.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((compact.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const ch of compact) {
    const value = BASE64_VALUE.get(ch);
    if (value === undefined) return null;
    buffer = ((buffer << 6) | value) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >>> bits) & 0xff;
    }
  }
  return out;
}

/**
 * Decodes hexadecimal text (either case, no separators) of even length.
 * @returns the bytes, or null when the text is not whole bytes of hex.
 */
export function decodeHex(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 2 !== 0 || !/^[0-9a-f]*$/iu.test(text)) return null;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/**
 * Decodes UTF-8 strictly (a byte-order mark is dropped).
 * @returns the text, or null when the bytes are not UTF-8 (e.g. an image or a zip file).
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}
