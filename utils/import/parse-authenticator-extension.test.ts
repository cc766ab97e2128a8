import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WrongPasswordError } from '../errors';
import type { AccountDraft } from '../otp/account';
import { isAuthenticatorExtensionBackup, parseAuthenticatorExtension } from './parse-authenticator-extension';

const SECRET_A = 'JBSWY3DPEHPK3PXP';
const SECRET_B = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const PASSWORD = 'extension password';

type Json = Record<string, unknown>;

/** OpenSSL's EVP_BytesToKey (MD5, one round), written here independently of the code under test. */
function evpBytesToKey(password: string, salt: Buffer): { key: Buffer; iv: Buffer } {
  let derived = Buffer.alloc(0);
  let block = Buffer.alloc(0);
  while (derived.length < 48) {
    block = createHash('md5').update(Buffer.concat([block, Buffer.from(password, 'utf8'), salt])).digest();
    derived = Buffer.concat([derived, block]);
  }
  return { key: derived.subarray(0, 32), iv: derived.subarray(32, 48) };
}

/** CryptoJS.AES.encrypt(text, passphrase).toString(): base64 of "Salted__" ‖ salt ‖ AES-256-CBC. */
function cryptoJsEncrypt(text: string, passphrase: string): string {
  const salt = randomBytes(8);
  const { key, iv } = evpBytesToKey(passphrase, salt);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([Buffer.from('Salted__'), salt, cipher.update(text, 'utf8'), cipher.final()]).toString('base64');
}

let nextIndex = 0;
/** One backup record as the extension writes it, keyed by its hash. */
function record(fields: Json): [string, Json] {
  const hash = createHash('md5').update(String(fields.secret) + nextIndex).digest('hex');
  return [hash, { account: '', issuer: '', type: 'totp', counter: 0, period: 30, digits: 6, algorithm: 'SHA1', encrypted: false, hash, index: nextIndex++, pinned: false, ...fields }];
}

const backup = (...records: [string, Json][]): Json => Object.fromEntries(records);

const draft = (fields: Partial<AccountDraft>): AccountDraft => ({
  kind: 'totp',
  issuer: '',
  label: '',
  secret: SECRET_A,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  ...fields,
});

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
      ['enc-1', { dataType: 'EncOTPStorage', keyId: 'k', data: 'U2FsdGVkX1+AAAAAAAAAAA==', index: 3 }],
    );
    const result = await parseAuthenticatorExtension(file);
    expect(result.accounts).toEqual([draft({ issuer: 'First', label: 'a' }), draft({ issuer: 'Later', label: 'b', secret: SECRET_B })]);
    expect(result.problems).toEqual([
      { record: 'entry 2 (Gost: c)', reason: expect.stringContaining('SHA1, SHA256 and SHA512') },
      { record: 'entry 3 (Hexy: d)', reason: expect.stringContaining('hexadecimal') },
      { record: 'entry 4', reason: expect.stringContaining('newer encryption') },
    ]);
  });
});

describe('parseAuthenticatorExtension, encrypted backup', () => {
  const encrypted = () =>
    backup(
      record({ issuer: 'GitHub', account: 'alice', secret: cryptoJsEncrypt(SECRET_A, PASSWORD), encrypted: true }),
      record({ issuer: 'Corp', account: 'bob', type: 'hotp', counter: 5, secret: cryptoJsEncrypt(SECRET_B, PASSWORD), encrypted: true }),
    );

  it('decrypts each secret with the password', async () => {
    expect(await parseAuthenticatorExtension(encrypted(), PASSWORD)).toEqual({
      accounts: [draft({ issuer: 'GitHub', label: 'alice' }), draft({ kind: 'hotp', issuer: 'Corp', label: 'bob', secret: SECRET_B, counter: 5 })],
      problems: [],
    });
  });

  it('asks for the password when none is given', async () => {
    expect(await parseAuthenticatorExtension(encrypted())).toEqual({ accounts: [], problems: [], needsPassword: true });
  });

  it('refuses a wrong password with WrongPasswordError', async () => {
    await expect(parseAuthenticatorExtension(encrypted(), 'wrong')).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('lists an entry encrypted with another password and imports the rest', async () => {
    const file = backup(
      record({ issuer: 'GitHub', account: 'alice', secret: cryptoJsEncrypt(SECRET_A, PASSWORD), encrypted: true }),
      record({ issuer: 'Old', account: 'x', secret: cryptoJsEncrypt(SECRET_B, 'an older password'), encrypted: true }),
      record({ issuer: 'Plain', account: 'y', secret: SECRET_B }),
    );
    const result = await parseAuthenticatorExtension(file, PASSWORD);
    expect(result.accounts).toEqual([draft({ issuer: 'GitHub', label: 'alice' }), draft({ issuer: 'Plain', label: 'y', secret: SECRET_B })]);
    expect(result.problems).toEqual([{ record: 'entry 2 (Old: x)', reason: expect.stringContaining('could not be decrypted') }]);
  });
});
