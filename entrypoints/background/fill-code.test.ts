import { describe, expect, it } from 'vitest';
import { codeToFill, fillWaitMs } from './fill-code';
import type { AccountEntry } from '@/utils/otp/account';

describe('fillWaitMs', () => {
  it.each([
    { kind: 'totp', period: 30, now: 0, expected: 0 },
    { kind: 'totp', period: 30, now: 26_999, expected: 0 },
    { kind: 'totp', period: 30, now: 27_001, expected: 2_999 + 50 },
    { kind: 'totp', period: 30, now: 29_999, expected: 1 + 50 },
    { kind: 'totp', period: 60, now: 30_000, expected: 0 },
    { kind: 'totp', period: 60, now: 58_000, expected: 2_000 + 50 },
    { kind: 'steam', period: 60, now: 28_000, expected: 2_000 + 50 },
    { kind: 'hotp', period: 30, now: 29_999, expected: 0 },
  ] as const)('$kind, period $period s, at $now ms → wait $expected ms', ({ kind, period, now, expected }) => {
    expect(fillWaitMs({ kind, period }, now)).toBe(expected);
  });
});

describe('codeToFill', () => {
  // RFC 6238 appendix B secret ("12345678901234567890" in base32), SHA-1, 8 digits.
  const entry = {
    id: 'a', kind: 'totp', issuer: 'RFC', label: '', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
    algorithm: 'SHA1', digits: 8, period: 30, counter: 0, sites: [], pinned: false, order: 0, createdAt: 0, updatedAt: 0,
  } as AccountEntry;

  it('fills the current code when enough time is left', async () => {
    let t = 59_000 - 20_000;
    const code = await codeToFill(entry, { now: () => t, sleep: async (ms) => { t += ms; } });
    expect(code).toBe('94287082'); // T = 1 (time 30–59 s), from the RFC's table at 59 s
  });

  it('waits for the next code in the last seconds of a step', async () => {
    let t = 59_000; // 1 s left of step 1
    const slept: number[] = [];
    const code = await codeToFill(entry, { now: () => t, sleep: async (ms) => { slept.push(ms); t += ms; } });
    expect(slept).toEqual([1_050]);
    expect(t).toBe(60_050);
    expect(code).not.toBe('94287082');
  });
});
