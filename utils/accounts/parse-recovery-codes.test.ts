import { describe, expect, it } from 'vitest';
import { parseRecoveryCodes, RecoveryCodesProblem, type ParsedRecoveryCodes } from './parse-recovery-codes';

const many = (n: number) => Array.from({ length: n }, (_, i) => `code${i}`);

const rows: { name: string; input: string; expected: ParsedRecoveryCodes }[] = [
  { name: 'one per line', input: 'abcd-1234\nefgh-5678\n', expected: { ok: true, codes: ['abcd-1234', 'efgh-5678'] } },
  { name: 'Windows line ends and indentation', input: '  aaa \r\n\tbbb\r\n', expected: { ok: true, codes: ['aaa', 'bbb'] } },
  { name: 'spaces, commas and semicolons', input: 'a1, b2 c3;d4,,e5', expected: { ok: true, codes: ['a1', 'b2', 'c3', 'd4', 'e5'] } },
  { name: 'duplicates kept once, first order', input: 'x y x z y', expected: { ok: true, codes: ['x', 'y', 'z'] } },
  { name: 'empty text', input: '', expected: { ok: false, problem: RecoveryCodesProblem.Empty } },
  { name: 'only separators', input: ' ,\n ; \t', expected: { ok: false, problem: RecoveryCodesProblem.Empty } },
  { name: 'exactly 100 codes', input: many(100).join('\n'), expected: { ok: true, codes: many(100) } },
  { name: 'more than 100 codes', input: many(101).join('\n'), expected: { ok: false, problem: RecoveryCodesProblem.TooMany } },
  { name: '101 lines with one repeat is 100', input: [...many(100), 'code0'].join('\n'), expected: { ok: true, codes: many(100) } },
  { name: 'a 64-character code', input: 'a'.repeat(64), expected: { ok: true, codes: ['a'.repeat(64)] } },
  { name: 'a 65-character code', input: `ok ${'b'.repeat(65)}`, expected: { ok: false, problem: RecoveryCodesProblem.TooLong, code: 'b'.repeat(65) } },
];

describe('parseRecoveryCodes', () => {
  it.each(rows)('$name', ({ input, expected }) => {
    expect(parseRecoveryCodes(input)).toEqual(expected);
  });
});
