import { describe, expect, it } from 'vitest';
import type { AccountEntry } from '../otp/account';
import { CodeViewMemo, toCodeView } from './account-views';

const totp: AccountEntry = {
  id: 't1', kind: 'totp', issuer: 'GitHub', label: 'alice', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', algorithm: 'SHA1', digits: 8,
  period: 30, counter: 0, sites: [], pinned: false, order: 0, createdAt: 1, updatedAt: 1,
};
const hotp: AccountEntry = { ...totp, id: 'h1', kind: 'hotp', digits: 6, counter: 0 };

describe('CodeViewMemo', () => {
  it('makes the same views as toCodeView (RFC 6238 SHA-1 at 59 s: 94287082; RFC 4226 count 0: 755224)', () => {
    const memo = new CodeViewMemo();
    const [t, h] = memo.views([totp, hotp], 59_000);
    expect(t).toEqual(toCodeView(totp, 59_000));
    expect(t!.code).toBe('94287082');
    expect(h!.code).toBe('755224');
  });

  it('keeps a view within its time step and makes a new one in the next', () => {
    const memo = new CodeViewMemo();
    const [first] = memo.views([totp], 30_000);
    const [again] = memo.views([totp], 59_999);
    expect(again).toBe(first);
    const [next] = memo.views([totp], 60_000);
    expect(next).not.toBe(first);
    expect(next).toEqual(toCodeView(totp, 60_000));
  });

  it('never answers with a stale code after the secret, digits, period or counter changed', () => {
    const memo = new CodeViewMemo();
    memo.views([totp, hotp], 59_000);
    const changed = [
      { ...totp, secret: 'JBSWY3DPEHPK3PXP' },
      { ...totp, digits: 6 },
      { ...totp, period: 60 },
      { ...totp, algorithm: 'SHA256' as const },
      { ...hotp, counter: 1 },
    ];
    for (const entry of changed) expect(memo.views([entry], 59_000)[0]).toEqual(toCodeView(entry, 59_000));
  });

  it('forgets everything on clear and keeps only the last list', () => {
    const memo = new CodeViewMemo();
    const [first] = memo.views([totp], 30_000);
    memo.clear();
    expect(memo.views([totp], 30_000)[0]).not.toBe(first);
    const [kept] = memo.views([totp], 30_000);
    memo.views([hotp], 30_000); // a list without totp drops it
    expect(memo.views([totp], 30_000)[0]).not.toBe(kept);
  });
});
