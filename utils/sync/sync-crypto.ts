/**
 * The sync key and the encrypted sync state (docs/sync-format.md). Pure: WebCrypto through
 * `globalThis.crypto`, Argon2id from hash-wasm, CompressionStream; no browser API.
 *
 * Each browser's vault has its own random data key, so the synced copy carries its own key: a
 * random 256-bit sync key, wrapped (like the vault's data key) by Argon2id(master password) in a
 * small header item. Every browser that knows the password unwraps the same sync key.
 */
import { InvalidInputError } from '../errors';
import { msg } from '../i18n/local-message';
import { KDF_LIMITS, type KdfParams, type RandomBytes, type VaultKdf } from '../vault';
import { fromBase64, toBase64 } from '../vault/base64';
import { defaultRandom, deriveKeyEncryptionKey, importAesKey, newKdf, randomBytes } from '../vault/key-derivation';
import { deflateRaw, inflateRaw } from './compress';
import { syncDamagedError, syncTooNewError, syncWrongPasswordError } from './sync-errors';
import {
  headerChecksumInput,
  KEY_ID_BYTES,
  MAX_STATE_BYTES,
  PAD_BLOCK_BYTES,
  sha256Hex,
  SYNC_FORMAT,
  SYNC_KEY_BYTES,
  SYNC_VERSION,
  syncKeyWrapAdditionalData,
  syncPayloadAdditionalData,
  type EncryptedSyncPayload,
  type SyncHeader,
  type SyncState,
} from './sync-format';
import { syncStateProblem } from './validate-sync-state';

/** Options for {@link createSyncKey} and {@link rewrapSyncKey}. */
export interface SyncKeyOptions {
  /** Overrides of the vault's DEFAULT_KDF, within KDF_LIMITS (tests use small ones for speed). */
  kdf?: Partial<KdfParams>;
  /** Defaults to `crypto.getRandomValues`. */
  random?: RandomBytes;
}

/** Options for {@link encryptSyncState}. */
export interface EncryptSyncOptions {
  /** The header's `keyId`. */
  keyId: string;
  /** The revision to write (one more than the highest seen). */
  revision: number;
  /** Defaults to `crypto.getRandomValues`. */
  random?: RandomBytes;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const SALT_BYTES = 16;
const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const encoder = new TextEncoder();

/**
 * Starts sync: a new random sync key, wrapped by a key derived from `password` (Argon2id with
 * the vault's default parameters unless overridden, new salt), and a new random key id.
 *
 * @param password the master password (NFC, then UTF-8, as for the vault).
 * @returns the header to store in `storage.sync` and the 32-byte sync key to keep.
 * @throws InvalidInputError for an empty password (field "password"), KDF settings outside
 *   KDF_LIMITS (field "kdf"), or a `random` returning the wrong length (field "random").
 * @see https://www.rfc-editor.org/rfc/rfc9106
 */
export async function createSyncKey(password: string, options: SyncKeyOptions = {}): Promise<{ header: SyncHeader; syncKey: Uint8Array }> {
  checkPassword(password);
  const random = options.random ?? defaultRandom;
  const syncKey = randomBytes(random, SYNC_KEY_BYTES);
  const keyId = toBase64(randomBytes(random, KEY_ID_BYTES));
  const header = await wrapSyncKey(password, keyId, syncKey, newKdf(options.kdf, random), random);
  return { header, syncKey };
}

/**
 * Opens the synced header with the master password.
 *
 * @param header the header item as read from `storage.sync`; validated here.
 * @returns the 32-byte sync key and the validated header.
 * @throws SyncUnreadableError (Damaged, TooNew) for a header that fails its structure or
 *   checksum; WrongPasswordError when the key does not unwrap; InvalidInputError (field
 *   "password") for an empty password.
 * @see docs/sync-format.md#order-of-checks
 */
export async function unlockSyncKey(header: unknown, password: string): Promise<{ syncKey: Uint8Array; header: SyncHeader }> {
  const valid = await readSyncHeader(header);
  checkPassword(password);
  const kek = await deriveKeyEncryptionKey(password, valid.kdf);
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: fromBase64(valid.keyWrap.iv), additionalData: syncKeyWrapAdditionalData(valid), tagLength: 128 },
      kek,
      fromBase64(valid.keyWrap.wrapped),
    );
    return { syncKey: new Uint8Array(plain), header: valid };
  } catch (error) {
    throw syncWrongPasswordError(error);
  }
}

/**
 * Wraps the same sync key under a new password (after a master password change): new salt,
 * current default KDF parameters, same `keyId`, so the synced payload stays valid. Other
 * browsers that hold the sync key keep syncing; a browser that has to unlock it afresh needs
 * the new password.
 *
 * @param header the current header (its `keyId` is kept).
 * @param syncKey the sync key that header wraps; the caller must hold the right one.
 * @returns the new header.
 * @throws SyncUnreadableError for a damaged header; InvalidInputError as {@link createSyncKey}.
 */
export async function rewrapSyncKey(header: unknown, syncKey: Uint8Array, newPassword: string, options: SyncKeyOptions = {}): Promise<SyncHeader> {
  const valid = await readSyncHeader(header);
  checkPassword(newPassword);
  checkKey(syncKey);
  const random = options.random ?? defaultRandom;
  return wrapSyncKey(newPassword, valid.keyId, syncKey, newKdf(options.kdf, random), random);
}

/**
 * Encrypts the sync state: JSON, UTF-8, raw DEFLATE, a 4-byte length and zero padding to a
 * multiple of {@link PAD_BLOCK_BYTES}, then AES-256-GCM under the sync key with a fresh IV.
 *
 * @param state what to sync (validated first: only a well-formed state is ever written).
 * @param syncKey the 32-byte key from {@link createSyncKey} or {@link unlockSyncKey}.
 * @returns the payload for {@link toSyncItems}.
 * @throws InvalidInputError for a state that does not validate, a bad key or revision.
 * @see docs/sync-format.md#payload
 */
export async function encryptSyncState(state: SyncState, syncKey: Uint8Array, options: EncryptSyncOptions): Promise<EncryptedSyncPayload> {
  const problem = syncStateProblem(state);
  if (problem) throw new InvalidInputError(msg('errSyncStateInvalid', problem.detail), { cause: problem.cause, field: 'state' });
  checkKey(syncKey);
  const { keyId, revision } = options;
  if (!Number.isSafeInteger(revision) || revision < 1) throw new InvalidInputError(msg('errSyncRevision'), { field: 'revision' });
  const random = options.random ?? defaultRandom;
  const json = encoder.encode(JSON.stringify(state));
  const compressed = await deflateRaw(json);
  json.fill(0);
  const padded = new Uint8Array(Math.ceil((4 + compressed.length) / PAD_BLOCK_BYTES) * PAD_BLOCK_BYTES);
  new DataView(padded.buffer).setUint32(0, compressed.length);
  padded.set(compressed, 4);
  compressed.fill(0);
  const iv = randomBytes(random, IV_BYTES);
  const ciphertext = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: syncPayloadAdditionalData({ keyId, revision }), tagLength: 128 },
    await importAesKey(syncKey),
    padded,
  );
  padded.fill(0);
  return { keyId, revision, iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(ciphertext)) };
}

/**
 * Decrypts and checks a payload read by {@link fromSyncItems}.
 *
 * @returns the synced state, validated (accounts well-formed, ids unique).
 * @throws SyncUnreadableError (Damaged) when the payload fails authentication (wrong key for
 *   this payload, or altered), does not decompress, or is not a well-formed state.
 * @see docs/sync-format.md#order-of-checks
 */
export async function decryptSyncState(payload: EncryptedSyncPayload, syncKey: Uint8Array): Promise<SyncState> {
  checkKey(syncKey);
  let padded: Uint8Array;
  try {
    padded = new Uint8Array(
      await subtle().decrypt(
        { name: 'AES-GCM', iv: fromBase64(payload.iv), additionalData: syncPayloadAdditionalData(payload), tagLength: 128 },
        await importAesKey(syncKey),
        fromBase64(payload.ciphertext),
      ),
    );
  } catch (error) {
    throw syncDamagedError('the encrypted accounts fail authentication', error);
  }
  let state: unknown;
  try {
    if (padded.length < 4) throw new RangeError('too short');
    const length = new DataView(padded.buffer, padded.byteOffset, padded.byteLength).getUint32(0);
    if (4 + length > padded.length || padded.subarray(4 + length).some((b) => b !== 0)) throw new RangeError('bad length or padding');
    const json = await inflateRaw(padded.subarray(4, 4 + length), MAX_STATE_BYTES);
    state = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
    json.fill(0);
  } catch (error) {
    throw syncDamagedError('the decrypted accounts do not unpack', error);
  } finally {
    padded.fill(0);
  }
  const problem = syncStateProblem(state);
  if (problem) throw syncDamagedError(problem.detail, problem.cause);
  return state as SyncState;
}

/** The sync key kept in this browser's local storage, encrypted under the vault's data key. */
export interface LocalSyncKey {
  /** The `keyId` of the header this key belongs to. */
  keyId: string;
  /** Base64 of a 12-byte IV. */
  iv: string;
  /** Base64 of 48 bytes: the encrypted sync key, then the tag. */
  wrapped: string;
}

/**
 * Encrypts the sync key under the local vault's data key, so that after a browser restart the
 * unlock (one Argon2id run) gives both keys: unwrapping the synced header as well would double
 * the unlock time. AD: `["twofold-sync",1,"local-key",keyId]`.
 *
 * @param dataKey the 32-byte vault data key held while unlocked.
 * @throws InvalidInputError for keys of the wrong length.
 */
export async function sealSyncKeyLocally(syncKey: Uint8Array, keyId: string, dataKey: Uint8Array, random: RandomBytes = defaultRandom): Promise<LocalSyncKey> {
  checkKey(syncKey);
  checkKey(dataKey);
  const iv = randomBytes(random, IV_BYTES);
  const wrapped = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: localKeyAdditionalData(keyId), tagLength: 128 },
    await importAesKey(dataKey),
    new Uint8Array(syncKey),
  );
  return { keyId, iv: toBase64(iv), wrapped: toBase64(new Uint8Array(wrapped)) };
}

/**
 * Opens what {@link sealSyncKeyLocally} stored.
 * @returns the 32-byte sync key.
 * @throws SyncUnreadableError (Damaged) when it does not open with `dataKey` (the vault was
 *   replaced or the item altered): the caller forgets it and asks for the password.
 */
export async function openSyncKeyLocally(sealed: LocalSyncKey, dataKey: Uint8Array): Promise<Uint8Array> {
  checkKey(dataKey);
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: localKeyAdditionalData(sealed.keyId), tagLength: 128 },
      await importAesKey(dataKey),
      fromBase64(sealed.wrapped),
    );
    return new Uint8Array(plain);
  } catch (error) {
    throw syncDamagedError('the sync key kept on this computer does not open', error);
  }
}

function localKeyAdditionalData(keyId: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(JSON.stringify([SYNC_FORMAT, SYNC_VERSION, 'local-key', keyId]));
}

/**
 * Checks a header item's structure and checksum (no cryptography beyond SHA-256).
 * @returns a fresh copy with only the known fields.
 * @throws SyncUnreadableError: TooNew for a later version, Damaged otherwise, naming the field.
 */
export async function readSyncHeader(value: unknown): Promise<SyncHeader> {
  const top = object(value, 'the sync header');
  if (top.format !== SYNC_FORMAT) throw syncDamagedError(`the header's "format" is not "${SYNC_FORMAT}"`);
  if (typeof top.version === 'number' && Number.isSafeInteger(top.version) && top.version > SYNC_VERSION) throw syncTooNewError(top.version);
  if (top.version !== SYNC_VERSION) throw syncDamagedError(`the header's "version" is not ${SYNC_VERSION}`);
  exactFields(top, 'header', ['format', 'version', 'keyId', 'kdf', 'keyWrap', 'checksum']);
  const kdfFields = object(top.kdf, 'the header\'s "kdf"');
  exactFields(kdfFields, 'header.kdf', ['name', 'memoryKiB', 'iterations', 'parallelism', 'salt']);
  if (kdfFields.name !== 'argon2id') throw syncDamagedError('the header\'s "kdf.name" is not "argon2id"');
  const parallelism = integer(kdfFields.parallelism, 'kdf.parallelism', 1, KDF_LIMITS.maxParallelism);
  const memoryKiB = integer(kdfFields.memoryKiB, 'kdf.memoryKiB', KDF_LIMITS.minMemoryKiBPerLane * parallelism, KDF_LIMITS.maxMemoryKiB);
  const iterations = integer(kdfFields.iterations, 'kdf.iterations', 1, KDF_LIMITS.maxIterations);
  if (memoryKiB * iterations > KDF_LIMITS.maxWork) throw syncDamagedError('the header asks for more key derivation work than Twofold allows');
  const wrap = object(top.keyWrap, 'the header\'s "keyWrap"');
  exactFields(wrap, 'header.keyWrap', ['iv', 'wrapped']);
  const header: SyncHeader = {
    format: SYNC_FORMAT,
    version: SYNC_VERSION,
    keyId: base64Field(top.keyId, 'keyId', KEY_ID_BYTES),
    kdf: { name: 'argon2id', memoryKiB, iterations, parallelism, salt: base64Field(kdfFields.salt, 'kdf.salt', SALT_BYTES) },
    keyWrap: { iv: base64Field(wrap.iv, 'keyWrap.iv', IV_BYTES), wrapped: base64Field(wrap.wrapped, 'keyWrap.wrapped', SYNC_KEY_BYTES + TAG_BYTES) },
    checksum: typeof top.checksum === 'string' ? top.checksum : '',
  };
  const { checksum, ...unsealed } = header;
  if (checksum !== (await sha256Hex(headerChecksumInput(unsealed)))) throw syncDamagedError('the header\'s checksum does not match');
  return header;
}

async function wrapSyncKey(password: string, keyId: string, syncKey: Uint8Array, kdf: VaultKdf, random: RandomBytes): Promise<SyncHeader> {
  const kek = await deriveKeyEncryptionKey(password, kdf);
  const iv = randomBytes(random, IV_BYTES);
  const wrapped = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: syncKeyWrapAdditionalData({ keyId, kdf }), tagLength: 128 },
    kek,
    new Uint8Array(syncKey),
  );
  const unsealed = { format: SYNC_FORMAT, version: SYNC_VERSION, keyId, kdf, keyWrap: { iv: toBase64(iv), wrapped: toBase64(new Uint8Array(wrapped)) } } as const;
  return { ...unsealed, checksum: await sha256Hex(headerChecksumInput(unsealed)) };
}

function checkPassword(password: string): void {
  if (typeof password !== 'string' || password === '') throw new InvalidInputError(msg('errTypeMasterPassword'), { field: 'password' });
}

function checkKey(key: Uint8Array): void {
  if (!(key instanceof Uint8Array) || key.length !== SYNC_KEY_BYTES) {
    throw new InvalidInputError(msg('errSyncKeyLength', SYNC_KEY_BYTES), { field: 'syncKey' });
  }
}

type Fields = Record<string, unknown>;

function object(value: unknown, what: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw syncDamagedError(`${what} is not an object`);
  return value as Fields;
}

function exactFields(value: Fields, where: string, names: readonly string[]): void {
  for (const name of names) if (!Object.hasOwn(value, name)) throw syncDamagedError(`${where} has no "${name}"`);
  for (const name of Object.keys(value)) if (!names.includes(name)) throw syncDamagedError(`${where} has an unknown field "${name}"`);
}

function integer(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw syncDamagedError(`the header's "${field}" is not a whole number from ${min} to ${max}`);
  }
  return value;
}

function base64Field(value: unknown, field: string, bytes: number): string {
  let decoded: Uint8Array;
  try {
    decoded = fromBase64(value as string);
  } catch (error) {
    throw syncDamagedError(`the header's "${field}" is not valid base64`, error);
  }
  if (decoded.length !== bytes) throw syncDamagedError(`the header's "${field}" is not ${bytes} bytes`);
  return value as string;
}
