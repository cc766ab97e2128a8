import { describe, expect, it } from 'vitest';
import { SyncFailure, SyncFullError, SyncUnreadableError } from '../errors';
import type { AccountEntry } from '../otp/account';
import { DEFAULT_KDF } from '../vault';
import { createSyncKey, decryptSyncState, encryptSyncState, unlockSyncKey, openSyncKeyLocally, sealSyncKeyLocally } from './sync-crypto';
import { PAD_BLOCK_BYTES, SYNC_KEYS, SYNC_QUOTA, syncItemSize, type EncryptedSync, type SyncState } from './sync-format';
import { chunkKey, fromSyncItems, isSyncKey, planSyncWrite, toSyncItems } from './sync-items';
import { FAST_KDF, makeEntry, PASSWORD } from './sync-test-helpers';

/** A typical account for the capacity figure: issuer ~10 characters, label ~25, a 32-character secret, one site. */
function typical(n: number): AccountEntry {
  const issuers = ['Amazon.com', 'GitHub Inc', 'Microsoft ', 'PayPal Inc', 'Dropbox Co', 'Slack Tech', 'Apple Inc.', 'Coinbase  '];
  return makeEntry(n, {
    issuer: `${issuers[n % issuers.length]!.trim()}${n % 10}`,
    label: `user.name${String(n).padStart(4, '0')}@example-mail.com`.slice(0, 25),
    sites: ['amazon.com'],
    createdAt: 1_700_000_000_000 + n * 86_400_123,
    updatedAt: 1_700_000_000_000 + n * 86_400_777,
  });
}

async function encrypted(entries: AccountEntry[], tombstones = 0): Promise<EncryptedSync> {
  const { header, syncKey } = await createSyncKey(PASSWORD, { kdf: FAST_KDF });
  const state: SyncState = {
    entries,
    tombstones: Array.from({ length: tombstones }, () => ({ id: globalThis.crypto.randomUUID(), deletedAt: 1_710_000_000_000 })),
    orderChangedAt: 0,
  };
  const payload = await encryptSyncState(state, syncKey, { keyId: header.keyId, revision: 1 });
  return { header, payload };
}

/** Changes the first base64 character of a chunk to another one. */
function flipFirst(chunk: { d: string }): void {
  chunk.d = (chunk.d.startsWith('A') ? 'B' : 'A') + chunk.d.slice(1);
}

async function totalBytes(entries: AccountEntry[], tombstones = 0): Promise<number> {
  const items = await toSyncItems(await encrypted(entries, tombstones));
  return Object.entries(items).reduce((sum, [k, v]) => sum + syncItemSize(k, v), 0);
}

describe('toSyncItems / fromSyncItems', () => {
  it('cuts the ciphertext into items that each fit, and puts it back together', async () => {
    const sync = await encrypted(Array.from({ length: 300 }, (_, i) => typical(i)));
    const items = await toSyncItems(sync);
    const chunks = Object.keys(items).filter((k) => k.startsWith(SYNC_KEYS.chunkPrefix) && /\d$/.test(k));
    expect(chunks.length).toBeGreaterThan(1);
    for (const [key, value] of Object.entries(items)) expect(syncItemSize(key, value), key).toBeLessThanOrEqual(SYNC_QUOTA.bytesPerItem);
    // Every chunk but the last is filled to the byte.
    for (const key of chunks.slice(0, -1)) expect(syncItemSize(key, items[key])).toBe(SYNC_QUOTA.bytesPerItem);
    expect(await fromSyncItems({ ...items, 'other-extension-setting': { theme: 'dark' } })).toEqual(sync);
  });

  it('reads an empty area as "nothing synced yet", and other keys are ignored', async () => {
    expect(await fromSyncItems({})).toBeNull();
    expect(await fromSyncItems({ theme: 'dark', 'twofold-sync-x': 1 })).toBeNull();
    expect([SYNC_KEYS.header, SYNC_KEYS.manifest, chunkKey(0), chunkKey(12)].every(isSyncKey)).toBe(true);
    expect(['twofold-sync-01', 'twofold-sync-', 'twofold-sync-1a'].some(isSyncKey)).toBe(false);
  });

  const tamper: Array<{ name: string; change: (items: Record<string, unknown>) => void; failure: SyncFailure }> = [
    { name: 'header missing', change: (i) => delete i[SYNC_KEYS.header], failure: SyncFailure.Incomplete },
    { name: 'manifest missing', change: (i) => delete i[SYNC_KEYS.manifest], failure: SyncFailure.Incomplete },
    { name: 'last chunk missing', change: (i) => delete i[chunkKey(1)], failure: SyncFailure.Incomplete },
    { name: 'chunk from another write', change: (i) => ((i[chunkKey(0)] as { w: string }).w = 'AAAAAAAAAAAAAAAA'), failure: SyncFailure.Incomplete },
    { name: 'chunk text changed', change: (i) => flipFirst(i[chunkKey(0)] as { d: string }), failure: SyncFailure.Damaged },
    { name: 'chunk cut short', change: (i) => ((i[chunkKey(1)] as { d: string }).d = (i[chunkKey(1)] as { d: string }).d.slice(0, -4)), failure: SyncFailure.Damaged },
    { name: 'chunk not an object', change: (i) => (i[chunkKey(0)] = 'text'), failure: SyncFailure.Damaged },
    { name: 'revision changed', change: (i) => ((i[SYNC_KEYS.manifest] as { revision: number }).revision = 2), failure: SyncFailure.Damaged },
    { name: 'manifest extra field', change: (i) => ((i[SYNC_KEYS.manifest] as Record<string, unknown>).extra = 1), failure: SyncFailure.Damaged },
    { name: 'header salt changed', change: (i) => ((i[SYNC_KEYS.header] as { kdf: { salt: string } }).kdf.salt = 'AAAAAAAAAAAAAAAAAAAAAA=='), failure: SyncFailure.Damaged },
    { name: 'header of a newer version', change: (i) => ((i[SYNC_KEYS.header] as { version: number }).version = 9), failure: SyncFailure.TooNew },
  ];
  for (const row of tamper) {
    it(`refuses: ${row.name}`, async () => {
      const items = structuredClone(await toSyncItems(await encrypted(Array.from({ length: 150 }, (_, i) => typical(i)))));
      expect(Object.keys(items)).toContain(chunkKey(1));
      row.change(items);
      const error = await fromSyncItems(items).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(SyncUnreadableError);
      expect((error as SyncUnreadableError).failure).toBe(row.failure);
    });
  }

  it('a payload under another key fails as damaged, never decrypts', async () => {
    const one = await encrypted([typical(1)]);
    const other = await createSyncKey(PASSWORD, { kdf: FAST_KDF });
    await expect(decryptSyncState(one.payload, other.syncKey)).rejects.toMatchObject({ failure: SyncFailure.Damaged });
  });
});

describe('sync key', () => {
  it('keeps the KDF parameters in the header (the vault defaults) and opens with the password only', async () => {
    const { header, syncKey } = await createSyncKey(PASSWORD);
    expect(header.kdf).toMatchObject({ name: 'argon2id', ...DEFAULT_KDF });
    expect((await unlockSyncKey(header, PASSWORD)).syncKey).toEqual(syncKey);
    await expect(unlockSyncKey(header, `${PASSWORD}!`)).rejects.toMatchObject({ code: 'wrong-password' });
  });

  it('can be kept locally under the vault data key', async () => {
    const { header, syncKey } = await createSyncKey(PASSWORD, { kdf: FAST_KDF });
    const dataKey = globalThis.crypto.getRandomValues(new Uint8Array(32));
    const sealed = await sealSyncKeyLocally(syncKey, header.keyId, dataKey);
    expect(await openSyncKeyLocally(sealed, dataKey)).toEqual(syncKey);
    await expect(openSyncKeyLocally(sealed, new Uint8Array(32))).rejects.toBeInstanceOf(SyncUnreadableError);
  });

  it('pads the compressed plaintext, so ciphertext sizes move in steps', async () => {
    const small = await encrypted([typical(1)]);
    const ciphertextBytes = (small.payload.ciphertext.length / 4) * 3 - (small.payload.ciphertext.match(/=/g)?.length ?? 0);
    expect((ciphertextBytes - 16) % PAD_BLOCK_BYTES).toBe(0);
  });
});

describe('planSyncWrite', () => {
  it('removes chunks the new write no longer uses, keeps other keys, and counts them', async () => {
    const big = await toSyncItems(await encrypted(Array.from({ length: 300 }, (_, i) => typical(i))));
    const small = await toSyncItems(await encrypted([typical(1)]));
    const current = { ...big, theme: 'dark' };
    const plan = planSyncWrite(small, current, 1);
    expect(plan.remove.sort()).toEqual(Object.keys(big).filter((k) => /\d$/.test(k) && !(k in small)).sort());
    expect(plan.remove).not.toContain('theme');
    expect(plan.bytesAfter).toBe(Object.entries({ ...small, theme: 'dark' }).reduce((s, [k, v]) => s + syncItemSize(k, v), 0));
    expect(plan.removeFirst).toBe(false);
  });

  it('removes first when old and new together would pass the quota for a moment', () => {
    const chunks = (n: number, size: number, w: string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [chunkKey(i), { w, d: 'A'.repeat(size) }]));
    const others = { theme: 'a'.repeat(7500), layout: 'b'.repeat(7500) };
    const current = { ...chunks(14, 6000, 'old'), ...others };
    const next = { ...chunks(10, 8100, 'new'), [SYNC_KEYS.manifest]: { m: 1 }, [SYNC_KEYS.header]: { h: 1 } };
    const plan = planSyncWrite(next, current, 9);
    expect(plan.remove).toEqual([10, 11, 12, 13].map(chunkKey));
    expect(plan.removeFirst).toBe(true);
    expect(plan.bytesAfter).toBeLessThanOrEqual(SYNC_QUOTA.totalBytes);
  });

  it('refuses a set over QUOTA_BYTES with a message that gives the numbers', async () => {
    const next = await toSyncItems(await encrypted(Array.from({ length: 1500 }, (_, i) => typical(i))));
    let error: unknown;
    try {
      planSyncWrite(next, {}, 1500);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SyncFullError);
    expect((error as SyncFullError).bytesNeeded).toBeGreaterThan(SYNC_QUOTA.totalBytes);
    expect((error as Error).message).toMatch(/^Sync is full: 1500 accounts need \d+ KB, the browser allows 100 KB\. Twofold keeps working on this computer/);
  });

  it('counts other extensions’ keys of this extension against the quota', async () => {
    const next = await toSyncItems(await encrypted(Array.from({ length: 50 }, (_, i) => typical(i))));
    expect(() => planSyncWrite(next, { settings: 'x'.repeat(8000), a: 'x'.repeat(8000), b: 'x'.repeat(8000), c: 'x'.repeat(8000), d: 'x'.repeat(8000), e: 'x'.repeat(8000), f: 'x'.repeat(8000), g: 'x'.repeat(8000), h: 'x'.repeat(8000), i: 'x'.repeat(8000), j: 'x'.repeat(8000), k: 'x'.repeat(8000), l: 'x'.repeat(8000) }, 50)).toThrow(SyncFullError);
  });
});

describe('capacity (typical accounts: issuer ~10 characters, label ~25, 32-character secret)', () => {
  it('measures how many accounts fit in 100 KB', async () => {
    let low = 1;
    let high = 4000;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      const entries = Array.from({ length: mid }, (_, i) => typical(i));
      if ((await totalBytes(entries)) <= SYNC_QUOTA.totalBytes) low = mid;
      else high = mid - 1;
    }
    const fit = low;
    expect(await totalBytes(Array.from({ length: fit + 1 }, (_, i) => typical(i)))).toBeGreaterThan(SYNC_QUOTA.totalBytes - 512);
    const entries = Array.from({ length: fit }, (_, i) => typical(i));
    const json = new TextEncoder().encode(JSON.stringify({ entries, tombstones: [], orderChangedAt: 0 })).length;
    const uncompressedFit = Math.floor(fit * ((await totalBytes(entries)) * 0.75 / json));
    const withTombstones = await totalBytes(Array.from({ length: fit - 100 }, (_, i) => typical(i)), 200);
    console.info(
      `sync capacity: ${fit} typical accounts fit in ${SYNC_QUOTA.totalBytes} bytes ` +
        `(${(json / fit).toFixed(0)} bytes of JSON each, ~${(SYNC_QUOTA.totalBytes / fit).toFixed(0)} synced bytes each; ` +
        `without compression about ${uncompressedFit}); ${fit - 100} accounts + 200 tombstones take ${withTombstones} bytes`,
    );
    expect(fit).toBeGreaterThan(400);
    expect(withTombstones).toBeLessThanOrEqual(SYNC_QUOTA.totalBytes);
  }, 120_000);
});
