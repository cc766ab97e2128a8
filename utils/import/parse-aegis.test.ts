import { createCipheriv, randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ImportError, ImportFailure, WrongPasswordError } from '../errors';
import type { AccountDraft } from '../otp/account';
import { parseAegis } from './parse-aegis';
import { draft as baseDraft, englishProblems, SECRET_A, SECRET_B } from './import-test-helpers';

const PASSWORD = 'correct horse battery staple';

type Json = Record<string, unknown>;

/** An Aegis entry as the vault description lays it out. */
const entry = (type: string, name: string, issuer: string, info: Json): Json => ({
  type,
  uuid: randomUUID(),
  name,
  issuer,
  note: '',
  favorite: false,
  icon: null,
  info,
});

const database = (entries: Json[]): Json => ({ version: 2, entries, groups: [] });

const plainVault = (db: Json): Json => ({ version: 1, header: { slots: null, params: null }, db });

const gcm = (key: Buffer, nonce: Buffer, plain: Buffer) => {
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { ciphertext, tag: cipher.getAuthTag() };
};

/** An encrypted vault: a random master key wrapped in a scrypt password slot, the database under it. */
function encryptedVault(db: Json, password: string, n = 2 ** 15, extraSlots: Json[] = []): Json {
  const masterKey = randomBytes(32);
  const salt = randomBytes(32);
  const slotKey = scryptSync(password, salt, 32, { N: n, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  const slotNonce = randomBytes(12);
  const wrapped = gcm(slotKey, slotNonce, masterKey);
  const dbNonce = randomBytes(12);
  const sealed = gcm(masterKey, dbNonce, Buffer.from(JSON.stringify(db)));
  return {
    version: 1,
    header: {
      slots: [
        ...extraSlots,
        {
          type: 1,
          uuid: randomUUID(),
          key: wrapped.ciphertext.toString('hex'),
          key_params: { nonce: slotNonce.toString('hex'), tag: wrapped.tag.toString('hex') },
          n,
          r: 8,
          p: 1,
          salt: salt.toString('hex'),
          repaired: true,
          is_backup: false,
        },
      ],
      params: { nonce: dbNonce.toString('hex'), tag: sealed.tag.toString('hex') },
    },
    db: sealed.ciphertext.toString('base64'),
  };
}

/** The shared test draft with this file's default names. */
const draft = (fields: Partial<AccountDraft>): AccountDraft => baseDraft({ issuer: '', label: '', ...fields });

const goodEntries = [
  entry('totp', 'alice@example.com', 'GitHub', { secret: SECRET_A, algo: 'SHA1', digits: 6, period: 30 }),
  entry('hotp', 'bob', 'Corp VPN', { secret: SECRET_B, algo: 'SHA256', digits: 8, counter: 12 }),
  entry('steam', 'gamer', 'Steam', { secret: SECRET_B, algo: 'SHA1', digits: 5, period: 30 }),
  entry('totp', 'carol', 'Bank', { secret: 'jbsw y3dp ehpk 3pxp', algo: 'SHA512', digits: 8, period: 60 }),
];
const goodDrafts = [
  draft({ issuer: 'GitHub', label: 'alice@example.com' }),
  draft({ kind: 'hotp', issuer: 'Corp VPN', label: 'bob', secret: SECRET_B, algorithm: 'SHA256', digits: 8, counter: 12 }),
  draft({ kind: 'steam', issuer: 'Steam', label: 'gamer', secret: SECRET_B, digits: 5 }),
  draft({ issuer: 'Bank', label: 'carol', algorithm: 'SHA512', digits: 8, period: 60 }),
];

describe('parseAegis, plain vault', () => {
  it('reads totp, hotp and steam entries', async () => {
    expect(await parseAegis(plainVault(database(goodEntries)))).toEqual({ accounts: goodDrafts, problems: [] });
  });

  it('lists each unreadable entry with its reason and imports the rest', async () => {
    const entries = [
      goodEntries[0],
      entry('motp', 'pin', 'Legacy', { secret: SECRET_A, algo: 'MD5', digits: 6, period: 10, pin: '1234' }),
      entry('yandex', 'me', 'Yandex', { secret: SECRET_B, algo: 'SHA256', digits: 8, period: 30, pin: '5678' }),
      entry('totp', 'dave', 'Shop', { secret: 'NOT*BASE32', algo: 'SHA1', digits: 6, period: 30 }),
      entry('totp', 'erin', 'Mail', { secret: SECRET_A, algo: 'MD5', digits: 6, period: 30 }),
      entry('totp', 'frank', 'Chat', { algo: 'SHA1', digits: 6, period: 30 }),
      'not an object',
      goodEntries[1],
    ];
    const result = await parseAegis(plainVault(database(entries as Json[])));
    expect(result.accounts).toEqual([goodDrafts[0], goodDrafts[1]]);
    expect(englishProblems(result.problems)).toEqual([
      { record: 'entry 2 (Legacy: pin)', reason: expect.stringContaining('mOTP') },
      { record: 'entry 3 (Yandex: me)', reason: expect.stringContaining('Yandex Key') },
      { record: 'entry 4 (Shop: dave)', reason: expect.stringContaining('“*”') },
      { record: 'entry 5 (Mail: erin)', reason: expect.stringContaining('SHA1, SHA256 and SHA512') },
      { record: 'entry 6 (Chat: frank)', reason: 'This entry has no setup key.' },
      { record: 'entry 7', reason: 'This entry is not an account record.' },
    ]);
  });

  it('refuses a vault without a list of entries as damaged', async () => {
    await expect(parseAegis({ version: 1, header: { slots: null, params: null }, db: {} })).rejects.toMatchObject({
      failure: ImportFailure.Damaged,
    });
  });
});

describe('parseAegis, encrypted vault', () => {
  const vault = encryptedVault(database(goodEntries), PASSWORD);

  it('opens with the password (scrypt N = 2^15, r = 8, p = 1)', async () => {
    expect(await parseAegis(vault, PASSWORD)).toEqual({ accounts: goodDrafts, problems: [] });
  });

  it('asks for the password when none is given', async () => {
    expect(await parseAegis(vault)).toEqual({ accounts: [], problems: [], needsPassword: true });
    expect(await parseAegis(vault, '')).toEqual({ accounts: [], problems: [], needsPassword: true });
  });

  it('refuses a wrong password with WrongPasswordError', async () => {
    await expect(parseAegis(vault, 'wrong password')).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('skips biometric slots and uses the password slot', async () => {
    const biometric = { type: 2, uuid: randomUUID(), id: 'bio', key: '00'.repeat(32), key_params: { nonce: '00'.repeat(12), tag: '00'.repeat(16) } };
    const withBio = encryptedVault(database(goodEntries.slice(0, 1)), PASSWORD, 2 ** 10, [biometric]);
    expect((await parseAegis(withBio, PASSWORD)).accounts).toEqual(goodDrafts.slice(0, 1));
  });

  it.each([
    {
      name: 'a database that fails authentication with the right password',
      edit: (file: Json) => {
        const db = Buffer.from(file.db as string, 'base64');
        db[0] = (db[0] ?? 0) ^ 1;
        return { ...file, db: db.toString('base64') };
      },
      failure: ImportFailure.Damaged,
    },
    {
      name: 'a slot asking for too much scrypt memory',
      edit: (file: Json) => {
        const header = file.header as { slots: Json[] };
        return { ...file, header: { ...header, slots: [{ ...header.slots[0], n: 2 ** 22 }] } };
      },
      failure: ImportFailure.Damaged,
    },
    {
      name: 'a slot with a malformed nonce',
      edit: (file: Json) => {
        const header = file.header as { slots: Json[] };
        return { ...file, header: { ...header, slots: [{ ...header.slots[0], key_params: { nonce: 'zz', tag: '00' } }] } };
      },
      failure: ImportFailure.Damaged,
    },
    {
      name: 'no password slot at all',
      edit: (file: Json) => ({ ...file, header: { ...(file.header as Json), slots: [{ type: 2, key: '00' }] } }),
      failure: ImportFailure.Unsupported,
    },
  ])('refuses $name', async ({ edit, failure }) => {
    const small = encryptedVault(database(goodEntries), PASSWORD, 2 ** 10);
    const error = await parseAegis(edit(small), PASSWORD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).failure).toBe(failure);
  });
});
