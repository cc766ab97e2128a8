/**
 * Imports above MAX_IMPORT_ACCOUNTS stop early, with a message that says the limit and what to
 * do, and without reading the rest of the file (validateDraft, which every account goes
 * through, is counted).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode, ImportError, ImportFailure } from '../errors';
import { importAccounts } from './import-accounts';
import { MAX_IMPORT_ACCOUNTS } from './import-collector';
import * as validate from '../otp/validate-draft';

vi.mock('../otp/validate-draft', async (original) => {
  const real = await original<typeof import('../otp/validate-draft')>();
  return { ...real, validateDraft: vi.fn(real.validateDraft) };
});
const validated = vi.mocked(validate.validateDraft);

/** A distinct valid text key for account `n`. */
function key(n: number): string {
  const b32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return `JBSWY3DPEHPK${[15, 10, 5, 0].map((shift) => b32[(n >> shift) & 31]).join('')}`;
}
const links = (count: number) => Array.from({ length: count }, (_, i) => `otpauth://totp/Shop%20${i}:alice?secret=${key(i)}&issuer=Shop%20${i}`).join('\n');
const aegis = (count: number) => JSON.stringify({
  version: 1,
  header: { slots: null, params: null },
  db: { version: 2, entries: Array.from({ length: count }, (_, i) => ({ type: 'totp', name: 'alice', issuer: `Shop ${i}`, info: { secret: key(i), algo: 'SHA1', digits: 6, period: 30 } })) },
});
const bitwarden = (count: number) => JSON.stringify({
  encrypted: false,
  items: Array.from({ length: count }, (_, i) => ({ type: 1, name: `Shop ${i}`, login: { username: 'alice', totp: `otpauth://totp/Shop%20${i}:alice?secret=${key(i)}` } })),
});

beforeEach(() => {
  validated.mockClear();
});

describe('imports above the account limit', () => {
  it.each([
    // A list of setup links is counted before any link is read.
    { name: 'setup links', text: links(MAX_IMPORT_ACCOUNTS + 1), maxRead: 0 },
    // JSON formats stop at the account past the limit: the records after it are never read.
    { name: 'Aegis', text: aegis(MAX_IMPORT_ACCOUNTS + 500), maxRead: MAX_IMPORT_ACCOUNTS },
    { name: 'Bitwarden', text: bitwarden(MAX_IMPORT_ACCOUNTS + 500), maxRead: MAX_IMPORT_ACCOUNTS },
  ])('$name: refused, saying the limit and to split the file', async ({ text, maxRead }) => {
    const error = await importAccounts({ text }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: ErrorCode.ImportFailed, failure: ImportFailure.TooLarge });
    const words = (error as ImportError).message;
    expect(words).toContain('more than 5000 accounts');
    expect(words).toContain('Split it into smaller files of at most 5000 accounts');
    expect(validated.mock.calls.length).toBeLessThanOrEqual(maxRead);
  });

  it.each([
    { name: 'setup links', text: links(MAX_IMPORT_ACCOUNTS) },
    { name: 'Aegis', text: aegis(MAX_IMPORT_ACCOUNTS) },
  ])('$name: exactly the limit is read whole', async ({ text }) => {
    const preview = await importAccounts({ text });
    expect(preview.accounts).toHaveLength(MAX_IMPORT_ACCOUNTS);
    expect(preview.problems).toEqual([]);
  });
});
