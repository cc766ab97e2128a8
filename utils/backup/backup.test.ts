import { describe, expect, it } from 'vitest';
import { BackupFailure, BackupUnreadableError, InvalidInputError, WrongPasswordError } from '../errors';
import type { AccountEntry } from '../otp/account';
import { createVault } from '../vault';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup-format';
import { backupFileName, createBackup } from './create-backup';
import { inspectBackup, readBackup } from './read-backup';

const PASSWORD = 'backup password 1';
/** Small Argon2id settings so the tests run fast; real backups use the vault default. */
const FAST = { kdf: { memoryKiB: 1024, iterations: 1 } };
const NOW = Date.UTC(2025, 2, 1, 9, 30);

const entry = (fields: Partial<AccountEntry>): AccountEntry => ({
  id: 'a1',
  kind: 'totp',
  issuer: 'GitHub',
  label: 'alice',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  sites: ['github.com'],
  pinned: false,
  order: 0,
  createdAt: NOW - 1000,
  updatedAt: NOW - 500,
  ...fields,
});

const entries: AccountEntry[] = [
  entry({}),
  entry({ id: 'b2', kind: 'hotp', issuer: 'Corp', label: 'bob', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', counter: 9, digits: 8, sites: [], pinned: true, order: 1 }),
  entry({ id: 'c3', kind: 'steam', issuer: 'Steam', label: 'gamer', digits: 5, order: 2 }),
];

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('createBackup / readBackup', () => {
  it('round-trips the accounts, extra fields included', async () => {
    const withExtra = [...entries, { ...entry({ id: 'd4', order: 3 }), recoveryCodes: ['1111-2222'] } as AccountEntry];
    const text = await createBackup(withExtra, PASSWORD, { ...FAST, now: NOW });
    expect(text.endsWith('\n')).toBe(true);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file).toMatchObject({ format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: '2025-03-01T09:30:00.000Z', vault: { format: 'twofold-vault' } });
    expect(text).not.toContain('JBSWY3DPEHPK3PXP');
    expect(text).not.toContain('alice');
    expect(await readBackup(text, PASSWORD)).toEqual(withExtra);
    expect(inspectBackup(text).createdAt).toBe('2025-03-01T09:30:00.000Z');
  });

  it('round-trips an empty list', async () => {
    expect(await readBackup(await createBackup([], PASSWORD, FAST), PASSWORD)).toEqual([]);
  });

  it('refuses a weak backup password', async () => {
    await expect(createBackup(entries, 'short', FAST)).rejects.toMatchObject({ field: 'password' });
  });

  it('names the file by date', () => {
    expect(backupFileName(NOW)).toBe('twofold-backup-2025-03-01.json');
  });
});

/** A backup file opened for editing in a test. */
interface Editable {
  [field: string]: unknown;
  vault: { [field: string]: unknown; payload: { iv: string; ciphertext: string }; checksum: string };
}

describe('readBackup refusals', () => {
  const good = createBackup(entries, PASSWORD, { ...FAST, now: NOW });
  const edit = async (change: (file: Editable) => void): Promise<string> => {
    const file = JSON.parse(await good) as Editable;
    change(file);
    return JSON.stringify(file);
  };

  it('refuses a wrong password with WrongPasswordError', async () => {
    expect(await failure(readBackup(await good, 'not the password'))).toBeInstanceOf(WrongPasswordError);
  });

  it('refuses an empty password', async () => {
    expect(await failure(readBackup(await good, ''))).toBeInstanceOf(InvalidInputError);
  });

  it.each([
    { name: 'not JSON', text: async () => 'hello', expected: BackupFailure.NotABackup },
    { name: 'another JSON file', text: async () => '{"items":[]}', expected: BackupFailure.NotABackup },
    { name: 'a vault file', text: async () => JSON.stringify((await createVault(PASSWORD, [], FAST)).file), expected: BackupFailure.NotABackup },
    { name: 'a truncated backup', text: async () => (await good).slice(0, 200), expected: BackupFailure.Damaged },
    { name: 'a newer version', text: () => edit((f) => (f.version = 2)), expected: BackupFailure.TooNew },
    { name: 'version 0', text: () => edit((f) => (f.version = 0)), expected: BackupFailure.Damaged },
    { name: 'a bad createdAt', text: () => edit((f) => (f.createdAt = 'yesterday')), expected: BackupFailure.Damaged },
    { name: 'no vault', text: () => edit((f) => delete (f as { vault?: unknown }).vault), expected: BackupFailure.Damaged },
    {
      name: 'a flipped ciphertext byte (checksum mismatch)',
      text: () =>
        edit((f) => {
          const c = f.vault.payload.ciphertext;
          f.vault.payload.ciphertext = (c[0] === 'A' ? 'B' : 'A') + c.slice(1);
        }),
      expected: BackupFailure.Damaged,
    },
    { name: 'an extra vault field', text: () => edit((f) => (f.vault.extra = 1)), expected: BackupFailure.Damaged },
  ])('refuses $name', async ({ text, expected }) => {
    const error = await failure(readBackup(await text(), PASSWORD));
    expect(error).toBeInstanceOf(BackupUnreadableError);
    expect((error as BackupUnreadableError).failure).toBe(expected);
  });

  it('refuses a backup whose payload was replaced even with a recomputed checksum', async () => {
    // Deliberate tampering: the payload from another backup under another key, checksum redone.
    const other = JSON.parse(await createBackup(entries.slice(0, 1), PASSWORD, FAST)) as Editable;
    const { computeChecksum } = await import('../vault');
    const tampered = await edit(() => undefined).then(async (text) => {
      const file = JSON.parse(text) as Editable;
      file.vault.payload = other.vault.payload;
      const { checksum: _, ...rest } = file.vault;
      file.vault.checksum = await computeChecksum(rest as unknown as Parameters<typeof computeChecksum>[0]);
      return JSON.stringify(file);
    });
    const error = await failure(readBackup(tampered, PASSWORD));
    expect(error).toBeInstanceOf(BackupUnreadableError);
    expect((error as BackupUnreadableError).failure).toBe(BackupFailure.Damaged);
  });

  it('refuses a backup whose decrypted accounts break the rules', async () => {
    const bad = await createBackup([{ ...entry({}), digits: 9 }], PASSWORD, FAST);
    const error = await failure(readBackup(bad, PASSWORD));
    expect(error).toMatchObject({ failure: BackupFailure.Damaged, message: expect.stringContaining('account 1') });
  });
});
