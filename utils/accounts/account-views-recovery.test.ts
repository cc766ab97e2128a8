import { describe, expect, it } from 'vitest';
import type { AccountEntry } from '../otp/account';
import { toAccountView } from './account-views';

const base: AccountEntry = {
  id: 'a1', kind: 'totp', issuer: 'GitHub', label: 'alice', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6,
  period: 30, counter: 0, sites: [], pinned: false, order: 0, createdAt: 1, updatedAt: 1,
};

const rows: { name: string; entry: AccountEntry; left: number | undefined }[] = [
  { name: 'no recovery codes (an older vault)', entry: base, left: undefined },
  { name: 'an empty list', entry: { ...base, recoveryCodeList: [] }, left: undefined },
  { name: 'two of three unused', entry: { ...base, recoveryCodeList: [{ code: 'c1' }, { code: 'c2', usedAt: 5 }, { code: 'c3' }] }, left: 2 },
  { name: 'all used', entry: { ...base, recoveryCodeList: [{ code: 'c1', usedAt: 5 }] }, left: 0 },
];

describe('toAccountView and recovery codes', () => {
  it.each(rows)('$name: only the count travels', ({ entry, left }) => {
    const view = toAccountView(entry);
    expect(view.recoveryCodesLeft).toBe(left);
    const text = JSON.stringify(view);
    expect(text).not.toContain('"c1"');
    expect(text).not.toContain('recoveryCodeList');
    expect(text).not.toContain(base.secret);
  });
});
