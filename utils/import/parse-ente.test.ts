import { describe, expect, it } from 'vitest';
import { ImportError, ImportFailure, WrongPasswordError } from '../errors';
import { inEnglish } from '../i18n/localize';
import type { AccountDraft } from '../otp/account';
import { toBase64 } from '../vault/base64';
import { importAccounts } from './import-accounts';
import { ImportFormat } from './import-types';
import { EnteKdfLimits, isEnteEncryptedExport, parseEnte, parseEnteEncrypted } from './parse-ente';
import { secretstreamPullFirst, secretstreamPushFirst, SECRETSTREAM_TAG_FINAL } from './parse-ente-secretstream';
import { enteLine, writeEnteEncryptedExport } from './parse-ente-test-file';
import { draft, SECRET_A, SECRET_B } from './import-test-helpers';


/**
 * Written by libsodium 1.0.18 itself (Debian's libsodium23, called through Python's ctypes)
 * following ente's export steps: crypto_pwhash(32 bytes, password, random salt, opsLimit 3,
 * memLimit 16 MiB, ARGON2ID13), crypto_secretstream_xchacha20poly1305_init_push, one push with
 * TAG_FINAL, base64 fields. Password "correct horse battery". Smaller memory than ente's 256 MiB
 * so the test stays fast; the parameters are read from the file either way.
 */
const LIBSODIUM_FILE = JSON.stringify({
  version: 1,
  encryptedData:
    'vGe+0FN9WwaVo4i6ZpQgF4TnUMEXMX1hu0Ox/35DZ9HBlmdThr8iN1UV4CiD291u3dpLn6fsnMsY2CRP7jekgUKRXzzIwIND6KzoLuBY5cvysprJvIHUqXA7qvkR7PaMGz+iFEio6OKaLTkzE9VDunU73s4SdBnODHtwYqLBTHg24MoUH/p+pZTX3Z6otxq25t0cOtYgT0t5gY2UhL00O6v5wVf1U6o2KBuSGZbkYwVRHOwTlUDDGq7SLSvzSOdbGr13VwuzrtscBJSzj5E41osLliGwN0igioAhfeapkQg2BjeUTgR0Kf7zb7qk1HjJG1wsYCH4WSHIlvMdd4hDTSwmUk7ynPMChLpIsXdCs4hZZZ0TbK7f+oaEyexdK8K+gT0Nfw==',
  encryptionNonce: 'W7g/uAJ4UerGWMP/dN3vMPWlneyp/zwK',
  kdfParams: { memLimit: 16777216, opsLimit: 3, salt: 'b4XahsC31Kidld1VMy7yEg==' },
});
const LIBSODIUM_PASSWORD = 'correct horse battery';
const LIBSODIUM_ACCOUNTS = [
  draft({}),
  draft({ kind: 'hotp', issuer: 'Bank', label: 'bob', secret: SECRET_B, algorithm: 'SHA256', digits: 8, period: 30, counter: 7 }),
];

const hex = (text: string): Uint8Array => new Uint8Array(text.match(/../gu)!.map((pair) => Number.parseInt(pair, 16)));

/** Small Argon2 settings so the generated files open quickly. */
const FAST = { memLimit: 64 * 1024, opsLimit: 2 };

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

describe('ente Auth encrypted export', () => {
  it('reads a file written by libsodium the way ente writes it', async () => {
    const json = JSON.parse(LIBSODIUM_FILE) as Record<string, unknown>;
    expect(isEnteEncryptedExport(json)).toBe(true);
    expect(await parseEnteEncrypted(json, LIBSODIUM_PASSWORD)).toEqual({ accounts: LIBSODIUM_ACCOUNTS, problems: [] });
    expect(await importAccounts({ text: LIBSODIUM_FILE, fileName: 'ente-auth-codes-2026-12-05.txt' }, { password: LIBSODIUM_PASSWORD })).toEqual({
      format: ImportFormat.Ente,
      accounts: LIBSODIUM_ACCOUNTS,
      problems: [],
    });
  });

  it('asks for the password before deriving anything', async () => {
    expect(await importAccounts({ text: LIBSODIUM_FILE })).toEqual({ format: ImportFormat.Ente, accounts: [], problems: [], needsPassword: true });
    expect(await importAccounts({ text: LIBSODIUM_FILE }, { password: '' })).toMatchObject({ needsPassword: true });
  });

  it('calls a wrong password a wrong password', async () => {
    const error = await failure(importAccounts({ text: LIBSODIUM_FILE }, { password: 'correct horse battery staple' }));
    expect(error).toBeInstanceOf(WrongPasswordError);
    expect(inEnglish((error as WrongPasswordError).text)).toBe('That is not the password of this ente Auth export. Check Caps Lock and try again.');
  });

  it.each([
    { name: 'one account', password: 'pw', lines: [enteLine(`otpauth://totp/GitHub:alice?secret=${SECRET_A}&issuer=GitHub&algorithm=SHA1&digits=6&period=30`)] },
    {
      name: 'pinned, tagged, with a note and a non-ASCII password',
      password: 'Pässwörter sind 🔑',
      lines: [
        enteLine(`otpauth://totp/GitHub:alice?secret=${SECRET_A}&issuer=GitHub&algorithm=SHA1&digits=6&period=30`, { pinned: true, tags: ['work', 'dev'], note: 'a, b' }),
        enteLine(`otpauth://hotp/Bank:bob?secret=${SECRET_B}&issuer=Bank&algorithm=SHA256&digits=8&counter=7`),
      ],
    },
    { name: 'no codes at all', password: 'pw', lines: [] },
  ])('reads a generated file: $name', async ({ password, lines }) => {
    const plain = lines.map((line) => `${line}\n`).join('');
    const file = await writeEnteEncryptedExport(plain, password, FAST);
    const opened = await parseEnteEncrypted(JSON.parse(file) as Record<string, unknown>, password);
    expect(opened.accounts).toHaveLength(lines.length);
    expect(opened.problems).toEqual([]);
    // Exactly what the plain export of the same codes gives.
    expect(opened).toEqual(parseEnte(plain));
  });

  it('uses the Argon2id settings written in the file', async () => {
    const salt = new Uint8Array(16).fill(7);
    const header = new Uint8Array(24).fill(9);
    const plain = `${enteLine(`otpauth://totp/GitHub:alice?secret=${SECRET_A}&issuer=GitHub`)}\n`;
    const a = JSON.parse(await writeEnteEncryptedExport(plain, 'pw', { memLimit: 64 * 1024, opsLimit: 2, salt, header })) as Record<string, unknown>;
    const b = JSON.parse(await writeEnteEncryptedExport(plain, 'pw', { memLimit: 128 * 1024, opsLimit: 1, salt, header })) as Record<string, unknown>;
    expect(a.encryptedData).not.toBe(b.encryptedData);
    // Swapping the settings between the files breaks both: the key depends on them.
    await expect(parseEnteEncrypted({ ...a, kdfParams: b.kdfParams }, 'pw')).rejects.toBeInstanceOf(WrongPasswordError);
    expect((await parseEnteEncrypted(b, 'pw')).accounts).toEqual([draft({})]);
  });

  const base = JSON.parse(LIBSODIUM_FILE) as Record<string, unknown>;
  const kdf = base.kdfParams as Record<string, unknown>;
  it.each([
    { name: 'a salt of 8 bytes', file: { ...base, kdfParams: { ...kdf, salt: toBase64(new Uint8Array(8)) } }, detail: 'its “salt” is not valid' },
    { name: 'a missing salt', file: { ...base, kdfParams: { memLimit: 16777216, opsLimit: 3 } }, detail: 'its “salt” is not valid' },
    { name: 'a header of 16 bytes', file: { ...base, encryptionNonce: toBase64(new Uint8Array(16)) }, detail: 'its “encryptionNonce” is not valid' },
    { name: 'data shorter than the overhead', file: { ...base, encryptedData: toBase64(new Uint8Array(16)) }, detail: 'its “encryptedData” is not valid' },
    { name: 'data that is not base64', file: { ...base, encryptedData: '!!!' }, detail: 'its “encryptedData” is not valid' },
    { name: 'a memLimit under 8 KiB', file: { ...base, kdfParams: { ...kdf, memLimit: 4096 } }, detail: 'its “memLimit” is not valid' },
    { name: 'a memLimit as text', file: { ...base, kdfParams: { ...kdf, memLimit: '16777216' } }, detail: 'its “memLimit” is not valid' },
    { name: 'an opsLimit of 0', file: { ...base, kdfParams: { ...kdf, opsLimit: 0 } }, detail: 'its “opsLimit” is not valid' },
    { name: '2 GiB of memory', file: { ...base, kdfParams: { ...kdf, memLimit: 2 * 1024 ** 3 } }, detail: 'its key settings ask for more work than Twofold allows' },
    { name: 'more work than ente ever asks for twice', file: { ...base, kdfParams: { ...kdf, memLimit: 256 * 1024 ** 2, opsLimit: 64 } }, detail: 'its key settings ask for more work than Twofold allows' },
  ])('refuses $name before deriving a key', async ({ file, detail }) => {
    const error = await failure(parseEnteEncrypted(file, 'anything'));
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).failure).toBe(ImportFailure.Damaged);
    expect(inEnglish((error as ImportError).text)).toBe(`This ente Auth export cannot be read: ${detail}. Nothing was imported; export the codes from ente Auth again.`);
  });

  it('accepts every setting ente has written (1 GiB × 4, 256 MiB × 16, 128 MiB × 32) without a password', async () => {
    for (const [memLimit, opsLimit] of [[1024 ** 3, 4], [256 * 1024 ** 2, 16], [128 * 1024 ** 2, 32]] as const) {
      expect(memLimit * opsLimit).toBeLessThanOrEqual(EnteKdfLimits.maxWork);
      expect(await parseEnteEncrypted({ ...base, kdfParams: { ...kdf, memLimit, opsLimit } }, undefined)).toEqual({ accounts: [], problems: [], needsPassword: true });
    }
  });

  it('refuses an export version it does not know', async () => {
    const error = await failure(parseEnteEncrypted({ ...base, version: 2 }, LIBSODIUM_PASSWORD));
    expect((error as ImportError).failure).toBe(ImportFailure.Unsupported);
    expect(inEnglish((error as ImportError).text)).toContain('export version 2');
  });
});

describe('secretstream (one message)', () => {
  const key = new Uint8Array(32).map((_, i) => i);
  const header = new Uint8Array(24).map((_, i) => 100 + i);
  const message = new TextEncoder().encode('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP\n'.repeat(3));

  it('opens what it seals, with the tag, and adds 17 bytes', () => {
    const sealed = secretstreamPushFirst(key, header, message, SECRETSTREAM_TAG_FINAL);
    expect(sealed.length).toBe(message.length + 17);
    expect(secretstreamPullFirst(key, header, sealed)).toEqual({ message, tag: SECRETSTREAM_TAG_FINAL });
    expect(secretstreamPullFirst(key, header, secretstreamPushFirst(key, header, new Uint8Array(0), 0))).toEqual({ message: new Uint8Array(0), tag: 0 });
  });

  it('refuses any changed byte, another key or another header', () => {
    const sealed = secretstreamPushFirst(key, header, message, SECRETSTREAM_TAG_FINAL);
    for (const at of [0, 1, sealed.length - 17, sealed.length - 1]) {
      const changed = sealed.slice();
      changed[at]! ^= 1;
      expect(secretstreamPullFirst(key, header, changed)).toBeNull();
    }
    expect(secretstreamPullFirst(key.map((b) => b ^ 1), header, sealed)).toBeNull();
    expect(secretstreamPullFirst(key, header.map((b, i) => (i === 20 ? b ^ 1 : b)), sealed)).toBeNull();
    expect(secretstreamPullFirst(key, header, sealed.subarray(0, 16))).toBeNull();
  });

  it('matches libsodium byte for byte', () => {
    // crypto_secretstream_xchacha20poly1305 init_push + push(TAG_FINAL) by libsodium 1.0.18 with the
    // key 00 01 … 1f: header, then the sealed "hello world" (11 bytes: the padding quirk shows).
    const header = hex('8a83c2a3b54916ebc16079622b9c334de66d0f62a788fdd4');
    const sealed = hex('0433b87336038ff7520eb0e2094140336b7b67939311cb7ee6e731b5');
    const hello = new TextEncoder().encode('hello world');
    expect(secretstreamPushFirst(key, header, hello, SECRETSTREAM_TAG_FINAL)).toEqual(sealed);
    expect(secretstreamPullFirst(key, header, sealed)).toEqual({ message: hello, tag: SECRETSTREAM_TAG_FINAL });
  });
});
