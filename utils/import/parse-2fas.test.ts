import { createCipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ImportError, ImportFailure, WrongPasswordError } from '../errors';
import type { AccountDraft } from '../otp/account';
import { isTwoFasBackup, parseTwoFas } from './parse-2fas';
import { draft as baseDraft, englishProblems, SECRET_A, SECRET_B } from './import-test-helpers';

const PASSWORD = 'two factor, four words';

type Json = Record<string, unknown>;

/** A 2FAS service as the backup lays it out (schemaVersion 4). */
const service = (name: string, secret: string | undefined, otp: Json): Json => ({
  name,
  ...(secret !== undefined && { secret }),
  updatedAt: 1_700_000_000_000,
  otp: { link: '', label: '', account: '', issuer: '', digits: 6, period: 30, algorithm: 'SHA1', tokenType: 'TOTP', source: 'Manual', ...otp },
  order: { position: 0 },
  icon: { selected: 'Label', label: { text: name.slice(0, 2), backgroundColor: 'Orange' } },
});

const backup = (services: Json[], extra: Json = {}): Json => ({
  services,
  groups: [],
  updatedAt: 1_700_000_000_000,
  schemaVersion: 4,
  appVersionCode: 5_000_000,
  appVersionName: '5.0.0',
  appOrigin: 'android',
  ...extra,
});

/** "base64(ciphertext‖tag):base64(salt):base64(iv)" with PBKDF2-SHA256 ×10,000 and AES-256-GCM. */
function seal(plain: string, password: string, salt = randomBytes(256)): string {
  const key = pbkdf2Sync(password, salt, 10_000, 32, 'sha256');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return [data, salt, iv].map((part) => part.toString('base64')).join(':');
}

const REFERENCE = 'a fixed reference text the app encrypts to check the password';

/** As 2FAS writes it: one salt for both fields (256 bytes on Android, 32 on iOS), an IV each. */
function encryptedBackup(services: Json[], password: string, saltBytes = 256): Json {
  const salt = randomBytes(saltBytes);
  return backup([], { servicesEncrypted: seal(JSON.stringify(services), password, salt), reference: seal(REFERENCE, password, salt) });
}

/** The shared test draft with this file's default names. */
const draft = (fields: Partial<AccountDraft>): AccountDraft => baseDraft({ issuer: '', label: '', ...fields });

const services = [
  service('GitHub', SECRET_A, { account: 'alice', issuer: 'GitHub' }),
  service('Corp', SECRET_B, { account: 'bob', issuer: null, tokenType: 'HOTP', counter: 3, digits: 8, algorithm: 'SHA256' }),
  service('Steam', SECRET_B, { account: 'gamer', tokenType: 'STEAM', digits: 5 }),
  service('', SECRET_A, { account: 'carol', issuer: 'Fallback Inc', period: 60 }),
];
const drafts = [
  draft({ issuer: 'GitHub', label: 'alice' }),
  draft({ kind: 'hotp', issuer: 'Corp', label: 'bob', secret: SECRET_B, counter: 3, digits: 8, algorithm: 'SHA256' }),
  draft({ kind: 'steam', issuer: 'Steam', label: 'gamer', secret: SECRET_B, digits: 5 }),
  draft({ issuer: 'Fallback Inc', label: 'carol', period: 60 }),
];

describe('parseTwoFas', () => {
  it('reads a plain backup', async () => {
    expect(isTwoFasBackup(backup(services))).toBe(true);
    expect(await parseTwoFas(backup(services))).toEqual({ accounts: drafts, problems: [] });
  });

  it('lists unreadable services with reasons and imports the rest', async () => {
    const mixed = [
      services[0],
      service('NoKey', undefined, { account: 'x' }),
      service('Weird', SECRET_A, { account: 'y', tokenType: 'YANDEX' }),
      service('Short', 'ABC', { account: 'z' }),
      service('Slow', SECRET_A, { account: 'w', period: 0 }),
      services[1],
    ];
    const result = await parseTwoFas(backup(mixed as Json[]));
    expect(result.accounts).toEqual([drafts[0], drafts[1]]);
    expect(englishProblems(result.problems)).toEqual([
      { record: 'entry 2 (NoKey: x)', reason: 'This entry has no setup key.' },
      { record: 'entry 3 (Weird: y)', reason: expect.stringContaining('“yandex” is not one of them') },
      { record: 'entry 4 (Short: z)', reason: expect.stringContaining('3 characters') },
      { record: 'entry 5 (Slow: w)', reason: expect.stringContaining('at least 1 second') },
    ]);
  });

  it.each([
    { origin: 'android', saltBytes: 256 },
    { origin: 'ios', saltBytes: 32 },
  ])('opens a password-protected backup ($origin, $saltBytes-byte salt)', async ({ origin, saltBytes }) => {
    const file = { ...encryptedBackup(services, PASSWORD, saltBytes), appOrigin: origin };
    expect(isTwoFasBackup(file)).toBe(true);
    expect(await parseTwoFas(file, PASSWORD)).toEqual({ accounts: drafts, problems: [] });
  });

  it('reads a schema 1 backup (legacy `type` and brand icon, no source or link)', async () => {
    const legacy = {
      name: 'GitHub',
      secret: SECRET_A,
      type: 'GitHub',
      updatedAt: 1_600_000_000_000,
      otp: { account: 'alice', issuer: 'GitHub', digits: 6, period: 30, algorithm: 'SHA1', tokenType: 'TOTP' },
      order: { position: 0 },
      icon: { selected: 'Brand', brand: { id: 'GitHub' }, label: null },
      badge: null,
    };
    const file = backup([legacy], { schemaVersion: 1, appOrigin: 'ios' });
    expect(isTwoFasBackup(file)).toBe(true);
    expect(await parseTwoFas(file)).toEqual({ accounts: [drafts[0]], problems: [] });
  });

  it('takes the account name from `otp.label` when `otp.account` is absent, as 2FAS for Android does', async () => {
    const entry = service('GitHub', SECRET_A, { label: 'alice', account: undefined, tokenType: 'totp' });
    expect((await parseTwoFas(backup([entry]))).accounts).toEqual([drafts[0]]);
  });

  it('lists an algorithm 2FAS allows but Twofold does not', async () => {
    const result = await parseTwoFas(backup([service('Odd', SECRET_A, { account: 'a', algorithm: 'SHA224' })]));
    expect({ ...result, problems: englishProblems(result.problems) }).toEqual({ accounts: [], problems: [{ record: 'entry 1 (Odd: a)', reason: expect.stringContaining('SHA1, SHA256 and SHA512') }] });
  });

  it('refuses a newer schema than 4, as the 2FAS apps do', async () => {
    await expect(parseTwoFas(backup(services, { schemaVersion: 5 }))).rejects.toMatchObject({ failure: ImportFailure.Unsupported });
  });

  it('calls a protected backup without its encrypted list damaged', async () => {
    const { servicesEncrypted: _, ...file } = encryptedBackup(services, PASSWORD);
    await expect(parseTwoFas(file, PASSWORD)).rejects.toMatchObject({ failure: ImportFailure.Damaged });
  });

  it('asks for the password when none is given', async () => {
    expect(await parseTwoFas(encryptedBackup(services, PASSWORD))).toEqual({ accounts: [], problems: [], needsPassword: true });
  });

  it('refuses a wrong password with WrongPasswordError', async () => {
    await expect(parseTwoFas(encryptedBackup(services, PASSWORD), 'not it')).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('calls a backup damaged when the reference opens but the services do not', async () => {
    const file = encryptedBackup(services, PASSWORD);
    const [data, salt, iv] = String(file.servicesEncrypted).split(':');
    const bytes = Buffer.from(data ?? '', 'base64');
    bytes[5] = (bytes[5] ?? 0) ^ 0x80;
    const tampered = { ...file, servicesEncrypted: [bytes.toString('base64'), salt, iv].join(':') };
    const error = await parseTwoFas(tampered, PASSWORD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).failure).toBe(ImportFailure.Damaged);
  });

  it.each([
    { name: 'two fields instead of three', value: 'AAAA:BBBB' },
    { name: 'a field that is not base64', value: 'AAAA*:BBBB:CCCC' },
  ])('calls an encrypted field with $name damaged', async ({ value }) => {
    await expect(parseTwoFas(backup([], { servicesEncrypted: value }), PASSWORD)).rejects.toMatchObject({ failure: ImportFailure.Damaged });
  });
});
