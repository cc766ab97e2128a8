/**
 * The sync format, version 1: what Twofold keeps in the browser's `storage.sync`, the quotas it
 * must fit, and the exact bytes that are authenticated and checksummed. docs/sync-format.md
 * describes the same thing for people; keep the two in step.
 *
 * Pure: no browser API. Every value written is ASCII (base64, hex, digits, fixed words), so the
 * sizes below are the same whether a browser counts UTF-8 bytes or UTF-16 code units.
 */
import type { AccountEntry } from '../otp/account';
import type { VaultKdf } from '../vault';

/** Value of `format` in the header and the manifest. */
export const SYNC_FORMAT = 'twofold-sync';
/** Sync format version this code reads and writes. */
export const SYNC_VERSION = 1;

/** Keys of Twofold's items in `storage.sync`. Chunk `i` is `chunkPrefix + i` (i = 0, 1, …). */
export const SYNC_KEYS = Object.freeze({
  header: 'twofold-sync-header',
  manifest: 'twofold-sync-manifest',
  chunkPrefix: 'twofold-sync-',
});

/**
 * The limits this format is written for: Chrome's `storage.sync` (and Edge's, the same code).
 * Firefox documents the same three numbers and counts an item the same way (key length plus
 * the length of the value as JSON). Chrome also limits writes (120 a minute, 1,800 an hour;
 * each `set` or `remove` call is one write): the caller batches, see docs/sync-format.md.
 * @see https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 */
export const SYNC_QUOTA = Object.freeze({
  /** `QUOTA_BYTES_PER_ITEM`: key + JSON of the value, in bytes. */
  bytesPerItem: 8_192,
  /** `QUOTA_BYTES`: all items of the extension together. */
  totalBytes: 102_400,
  /** `MAX_ITEMS`. */
  maxItems: 512,
});

/** Random bytes that name one sync key (so a manifest written under another key is recognized). */
export const KEY_ID_BYTES = 16;
/** Bytes of the AES-256 sync key. */
export const SYNC_KEY_BYTES = 32;
/** The compressed plaintext is padded to a multiple of this many bytes (hides small size changes). */
export const PAD_BLOCK_BYTES = 256;
/** Largest decompressed state accepted (a hostile or buggy writer must not exhaust memory). */
export const MAX_STATE_BYTES = 16 * 1024 * 1024;
/** Tombstones older than this are dropped by the merge (90 days, in ms). */
export const TOMBSTONE_LIFETIME_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * A deletion marker: the account `id` was deleted at `deletedAt` (ms since the epoch), so a
 * browser that still has it deletes it too instead of syncing it back.
 */
export interface Tombstone {
  id: string;
  deletedAt: number;
}

/**
 * What is synced, before encryption: the accounts, the deletion markers, and when the order of
 * the accounts was last changed by hand (ms since the epoch; 0 if never), because reordering
 * does not touch `updatedAt`.
 */
export interface SyncState {
  entries: AccountEntry[];
  tombstones: Tombstone[];
  orderChangedAt: number;
}

/**
 * The small item that makes the sync key from the master password: the sync key, AES-256-GCM
 * encrypted under Argon2id(password). Written when sync is first turned on and after a password
 * change; the same on every browser.
 */
export interface SyncHeader {
  format: typeof SYNC_FORMAT;
  version: typeof SYNC_VERSION;
  /** Base64 of {@link KEY_ID_BYTES} random bytes chosen with the sync key. */
  keyId: string;
  kdf: VaultKdf;
  keyWrap: {
    /** Base64 of a 12-byte IV. */
    iv: string;
    /** Base64 of 48 bytes: the encrypted sync key, then the tag. */
    wrapped: string;
  };
  /** Lower-case hex SHA-256 of {@link headerChecksumInput} (accidental damage only). */
  checksum: string;
}

/** The encrypted state as one piece, before it is cut into items. */
export interface EncryptedSyncPayload {
  /** The `keyId` of the header whose key encrypted it. */
  keyId: string;
  /** 1 for the first write, then one more than the highest revision the writer had seen. */
  revision: number;
  /** Base64 of the 12-byte IV, fresh on every write; it also names the write in every chunk. */
  iv: string;
  /** Base64 of the AES-256-GCM ciphertext and its 16-byte tag. */
  ciphertext: string;
}

/** Header and payload together: everything {@link toSyncItems} turns into items. */
export interface EncryptedSync {
  header: SyncHeader;
  payload: EncryptedSyncPayload;
}

/** The item that says which chunks make up the current write. */
export interface SyncManifest {
  format: typeof SYNC_FORMAT;
  version: typeof SYNC_VERSION;
  keyId: string;
  revision: number;
  iv: string;
  /** Number of chunk items, 1 … {@link SYNC_QUOTA}.maxItems − 2. */
  chunks: number;
  /** Characters of base64 ciphertext in all chunks together. */
  length: number;
  /** Lower-case hex SHA-256 of {@link manifestChecksumInput}. */
  checksum: string;
}

/** One chunk item: `w` names the write it belongs to (the payload IV), `d` is its slice of base64. */
export interface SyncChunk {
  w: string;
  d: string;
}

const encoder = new TextEncoder();

function utf8(parts: ReadonlyArray<string | number>): Uint8Array<ArrayBuffer> {
  return encoder.encode(JSON.stringify(parts));
}

/**
 * Additional data for the sync key wrap.
 * @returns UTF-8 of `JSON.stringify(["twofold-sync", 1, "key-wrap", keyId, kdf.name,
 *   kdf.memoryKiB, kdf.iterations, kdf.parallelism, kdf.salt])`.
 * @see docs/sync-format.md#additional-data
 */
export function syncKeyWrapAdditionalData(header: Pick<SyncHeader, 'keyId' | 'kdf'>): Uint8Array<ArrayBuffer> {
  const { kdf } = header;
  return utf8([SYNC_FORMAT, SYNC_VERSION, 'key-wrap', header.keyId, kdf.name, kdf.memoryKiB, kdf.iterations, kdf.parallelism, kdf.salt]);
}

/**
 * Additional data for the payload: binds the key id and the revision, so a payload is never
 * shown under another write's manifest.
 * @returns UTF-8 of `JSON.stringify(["twofold-sync", 1, "payload", keyId, revision])`.
 * @see docs/sync-format.md#additional-data
 */
export function syncPayloadAdditionalData(payload: Pick<EncryptedSyncPayload, 'keyId' | 'revision'>): Uint8Array<ArrayBuffer> {
  return utf8([SYNC_FORMAT, SYNC_VERSION, 'payload', payload.keyId, payload.revision]);
}

/**
 * What the header checksum covers.
 * @returns UTF-8 of `JSON.stringify(["twofold-sync", 1, "header", keyId, kdf.name, kdf.memoryKiB,
 *   kdf.iterations, kdf.parallelism, kdf.salt, keyWrap.iv, keyWrap.wrapped])`.
 */
export function headerChecksumInput(header: Omit<SyncHeader, 'checksum'>): Uint8Array<ArrayBuffer> {
  const { kdf, keyWrap } = header;
  return utf8([
    SYNC_FORMAT, SYNC_VERSION, 'header', header.keyId,
    kdf.name, kdf.memoryKiB, kdf.iterations, kdf.parallelism, kdf.salt,
    keyWrap.iv, keyWrap.wrapped,
  ]);
}

/**
 * What the manifest checksum covers: the manifest and the whole ciphertext (the chunks joined).
 * @returns UTF-8 of `JSON.stringify(["twofold-sync", 1, "manifest", keyId, revision, iv, chunks,
 *   length, ciphertext])`.
 */
export function manifestChecksumInput(manifest: Omit<SyncManifest, 'checksum' | 'format' | 'version'>, ciphertext: string): Uint8Array<ArrayBuffer> {
  return utf8([SYNC_FORMAT, SYNC_VERSION, 'manifest', manifest.keyId, manifest.revision, manifest.iv, manifest.chunks, manifest.length, ciphertext]);
}

/**
 * Lower-case hex SHA-256.
 * @see https://csrc.nist.gov/pubs/fips/180-4/upd1/final
 */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * Size of one item as the browser counts it against the quotas: the key's length plus the
 * length of the value written as JSON.
 * @returns bytes (our keys and values are ASCII, so characters = bytes).
 */
export function syncItemSize(key: string, value: unknown): number {
  return encoder.encode(key).length + encoder.encode(JSON.stringify(value) ?? '').length;
}
