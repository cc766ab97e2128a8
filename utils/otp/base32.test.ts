import { describe, expect, it } from 'vitest';
import { InvalidSecretError } from '../errors';
import { decodeBase32, encodeBase32, normalizeSecret } from './base32';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('encodeBase32 / decodeBase32 (RFC 4648 §10 test vectors, without padding)', () => {
  const rows = [
    { bytes: '', text: '' },
    { bytes: 'f', text: 'MY' },
    { bytes: 'fo', text: 'MZXQ' },
    { bytes: 'foo', text: 'MZXW6' },
    { bytes: 'foob', text: 'MZXW6YQ' },
    { bytes: 'fooba', text: 'MZXW6YTB' },
    { bytes: 'foobar', text: 'MZXW6YTBOI' },
    { bytes: '12345678901234567890', text: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' },
  ];
  it.each(rows)('"$bytes" ⇄ "$text"', ({ bytes, text }) => {
    expect(encodeBase32(ascii(bytes))).toBe(text);
    if (text !== '') expect(decodeBase32(text)).toEqual(ascii(bytes));
  });

  it('round-trips every byte value at every length up to 40', () => {
    for (let length = 1; length <= 40; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length * 31) & 0xff);
      expect(decodeBase32(encodeBase32(bytes))).toEqual(bytes);
    }
  });

  it('accepts the forms people type', () => {
    expect(decodeBase32('mzxw 6ytb-oi==')).toEqual(ascii('foobar'));
  });
});

describe('normalizeSecret accepts what people type and sites show', () => {
  const rows = [
    { input: 'JBSWY3DPEHPK3PXP', expected: 'JBSWY3DPEHPK3PXP', why: 'already canonical' },
    { input: 'jbswy3dpehpk3pxp', expected: 'JBSWY3DPEHPK3PXP', why: 'lower case' },
    { input: 'JBSW Y3DP EHPK 3PXP', expected: 'JBSWY3DPEHPK3PXP', why: 'groups of four (Amazon, Google)' },
    { input: '  jbsw-y3dp-ehpk-3pxp  ', expected: 'JBSWY3DPEHPK3PXP', why: 'hyphens and surrounding spaces' },
    { input: 'JBSW\u00A0Y3DP\tEHPK\n3PXP', expected: 'JBSWY3DPEHPK3PXP', why: 'no-break space, tab, line break' },
    { input: 'JBSW\u200BY3DPEHPK3PXP', expected: 'JBSWY3DPEHPK3PXP', why: 'zero-width space from copy and paste' },
    { input: 'ＪＢＳＷＹ３ＤＰＥＨＰＫ３ＰＸＰ', expected: 'JBSWY3DPEHPK3PXP', why: 'full-width characters' },
    { input: 'MZXW6YTBOI======', expected: 'MZXW6YTBOI', why: '= padding' },
    { input: 'MZXW6YTBOI=', expected: 'MZXW6YTBOI', why: 'short padding' },
    { input: 'MZXW6YTBOJ', expected: 'MZXW6YTBOI', why: 'unused trailing bits set: canonicalized so equal keys compare equal' },
    { input: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', expected: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', why: 'RFC seed' },
    { input: 'MZXW6YQ', expected: 'MZXW6YQ', why: 'shortest accepted: 32 bits' },
  ];
  it.each(rows)('$why: "$input"', ({ input, expected }) => {
    expect(normalizeSecret(input)).toBe(expected);
  });
});

describe('normalizeSecret refuses with a message that says what to fix', () => {
  const rows = [
    { input: '', message: 'The key is empty' },
    { input: '   - - ', message: 'The key is empty' },
    { input: '====', message: 'The key is empty' },
    { input: 'JBSWY3DPEHPK3PX0', message: 'The key contains “0”, which is not used in these keys. Did you mean “O”?' },
    { input: 'JBSWY3DPEHPK3PX1', message: 'The key contains “1”, which is not used in these keys. Did you mean “I” or “L”?' },
    { input: 'JBSWY3DPEHPK3PX8', message: 'Did you mean “B”?' },
    { input: 'JBSWY3DPEHPK3PX9', message: 'Did you mean “G”?' },
    { input: 'JBSWY3DPEHPK3PX!', message: 'contains “!”, which is not used in these keys. These keys use only the letters A–Z and the digits 2–7.' },
    { input: 'JBSWY3DPÉHPK3PXP', message: 'contains “É”' },
    { input: 'JBSWY3DP\u0007EHPK3PXP', message: 'an invisible character (U+0007)' },
    { input: 'JBSW=Y3DPEHPK3PXP', message: '“=” in the middle' },
    { input: 'JBSWY3DPE', message: 'The key has 9 characters, which cannot be a whole key' },
    { input: 'JBSWY3DPEHP', message: 'The key has 11 characters' },
    { input: 'JBSWY3DPEHPK3P', message: 'The key has 14 characters' },
    { input: 'MZXW', message: 'too short to be a real key (16 bits)' },
    { input: 'MZ', message: 'too short to be a real key (8 bits)' },
    { input: 'A'.repeat(1032), message: 'The key is too long (645 bytes; the limit is 640)' },
  ];
  it.each(rows)('"$input" → $message', ({ input, message }) => {
    expect(() => normalizeSecret(input)).toThrow(InvalidSecretError);
    expect(() => normalizeSecret(input)).toThrow(message);
  });
});
