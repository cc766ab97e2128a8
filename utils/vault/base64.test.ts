import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors';
import { base64ByteLength, fromBase64, toBase64 } from './base64';

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
    expect(() => base64ByteLength(input)).toThrow(InvalidInputError);
  });
});

describe('base64ByteLength', () => {
  it.each([
    { input: '', expected: 0 },
    { input: 'Zg==', expected: 1 },
    { input: 'Zm8=', expected: 2 },
    { input: 'Zm9v', expected: 3 },
    { input: 'Zm9vYg==', expected: 4 },
    { input: 'Zm9vYmE=', expected: 5 },
    { input: 'Zm9vYmFy', expected: 6 },
  ])('RFC 4648 vector "$input" holds $expected bytes', ({ input, expected }) => {
    expect(base64ByteLength(input)).toBe(expected);
  });

  it('accepts and refuses exactly what fromBase64 does, over every 4- and 8-character mix of telling characters', () => {
    // Characters with zero and non-zero low bits, both extra alphabet characters, padding, and three that are never base64.
    const chars = ['A', 'Q', 'g', 'w', 'E', 'Z', '9', '+', '/', '=', '-', ' '];
    const outcome = (text: string) => {
      try {
        return fromBase64(text).length;
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidInputError);
        return 'refused';
      }
    };
    const lengthOf = (text: string) => {
      try {
        return base64ByteLength(text);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidInputError);
        return 'refused';
      }
    };
    let accepted = 0;
    for (const a of chars) for (const b of chars) for (const c of chars) for (const d of chars) {
      const four = a + b + c + d;
      expect(lengthOf(four), four).toBe(outcome(four));
      if (outcome(four) !== 'refused') accepted++;
      const eight = `Zm9v${four}`;
      expect(lengthOf(eight), eight).toBe(outcome(eight));
      const padded = `${four}Zg==`;
      expect(lengthOf(padded), padded).toBe(outcome(padded));
    }
    expect(accepted).toBeGreaterThan(1000);
  });

  it('gives the length of a payload-sized input without decoding it', () => {
    for (const length of [1_000_000, 1_000_001, 1_000_002]) {
      expect(base64ByteLength(toBase64(new Uint8Array(length).fill(7)))).toBe(length);
    }
  });
});
