import { describe, expect, it } from 'vitest';
import { createBackup } from '../backup/create-backup';
import { BackupUnreadableError, ImportError, ImportFailure, WrongPasswordError } from '../errors';
import type { AccountDraft, AccountEntry } from '../otp/account';
import { encodeMigrationUri } from '../otp/encode-migration-uri';
import { findImportDuplicates } from './find-import-duplicates';
import { importAccounts, MAX_IMPORT_BYTES } from './import-accounts';
import { ImportFormat } from './import-types';
import { draft, SECRET_A, SECRET_B } from './import-test-helpers';

const ALICE = draft({});

const encoder = new TextEncoder();

/** The smallest file of each format holding the account GitHub: alice. */
const SAMPLES: { format: ImportFormat; text: string; fileName: string }[] = [
  { format: ImportFormat.OtpauthList, text: `otpauth://totp/GitHub:alice?secret=${SECRET_A}&issuer=GitHub\n`, fileName: 'codes.txt' },
  { format: ImportFormat.GoogleAuthenticator, text: encodeMigrationUri([ALICE], { index: 0, size: 1, id: 9 }), fileName: 'export.txt' },
  {
    format: ImportFormat.Ente,
    text: `otpauth://totp/GitHub:alice?secret=${SECRET_A}&issuer=GitHub&codeDisplay=%7B%22pinned%22%3Afalse%2C%22trashed%22%3Afalse%7D\n`,
    fileName: 'ente-auth-codes.txt',
  },
  {
    format: ImportFormat.Aegis,
    text: JSON.stringify({ version: 1, header: { slots: null, params: null }, db: { version: 3, entries: [{ type: 'totp', name: 'alice', issuer: 'GitHub', info: { secret: SECRET_A, algo: 'SHA1', digits: 6, period: 30 } }] } }),
    fileName: 'aegis-export.json',
  },
  {
    format: ImportFormat.TwoFas,
    text: JSON.stringify({ services: [{ name: 'GitHub', secret: SECRET_A, otp: { account: 'alice', digits: 6, period: 30, algorithm: 'SHA1', tokenType: 'TOTP' } }], groups: [], schemaVersion: 4 }),
    fileName: 'backup.2fas',
  },
  {
    format: ImportFormat.AuthenticatorExtension,
    text: JSON.stringify({ abc123: { account: 'alice', issuer: 'GitHub', secret: SECRET_A, type: 'totp', encrypted: false, hash: 'abc123', index: 0 } }),
    fileName: 'authenticator.json',
  },
  {
    format: ImportFormat.Bitwarden,
    text: JSON.stringify({ encrypted: false, folders: [], items: [{ type: 1, name: 'GitHub', login: { username: 'alice', totp: SECRET_A } }] }),
    fileName: 'bitwarden_export.json',
  },
];

describe('importAccounts detects the format', () => {
  it.each(SAMPLES)('$format from text', async ({ format, text }) => {
    expect(await importAccounts({ text })).toMatchObject({ format, accounts: [ALICE], problems: [] });
  });

  it.each(SAMPLES)('$format from file bytes with a byte-order mark', async ({ format, text, fileName }) => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(text)]);
    expect(await importAccounts({ bytes, fileName })).toMatchObject({ format, accounts: [ALICE], problems: [] });
  });
});

describe('importAccounts refusals', () => {
  const refusal = async (input: Parameters<typeof importAccounts>[0]): Promise<ImportError> => {
    const error = await importAccounts(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  };

  it.each([
    { name: 'plain prose', input: { text: 'my codes are on my phone' }, failure: ImportFailure.UnknownFormat },
    { name: 'an unknown JSON file', input: { text: '{"hello": "world"}' }, failure: ImportFailure.UnknownFormat },
    { name: 'a JSON list', input: { text: '[1, 2, 3]' }, failure: ImportFailure.UnknownFormat },
    { name: 'an empty file', input: { bytes: new Uint8Array(0) }, failure: ImportFailure.UnknownFormat },
    { name: 'a PNG image', input: { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]) }, failure: ImportFailure.UnknownFormat },
    { name: 'an oversized file', input: { bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) }, failure: ImportFailure.TooLarge },
    {
      name: 'an encrypted ente export with a 4-byte salt',
      input: { text: JSON.stringify({ version: 1, kdfParams: { memLimit: 4096, opsLimit: 3, salt: 'c2FsdA==' }, encryptedData: 'ZGF0YQ==', encryptionNonce: 'bm9uY2U=' }) },
      failure: ImportFailure.Damaged,
    },
  ])('refuses $name', async ({ input, failure }) => {
    expect((await refusal(input)).failure).toBe(failure);
  });

  it('names the supported formats when it does not recognize a file', async () => {
    const error = await refusal({ text: 'hello' });
    for (const name of ['setup links', 'Google Authenticator', 'Aegis', '2FAS', 'Authenticator extension', 'Bitwarden', 'ente Auth']) {
      expect(error.message).toContain(name);
    }
  });

  it.each(SAMPLES.filter((sample) => sample.text.startsWith('{')))('calls a truncated $format file damaged', async ({ text, fileName }) => {
    const error = await refusal({ bytes: encoder.encode(text.slice(0, Math.floor(text.length / 2))), fileName });
    expect(error.failure).toBe(ImportFailure.Damaged);
    expect(error.message).toContain('cut short');
  });
});

describe('importAccounts with Twofold backups', () => {
  const entry: AccountEntry = { ...ALICE, id: 'x', sites: [], pinned: false, order: 0, createdAt: 1, updatedAt: 1 };
  const file = createBackup([entry], 'backup password', { kdf: { memoryKiB: 1024, iterations: 1 } });

  it('asks for the password, then reads the accounts', async () => {
    expect(await importAccounts({ text: await file })).toEqual({ format: ImportFormat.TwofoldBackup, accounts: [], problems: [], needsPassword: true });
    expect(await importAccounts({ text: await file }, { password: 'backup password' })).toEqual({ format: ImportFormat.TwofoldBackup, accounts: [ALICE], problems: [] });
  });

  it('refuses a wrong password and a damaged backup', async () => {
    await expect(importAccounts({ text: await file }, { password: 'wrong password' })).rejects.toBeInstanceOf(WrongPasswordError);
    const damaged = (await file).replace(/"ciphertext": "./u, '"ciphertext": "!');
    await expect(importAccounts({ text: damaged }, { password: 'backup password' })).rejects.toBeInstanceOf(BackupUnreadableError);
  });
});

describe('importAccounts then findImportDuplicates', () => {
  it('marks accounts already saved and repeated ones', async () => {
    const text = [
      `otpauth://totp/GitHub:alice?secret=${SECRET_A}`,
      `otpauth://totp/Corp:bob?secret=${SECRET_B}`,
      `otpauth://totp/GitHub:alice-again?secret=${SECRET_B}`,
    ].join('\n');
    const preview = await importAccounts({ text });
    expect(findImportDuplicates(preview.accounts, [{ secret: SECRET_A, kind: 'totp', name: 'GitHub: alice' }])).toEqual([
      { index: 0, existingName: 'GitHub: alice', source: 'vault' },
      { index: 2, existingName: 'Corp: bob', source: 'import' },
    ]);
  });
});
