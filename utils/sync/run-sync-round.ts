/**
 * Carries out one sync round against a sync area and the local vault, both passed in as small
 * interfaces (the background gives `browser.storage.sync` and the vault service; tests give
 * in-memory fakes). Order of writes: the local vault first, then the snapshot, then the sync
 * area, so a failure at any step leaves a state the next round completes.
 */
import { SyncFullError } from '../errors';
import type { AccountEntry } from '../otp/account';
import type { RandomBytes } from '../vault';
import type { SyncSnapshot } from './merge-entries';
import { reconcileSync, type SyncKeyHolder } from './reconcile-sync';

/** The part of `storage.sync` a round uses. */
export interface SyncArea {
  /** Everything in the area (`get(null)`). */
  getAll(): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** The local side: the vault's accounts and the snapshot kept between rounds. */
export interface SyncLocal {
  entries(): Promise<AccountEntry[]>;
  /**
   * Replaces the accounts with `next` only if they are still `expected` (a local write may have
   * happened during the round); resolves false, writing nothing, when they changed.
   */
  replace(expected: readonly AccountEntry[], next: AccountEntry[]): Promise<boolean>;
  loadSnapshot(): Promise<SyncSnapshot | null>;
  saveSnapshot(snapshot: SyncSnapshot): Promise<void>;
}

/** What a round did. */
export interface SyncRoundReport {
  /** The local accounts were changed by what came from other browsers. */
  pulled: boolean;
  /** This browser's changes were written to the sync area. */
  pushed: boolean;
  /** Set when the push was refused for lack of room (nothing was pushed; the local vault is fine). */
  full: SyncFullError | null;
}

/**
 * Runs one round (read, merge, write), retrying up to `attempts` times when the local vault
 * changes underneath it.
 *
 * @throws SyncUnreadableError from reading the synced copy (nothing written anywhere);
 *   whatever `local` or `area` throw (a failed `set` leaves the previous synced copy whole,
 *   because chunks are only ever read through a manifest that matches them).
 */
export async function runSyncRound(options: {
  area: SyncArea;
  local: SyncLocal;
  key: SyncKeyHolder;
  now: () => number;
  random?: RandomBytes;
  attempts?: number;
}): Promise<SyncRoundReport> {
  const { area, local, key } = options;
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    const entries = await local.entries();
    const items = await area.getAll();
    const result = await reconcileSync({ entries, snapshot: await local.loadSnapshot(), items, key, now: options.now(), random: options.random });
    if (result.entries !== null && !(await local.replace(entries, result.entries))) {
      if (attempt >= attempts) throw new Error('The accounts kept changing during sync; it will run again after the next change.');
      continue;
    }
    await local.saveSnapshot(result.snapshot);
    const { push } = result;
    if (push !== null) {
      if (push.removeFirst && push.remove.length > 0) await area.remove(push.remove);
      await area.set(push.set);
      if (!push.removeFirst && push.remove.length > 0) await area.remove(push.remove);
    }
    return { pulled: result.entries !== null, pushed: push !== null, full: result.pushError };
  }
}
