/**
 * Creating, unlocking, reading, writing and re-keying a vault (format: vault-format.ts and
 * docs/vault-format.md). Pure: WebCrypto through `globalThis.crypto` and Argon2id from
 * hash-wasm, nothing else, so it runs in the extension service worker and in Node tests.
 *
 * Key hierarchy (as Aegis and LUKS): a random 256-bit data key encrypts the entries; the data
 * key is wrapped by a key-encryption key (KEK) derived from the master password. The background
 * keeps the data key in session memory between unlocks; it never stores the KEK.
 */
import { InvalidInputError, VaultLockedError, WrongPasswordError } from '../errors';
import { msg } from '../i18n/local-message';
import { fromBase64, toBase64 } from './base64';
import { checkNewPassword } from './password-policy';
import { copy, defaultRandom, deriveKeyEncryptionKey, importAesKey, newKdf, randomBytes, type RandomBytes } from './key-derivation';
import { readVaultFile } from './validate-vault-file';
import { vaultDamagedError } from './vault-damaged-error';
import {
  computeChecksum,
  DEFAULT_KDF,
  IV_BYTES,
  KDF_LIMITS,
  KEY_BYTES,
  keyWrapAdditionalData,
  payloadAdditionalData,
  TAG_BYTES,
  VAULT_FORMAT,
  VAULT_VERSION,
  type KdfParams,
  type UnsealedVaultFile,
  type VaultFile,
  type VaultKdf,
} from './vault-format';

/** Source of random bytes: must return exactly `length` fresh bytes. Tests may pass their own. */
export type { RandomBytes };

/** Options for {@link createVault} and {@link changeVaultPassword}. */
export interface VaultKeyOptions {
  /** Overrides of {@link DEFAULT_KDF}, within KDF_LIMITS (tests use small ones for speed). */
  kdf?: Partial<KdfParams>;
  /** Defaults to `crypto.getRandomValues`. */
  random?: RandomBytes;
}

/** Options for {@link sealVault}. */
export interface SealOptions {
  /** Defaults to `crypto.getRandomValues`. */
  random?: RandomBytes;
}

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const encoder = new TextEncoder();

/**
 * Creates a new vault at revision 1 holding `entries`, under a fresh random data key wrapped
 * by a key derived from `password` (Argon2id, {@link DEFAULT_KDF} unless overridden, new
 * 16-byte salt).
 *
 * @param password the master password; NFC-normalized, then UTF-8, before derivation.
 * @param entries any JSON-serializable list (stored as `JSON.stringify(entries)`).
 * @returns the file to store and the 32-byte data key to keep in session memory.
 * @throws InvalidInputError for a password that fails {@link checkNewPassword} (field
 *   "password"), entries that are not an array (field "entries"), KDF overrides outside
 *   KDF_LIMITS (field "kdf"), or a `random` that returns the wrong length (field "random").
 * @see https://www.rfc-editor.org/rfc/rfc9106 (Argon2)
 * @see https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf (GCM)
 */
export async function createVault<T>(
  password: string,
  entries: T[],
  options: VaultKeyOptions = {},
): Promise<{ file: VaultFile; dataKey: Uint8Array }> {
  checkNewPassword(password);
  checkEntries(entries);
  const random = options.random ?? defaultRandom;
  const kdf = newKdf(options.kdf, random);
  const dataKey = randomBytes(random, KEY_BYTES);
  const header = { format: VAULT_FORMAT, version: VAULT_VERSION, kdf } as const;
  const keyWrap = await wrapDataKey(password, header, dataKey, random);
  const revision = 1;
  const payload = await encryptPayload({ ...header, revision }, dataKey, entries, random);
  const file = await withChecksum({ format: VAULT_FORMAT, version: VAULT_VERSION, revision, kdf, keyWrap, payload });
  return { file, dataKey };
}

/**
 * Opens a stored vault with the master password, using the KDF parameters in its header.
 * Checks, in order: structure, checksum, key unwrap, payload (docs/vault-format.md).
 * Never modifies `file`.
 *
 * @param file what was read from storage; validated here.
 * @returns the data key (32 bytes) to keep in session memory, the decrypted entries (parsed
 *   JSON; their shape is not checked against `T`), and the validated file.
 * @throws VaultDamagedError for bad structure, a checksum mismatch, a payload that fails
 *   authentication or is not a JSON array (always with `cause` when there is one);
 *   WrongPasswordError when the data key does not unwrap (with the GCM failure as `cause`);
 *   InvalidInputError (field "password") for an empty password, which no vault can have.
 * @see docs/vault-format.md#order-of-checks
 */
export async function unlockVault<T>(
  file: unknown,
  password: string,
): Promise<{ dataKey: Uint8Array; entries: T[]; file: VaultFile }> {
  const vault = await readVaultFile(file);
  // No vault has an empty password (checkNewPassword), and Argon2 in hash-wasm refuses one.
  if (typeof password !== 'string' || password === '') {
    throw new InvalidInputError(msg('errTypeMasterPassword'), { field: 'password' });
  }
  const dataKey = await unwrapDataKey(password, vault);
  const entries = await decryptPayload<T>(vault, dataKey, (cause) =>
    vaultDamagedError('the encrypted accounts fail their integrity check', cause),
  );
  return { dataKey, entries, file: vault };
}

/**
 * Decrypts a stored vault with the data key held since the last unlock.
 *
 * @param dataKey the 32-byte key from {@link createVault} / {@link unlockVault}.
 * @returns the entries (parsed JSON; their shape is not checked against `T`).
 * @throws VaultDamagedError for bad structure, a checksum mismatch, or authenticated content
 *   that is not a JSON array; VaultLockedError when the key does not fit the stored vault
 *   (it was replaced since the unlock, e.g. restored from a backup) or is not 32 bytes: the
 *   user must unlock again, and if the vault was deliberately altered that unlock reports it.
 * @see docs/vault-format.md#order-of-checks
 */
export async function openVault<T>(file: unknown, dataKey: Uint8Array): Promise<T[]> {
  const vault = await readVaultFile(file);
  return decryptPayload<T>(vault, dataKey, keyDoesNotFit);
}

/**
 * Writes new entries into a vault: a fresh payload IV, revision + 1, a new checksum; the KDF
 * block and the key wrap are kept as they are. Before writing, the current payload is decrypted
 * with `dataKey`, so a stale key can never produce a vault its password cannot open, and a
 * damaged vault is never overwritten.
 *
 * @param file the current vault (validated again here).
 * @param dataKey the 32-byte data key of that vault.
 * @param entries the complete new list (JSON-serializable).
 * @returns the new file; `file` itself is not modified.
 * @throws VaultDamagedError when `file` is damaged; VaultLockedError when `dataKey` does not
 *   fit it; InvalidInputError when `entries` is not an array.
 * @see docs/vault-format.md#writing
 */
export async function sealVault<T>(
  file: VaultFile,
  dataKey: Uint8Array,
  entries: T[],
  options: SealOptions = {},
): Promise<VaultFile> {
  checkEntries(entries);
  const vault = await readVaultFile(file);
  await decryptPayload<unknown>(vault, dataKey, keyDoesNotFit);
  const revision = vault.revision + 1;
  const payload = await encryptPayload({ ...vault, revision }, dataKey, entries, options.random ?? defaultRandom);
  return withChecksum({ format: vault.format, version: vault.version, revision, kdf: vault.kdf, keyWrap: vault.keyWrap, payload });
}

/**
 * Changes the master password: opens the vault with `oldPassword` (whole, payload included, so
 * a damaged vault is not re-keyed), derives a new key with a new salt and the current default
 * KDF parameters (or `options.kdf`), and re-wraps the same data key. The payload and revision
 * stay byte-identical; the old password stops working on the returned file.
 *
 * The data key itself is not rotated (as in Aegis and LUKS): anyone who already copied the
 * data key could still read later writes. Rotating it means creating a new vault.
 *
 * @returns the new file to store.
 * @throws everything {@link unlockVault} throws (WrongPasswordError for `oldPassword`,
 *   VaultDamagedError), and InvalidInputError for a `newPassword` failing
 *   {@link checkNewPassword} or bad options.
 * @see docs/vault-format.md#changing-the-password
 */
export async function changeVaultPassword(
  file: unknown,
  oldPassword: string,
  newPassword: string,
  options: VaultKeyOptions = {},
): Promise<VaultFile> {
  checkNewPassword(newPassword);
  const random = options.random ?? defaultRandom;
  const kdf = newKdf(options.kdf, random);
  const { dataKey, file: vault } = await unlockVault<unknown>(file, oldPassword);
  try {
    const keyWrap = await wrapDataKey(newPassword, { format: vault.format, version: vault.version, kdf }, dataKey, random);
    const { format, version, revision, payload } = vault;
    return await withChecksum({ format, version, revision, kdf, keyWrap, payload });
  } finally {
    dataKey.fill(0);
  }
}

async function wrapDataKey(
  password: string,
  header: Pick<VaultFile, 'format' | 'version' | 'kdf'>,
  dataKey: Uint8Array,
  random: RandomBytes,
): Promise<VaultFile['keyWrap']> {
  const kek = await deriveKeyEncryptionKey(password, header.kdf);
  const iv = randomBytes(random, IV_BYTES);
  const wrapped = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: keyWrapAdditionalData(header), tagLength: 128 },
    kek,
    copy(dataKey),
  );
  return { iv: toBase64(iv), wrapped: toBase64(new Uint8Array(wrapped)) };
}

/** A GCM failure here means the password (or, rarely, a deliberately edited header) is wrong. */
async function unwrapDataKey(password: string, vault: VaultFile): Promise<Uint8Array> {
  const kek = await deriveKeyEncryptionKey(password, vault.kdf);
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: fromBase64(vault.keyWrap.iv), additionalData: keyWrapAdditionalData(vault), tagLength: 128 },
      kek,
      fromBase64(vault.keyWrap.wrapped),
    );
    return new Uint8Array(plain);
  } catch (error) {
    throw new WrongPasswordError(undefined, { cause: error });
  }
}

async function encryptPayload<T>(
  header: Pick<VaultFile, 'format' | 'version' | 'revision'>,
  dataKey: Uint8Array,
  entries: T[],
  random: RandomBytes,
): Promise<VaultFile['payload']> {
  const key = await importAesKey(dataKey);
  const iv = randomBytes(random, IV_BYTES);
  const plain = encoder.encode(JSON.stringify(entries));
  if (plain.length + TAG_BYTES > KDF_LIMITS.maxPayloadBytes) {
    throw new InvalidInputError(msg('errVaultTooFull'), { field: 'entries' });
  }
  const ciphertext = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: payloadAdditionalData(header), tagLength: 128 },
    key,
    plain,
  );
  plain.fill(0);
  return { iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(ciphertext)) };
}

/**
 * Decrypts and parses the payload. `onAuthFailure` decides what a GCM failure means: damage
 * when the key came from the password, a stale key when it came from session memory.
 */
async function decryptPayload<T>(
  vault: VaultFile,
  dataKey: Uint8Array,
  onAuthFailure: (cause: unknown) => Error,
): Promise<T[]> {
  if (!(dataKey instanceof Uint8Array) || dataKey.length !== KEY_BYTES) {
    throw onAuthFailure(new RangeError(`data key must be ${KEY_BYTES} bytes`));
  }
  const key = await importAesKey(dataKey);
  let plain: Uint8Array;
  try {
    plain = new Uint8Array(
      await subtle().decrypt(
        { name: 'AES-GCM', iv: fromBase64(vault.payload.iv), additionalData: payloadAdditionalData(vault), tagLength: 128 },
        key,
        fromBase64(vault.payload.ciphertext),
      ),
    );
  } catch (error) {
    throw onAuthFailure(error);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch (error) {
    throw vaultDamagedError('the decrypted accounts are not valid JSON', error);
  } finally {
    plain.fill(0);
  }
  if (!Array.isArray(parsed)) throw vaultDamagedError('the decrypted accounts are not a list');
  return parsed as T[];
}

function keyDoesNotFit(cause: unknown): VaultLockedError {
  return new VaultLockedError(msg('errVaultKeyStale'), { cause });
}

async function withChecksum(file: UnsealedVaultFile): Promise<VaultFile> {
  return { ...file, checksum: await computeChecksum(file) };
}

function checkEntries(entries: unknown): void {
  if (!Array.isArray(entries)) throw new InvalidInputError(msg('errAccountsNotList'), { field: 'entries' });
}

