/**
 * Cutting the encrypted sync state into `storage.sync` items and putting it back together
 * (docs/sync-format.md#items), and the quota check that runs before anything is written.
 */
import { fromBase64 } from '../vault/base64';
import { readSyncHeader } from './sync-crypto';
import { syncDamagedError, syncFullError, syncIncompleteError, syncTooNewError } from './sync-errors';
import {
  KEY_ID_BYTES,
  manifestChecksumInput,
  sha256Hex,
  SYNC_FORMAT,
  SYNC_KEYS,
  SYNC_QUOTA,
  SYNC_VERSION,
  syncItemSize,
  type EncryptedSync,
  type SyncChunk,
  type SyncManifest,
} from './sync-format';

/** Largest number of chunks: every item but the header and the manifest. */
const MAX_CHUNKS = SYNC_QUOTA.maxItems - 2;
const CHUNK_KEY = new RegExp(`^${SYNC_KEYS.chunkPrefix}(0|[1-9][0-9]*)$`);

/** The key of chunk `index`. */
export function chunkKey(index: number): string {
  return `${SYNC_KEYS.chunkPrefix}${index}`;
}

/** True for the keys of Twofold's sync items (header, manifest, chunks). */
export function isSyncKey(key: string): boolean {
  return key === SYNC_KEYS.header || key === SYNC_KEYS.manifest || CHUNK_KEY.test(key);
}

/**
 * Turns the header and the encrypted payload into the items to write to `storage.sync`: the
 * header, a manifest (key id, revision, IV, chunk count, length, checksum) and the base64
 * ciphertext cut into chunks, each as large as one item may be. Every chunk carries the
 * payload IV, which names this write, so a reader can tell chunks of two writes apart.
 *
 * @returns a fresh object from key to value, every item within {@link SYNC_QUOTA}.bytesPerItem.
 *   Whether the whole set fits is checked by {@link planSyncWrite}.
 * @see docs/sync-format.md#items
 */
export async function toSyncItems(encrypted: EncryptedSync): Promise<Record<string, unknown>> {
  const { header, payload } = encrypted;
  const text = payload.ciphertext;
  const items: Record<string, unknown> = { [SYNC_KEYS.header]: header };
  let position = 0;
  let count = 0;
  while (position < text.length) {
    const key = chunkKey(count);
    const room = SYNC_QUOTA.bytesPerItem - syncItemSize(key, { w: payload.iv, d: '' } satisfies SyncChunk);
    const chunk: SyncChunk = { w: payload.iv, d: text.slice(position, position + room) };
    items[key] = chunk;
    position += room;
    count++;
  }
  const unsealed = { keyId: payload.keyId, revision: payload.revision, iv: payload.iv, chunks: count, length: text.length };
  const manifest: SyncManifest = {
    format: SYNC_FORMAT,
    version: SYNC_VERSION,
    ...unsealed,
    checksum: await sha256Hex(manifestChecksumInput(unsealed, text)),
  };
  items[SYNC_KEYS.manifest] = manifest;
  return items;
}

/**
 * Reads the synced copy back from everything in the sync area (other keys are ignored):
 * checks the header (structure, checksum), the manifest, that every chunk it names is present
 * and belongs to the same write, and the checksum over the joined ciphertext. Nothing is
 * decrypted here.
 *
 * @param items the whole sync area, e.g. `await storage.sync.get(null)`.
 * @returns the header and payload for `unlockSyncKey` / `decryptSyncState`, or `null` when
 *   nothing has been synced yet (no Twofold item at all).
 * @throws SyncUnreadableError: Incomplete when the manifest or a chunk is missing, or chunks
 *   (or the manifest and header) come from different writes — a write still arriving;
 *   Damaged when the parts are all there but fail their checks; TooNew for a later version.
 * @see docs/sync-format.md#order-of-checks
 */
export async function fromSyncItems(items: Readonly<Record<string, unknown>>): Promise<EncryptedSync | null> {
  const keys = Object.keys(items).filter(isSyncKey);
  if (keys.length === 0) return null;
  if (items[SYNC_KEYS.header] === undefined) throw syncIncompleteError('the key item is missing');
  const header = await readSyncHeader(items[SYNC_KEYS.header]);
  if (items[SYNC_KEYS.manifest] === undefined) throw syncIncompleteError('the list of parts is missing');
  const manifest = readManifest(items[SYNC_KEYS.manifest]);
  if (manifest.keyId !== header.keyId) throw syncIncompleteError('the parts were written under another sync key');
  const parts: string[] = [];
  for (let i = 0; i < manifest.chunks; i++) {
    const chunk = items[chunkKey(i)];
    if (chunk === undefined) throw syncIncompleteError(`part ${i + 1} of ${manifest.chunks} is missing`);
    if (typeof chunk !== 'object' || chunk === null || Array.isArray(chunk)) throw syncDamagedError(`part ${i + 1} is not a sync part`);
    const { w, d } = chunk as Record<string, unknown>;
    if (typeof w !== 'string' || typeof d !== 'string' || Object.keys(chunk).length !== 2) throw syncDamagedError(`part ${i + 1} is not a sync part`);
    if (w !== manifest.iv) throw syncIncompleteError(`part ${i + 1} of ${manifest.chunks} belongs to another write`);
    parts.push(d);
  }
  const ciphertext = parts.join('');
  if (ciphertext.length !== manifest.length) throw syncDamagedError('the parts do not add up to the recorded length');
  const { format: _format, version: _version, checksum, ...unsealed } = manifest;
  if (checksum !== (await sha256Hex(manifestChecksumInput(unsealed, ciphertext)))) throw syncDamagedError('the parts do not match their checksum');
  let bytes: number;
  try {
    bytes = fromBase64(ciphertext).length;
  } catch (error) {
    throw syncDamagedError('the encrypted accounts are not valid base64', error);
  }
  if (bytes < 16) throw syncDamagedError('the encrypted accounts are too short');
  return { header, payload: { keyId: manifest.keyId, revision: manifest.revision, iv: manifest.iv, ciphertext } };
}

/** What to write, in which order, for one sync push. */
export interface SyncWritePlan {
  /** Items to pass to one `storage.sync.set` call. */
  set: Record<string, unknown>;
  /** Chunk keys of the previous write that the new one no longer uses. */
  remove: string[];
  /**
   * Remove before setting: only when the old and new items together would pass the quota for
   * a moment though the new set alone fits (the synced copy is briefly incomplete, which
   * readers report as Incomplete and retry).
   */
  removeFirst: boolean;
  /** Bytes in use in the sync area after the write (all items, Twofold's and any others). */
  bytesAfter: number;
}

/**
 * Plans a push of `next` (from {@link toSyncItems}) over the current contents of the sync
 * area, and refuses it when it would not fit, before anything is written: each item within
 * QUOTA_BYTES_PER_ITEM, all items (other keys included) within QUOTA_BYTES and MAX_ITEMS.
 *
 * @param current the whole sync area now, e.g. `await storage.sync.get(null)`.
 * @param accounts how many accounts `next` holds (for the message).
 * @throws SyncFullError with the bytes needed and allowed.
 */
export function planSyncWrite(next: Readonly<Record<string, unknown>>, current: Readonly<Record<string, unknown>>, accounts: number): SyncWritePlan {
  const remove = Object.keys(current).filter((key) => CHUNK_KEY.test(key) && !(key in next));
  let kept = 0;
  let keptCount = 0;
  let removed = 0;
  for (const [key, value] of Object.entries(current)) {
    if (key in next) continue;
    if (remove.includes(key)) removed += syncItemSize(key, value);
    else {
      kept += syncItemSize(key, value);
      keptCount++;
    }
  }
  let written = 0;
  for (const [key, value] of Object.entries(next)) {
    const size = syncItemSize(key, value);
    if (size > SYNC_QUOTA.bytesPerItem) throw syncFullError(accounts, kept + sumSizes(next));
    written += size;
  }
  const bytesAfter = kept + written;
  const countAfter = keptCount + Object.keys(next).length;
  if (bytesAfter > SYNC_QUOTA.totalBytes || countAfter > SYNC_QUOTA.maxItems || Object.keys(next).length - 2 > MAX_CHUNKS) {
    throw syncFullError(accounts, bytesAfter);
  }
  const removeFirst = bytesAfter + removed > SYNC_QUOTA.totalBytes || countAfter + remove.length > SYNC_QUOTA.maxItems;
  return { set: { ...next }, remove, removeFirst, bytesAfter };
}

function sumSizes(items: Readonly<Record<string, unknown>>): number {
  return Object.entries(items).reduce((sum, [key, value]) => sum + syncItemSize(key, value), 0);
}

function readManifest(value: unknown): SyncManifest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw syncDamagedError('the list of parts is not an object');
  const m = value as Record<string, unknown>;
  if (m.format !== SYNC_FORMAT) throw syncDamagedError(`the list of parts' "format" is not "${SYNC_FORMAT}"`);
  if (typeof m.version === 'number' && Number.isSafeInteger(m.version) && m.version > SYNC_VERSION) throw syncTooNewError(m.version);
  if (m.version !== SYNC_VERSION) throw syncDamagedError(`the list of parts' "version" is not ${SYNC_VERSION}`);
  const names = ['format', 'version', 'keyId', 'revision', 'iv', 'chunks', 'length', 'checksum'];
  if (Object.keys(m).length !== names.length || !names.every((n) => Object.hasOwn(m, n))) throw syncDamagedError('the list of parts has the wrong fields');
  const whole = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
  if (!whole(m.revision, 1, Number.MAX_SAFE_INTEGER)) throw syncDamagedError('the revision is not a positive whole number');
  if (!whole(m.chunks, 1, MAX_CHUNKS)) throw syncDamagedError('the number of parts is out of range');
  if (!whole(m.length, 1, SYNC_QUOTA.totalBytes)) throw syncDamagedError('the recorded length is out of range');
  if (typeof m.checksum !== 'string' || !/^[0-9a-f]{64}$/.test(m.checksum)) throw syncDamagedError('the checksum is not 64 hex digits');
  if (!isBase64Of(m.keyId, KEY_ID_BYTES)) throw syncDamagedError('the key id is not valid');
  if (!isBase64Of(m.iv, 12)) throw syncDamagedError('the IV is not valid');
  return m as unknown as SyncManifest;
}

function isBase64Of(value: unknown, bytes: number): value is string {
  try {
    return typeof value === 'string' && fromBase64(value).length === bytes;
  } catch {
    return false;
  }
}
