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
    { input: 'jBsW y3Dp-EhPk 3pXp', expected: 'JBSWY3DPEHPK3PXP', why: 'mixed case, spaces and hyphens together' },
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
    { input: 'JBSWY3DPEHPK3PX0', message: 'The key contains “0” (U+0030) at position 16, which is not used in these keys. Did you mean “O”?' },
    { input: 'JBSWY3DPEHPK3PX1', message: 'The key contains “1” (U+0031) at position 16, which is not used in these keys. Did you mean “I” or “L”?' },
    { input: 'JBSWY3DPEHPK3PX8', message: 'Did you mean “B”?' },
    { input: 'JBSWY3DPEHPK3PX9', message: 'Did you mean “G”?' },
    { input: 'JBSWY3DPEHPK3PX!', message: '“!” (U+0021) at position 16, which is not used in these keys. These keys use only the letters A–Z and the digits 2–7.' },
    { input: 'JBSWY3DPÉHPK3PXP', message: '“É” (U+00C9) at position 9' },
    { input: 'JBSWY3DP\u0007EHPK3PXP', message: 'an invisible character (U+0007) at position 9' },
    { input: 'JBSW=Y3DPEHPK3PXP', message: '“=” in the middle' },
    { input: 'JBSWY3DPE', message: 'The key has 9 characters, which cannot be a whole key' },
    { input: 'JBSWY3DPEHP', message: 'The key has 11 characters' },
    { input: 'JBSWY3DPEHPK3P', message: 'The key has 14 characters' },
    { input: 'MZXW', message: 'too short to be a real key (16 bits)' },
    { input: 'MZ', message: 'too short to be a real key (8 bits)' },
    { input: 'A'.repeat(1032), message: 'The key is too long (645 bytes; the limit is 640)' },
    { input: 'A'.repeat(4097), message: 'The key is too long (4097 characters; the limit is 4096)' },
    { input: ' '.repeat(100_000), message: 'The key is too long (100000 characters; the limit is 4096)' },
  ];
  it.each(rows)('"$input" → $message', ({ input, message }) => {
    expect(() => normalizeSecret(input)).toThrow(InvalidSecretError);
    expect(() => normalizeSecret(input)).toThrow(message);
  });
});

// Issue 12, item 8: folding (NFKC, toUpperCase) would turn these into other base32 letters and
// save a different key without a word. Each is refused, naming the character and its place.
describe('normalizeSecret never folds a character into a different key', () => {
  const rows = [
    { why: 'German sharp s (toUpperCase makes “SS”)', input: 'JBSWY3DPEHPK3PXß', message: 'The key contains “ß” (U+00DF) at position 16' },
    { why: 'long s (toUpperCase makes “S”)', input: 'JBſWY3DPEHPK3PXP', message: '“ſ” (U+017F) at position 3' },
    { why: 'dotless i (toUpperCase makes “I”)', input: 'ıBSWY3DPEHPK3PXP', message: '“ı” (U+0131) at position 1' },
    { why: 'Turkish dotted capital I', input: 'JBSWY3DPEHPK3PXİ', message: '“İ” (U+0130) at position 16' },
    { why: 'Kelvin sign (NFKC makes “K”)', input: 'JBSWY3DPEHP\u212A3PXP', message: '“\u212A” (U+212A) at position 12' },
    { why: 'full-width letters (NFKC makes ASCII)', input: 'ＪＢＳＷＹ３ＤＰＥＨＰＫ３ＰＸＰ', message: '“Ｊ” (U+FF2A) at position 1, which is not used in these keys. Switch your keyboard to half-width (Latin) input' },
    { why: 'a full-width letter among ASCII', input: 'JBSW Y3DP ＥHPK 3PXP', message: '“Ｅ” (U+FF25) at position 11' },
    { why: 'full-width digit', input: 'JBSWY３DPEHPK3PXP', message: '“３” (U+FF13) at position 6' },
    { why: 'no-break space', input: 'JBSW\u00A0Y3DPEHPK3PXP', message: 'an invisible character (U+00A0) at position 5' },
    { why: 'narrow no-break space', input: 'JBSW\u202FY3DPEHPK3PXP', message: 'an invisible character (U+202F) at position 5' },
    { why: 'ideographic space', input: 'JBSW\u3000Y3DPEHPK3PXP', message: 'an invisible character (U+3000) at position 5' },
    { why: 'zero-width space', input: 'JBSW\u200BY3DPEHPK3PXP', message: 'an invisible character (U+200B) at position 5' },
    { why: 'zero-width joiner', input: 'JBSWY3DP\u200DEHPK3PXP', message: 'an invisible character (U+200D) at position 9' },
    { why: 'byte order mark at the start', input: '\uFEFFJBSWY3DPEHPK3PXP', message: 'an invisible character (U+FEFF) at position 1' },
    { why: 'soft hyphen', input: 'JBSW\u00ADY3DPEHPK3PXP', message: 'an invisible character (U+00AD) at position 5' },
    { why: 'tab', input: 'JBSW\tY3DPEHPK3PXP', message: 'an invisible character (U+0009) at position 5' },
    { why: 'line break', input: 'JBSWY3DP\nEHPK3PXP', message: 'an invisible character (U+000A) at position 9' },
    { why: 'NUL', input: 'JBSWY3DPEHPK3PX\u0000P', message: 'an invisible character (U+0000) at position 16' },
    { why: 'DEL', input: 'JBSWY3DPEHPK3PXP\u007F', message: 'an invisible character (U+007F) at position 17' },
    { why: 'a C1 control', input: 'JBSW\u0085Y3DPEHPK3PXP', message: 'an invisible character (U+0085) at position 5' },
    { why: 'en dash (a dash, but not the hyphen typed by hand)', input: 'JBSW\u2013Y3DPEHPK3PXP', message: '“–” (U+2013) at position 5' },
    { why: 'minus sign', input: 'JBSW\u2212Y3DPEHPK3PXP', message: '“−” (U+2212) at position 5' },
    { why: 'combining mark (shown by its code only)', input: 'JBSWY3DPE\u0301HPK3PXP', message: 'an invisible character (U+0301) at position 10' },
    { why: 'position counts characters, not UTF-16 units', input: '🐱JBSWY3DPEHPK3PXP\u00DF', message: '“🐱” (U+1F431) at position 1' },
    { why: 'position counts the spaces typed before it', input: 'JBSW Y3DP EHPK 3PXß', message: '“ß” (U+00DF) at position 19' },
  ];
  it.each(rows)('$why', ({ input, message }) => {
    let caught: unknown;
    try {
      normalizeSecret(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidSecretError);
    expect((caught as Error).message).toContain(message);
    expect(() => decodeBase32(input)).toThrow(InvalidSecretError);
  });
});
