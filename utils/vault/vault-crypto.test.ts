import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError, VaultDamagedError, VaultLockedError, WrongPasswordError } from '../errors';
import { fromBase64, toBase64 } from './base64';
import { changeVaultPassword, createVault, openVault, sealVault, unlockVault } from './vault-crypto';
import { computeChecksum, DEFAULT_KDF, type KdfParams, type VaultFile } from './vault-format';

/** Small Argon2id parameters so the suite stays fast; one test below uses the real defaults. */
const FAST: KdfParams = { memoryKiB: 1024, iterations: 1, parallelism: 1 };
const PASSWORD = 'correct horse battery staple';
const OTHER_PASSWORD = 'Tr0ub4dor&3 is worse';

interface Entry {
  id: string;
  issuer: string;
  secret: string;
}
const ENTRIES: Entry[] = [
  { id: 'a', issuer: 'Amazon', secret: 'JBSWY3DPEHPK3PXP' },
  { id: 'b', issuer: 'Google', secret: 'GEZDGNBVGY3TQOJQ' },
];

type Json = Record<string, unknown>;
const clone = <V>(value: V): V => structuredClone(value);

/** A copy of `file` with the value at `path` (dots) replaced by `change(old)`. */
function edit(file: VaultFile, path: string, change: (old: unknown) => unknown): Json {
  const copy = clone(file) as unknown as Json;
  const keys = path.split('.');
  const last = keys.pop() as string;
  let target = copy;
  for (const key of keys) target = target[key] as Json;
  target[last] = change(target[last]);
  return copy;
}
const set = (file: VaultFile, path: string, value: unknown) => edit(file, path, () => value);
/** A copy of `file` without the field at `path`. */
function drop(file: VaultFile, path: string): Json {
  const copy = clone(file) as unknown as Json;
  const keys = path.split('.');
  const last = keys.pop() as string;
  let target = copy;
  for (const key of keys) target = target[key] as Json;
  delete target[last];
  return copy;
}

type Where = 'start' | 'middle' | 'end';
/** Flips the lowest bit of one byte of base64 `text`: first, middle, or last (the GCM tag). */
function flipBit(text: unknown, where: Where): string {
  const bytes = fromBase64(text as string);
  const index = where === 'start' ? 0 : where === 'middle' ? bytes.length >> 1 : bytes.length - 1;
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return toBase64(bytes);
}
const randomBase64 = (length: number) => toBase64(globalThis.crypto.getRandomValues(new Uint8Array(length)));
const shorten = (text: unknown, by: number) => {
  const bytes = fromBase64(text as string);
  return toBase64(bytes.subarray(0, bytes.length - by));
};

/** Recomputes the checksum, as someone changing the file on purpose would. */
async function resealChecksum(file: Json): Promise<Json> {
  const { checksum: _ignored, ...rest } = file;
  return { ...rest, checksum: await computeChecksum(rest as unknown as Omit<VaultFile, 'checksum'>) };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

let base: VaultFile;
let baseKey: Uint8Array;
/** Same password, different data key and salt. */
let other: VaultFile;
let otherKey: Uint8Array;
/** `base` sealed once more (revision 2). */
let base2: VaultFile;

beforeAll(async () => {
  ({ file: base, dataKey: baseKey } = await createVault(PASSWORD, ENTRIES, { kdf: FAST }));
  ({ file: other, dataKey: otherKey } = await createVault(PASSWORD, [{ id: 'x', issuer: 'Evil', secret: 'AAAA' }], { kdf: FAST }));
  base2 = await sealVault(base, baseKey, [...ENTRIES, { id: 'c', issuer: 'Slack', secret: 'MFRGGZDFMZTWQ2LK' }]);
});

describe('createVault / unlockVault', () => {
  it.each([
    { name: 'a few entries', entries: ENTRIES as unknown[] },
    { name: 'an empty list', entries: [] },
    {
      name: 'unicode entries',
      entries: [{ issuer: 'Bücherstube Zürich', label: 'jürgen@example.de' }, { issuer: '確認コード', label: '名前 🔐' }, 'a\u0000b\u2028c'],
    },
    { name: 'nested values and numbers', entries: [{ n: 0, f: -1.5, t: true, x: null, list: [1, [2, { y: 'z' }]] }] },
  ])('round-trips $name', async ({ entries }) => {
    const { file, dataKey } = await createVault(PASSWORD, entries, { kdf: FAST });
    expect(file.revision).toBe(1);
    const unlocked = await unlockVault(file, PASSWORD);
    expect(unlocked.entries).toEqual(entries);
    expect(unlocked.dataKey).toEqual(dataKey);
    expect(unlocked.file).toEqual(file);
  });

  it('stores a plain JSON object that survives JSON and structured cloning', async () => {
    expect(JSON.parse(JSON.stringify(base))).toEqual(base);
    await expect(unlockVault(JSON.parse(JSON.stringify(base)), PASSWORD)).resolves.toMatchObject({ entries: ENTRIES });
    expect(Object.keys(base)).toEqual(['format', 'version', 'revision', 'kdf', 'keyWrap', 'payload', 'checksum']);
    expect(base).toMatchObject({ format: 'twofold-vault', version: 1, revision: 1, kdf: { name: 'argon2id', ...FAST } });
    expect(fromBase64(base.kdf.salt)).toHaveLength(16);
    expect(baseKey).toHaveLength(32);
  });

  it('gives each vault its own salt, data key and IVs', () => {
    expect(other.kdf.salt).not.toBe(base.kdf.salt);
    expect(otherKey).not.toEqual(baseKey);
    expect(other.keyWrap.iv).not.toBe(base.keyWrap.iv);
    expect(other.payload.iv).not.toBe(base.payload.iv);
  });

  it('normalizes the password to NFC, however the accents were typed', async () => {
    const composed = 'Crème brûlée 🔑';
    const decomposed = 'Cre\u0300me bru\u0302le\u0301e 🔑';
    const { file } = await createVault(composed, ENTRIES, { kdf: FAST });
    await expect(unlockVault(file, decomposed)).resolves.toMatchObject({ entries: ENTRIES });
  });

  it('reads the KDF parameters back from the header', async () => {
    const custom: KdfParams = { memoryKiB: 2048, iterations: 2, parallelism: 2 };
    const { file } = await createVault(PASSWORD, ENTRIES, { kdf: custom });
    expect(file.kdf).toEqual({ name: 'argon2id', ...custom, salt: file.kdf.salt });
    // unlockVault takes no parameters: only the header can have told it these.
    await expect(unlockVault(file, PASSWORD)).resolves.toMatchObject({ entries: ENTRIES });
    // …and they matter: the same file claiming other parameters does not open.
    const claimsDefaults = await resealChecksum(set(file, 'kdf.parallelism', 1));
    await expect(unlockVault(claimsDefaults, PASSWORD)).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('uses the random source it is given (and checks what it returns)', async () => {
    let counter = 0;
    const counting = (length: number) => Uint8Array.from({ length }, () => counter++ & 0xff);
    const first = await createVault(PASSWORD, ENTRIES, { kdf: FAST, random: counting });
    counter = 0;
    const second = await createVault(PASSWORD, ENTRIES, { kdf: FAST, random: counting });
    expect(second.file).toEqual(first.file);
    await expect(createVault(PASSWORD, ENTRIES, { kdf: FAST, random: () => new Uint8Array(4) })).rejects.toMatchObject({
      field: 'random',
    });
  });

  it.each([
    { name: 'a short password', call: () => createVault('short', [], { kdf: FAST }), field: 'password' },
    { name: 'entries that are not a list', call: () => createVault(PASSWORD, {} as unknown as [], { kdf: FAST }), field: 'entries' },
    { name: 'memory above the cap', call: () => createVault(PASSWORD, [], { kdf: { memoryKiB: 4_194_304 } }), field: 'kdf' },
    { name: 'zero iterations', call: () => createVault(PASSWORD, [], { kdf: { ...FAST, iterations: 0 } }), field: 'kdf' },
    { name: 'fractional memory', call: () => createVault(PASSWORD, [], { kdf: { ...FAST, memoryKiB: 1024.5 } }), field: 'kdf' },
  ])('refuses to create with $name', async ({ call, field }) => {
    const error = await rejection(call());
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe(field);
  });

  it('reports a wrong password as WrongPasswordError and changes nothing', async () => {
    const before = clone(base);
    for (const password of [OTHER_PASSWORD, PASSWORD.toUpperCase(), `${PASSWORD} `, PASSWORD.slice(0, -1)]) {
      const error = await rejection(unlockVault(base, password));
      expect(error).toBeInstanceOf(WrongPasswordError);
      expect(error.cause).toBeDefined();
    }
    // An empty box is a form mistake, not a guess: it must not count towards the back-off.
    await expect(unlockVault(base, '')).rejects.toMatchObject({ name: 'InvalidInputError', field: 'password' });
    expect(base).toEqual(before);
    await expect(unlockVault(base, PASSWORD)).resolves.toMatchObject({ entries: ENTRIES });
  });
});

describe('sealVault', () => {
  it('bumps the revision and keeps the KDF block and the key wrap', async () => {
    expect(base2.revision).toBe(2);
    expect(base2.kdf).toEqual(base.kdf);
    expect(base2.keyWrap).toEqual(base.keyWrap);
    const third = await sealVault(base2, baseKey, []);
    expect(third.revision).toBe(3);
    await expect(unlockVault(third, PASSWORD)).resolves.toMatchObject({ entries: [] });
    expect((await unlockVault(base2, PASSWORD)).entries).toHaveLength(3);
  });

  it('uses a fresh IV on every write, so equal entries never give equal ciphertext', async () => {
    const a = await sealVault(base, baseKey, ENTRIES);
    const b = await sealVault(base, baseKey, ENTRIES);
    expect(a.revision).toBe(b.revision);
    expect(a.payload.iv).not.toBe(b.payload.iv);
    expect(a.payload.ciphertext).not.toBe(b.payload.ciphertext);
    expect(a.payload.iv).not.toBe(base.payload.iv);
    expect(await openVault(a, baseKey)).toEqual(await openVault(b, baseKey));
  });

  it('does not modify the file it is given', async () => {
    const before = clone(base);
    await sealVault(base, baseKey, []);
    expect(base).toEqual(before);
  });

  it("refuses a key that is not this vault's (a stale session key after a restore)", async () => {
    const error = await rejection(sealVault(base, otherKey, ENTRIES));
    expect(error).toBeInstanceOf(VaultLockedError);
    expect(error.cause).toBeDefined();
  });

  it('refuses to overwrite a damaged vault', async () => {
    const damaged = set(base, 'payload.ciphertext', flipBit(base.payload.ciphertext, 'middle')) as unknown as VaultFile;
    await expect(sealVault(damaged, baseKey, ENTRIES)).rejects.toBeInstanceOf(VaultDamagedError);
  });
});

describe('openVault', () => {
  it('decrypts with the data key from the unlock', async () => {
    expect(await openVault(base, baseKey)).toEqual(ENTRIES);
    expect(await openVault(base2, (await unlockVault(base2, PASSWORD)).dataKey)).toHaveLength(3);
  });

  it.each([
    { name: "another vault's key (the vault was replaced)", key: () => otherKey },
    { name: 'a key of the wrong length', key: () => baseKey.subarray(0, 16) },
    { name: 'an all-zero key', key: () => new Uint8Array(32) },
  ])('asks to unlock again for $name', async ({ key }) => {
    const error = await rejection(openVault(base, key()));
    expect(error).toBeInstanceOf(VaultLockedError);
    expect(error.message).toMatch(/Unlock Twofold again/);
    expect(error.cause).toBeDefined();
  });

  it('reports structural and checksum damage as damage, whatever the key', async () => {
    await expect(openVault(drop(base, 'payload.iv'), baseKey)).rejects.toBeInstanceOf(VaultDamagedError);
    await expect(openVault(set(base, 'revision', 5), otherKey)).rejects.toBeInstanceOf(VaultDamagedError);
  });
});

describe('changeVaultPassword', () => {
  it('re-wraps the data key only: new password works, old fails, payload byte-identical', async () => {
    const changed = await changeVaultPassword(base2, PASSWORD, OTHER_PASSWORD, { kdf: FAST });
    expect(changed.payload).toEqual(base2.payload);
    expect(changed.revision).toBe(base2.revision);
    expect(changed.kdf.salt).not.toBe(base2.kdf.salt);
    expect(changed.keyWrap.iv).not.toBe(base2.keyWrap.iv);
    expect(changed.keyWrap.wrapped).not.toBe(base2.keyWrap.wrapped);
    expect(changed.checksum).not.toBe(base2.checksum);

    const unlocked = await unlockVault(changed, OTHER_PASSWORD);
    expect(unlocked.entries).toEqual((await unlockVault(base2, PASSWORD)).entries);
    expect(unlocked.dataKey).toEqual(baseKey);
    await expect(unlockVault(changed, PASSWORD)).rejects.toBeInstanceOf(WrongPasswordError);
    // The session key keeps working, so the change does not lock anyone out.
    expect(await openVault(changed, baseKey)).toHaveLength(3);
  });

  it.each([
    { name: 'a wrong old password', input: () => base as unknown, old: OTHER_PASSWORD, next: 'new password 1', error: WrongPasswordError },
    { name: 'a damaged vault', input: () => set(base, 'payload.iv', randomBase64(12)), old: PASSWORD, next: 'new password 1', error: VaultDamagedError },
    { name: 'a weak new password', input: () => base as unknown, old: PASSWORD, next: 'short', error: InvalidInputError },
  ])('fails for $name and leaves the input unchanged', async ({ input, old, next, error }) => {
    const file = input();
    const before = clone(file);
    await expect(changeVaultPassword(file, old, next, { kdf: FAST })).rejects.toBeInstanceOf(error);
    expect(file).toEqual(before);
  });
});

describe('tampering with the correct password: always VaultDamagedError', () => {
  type Row = { name: string; input: () => unknown; detail: RegExp };
  const field = (path: string) => new RegExp(`"${path.replace('.', '\\.')}"`);
  const checksum = /checksum does not match/;

  const rows = (): Row[] => [
    // Every header field, changed to another valid-looking value: the checksum catches it.
    { name: 'format changed', input: () => set(base, 'format', 'twofold-vault2'), detail: field('format') },
    { name: 'format of another app', input: () => set(base, 'format', 'aegis'), detail: field('format') },
    { name: 'version 2 (newer)', input: () => set(base, 'version', 2), detail: /format version 2/ },
    { name: 'version 0', input: () => set(base, 'version', 0), detail: field('version') },
    { name: 'version as text', input: () => set(base, 'version', '1'), detail: field('version') },
    { name: 'revision changed', input: () => set(base, 'revision', 2), detail: checksum },
    { name: 'revision 0', input: () => set(base, 'revision', 0), detail: field('revision') },
    { name: 'revision negative', input: () => set(base, 'revision', -1), detail: field('revision') },
    { name: 'revision fractional', input: () => set(base, 'revision', 1.5), detail: field('revision') },
    { name: 'revision as text', input: () => set(base, 'revision', '1'), detail: field('revision') },
    { name: 'revision unsafe', input: () => set(base, 'revision', 2 ** 53), detail: field('revision') },
    { name: 'kdf.name argon2i', input: () => set(base, 'kdf.name', 'argon2i'), detail: field('kdf.name') },
    { name: 'kdf.name pbkdf2', input: () => set(base, 'kdf.name', 'pbkdf2'), detail: field('kdf.name') },
    { name: 'kdf.memoryKiB changed', input: () => set(base, 'kdf.memoryKiB', 2048), detail: checksum },
    { name: 'kdf.memoryKiB 4 GiB', input: () => set(base, 'kdf.memoryKiB', 4_194_304), detail: field('kdf.memoryKiB') },
    { name: 'kdf.memoryKiB below Argon2 minimum', input: () => set(base, 'kdf.memoryKiB', 7), detail: field('kdf.memoryKiB') },
    { name: 'kdf.memoryKiB as text', input: () => set(base, 'kdf.memoryKiB', '1024'), detail: field('kdf.memoryKiB') },
    { name: 'kdf.memoryKiB NaN', input: () => set(base, 'kdf.memoryKiB', Number.NaN), detail: field('kdf.memoryKiB') },
    { name: 'kdf.iterations changed', input: () => set(base, 'kdf.iterations', 2), detail: checksum },
    { name: 'kdf.iterations 0', input: () => set(base, 'kdf.iterations', 0), detail: field('kdf.iterations') },
    { name: 'kdf.iterations a billion', input: () => set(base, 'kdf.iterations', 1e9), detail: field('kdf.iterations') },
    {
      name: 'kdf memory × iterations over the work cap',
      input: () => ({ ...clone(base), kdf: { ...base.kdf, memoryKiB: 262_144, iterations: 16 } }),
      detail: /more work/,
    },
    { name: 'kdf.parallelism changed', input: () => set(base, 'kdf.parallelism', 2), detail: checksum },
    { name: 'kdf.parallelism 0', input: () => set(base, 'kdf.parallelism', 0), detail: field('kdf.parallelism') },
    { name: 'kdf.parallelism 1000', input: () => set(base, 'kdf.parallelism', 1000), detail: field('kdf.parallelism') },
    { name: 'kdf.salt changed', input: () => set(base, 'kdf.salt', randomBase64(16)), detail: checksum },
    { name: 'kdf.salt bit flip', input: () => edit(base, 'kdf.salt', (s) => flipBit(s, 'middle')), detail: checksum },
    { name: 'kdf.salt 15 bytes', input: () => edit(base, 'kdf.salt', (s) => shorten(s, 1)), detail: field('kdf.salt') },
    { name: 'kdf.salt not base64', input: () => set(base, 'kdf.salt', 'not base64 at all!!!!!!!'), detail: field('kdf.salt') },
    { name: 'kdf.salt stray bits', input: () => set(base, 'kdf.salt', 'AAAAAAAAAAAAAAAAAAAAAB=='), detail: field('kdf.salt') },
    { name: 'keyWrap.iv changed', input: () => set(base, 'keyWrap.iv', randomBase64(12)), detail: checksum },
    { name: 'keyWrap.iv 16 bytes', input: () => set(base, 'keyWrap.iv', randomBase64(16)), detail: field('keyWrap.iv') },
    ...(['start', 'middle', 'end'] as const).map((where) => ({
      name: `keyWrap.wrapped bit flip at the ${where}${where === 'end' ? ' (GCM tag)' : ''}`,
      input: () => edit(base, 'keyWrap.wrapped', (s) => flipBit(s, where)),
      detail: checksum,
    })),
    { name: 'keyWrap.wrapped truncated', input: () => edit(base, 'keyWrap.wrapped', (s) => shorten(s, 1)), detail: field('keyWrap.wrapped') },
    { name: 'keyWrap.wrapped empty', input: () => set(base, 'keyWrap.wrapped', ''), detail: field('keyWrap.wrapped') },
    { name: 'payload.iv changed', input: () => set(base, 'payload.iv', randomBase64(12)), detail: checksum },
    { name: 'payload.iv 8 bytes', input: () => set(base, 'payload.iv', randomBase64(8)), detail: field('payload.iv') },
    ...(['start', 'middle', 'end'] as const).map((where) => ({
      name: `payload.ciphertext bit flip at the ${where}${where === 'end' ? ' (GCM tag)' : ''}`,
      input: () => edit(base, 'payload.ciphertext', (s) => flipBit(s, where)),
      detail: checksum,
    })),
    { name: 'payload.ciphertext short by 1 byte', input: () => edit(base, 'payload.ciphertext', (s) => shorten(s, 1)), detail: checksum },
    {
      name: 'payload.ciphertext cut in half',
      input: () => edit(base, 'payload.ciphertext', (s) => (s as string).slice(0, ((s as string).length >> 3) * 4)),
      detail: checksum,
    },
    { name: 'payload.ciphertext shorter than a tag', input: () => set(base, 'payload.ciphertext', randomBase64(15)), detail: field('payload.ciphertext') },
    { name: 'payload.ciphertext with a newline', input: () => edit(base, 'payload.ciphertext', (s) => `${s}\n`), detail: field('payload.ciphertext') },
    { name: 'payload.ciphertext 24 MB', input: () => set(base, 'payload.ciphertext', 'A'.repeat(24_000_000)), detail: /too long/ },
    { name: 'checksum one digit changed', input: () => edit(base, 'checksum', (c) => `${(c as string).slice(0, -1)}${(c as string).endsWith('0') ? '1' : '0'}`), detail: checksum },
    { name: 'checksum upper case', input: () => edit(base, 'checksum', (c) => (c as string).toUpperCase()), detail: field('checksum') },
    { name: 'checksum 63 digits', input: () => edit(base, 'checksum', (c) => (c as string).slice(1)), detail: field('checksum') },
    { name: 'checksum as a number', input: () => set(base, 'checksum', 0), detail: field('checksum') },
    // Missing and extra fields, at every level.
    ...['format', 'version', 'revision', 'kdf', 'keyWrap', 'payload', 'checksum'].map((path) => ({
      name: `${path} dropped`,
      input: () => drop(base, path),
      detail: field(path),
    })),
    ...['kdf.name', 'kdf.memoryKiB', 'kdf.iterations', 'kdf.parallelism', 'kdf.salt', 'keyWrap.iv', 'keyWrap.wrapped', 'payload.iv', 'payload.ciphertext'].map(
      (path) => ({ name: `${path} dropped`, input: () => drop(base, path), detail: field(path) }),
    ),
    { name: 'an extra top-level field', input: () => ({ ...base, note: 'hi' }), detail: field('note') },
    { name: 'an extra field in kdf', input: () => set(base, 'kdf.pepper', 'x'), detail: field('kdf.pepper') },
    { name: 'an extra field in keyWrap', input: () => set(base, 'keyWrap.alg', 'A256GCM'), detail: field('keyWrap.alg') },
    { name: 'an extra field in payload', input: () => set(base, 'payload.plain', '[]'), detail: field('payload.plain') },
    { name: 'kdf is null', input: () => set(base, 'kdf', null), detail: field('kdf') },
    { name: 'keyWrap is a list', input: () => set(base, 'keyWrap', [base.keyWrap.iv, base.keyWrap.wrapped]), detail: field('keyWrap') },
    { name: 'payload is text', input: () => set(base, 'payload', base.payload.ciphertext), detail: field('payload') },
    // Not an object at all, including a cut-off write of the JSON text.
    { name: 'null', input: () => null, detail: /not an object/ },
    { name: 'undefined', input: () => undefined, detail: /not an object/ },
    { name: 'a number', input: () => 42, detail: /not an object/ },
    { name: 'true', input: () => true, detail: /not an object/ },
    { name: 'the JSON text instead of the object', input: () => JSON.stringify(base), detail: /not an object/ },
    { name: 'truncated JSON text', input: () => JSON.stringify(base).slice(0, 100), detail: /not an object/ },
    { name: 'an empty list', input: () => [], detail: /not an object/ },
    { name: 'the vault inside a list', input: () => [base], detail: /not an object/ },
    { name: 'an empty object', input: () => ({}), detail: field('format') },
  ];

  it('covers every field of the file', () => {
    const names = rows().map((row) => row.name);
    for (const path of ['format', 'version', 'revision', 'kdf.name', 'kdf.memoryKiB', 'kdf.iterations', 'kdf.parallelism', 'kdf.salt', 'keyWrap.iv', 'keyWrap.wrapped', 'payload.iv', 'payload.ciphertext', 'checksum']) {
      expect(names.some((name) => name.startsWith(`${path} `)), path).toBe(true);
    }
  });

  it.each(rows())('$name', async ({ input, detail }) => {
    const value = input();
    const error = await rejection(unlockVault(value, PASSWORD));
    expect(error).toBeInstanceOf(VaultDamagedError);
    expect(error.message).toMatch(detail);
    expect(error.message).toMatch(/Nothing has been changed\./);
    expect(error.message).toMatch(/Settings → Import/);
    // The same input is damage for the session-key path too.
    await expect(openVault(value, baseKey)).rejects.toBeInstanceOf(VaultDamagedError);
  });

  it('keeps the underlying error as cause', async () => {
    const error = await rejection(unlockVault(set(base, 'kdf.salt', '!!!!'), PASSWORD));
    expect(error.cause).toBeInstanceOf(InvalidInputError);
  });
});

/*
 * Someone who edits the file on purpose can recompute the checksum: it has no key, it only
 * catches accidents. Security rests on GCM. A change to anything that feeds the key-encryption
 * key or the key wrap (KDF block, salt, wrap IV, wrapped key) makes the unwrap fail, and a
 * failed unwrap with a valid checksum is indistinguishable from a wrong password: we say
 * WrongPasswordError. A change to anything after the unwrap (revision, payload IV, ciphertext,
 * a payload or key wrap from another vault) is caught by the payload's tag: VaultDamagedError,
 * since the password was demonstrably right. Either way nothing ever decrypts.
 */
describe('deliberate changes with the checksum recomputed: never decrypts', () => {
  const rows = (): { name: string; input: () => Json; error: typeof WrongPasswordError | typeof VaultDamagedError }[] => [
    { name: 'kdf.memoryKiB lowered (downgrade)', input: () => set(base, 'kdf.memoryKiB', 512), error: WrongPasswordError },
    { name: 'kdf.iterations raised', input: () => set(base, 'kdf.iterations', 2), error: WrongPasswordError },
    { name: 'kdf.parallelism raised', input: () => set(base, 'kdf.parallelism', 2), error: WrongPasswordError },
    { name: 'kdf.salt replaced', input: () => set(base, 'kdf.salt', randomBase64(16)), error: WrongPasswordError },
    { name: 'keyWrap.iv replaced', input: () => set(base, 'keyWrap.iv', randomBase64(12)), error: WrongPasswordError },
    ...(['start', 'middle', 'end'] as const).map((where) => ({
      name: `keyWrap.wrapped bit flip at the ${where}`,
      input: () => edit(base, 'keyWrap.wrapped', (s) => flipBit(s, where)),
      error: WrongPasswordError,
    })),
    { name: 'revision raised', input: () => set(base, 'revision', 2), error: VaultDamagedError },
    { name: 'revision lowered (older payload claims to be newer)', input: () => set(base2, 'revision', 1), error: VaultDamagedError },
    { name: 'payload.iv replaced', input: () => set(base, 'payload.iv', randomBase64(12)), error: VaultDamagedError },
    ...(['start', 'middle', 'end'] as const).map((where) => ({
      name: `payload.ciphertext bit flip at the ${where}`,
      input: () => edit(base, 'payload.ciphertext', (s) => flipBit(s, where)),
      error: VaultDamagedError,
    })),
    { name: 'payload.ciphertext truncated', input: () => edit(base, 'payload.ciphertext', (s) => shorten(s, 1)), error: VaultDamagedError },
    { name: 'payload of revision 1 under the revision-2 header', input: () => set(base2, 'payload', base.payload), error: VaultDamagedError },
    { name: "another vault's payload (same password)", input: () => set(base, 'payload', other.payload), error: VaultDamagedError },
    {
      name: "another vault's key block (same password)",
      input: () => ({ ...clone(base), kdf: other.kdf, keyWrap: other.keyWrap }),
      error: VaultDamagedError,
    },
  ];

  it.each(rows())('$name → $error.name', async ({ input, error }) => {
    const forged = await resealChecksum(input());
    const caught = await rejection(unlockVault(forged, PASSWORD));
    expect(caught).toBeInstanceOf(error);
    expect(caught.cause).toBeDefined();
  });
});

describe('with the real default parameters (m = 64 MiB, t = 3, p = 1)', () => {
  it('creates, unlocks and changes the password; logs the time', async () => {
    let start = performance.now();
    const { file } = await createVault(PASSWORD, ENTRIES);
    const createMs = performance.now() - start;
    expect(file.kdf).toMatchObject(DEFAULT_KDF);

    start = performance.now();
    const { entries } = await unlockVault(file, PASSWORD);
    const unlockMs = performance.now() - start;
    expect(entries).toEqual(ENTRIES);
    console.log(`Argon2id m=64 MiB t=3 p=1 in Node ${process.version}: create ${createMs.toFixed(0)} ms, unlock ${unlockMs.toFixed(0)} ms`);
    expect(unlockMs).toBeLessThan(5_000);
  });

  it('moves a vault to the current defaults on a password change', async () => {
    const changed = await changeVaultPassword(base, PASSWORD, OTHER_PASSWORD);
    expect(changed.kdf).toMatchObject(DEFAULT_KDF);
    expect(changed.payload).toEqual(base.payload);
    await expect(unlockVault(changed, OTHER_PASSWORD)).resolves.toMatchObject({ entries: ENTRIES });
  });
});
