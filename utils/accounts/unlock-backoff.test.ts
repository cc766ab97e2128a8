import { describe, expect, it } from 'vitest';
import { unlockDelayMs } from './unlock-backoff';

describe('unlockDelayMs', () => {
  it.each([
    { failures: 0, expected: 0 },
    { failures: 2, expected: 0 },
    { failures: 3, expected: 1000 },
    { failures: 4, expected: 2000 },
    { failures: 6, expected: 8000 },
    { failures: 11, expected: 256_000 },
    { failures: 12, expected: 300_000 },
    { failures: 50, expected: 300_000 },
  ])('waits $expected ms after $failures wrong passwords', ({ failures, expected }) => {
    expect(unlockDelayMs(failures)).toBe(expected);
  });
});
