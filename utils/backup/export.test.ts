import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../otp/account';
import { parseMigrationUri } from '../otp/parse-migration-uri';
import { parseOtpauthList } from '../import/parse-otpauth-list';
import { MAX_MIGRATION_URI_LENGTH, migrationAlgorithmWarnings, migrationLeftOut, toMigrationBatches } from './to-migration-batches';
import { toOtpauthList } from './to-otpauth-list';
import { inEnglish } from '../i18n/localize';

const draft = (fields: Partial<AccountDraft>): AccountDraft => ({
  kind: 'totp',
  issuer: 'Example',
  label: 'user',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  ...fields,
});

const mixed: AccountDraft[] = [
  draft({ issuer: 'GitHub', label: 'alice' }),
  draft({ kind: 'steam', issuer: 'Steam', label: 'gamer', digits: 5 }),
  draft({ kind: 'hotp', issuer: 'Corp', label: 'bob:admin', counter: 4, digits: 8 }),
  draft({ issuer: 'Odd', label: 'seven', digits: 7 }),
  draft({ issuer: 'Slow', label: 'sixty', period: 60 }),
  draft({ issuer: '', label: 'nameless@example.com', algorithm: 'SHA256' }),
];

describe('toOtpauthList', () => {
  it('writes one link a line that the importer reads back to the same accounts', () => {
    const text = toOtpauthList(mixed);
    expect(text.split('\n')).toHaveLength(mixed.length + 1);
    expect(parseOtpauthList(text)).toEqual({ accounts: mixed, problems: [] });
  });

  it('writes nothing for no accounts', () => {
    expect(toOtpauthList([])).toBe('');
  });
});

describe('toMigrationBatches', () => {
  it('leaves out what the format cannot carry, and says why', () => {
    expect(migrationLeftOut(mixed).map((out) => ({ ...out, reason: inEnglish(out.reason) }))).toEqual([
      { index: 1, name: 'Steam: gamer', reason: expect.stringContaining('Steam Guard') },
      { index: 3, name: 'Odd: seven', reason: expect.stringContaining('6- or 8-digit') },
      { index: 4, name: 'Slow: sixty', reason: expect.stringContaining('30 seconds') },
    ]);
    const uris = toMigrationBatches(mixed, 10, { batchId: 77 });
    expect(uris).toHaveLength(1);
    expect(parseMigrationUri(uris[0] ?? '')).toEqual({ drafts: [mixed[0], mixed[2], mixed[5]], batch: { index: 0, size: 1, id: 77 } });
  });

  it.each([
    { count: 25, max: 10, sizes: [10, 10, 5] },
    { count: 10, max: 10, sizes: [10] },
    { count: 3, max: 1, sizes: [1, 1, 1] },
    { count: 0, max: 10, sizes: [] },
  ])('splits $count accounts at most $max a code into $sizes', ({ count, max, sizes }) => {
    const drafts = Array.from({ length: count }, (_, i) => draft({ issuer: `Service ${i}`, label: `user${i}` }));
    const uris = toMigrationBatches(drafts, max, { batchId: 5 });
    const parsed = uris.map((uri) => parseMigrationUri(uri));
    expect(parsed.map((p) => p.drafts.length)).toEqual(sizes);
    expect(parsed.map((p) => p.batch)).toEqual(sizes.map((_, index) => ({ index, size: sizes.length, id: 5 })));
    expect(parsed.flatMap((p) => p.drafts)).toEqual(drafts);
    // The importer gathers them back, nothing missing.
    expect(parseOtpauthList(uris.join('\n')).accounts).toEqual(drafts);
  });

  it('keeps each code under the QR size limit with long names', () => {
    const drafts = Array.from({ length: 10 }, (_, i) => draft({ issuer: `${'Ü'.repeat(150)}${i}`, label: `${'ß'.repeat(150)}${i}` }));
    const uris = toMigrationBatches(drafts, 10, { batchId: 1 });
    expect(uris.length).toBeGreaterThan(1);
    for (const uri of uris) expect(uri.length).toBeLessThanOrEqual(MAX_MIGRATION_URI_LENGTH);
    expect(uris.flatMap((uri) => parseMigrationUri(uri).drafts)).toEqual(drafts);
  });

  it.each([
    { name: 'SHA-1 accounts need no warning', drafts: [draft({}), draft({ kind: 'hotp', digits: 8 })], expected: [] },
    {
      name: 'SHA-256 and SHA-512 accounts are named, in order, with their algorithm',
      drafts: [draft({ issuer: 'GitHub', label: 'alice', algorithm: 'SHA256' }), draft({}), draft({ issuer: 'Bank', label: '', algorithm: 'SHA512', kind: 'hotp' })],
      expected: [
        { index: 0, name: 'GitHub: alice', algorithm: 'SHA256' },
        { index: 2, name: 'Bank', algorithm: 'SHA512' },
      ],
    },
    {
      name: 'accounts left out of the codes are not named (their reason is shown instead)',
      drafts: [draft({ issuer: 'Slow', algorithm: 'SHA512', period: 60 }), draft({ kind: 'steam', issuer: 'Steam', digits: 5, algorithm: 'SHA256' })],
      expected: [],
    },
    { name: 'the mixed list: only the nameless SHA-256 account', drafts: mixed, expected: [{ index: 5, name: 'nameless@example.com', algorithm: 'SHA256' }] },
  ])('migrationAlgorithmWarnings: $name', ({ drafts, expected }) => {
    expect(migrationAlgorithmWarnings(drafts as AccountDraft[])).toEqual(expected);
  });

  it('carries the accounts it warns about, algorithm and all', () => {
    const drafts = [draft({ issuer: 'A', algorithm: 'SHA256' }), draft({ issuer: 'B', algorithm: 'SHA512' })];
    expect(migrationAlgorithmWarnings(drafts)).toHaveLength(2);
    expect(parseMigrationUri(toMigrationBatches(drafts, 10, { batchId: 3 })[0] ?? '').drafts).toEqual(drafts);
  });

  it('refuses a batch size outside 1–100', () => {
    expect(() => toMigrationBatches(mixed, 0)).toThrow(expect.objectContaining({ field: 'maxPerBatch' }));
  });
});
