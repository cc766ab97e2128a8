import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors';
import { type AccountDraft } from './account';
import { encodeMigrationUri } from './encode-migration-uri';
import { parseMigrationUri } from './parse-migration-uri';
import { validateDraft } from './validate-draft';

const account = (fields: Partial<AccountDraft>): AccountDraft => ({
  kind: 'totp',
  issuer: 'Example',
  label: 'alice@example.com',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  ...fields,
});

describe('encodeMigrationUri → parseMigrationUri round trip', () => {
  // prettier-ignore
  const rows: { why: string; drafts: AccountDraft[]; batch?: { index: number; size: number; id: number } }[] = [
    { why: 'one account, default batch', drafts: [account({})] },
    { why: 'several accounts, every algorithm and both digit counts', drafts: [
      account({}),
      account({ issuer: 'GitHub', label: 'octocat', algorithm: 'SHA256', digits: 8, secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' }),
      account({ issuer: 'Bank', label: '12345', algorithm: 'SHA512', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQ' }),
    ] },
    { why: 'HOTP with counters 0, 255, 256, above 2^32 and 2^53 − 1', drafts: [0, 255, 256, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER].map((counter) => account({ kind: 'hotp', counter })) },
    { why: 'names of 200 characters', drafts: [account({ issuer: 'I'.repeat(200), label: 'L'.repeat(200) })] },
    { why: 'Unicode names', drafts: [account({ issuer: 'Bänk 銀行', label: '🐱 jürgen' }), account({ issuer: '', label: 'Ünïcödé' })] },
    { why: 'colons in names', drafts: [account({ issuer: 'A:B', label: 'x' }), account({ issuer: 'A', label: 'x:y' }), account({ issuer: '', label: 'x:y' })] },
    { why: 'empty issuer or empty label', drafts: [account({ issuer: '' }), account({ label: '' })] },
    { why: 'batch 2 of 3 with a negative id', drafts: [account({})], batch: { index: 1, size: 3, id: -123_456_789 } },
    { why: 'batch with the largest id', drafts: [account({})], batch: { index: 9, size: 10, id: 2_147_483_647 } },
  ];
  it.each(rows)('$why', ({ drafts, batch }) => {
    const uri = encodeMigrationUri(drafts, batch);
    expect(uri).toMatch(/^otpauth-migration:\/\/offline\?data=[A-Za-z0-9%]+$/u);
    const parsed = parseMigrationUri(uri);
    expect(parsed.drafts).toEqual(drafts);
    expect(parsed.batch).toEqual(batch ?? { index: 0, size: 1, id: 0 });
    for (const draft of parsed.drafts) if (draft.issuer || draft.label) expect(validateDraft(draft)).toEqual(draft);
  });

  it('carries 1,000 accounts', () => {
    const drafts = Array.from({ length: 1000 }, (_, i) => account({ label: `user${i}` }));
    expect(parseMigrationUri(encodeMigrationUri(drafts)).drafts).toEqual(drafts);
  });
});

describe('encodeMigrationUri refuses what the format cannot carry', () => {
  // prettier-ignore
  const rows: { why: string; drafts: AccountDraft[]; batch?: { index: number; size: number; id: number }; field: string; message: string }[] = [
    { why: 'no accounts', drafts: [], field: 'drafts', message: 'no accounts' },
    { why: 'more than 1,000 accounts', drafts: Array.from({ length: 1001 }, () => account({})), field: 'drafts', message: 'at most 1000' },
    { why: 'Steam Guard', drafts: [account({ kind: 'steam', digits: 5 })], field: 'kind', message: 'Steam Guard' },
    { why: '7 digits', drafts: [account({ digits: 7 })], field: 'digits', message: 'only hold 6 or 8' },
    { why: 'a 60-second period', drafts: [account({ period: 60 })], field: 'period', message: 'every 60 seconds' },
    { why: 'a negative counter', drafts: [account({ kind: 'hotp', counter: -1 })], field: 'counter', message: 'invalid counter' },
    { why: 'index not below size', drafts: [account({})], batch: { index: 1, size: 1, id: 0 }, field: 'batch', message: 'index' },
    { why: 'size 0', drafts: [account({})], batch: { index: 0, size: 0, id: 0 }, field: 'batch', message: 'index' },
    { why: 'id outside int32', drafts: [account({})], batch: { index: 0, size: 1, id: 2 ** 31 }, field: 'batch', message: 'index' },
  ];
  it.each(rows)('$why', ({ drafts, batch, field, message }) => {
    let caught: unknown;
    try {
      encodeMigrationUri(drafts, batch);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect(caught).toMatchObject({ field });
    expect((caught as Error).message).toContain(message);
  });
});
