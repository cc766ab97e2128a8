import { describe, expect, it } from 'vitest';
import type { AccountDraft, AccountEntry } from '@/utils/otp/account';
import { msg } from '@/utils/i18n/local-message';
import type { Translate } from '@/utils/i18n/localize';
import { registrableDomain } from '@/utils/site/registrable-domain';
import { confirmedSites, mergeImport, toImportAccountViews, toImportProblemViews, type ImportItem } from './backup-handlers';

const SECRET_A = 'JBSWY3DPEHPK3PXP';
const SECRET_B = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const SECRET_C = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF';

const draft = (issuer: string, secret: string, fields: Partial<AccountDraft> = {}): AccountDraft => ({
  kind: 'totp', issuer, label: 'alice', secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, ...fields,
});

const entry = (id: string, issuer: string, secret: string, order: number): AccountEntry => ({
  ...draft(issuer, secret), id, sites: ['example.com'], pinned: false, order, createdAt: 1, updatedAt: 1,
});

const saved = [entry('a', 'Amazon', SECRET_A, 0), entry('b', 'PayPal', SECRET_B, 4)];

function ids() {
  let n = 0;
  return () => `new-${++n}`;
}

describe('mergeImport', () => {
  it.each([
    {
      name: 'adds new accounts after the saved ones, skipping one already saved',
      items: [draft('GitHub', SECRET_C), draft('Amazon again', SECRET_A)],
      keepDuplicates: false,
      expected: { imported: 1, skipped: 1, issuers: ['Amazon', 'PayPal', 'GitHub'] },
    },
    {
      name: 'keeps duplicates when asked',
      items: [draft('GitHub', SECRET_C), draft('Amazon again', SECRET_A)],
      keepDuplicates: true,
      expected: { imported: 2, skipped: 0, issuers: ['Amazon', 'PayPal', 'GitHub', 'Amazon again'] },
    },
    {
      name: 'skips the second of two same-key accounts in one import',
      items: [draft('GitHub', SECRET_C), draft('GitHub copy', 'krsx g5ct mvrx ezlu kn2x azls knsw g4tf')],
      keepDuplicates: false,
      expected: { imported: 1, skipped: 1, issuers: ['Amazon', 'PayPal', 'GitHub'] },
    },
    {
      name: 'a counter account is not a duplicate of a time account with the same key',
      items: [draft('Bank', SECRET_A, { kind: 'hotp', counter: 3 })],
      keepDuplicates: false,
      expected: { imported: 1, skipped: 0, issuers: ['Amazon', 'PayPal', 'Bank'] },
    },
    {
      name: 'nothing to import',
      items: [],
      keepDuplicates: false,
      expected: { imported: 0, skipped: 0, issuers: ['Amazon', 'PayPal'] },
    },
  ])('$name', ({ items, keepDuplicates, expected }) => {
    const before = structuredClone(saved);
    const merged = mergeImport(saved, items, { keepDuplicates, now: 1000, newId: ids() });
    expect({ imported: merged.imported, skipped: merged.skipped, issuers: merged.entries.map((e) => e.issuer) }).toEqual(expected);
    expect(saved).toEqual(before);
  });

  it('gives new accounts fresh ids, orders after the last one, and times; drafts get no sites', () => {
    const merged = mergeImport(saved, [draft('GitHub', SECRET_C), draft('Slack', 'MFRGGZDFMZTWQ2LK')], { keepDuplicates: false, now: 1000, newId: ids() });
    expect(merged.entries.slice(2)).toEqual([
      { ...draft('GitHub', SECRET_C), id: 'new-1', sites: [], pinned: false, order: 5, createdAt: 1000, updatedAt: 1000 },
      { ...draft('Slack', 'MFRGGZDFMZTWQ2LK'), id: 'new-2', sites: [], pinned: false, order: 6, createdAt: 1000, updatedAt: 1000 },
    ]);
  });

  it('keeps what a restored backup entry carries (sites, pin, creation time, further fields) but not its id or order', () => {
    const restored: ImportItem = { ...entry('old-id', 'GitHub', SECRET_C, 9), sites: ['github.com'], pinned: true, createdAt: 50 };
    const withExtra = { ...restored, recoveryCodes: ['1234-5678'] };
    const merged = mergeImport([], [withExtra], { keepDuplicates: false, now: 1000, newId: ids() });
    expect(merged.entries).toEqual([{ ...withExtra, id: 'new-1', order: 0, updatedAt: 1000 }]);
  });
});

describe('toImportAccountViews', () => {
  it('shows no secret and names the account each duplicates', () => {
    const views = toImportAccountViews(
      [draft('GitHub', SECRET_C), draft('Amazon again', SECRET_A), draft('GitHub copy', SECRET_C, { label: '' })],
      saved,
    );
    expect(views).toEqual([
      { issuer: 'GitHub', label: 'alice', kind: 'totp', digits: 6, period: 30, sites: [] },
      { issuer: 'Amazon again', label: 'alice', kind: 'totp', digits: 6, period: 30, sites: [], duplicateOf: 'Amazon (alice)', duplicateIn: 'vault' },
      { issuer: 'GitHub copy', label: '', kind: 'totp', digits: 6, period: 30, sites: [], duplicateOf: 'GitHub: alice', duplicateIn: 'import' },
    ]);
    expect(JSON.stringify(views)).not.toContain(SECRET_C);
  });
});

describe('toImportProblemViews', () => {
  /** A French catalogue with only these messages (`$1`… filled as the browser fills them). */
  const french: Translate = (key, substitutions) =>
    (({
      importRecordEntry: 'entrée $1',
      importRecordNamed: '$1 ($2)',
      importSkipNoSecret: 'Cette entrée n’a pas de clé secrète.',
    }) as Record<string, string>)[key]?.replace(/\$(\d)/gu, (_, n: string) => substitutions[Number(n) - 1] ?? '') ?? '';

  const problems = [
    { record: msg('importRecordNamed', msg('importRecordEntry', 3), 'GitHub: alice'), reason: msg('importSkipNoSecret') },
    { record: msg('importRecordLine', 7), reason: msg('importSkipNotSetupLink') },
  ];

  it('words record and reason in the user’s language, names as the file writes them', () => {
    expect(toImportProblemViews(problems, french)[0]).toEqual({ record: 'entrée 3 (GitHub: alice)', reason: 'Cette entrée n’a pas de clé secrète.' });
  });

  it('falls back to English for messages the catalogue lacks (and without i18n, as in these tests)', () => {
    expect(toImportProblemViews(problems, french)[1]).toEqual({
      record: 'line 7',
      reason: 'This line is not a setup link, so it was skipped.',
    });
    expect(toImportProblemViews(problems)[0]).toEqual({ record: 'entry 3 (GitHub: alice)', reason: 'This entry has no setup key.' });
  });
});

describe('confirmedSites: the sites confirmed in an import preview', () => {
  const item = (issuer: string, sites?: string[]): ImportItem => ({ ...draft(issuer, 'JBSWY3DPEHPK3PXP'), ...(sites ? { sites } : {}) });
  const lookup = { registrableDomains: async (urls: readonly string[]) => urls.map(registrableDomain) };

  it.each([
    { why: 'nothing confirmed', sites: undefined, expected: [undefined, undefined] },
    { why: 'one suggestion kept', sites: { 0: 'github.com' }, expected: [['github.com'], undefined] },
    { why: 'narrowed to the registrable domain', sites: { 1: 'www.amazon.co.uk' }, expected: [undefined, ['amazon.co.uk']] },
  ])('$why', async ({ sites, expected }) => {
    const items = await confirmedSites([item('GitHub'), item('Amazon')], sites, lookup);
    expect(items.map((i) => i.sites)).toEqual(expected);
  });

  it('keeps the sites an export already gives (a Twofold backup)', async () => {
    const items = await confirmedSites([item('GitHub', ['github.io'])], { 0: 'github.com' }, lookup);
    expect(items[0]!.sites).toEqual(['github.io']);
  });

  it.each([
    { why: 'not a site', sites: { 0: 'not a site' } },
    { why: 'an index outside the preview', sites: { 5: 'github.com' } },
    { why: 'not a map', sites: ['github.com'] },
  ])('refuses $why', async ({ sites }) => {
    await expect(confirmedSites([item('GitHub')], sites, lookup)).rejects.toMatchObject({ name: 'InvalidInputError' });
  });
});
