import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors';
import { fromBase64, toBase64 } from './base64';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('toBase64 / fromBase64', () => {
  // RFC 4648 §10 test vectors, as they appear in the RFC.
  it.each([
    { input: '', expected: '' },
    { input: 'f', expected: 'Zg==' },
    { input: 'fo', expected: 'Zm8=' },
    { input: 'foo', expected: 'Zm9v' },
    { input: 'foob', expected: 'Zm9vYg==' },
    { input: 'fooba', expected: 'Zm9vYmE=' },
    { input: 'foobar', expected: 'Zm9vYmFy' },
  ])('RFC 4648 vector "$input" ↔ "$expected"', ({ input, expected }) => {
    expect(toBase64(ascii(input))).toBe(expected);
    expect(fromBase64(expected)).toEqual(ascii(input));
  });

  it('agrees with Node for every byte value and lengths 0–64', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(toBase64(all)).toBe(Buffer.from(all).toString('base64'));
    for (let length = 0; length <= 64; length++) {
      const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length));
      const text = toBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(fromBase64(text)).toEqual(bytes);
    }
  });

  it('handles a payload-sized input', () => {
    const bytes = new Uint8Array(1_000_000).map((_, i) => (i * 31) & 0xff);
    const text = toBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.from(fromBase64(text)).equals(Buffer.from(bytes))).toBe(true);
  });

  it.each([
    { input: 'Zg', why: 'missing padding' },
    { input: 'Zg=', why: 'length not a multiple of 4' },
    { input: 'Zh==', why: 'non-zero unused bits (two pads)' },
    { input: 'Zm9=', why: 'non-zero unused bits (one pad)' },
    { input: 'Z===', why: 'three pads' },
    { input: '====', why: 'only padding' },
    { input: '=Zg=', why: 'padding first' },
    { input: 'Zg==Zg==', why: 'padding in the middle' },
    { input: 'Zm 9v', why: 'a space' },
    { input: 'Zm9v\n', why: 'a newline' },
    { input: 'Zm-_', why: 'URL-safe alphabet' },
    { input: 'Zm9é', why: 'a non-ASCII character' },
  ])('rejects $why ("$input")', ({ input }) => {
    expect(() => fromBase64(input)).toThrow(InvalidInputError);
  });
});
