/**
 * Test doubles for sync (imported by tests only): an in-memory sync area with Chrome's quotas
 * and a failure switch, delivery between two such areas (what the browser's sync service does),
 * and a "browser" with its own local vault that runs real sync rounds.
 */
import type { AccountEntry } from '../otp/account';
import { encodeBase32 } from '../otp/base32';
import { createVault, openVault, sealVault, type VaultFile } from '../vault';
import type { SyncSnapshot } from './merge-entries';
import { openOrCreateSyncKey, type SyncKeyHolder } from './reconcile-sync';
import { runSyncRound, type SyncArea, type SyncLocal, type SyncRoundReport } from './run-sync-round';
import { SYNC_QUOTA, syncItemSize } from './sync-format';
import { sameEntries } from './merge-entries';

/** Small Argon2id settings so tests run fast (the format allows them). */
export const FAST_KDF = { memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
/** A master password the vault's policy accepts. */
export const PASSWORD = 'correct horse battery staple';

/**
 * `storage.sync` in memory: values kept as JSON text (as the browser does), quotas enforced
 * the way Chrome does (a `set` that would pass any quota fails whole), and `failWrites` to make
 * every write fail. `written` records the JSON text of every value ever written.
 */
export class FakeSyncArea implements SyncArea {
  private readonly store = new Map<string, string>();
  failWrites = false;
  readonly written: string[] = [];
  writeCalls = 0;

  async getAll(): Promise<Record<string, unknown>> {
    return Object.fromEntries([...this.store].map(([key, json]) => [key, JSON.parse(json) as unknown]));
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.writeCalls++;
    if (this.failWrites) throw new Error('Sync storage is unavailable (test switch).');
    const next = new Map(this.store);
    for (const [key, value] of Object.entries(items)) {
      if (syncItemSize(key, value) > SYNC_QUOTA.bytesPerItem) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      next.set(key, JSON.stringify(value));
    }
    if (next.size > SYNC_QUOTA.maxItems) throw new Error('MAX_ITEMS quota exceeded');
    if (sizeOf(next) > SYNC_QUOTA.totalBytes) throw new Error('QUOTA_BYTES quota exceeded');
    for (const [key, value] of Object.entries(items)) this.written.push(`${key}=${JSON.stringify(value)}`);
    this.store.clear();
    for (const [key, json] of next) this.store.set(key, json);
  }

  async remove(keys: string[]): Promise<void> {
    this.writeCalls++;
    if (this.failWrites) throw new Error('Sync storage is unavailable (test switch).');
    for (const key of keys) this.store.delete(key);
  }

  /** Bytes in use, as `getBytesInUse(null)` reports. */
  bytesInUse(): number {
    return sizeOf(this.store);
  }

  /** Raw JSON of one item (for tampering in tests). */
  raw(key: string): string | undefined {
    return this.store.get(key);
  }

  /** Puts raw JSON in place, bypassing quotas and the log: what arrives from the sync server. */
  receive(key: string, json: string | undefined): void {
    if (json === undefined) this.store.delete(key);
    else this.store.set(key, json);
  }

  keys(): string[] {
    return [...this.store.keys()];
  }
}

function sizeOf(store: ReadonlyMap<string, string>): number {
  let total = 0;
  for (const [key, json] of store) total += key.length + json.length;
  return total;
}

/**
 * The browser's sync service carrying `from`'s items over to `to` (last writer wins per item):
 * all keys, or only `keys` to model a write that has partly arrived.
 */
export function deliver(from: FakeSyncArea, to: FakeSyncArea, keys?: readonly string[]): void {
  const all = keys ?? [...new Set([...from.keys(), ...to.keys()])];
  for (const key of all) to.receive(key, from.raw(key));
}

/** A valid random TOTP account. */
export function makeEntry(n: number, extra: Partial<AccountEntry> = {}): AccountEntry {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(20));
  return {
    id: globalThis.crypto.randomUUID(),
    kind: 'totp',
    issuer: `Issuer ${String(n).padStart(4, '0')}`,
    label: `person${String(n).padStart(4, '0')}@example.com`,
    secret: encodeBase32(bytes),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    sites: ['example.com'],
    pinned: false,
    order: n,
    createdAt: 1_700_000_000_000 + n * 1000,
    updatedAt: 1_700_000_000_000 + n * 1000,
    ...extra,
  };
}

/** One browser profile: a local vault, a sync area, a snapshot, a clock. */
export class TestBrowser {
  readonly area = new FakeSyncArea();
  key: SyncKeyHolder | null = null;
  snapshot: SyncSnapshot | null = null;
  clock = 1_710_000_000_000;
  vaultWrites = 0;

  private constructor(
    public vault: VaultFile,
    private readonly dataKey: Uint8Array,
  ) {}

  static async create(entries: AccountEntry[] = []): Promise<TestBrowser> {
    const { file, dataKey } = await createVault(PASSWORD, entries, { kdf: FAST_KDF });
    return new TestBrowser(file, dataKey);
  }

  async accounts(): Promise<AccountEntry[]> {
    const entries = await openVault<AccountEntry>(this.vault, this.dataKey);
    return entries.sort((a, b) => a.order - b.order);
  }

  /** Changes the local vault the way the background's handlers do. */
  async change(edit: (entries: AccountEntry[]) => AccountEntry[]): Promise<void> {
    this.vault = await sealVault(this.vault, this.dataKey, edit(await this.accounts()));
    this.vaultWrites++;
  }

  async turnOnSync(password = PASSWORD): Promise<void> {
    const opened = await openOrCreateSyncKey(await this.area.getAll(), password, { kdf: FAST_KDF });
    this.key = { syncKey: opened.syncKey, header: opened.header };
  }

  async sync(): Promise<SyncRoundReport> {
    if (this.key === null) throw new Error('sync is off');
    this.clock += 1000;
    return runSyncRound({ area: this.area, local: this.local(), key: this.key, now: () => this.clock });
  }

  private local(): SyncLocal {
    return {
      entries: () => this.accounts(),
      replace: async (expected, next) => {
        if (!sameEntries(await this.accounts(), expected)) return false;
        this.vault = await sealVault(this.vault, this.dataKey, next);
        this.vaultWrites++;
        return true;
      },
      loadSnapshot: async () => this.snapshot,
      saveSnapshot: async (snapshot) => {
        this.snapshot = snapshot;
      },
    };
  }
}
