/**
 * Two browsers signed into the same browser account, each with its own local vault and its own
 * `storage.sync` area, and the browser's sync service between them (`deliver`).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode, SyncFailure, SyncFullError, SyncUnreadableError, WrongPasswordError } from '../errors';
import type { AccountEntry } from '../otp/account';
import { decodeBase32 } from '../otp/base32';
import { toBase64 } from '../vault/base64';
import { rewrapSyncKey } from './sync-crypto';
import { SYNC_KEYS } from './sync-format';
import { deliver, FAST_KDF, makeEntry, PASSWORD, TestBrowser } from './sync-test-helpers';

const names = (entries: AccountEntry[]): string[] => entries.map((e) => e.issuer);

/** A and B in step, holding `count` accounts made on A. */
async function pairInStep(count = 3): Promise<{ a: TestBrowser; b: TestBrowser }> {
  const a = await TestBrowser.create(Array.from({ length: count }, (_, i) => makeEntry(i)));
  const b = await TestBrowser.create();
  await a.turnOnSync();
  await a.sync();
  deliver(a.area, b.area);
  await b.turnOnSync();
  await b.sync();
  return { a, b };
}

/** Both push what they have, A's write reaches the server last, then each pulls until quiet. */
async function settle(a: TestBrowser, b: TestBrowser): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await a.sync();
    deliver(a.area, b.area);
    await b.sync();
    deliver(b.area, a.area);
  }
}

async function expectUnreadable(promise: Promise<unknown>, failure: SyncFailure): Promise<SyncUnreadableError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(SyncUnreadableError);
  expect((error as SyncUnreadableError).failure).toBe(failure);
  return error as SyncUnreadableError;
}

describe('two browsers', () => {
  let a: TestBrowser;
  let b: TestBrowser;
  beforeEach(async () => {
    ({ a, b } = await pairInStep());
  });

  it('a fresh profile gets every account after entering the same password', async () => {
    expect(await b.accounts()).toEqual(await a.accounts());
    expect(names(await b.accounts())).toEqual(['Issuer 0000', 'Issuer 0001', 'Issuer 0002']);
  });

  it('concurrent adds on both sides both survive, even when one write overwrites the other on the server', async () => {
    await a.change((es) => [...es, makeEntry(10)]);
    await b.change((es) => [...es, makeEntry(20)]);
    await b.sync();
    await a.sync();
    deliver(a.area, b.area); // A's write wins every item on the server: B's push is gone there.
    await settle(a, b);
    expect(names(await a.accounts()).sort()).toEqual(['Issuer 0000', 'Issuer 0001', 'Issuer 0002', 'Issuer 0010', 'Issuer 0020']);
    expect(await b.accounts()).toEqual(await a.accounts());
  });

  it('add here and delete there: both survive', async () => {
    const doomed = (await b.accounts())[1]!.id;
    await a.change((es) => [...es, makeEntry(10)]);
    await b.change((es) => es.filter((e) => e.id !== doomed));
    await settle(a, b);
    expect(names(await a.accounts())).toEqual(['Issuer 0000', 'Issuer 0002', 'Issuer 0010']);
    expect(await b.accounts()).toEqual(await a.accounts());
  });

  it('a deleted account does not come back from a browser that still had it', async () => {
    const doomed = (await a.accounts())[0]!.id;
    await a.change((es) => es.filter((e) => e.id !== doomed));
    await a.sync();
    deliver(a.area, b.area);
    await b.sync();
    expect((await b.accounts()).map((e) => e.id)).not.toContain(doomed);
    await settle(a, b);
    expect((await a.accounts()).map((e) => e.id)).not.toContain(doomed);
  });

  it('concurrent edits of one account: the later edit wins on both', async () => {
    const id = (await a.accounts())[0]!.id;
    const edit = (label: string, at: number) => (es: AccountEntry[]) => es.map((e) => (e.id === id ? { ...e, label, updatedAt: at } : e));
    await a.change(edit('from A', 1_720_000_000_000));
    await b.change(edit('from B', 1_720_000_005_000));
    await settle(a, b);
    expect((await a.accounts())[0]!.label).toBe('from B');
    expect(await b.accounts()).toEqual(await a.accounts());
  });

  it('a reorder on one side and an add on the other: the new order, the new account after it', async () => {
    await a.change((es) => es.map((e) => ({ ...e, order: 2 - e.order }))); // reverse, as reorderAccounts does (no updatedAt)
    await b.change((es) => [...es, makeEntry(9, { order: 3 })]);
    await settle(a, b);
    expect(names(await a.accounts())).toEqual(['Issuer 0002', 'Issuer 0001', 'Issuer 0000', 'Issuer 0009']);
    expect(await b.accounts()).toEqual(await a.accounts());
  });

  it('concurrent reorders: the later one wins on both', async () => {
    const swapFirstTwo = (es: AccountEntry[]) => es.map((e) => ({ ...e, order: e.order === 0 ? 1 : e.order === 1 ? 0 : e.order }));
    const lastFirst = (es: AccountEntry[]) => es.map((e) => ({ ...e, order: (e.order + 1) % 3 }));
    await a.change(swapFirstTwo);
    await a.sync();
    b.clock = a.clock + 60_000; // B reorders a minute later
    await b.change(lastFirst);
    await b.sync();
    deliver(a.area, b.area); // even if A's write lands last on the server
    await settle(a, b);
    expect(names(await a.accounts())).toEqual(['Issuer 0002', 'Issuer 0000', 'Issuer 0001']);
    expect(await b.accounts()).toEqual(await a.accounts());
  });

  it('a wrong password on the second browser is refused and writes nothing', async () => {
    const c = await TestBrowser.create([makeEntry(50)]);
    deliver(a.area, c.area);
    const error = await c.turnOnSync('not the password at all').then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(WrongPasswordError);
    expect((error as Error).message).toMatch(/other computers/);
    expect(c.area.writeCalls).toBe(0);
    expect(names(await c.accounts())).toEqual(['Issuer 0050']);
  });

  it('after a password change, browsers holding the key keep syncing and a new one needs the new password', async () => {
    const newPassword = 'a different master password';
    a.key = { syncKey: a.key!.syncKey, header: await rewrapSyncKey(a.key!.header, a.key!.syncKey, newPassword, { kdf: FAST_KDF }) };
    await a.change((es) => [...es, makeEntry(7)]);
    await a.sync();
    deliver(a.area, b.area);
    await b.sync();
    expect(names(await b.accounts())).toContain('Issuer 0007');
    const c = await TestBrowser.create();
    deliver(a.area, c.area);
    await expect(c.turnOnSync(PASSWORD)).rejects.toBeInstanceOf(WrongPasswordError);
    await c.turnOnSync(newPassword);
    await c.sync();
    expect(await c.accounts()).toEqual(await a.accounts());
  });

  it('sync started afresh elsewhere (new key) stops this browser with a clear error', async () => {
    const c = await TestBrowser.create([makeEntry(60)]);
    await c.turnOnSync(); // its own, new sync key
    await c.sync();
    deliver(c.area, b.area);
    await expectUnreadable(b.sync(), SyncFailure.KeyChanged);
    expect(names(await b.accounts())).toEqual(['Issuer 0000', 'Issuer 0001', 'Issuer 0002']);
  });
});

describe('a damaged or incomplete synced copy', () => {
  let a: TestBrowser;
  let b: TestBrowser;
  beforeEach(async () => {
    ({ a, b } = await pairInStep(40));
  });

  async function expectUntouched(run: () => Promise<unknown>, failure: SyncFailure): Promise<void> {
    const before = { vault: b.vault, writes: b.area.writeCalls, snapshot: b.snapshot };
    const error = await expectUnreadable(run(), failure);
    expect(error.code).toBe(ErrorCode.SyncUnreadable);
    expect(error.message).toMatch(/not changed/);
    expect(b.vault).toBe(before.vault);
    expect(b.area.writeCalls).toBe(before.writes);
    expect(b.snapshot).toBe(before.snapshot);
  }

  it('a flipped bit in a chunk: damaged, nothing overwritten', async () => {
    const key = `${SYNC_KEYS.chunkPrefix}0`;
    const json = b.area.raw(key)!;
    const at = json.indexOf('"d":"') + 100;
    const flipped = json[at] === 'A' ? 'B' : 'A';
    b.area.receive(key, json.slice(0, at) + flipped + json.slice(at + 1));
    await expectUntouched(() => b.sync(), SyncFailure.Damaged);
  });

  it('a flipped bit in the header: damaged', async () => {
    const json = b.area.raw(SYNC_KEYS.header)!;
    b.area.receive(SYNC_KEYS.header, json.replace('"iterations":1', '"iterations":2'));
    await expectUntouched(() => b.sync(), SyncFailure.Damaged);
  });

  it('a missing chunk: incomplete', async () => {
    b.area.receive(`${SYNC_KEYS.chunkPrefix}0`, undefined);
    await expectUntouched(() => b.sync(), SyncFailure.Incomplete);
  });

  it('a new manifest whose chunks have not arrived (two writes mixed): incomplete, then fine once all arrive', async () => {
    await a.change((es) => [...es, ...Array.from({ length: 40 }, (_, i) => makeEntry(100 + i))]);
    await a.sync();
    deliver(a.area, b.area, [SYNC_KEYS.manifest]);
    await expectUntouched(() => b.sync(), SyncFailure.Incomplete);
    deliver(a.area, b.area, [`${SYNC_KEYS.chunkPrefix}0`, SYNC_KEYS.manifest]);
    if (a.area.keys().length > 3) await expectUntouched(() => b.sync(), SyncFailure.Incomplete);
    deliver(a.area, b.area);
    await b.sync();
    expect(await b.accounts()).toEqual(await a.accounts());
  });

  it('a newer format version: asks to update Twofold', async () => {
    const json = b.area.raw(SYNC_KEYS.manifest)!;
    b.area.receive(SYNC_KEYS.manifest, json.replace('"version":1', '"version":2'));
    const error = await expectUnreadable(b.sync(), SyncFailure.TooNew);
    expect(error.message).toMatch(/Update Twofold/);
  });
});

describe('quota', () => {
  it('a push over the quota is refused before writing; the local vault and the synced copy stay as they were', async () => {
    const { a } = await pairInStep(5);
    const syncedBefore = a.area.keys().map((k) => a.area.raw(k));
    const writesBefore = a.area.writeCalls;
    await a.change((es) => [...es, ...Array.from({ length: 2000 }, (_, i) => makeEntry(1000 + i))]);
    const vaultBefore = a.vault;
    const report = await a.sync();
    expect(report.pushed).toBe(false);
    expect(report.full).toBeInstanceOf(SyncFullError);
    expect(report.full!.message).toMatch(/^Sync is full: 2005 accounts need \d+ KB, the browser allows 100 KB\. Twofold keeps working on this computer/);
    expect(a.area.writeCalls).toBe(writesBefore);
    expect(a.area.keys().map((k) => a.area.raw(k))).toEqual(syncedBefore);
    expect(a.vault).toBe(vaultBefore);
    expect(await a.accounts()).toHaveLength(2005);
  });

  it('a browser refusing the write leaves the previous synced copy readable', async () => {
    const { a, b } = await pairInStep(3);
    await a.change((es) => [...es, makeEntry(8)]);
    a.area.failWrites = true;
    await expect(a.sync()).rejects.toThrow(/unavailable/);
    deliver(a.area, b.area);
    await b.sync();
    expect(names(await b.accounts())).toEqual(['Issuer 0000', 'Issuer 0001', 'Issuer 0002']);
    a.area.failWrites = false;
    await a.sync();
    deliver(a.area, b.area);
    await b.sync();
    expect(names(await b.accounts())).toContain('Issuer 0008');
  });
});

describe('what is written to storage.sync', () => {
  it('is ciphertext only: no secret, issuer or label in any common encoding', async () => {
    const secrets = Array.from({ length: 12 }, (_, i) => makeEntry(i, { issuer: `Bankname${i}Corp`, label: `mailbox${i}@provider.test` }));
    const a = await TestBrowser.create(secrets);
    const b = await TestBrowser.create([makeEntry(99, { issuer: 'Otherbank', label: 'second@provider.test' })]);
    await a.turnOnSync();
    await a.sync();
    deliver(a.area, b.area);
    await b.turnOnSync();
    await b.sync();
    deliver(b.area, a.area);
    await a.sync();
    const written = [...a.area.written, ...b.area.written].join('\n');
    expect(written.length).toBeGreaterThan(1000);
    const needles: string[] = [];
    for (const entry of [...secrets, ...(await b.accounts())]) {
      const secretBytes = decodeBase32(entry.secret);
      let hex = '';
      for (const byte of secretBytes) hex += byte.toString(16).padStart(2, '0');
      needles.push(entry.secret, entry.secret.toLowerCase(), hex, toBase64(secretBytes).slice(0, 20), entry.issuer, entry.label, encodeURIComponent(entry.label));
      for (const text of [entry.issuer, entry.label, entry.secret]) {
        const bytes = new TextEncoder().encode(text);
        // base64 of the text at each of the three alignments, without the edges that depend on neighbours
        for (let shift = 0; shift < 3; shift++) needles.push(toBase64(bytes.subarray(shift)).slice(4, -4));
      }
      needles.push(entry.id);
    }
    for (const needle of needles) expect(written.includes(needle), needle).toBe(false);
    expect(written).not.toMatch(/otpauth|issuer|label|secret|example\.com/i);
  });
});
