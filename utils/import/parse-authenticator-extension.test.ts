import { createHash, randomUUID } from 'node:crypto';
import { argon2id } from 'hash-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportError, ImportFailure, WrongPasswordError } from '../errors';
import type { AccountDraft } from '../otp/account';
import { importAccounts } from './import-accounts';
import { encryptSaltedAes256Cbc } from './import-crypto';
import { isAuthenticatorExtensionBackup, parseAuthenticatorExtension } from './parse-authenticator-extension';
import { draft as baseDraft, englishProblems, SECRET_A, SECRET_B } from './import-test-helpers';

const PASSWORD = 'extension password';

type Json = Record<string, unknown>;

/*
 * Fixture builders that encrypt the way the extension does (src/models/encryption.ts,
 * src/store/Accounts.ts, src/models/storage.ts at 9d9660b), written from its source.
 */

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** CryptoJS.AES.encrypt(plaintext, passphrase).toString(). */
async function cryptoJsEncrypt(plaintext: string | Uint8Array, passphrase: string): Promise<string> {
  const bytes = typeof plaintext === 'string' ? new TextEncoder().encode(plaintext) : plaintext;
  return base64(await encryptSaltedAes256Cbc(bytes, passphrase, crypto.getRandomValues(new Uint8Array(8))));
}

/** The extension's `genHash`: Argon2id (2 passes, 19 MiB, 1 lane, 32 bytes) with a salt of 8 random 16-bit numbers in hex. */
function genHash(value: string): Promise<string> {
  const salt = [...crypto.getRandomValues(new Uint16Array(8))].map((n) => n.toString(16)).join('');
  return argon2id({ password: value, salt, iterations: 2, memorySize: 19 * 1024, parallelism: 1, hashLength: 32, outputType: 'encoded' });
}

interface Key {
  record: Json;
  passphrase: string;
}

/** A v3 key record as `changePassphrase` makes it, and the passphrase it stands for. */
async function makeKey(password: string): Promise<Key> {
  const raw = await genHash(password);
  const [, , , , salt64 = '', passphrase = ''] = raw.split('$');
  const record = { dataType: 'Key', id: randomUUID(), salt: Buffer.from(salt64, 'base64').toString('latin1'), hash: await genHash(passphrase), version: 3 };
  return { record, passphrase };
}

/** A v3 entry: the account record, encrypted whole under the key (`getOTPStorageFromEntry`). */
async function encryptedEntry(key: Key, index: number, fields: Json): Promise<[string, Json]> {
  const hash = randomUUID();
  const account = { encrypted: true, hash, index, type: 'totp', secret: SECRET_A, keyId: key.record.id, dataType: 'OTPStorage', ...fields };
  return [hash, { dataType: 'EncOTPStorage', keyId: key.record.id, data: await cryptoJsEncrypt(JSON.stringify(account), key.passphrase), index }];
}

const keyEntry = (key: Key): [string, Json] => [String(key.record.id), key.record];

let nextIndex = 0;
/** One backup record as the extension writes it, keyed by its hash. */
function record(fields: Json): [string, Json] {
  const hash = createHash('md5').update(String(fields.secret) + nextIndex).digest('hex');
  return [hash, { account: '', issuer: '', type: 'totp', counter: 0, period: 30, digits: 6, algorithm: 'SHA1', encrypted: false, hash, index: nextIndex++, pinned: false, ...fields }];
}

const backup = (...records: [string, Json][]): Json => Object.fromEntries(records);

/** The shared test draft with this file's default names. */
const draft = (fields: Partial<AccountDraft>): AccountDraft => baseDraft({ issuer: '', label: '', ...fields });

describe('parseAuthenticatorExtension, plain backup', () => {
  it.each([
    { type: 'totp', fields: { secret: SECRET_A, period: 60, algorithm: 'SHA256' }, expected: draft({ period: 60, algorithm: 'SHA256' }) },
    { type: 'hotp', fields: { secret: SECRET_B, counter: 41, digits: 8 }, expected: draft({ kind: 'hotp', secret: SECRET_B, counter: 41, digits: 8 }) },
    { type: 'battle', fields: { secret: SECRET_B, digits: 6 }, expected: draft({ secret: SECRET_B, digits: 8 }) },
    { type: 'steam', fields: { secret: SECRET_A }, expected: draft({ kind: 'steam', digits: 5 }) },
    // "Hello!\xDE\xAD\xBE\xEF" in hex is JBSWY3DPEHPK3PXP in base32.
    { type: 'hex', fields: { secret: '48656c6c6f21deadbeef' }, expected: draft({}) },
    { type: 'hhex', fields: { secret: '48656C6C6F21DEADBEEF', counter: 2 }, expected: draft({ kind: 'hotp', counter: 2 }) },
    { type: 'totp', fields: { secret: `stm-${SECRET_A}` }, expected: draft({ kind: 'steam', digits: 5 }) },
    { type: 'totp', fields: { secret: `blz-${SECRET_A}` }, expected: draft({ digits: 8 }) },
  ])('reads type $type ($fields.secret)', async ({ type, fields, expected }) => {
    const file = backup(record({ type, issuer: 'Issuer', account: 'me', ...fields }));
    expect(isAuthenticatorExtensionBackup(file)).toBe(true);
    expect(await parseAuthenticatorExtension(file)).toEqual({ accounts: [{ ...expected, issuer: 'Issuer', label: 'me' }], problems: [] });
  });

  it('orders by index, passes over groups, and lists bad records with reasons', async () => {
    const later = record({ issuer: 'Later', account: 'b', secret: SECRET_B, index: 9 });
    const first = record({ issuer: 'First', account: 'a', secret: SECRET_A, index: 0 });
    const file = backup(
      later,
      first,
      ['group-1', { dataType: 'Group', id: 'group-1', name: 'Work', index: 0 }],
      record({ issuer: 'Gost', account: 'c', secret: SECRET_A, algorithm: 'GOST3411_2012_256', index: 1 }),
      record({ issuer: 'Hexy', account: 'd', type: 'hex', secret: 'xyz', index: 2 }),
    );
    const result = await parseAuthenticatorExtension(file);
    expect(result.accounts).toEqual([draft({ issuer: 'First', label: 'a' }), draft({ issuer: 'Later', label: 'b', secret: SECRET_B })]);
    expect(englishProblems(result.problems)).toEqual([
      { record: 'entry 2 (Gost: c)', reason: expect.stringContaining('SHA1, SHA256 and SHA512') },
      { record: 'entry 3 (Hexy: d)', reason: expect.stringContaining('hexadecimal') },
    ]);
  });
});

describe('parseAuthenticatorExtension, v1 (secrets encrypted with the password)', () => {
  const encrypted = async () =>
    backup(
      record({ issuer: 'GitHub', account: 'alice', secret: await cryptoJsEncrypt(SECRET_A, PASSWORD), encrypted: true }),
      record({ issuer: 'Corp', account: 'bob', type: 'hotp', counter: 5, secret: await cryptoJsEncrypt(SECRET_B, PASSWORD), encrypted: true }),
    );

  it('decrypts each secret with the password', async () => {
    expect(await parseAuthenticatorExtension(await encrypted(), PASSWORD)).toEqual({
      accounts: [draft({ issuer: 'GitHub', label: 'alice' }), draft({ kind: 'hotp', issuer: 'Corp', label: 'bob', secret: SECRET_B, counter: 5 })],
      problems: [],
    });
  });

  it('asks for the password when none is given', async () => {
    expect(await parseAuthenticatorExtension(await encrypted())).toEqual({ accounts: [], problems: [], needsPassword: true });
  });

  it('refuses a wrong password with WrongPasswordError', async () => {
    await expect(parseAuthenticatorExtension(await encrypted(), 'wrong')).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('lists an entry encrypted with another password and imports the rest', async () => {
    const file = backup(
      record({ issuer: 'GitHub', account: 'alice', secret: await cryptoJsEncrypt(SECRET_A, PASSWORD), encrypted: true }),
      record({ issuer: 'Old', account: 'x', secret: await cryptoJsEncrypt(SECRET_B, 'an older password'), encrypted: true }),
      record({ issuer: 'Plain', account: 'y', secret: SECRET_B }),
    );
    const result = await parseAuthenticatorExtension(file, PASSWORD);
    expect(result.accounts).toEqual([draft({ issuer: 'GitHub', label: 'alice' }), draft({ issuer: 'Plain', label: 'y', secret: SECRET_B })]);
    expect(englishProblems(result.problems)).toEqual([{ record: 'entry 2 (Old: x)', reason: expect.stringContaining('could not be decrypted') }]);
  });
});

describe('parseAuthenticatorExtension, v2 (secrets under a random key wrapped by the password)', () => {
  /** `key: { enc, hash }` as the 2020–2024 versions made it: 120 random bytes, hashed in hex with Argon2id (16 MiB, 1 pass, 24 bytes). */
  async function legacyBackup(layout: 'key' | 'top-level'): Promise<Json> {
    const random = crypto.getRandomValues(new Uint8Array(120));
    const hex = Buffer.from(random).toString('hex');
    const enc = await cryptoJsEncrypt(random, PASSWORD);
    const hash = await argon2id({ password: hex, salt: crypto.getRandomValues(new Uint8Array(16)), iterations: 1, memorySize: 16 * 1024, parallelism: 1, hashLength: 24, outputType: 'encoded' });
    const entries = backup(
      record({ issuer: 'GitHub', account: 'alice', secret: await cryptoJsEncrypt(SECRET_A, hex), encrypted: true }),
      record({ issuer: 'Corp', account: 'bob', secret: await cryptoJsEncrypt(SECRET_B, hex), encrypted: true }),
    );
    return layout === 'key' ? { ...entries, key: { enc, hash } } : { ...entries, enc, hash };
  }

  it.each(['key', 'top-level'] as const)('opens the key (%s) with the password and decrypts the secrets', async (layout) => {
    const file = await legacyBackup(layout);
    expect(isAuthenticatorExtensionBackup(file)).toBe(true);
    expect(await parseAuthenticatorExtension(file, PASSWORD)).toEqual({
      accounts: [draft({ issuer: 'GitHub', label: 'alice' }), draft({ issuer: 'Corp', label: 'bob', secret: SECRET_B })],
      problems: [],
    });
  });

  it('refuses a wrong password with WrongPasswordError', async () => {
    await expect(parseAuthenticatorExtension(await legacyBackup('key'), 'wrong')).rejects.toBeInstanceOf(WrongPasswordError);
  });
});

describe('parseAuthenticatorExtension, v3 (whole entries encrypted, key from Argon2id)', () => {
  let key: Key;
  let file: Json;
  beforeAll(async () => {
    key = await makeKey(PASSWORD);
    file = backup(
      await encryptedEntry(key, 0, { issuer: 'GitHub', account: 'alice', period: 60, algorithm: 'SHA256', pinned: true }),
      await encryptedEntry(key, 1, { issuer: 'Corp', account: 'bob', type: 'hotp', secret: SECRET_B, counter: 7, digits: 8 }),
      await encryptedEntry(key, 2, { issuer: 'Steam', account: 'carol', type: 'steam' }),
      keyEntry(key),
    );
  });

  it('is recognized, asks for the password, and refuses a wrong one', async () => {
    expect(isAuthenticatorExtensionBackup(file)).toBe(true);
    expect(await parseAuthenticatorExtension(file)).toEqual({ accounts: [], problems: [], needsPassword: true });
    await expect(parseAuthenticatorExtension(file, 'not it')).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('decrypts every entry with the right password (through importAccounts)', async () => {
    const preview = await importAccounts({ text: JSON.stringify(file, null, 2).replace(/\n/gu, '\r\n'), fileName: 'authenticator.json' }, { password: PASSWORD });
    expect(preview).toEqual({
      format: 'authenticator-extension',
      accounts: [
        draft({ issuer: 'GitHub', label: 'alice', period: 60, algorithm: 'SHA256' }),
        draft({ kind: 'hotp', issuer: 'Corp', label: 'bob', secret: SECRET_B, counter: 7, digits: 8 }),
        draft({ kind: 'steam', issuer: 'Steam', label: 'carol', digits: 5 }),
      ],
      problems: [],
    });
  });

  it('lists each broken entry with its reason and imports the rest', async () => {
    const other = await makeKey('a different password');
    const [truncatedId, truncated] = await encryptedEntry(key, 1, { issuer: 'Cut', account: 'short' });
    const mixed = backup(
      await encryptedEntry(key, 0, { issuer: 'GitHub', account: 'alice' }),
      [truncatedId, { ...truncated, data: String(truncated.data).slice(0, 40) }],
      await encryptedEntry(other, 2, { issuer: 'Elsewhere', account: 'x' }),
      await encryptedEntry({ ...key, record: { ...key.record, id: randomUUID() } }, 3, { issuer: 'Lost', account: 'y' }),
      await encryptedEntry(key, 4, { issuer: 'Gost', account: 'z', algorithm: 'GOST3411_2012_256' }),
      await encryptedEntry(key, 5, { issuer: 'Corp', account: 'bob', secret: SECRET_B }),
      keyEntry(key),
      keyEntry(other),
    );
    const result = await parseAuthenticatorExtension(mixed, PASSWORD);
    expect(result.accounts).toEqual([draft({ issuer: 'GitHub', label: 'alice' }), draft({ issuer: 'Corp', label: 'bob', secret: SECRET_B })]);
    expect(englishProblems(result.problems)).toEqual([
      { record: 'entry 2', reason: expect.stringContaining('damaged') },
      { record: 'entry 3', reason: expect.stringContaining('another one') },
      { record: 'entry 4', reason: expect.stringContaining('missing from the backup') },
      { record: 'entry 5 (Gost: z)', reason: expect.stringContaining('SHA1, SHA256 and SHA512') },
    ]);
  });

  it('still opens entries when the key check is unreadable, and still refuses a wrong password', async () => {
    const unchecked = { ...file, [String(key.record.id)]: { ...key.record, hash: 'damaged' } };
    expect((await parseAuthenticatorExtension(unchecked, PASSWORD)).accounts).toHaveLength(3);
    await expect(parseAuthenticatorExtension(unchecked, 'not it')).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('lists entries whose key record is damaged instead of blaming the password', async () => {
    const damagedKey = { ...file, [String(key.record.id)]: { ...key.record, salt: '' } };
    const result = await parseAuthenticatorExtension(damagedKey, PASSWORD);
    expect(result.accounts).toEqual([]);
    expect(englishProblems(result.problems).map((problem) => problem.reason)).toEqual(Array(3).fill(expect.stringContaining('key record this entry needs is damaged')));
  });

  it('reports a file cut short as damaged', async () => {
    const text = JSON.stringify(file, null, 2);
    const failure = await importAccounts({ text: text.slice(0, text.length / 2), fileName: 'authenticator.json' }, { password: PASSWORD }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportError);
    expect(failure).toMatchObject({ failure: ImportFailure.Damaged, message: expect.stringContaining('Authenticator extension backup') });
  });
});
