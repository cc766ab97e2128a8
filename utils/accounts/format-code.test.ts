import { describe, expect, it } from 'vitest';
import { formatCode } from './format-code';

describe('formatCode', () => {
  it.each([
    { input: '123456', expected: '123 456' },
    { input: '1234567', expected: '123 4567' },
    { input: '12345678', expected: '1234 5678' },
    { input: '2BC4D', expected: '2BC4D' },
  ])('shows $input as "$expected"', ({ input, expected }) => {
    expect(formatCode(input)).toBe(expected);
  });
});
