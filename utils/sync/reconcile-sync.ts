/**
 * One sync round, decided without touching storage: read the synced copy, merge it with the
 * local accounts, and say what to write where. The background carries the decision out (vault
 * first, then `storage.sync`, then the snapshot), so this stays testable with plain objects.
 */
import { SyncFullError } from '../errors';
import type { AccountEntry } from '../otp/account';
import type { RandomBytes } from '../vault';
import { captureLocalState, mergeEntries, snapshotOf, type SyncSnapshot } from './merge-entries';
import { createSyncKey, decryptSyncState, encryptSyncState, unlockSyncKey, type SyncKeyOptions } from './sync-crypto';
import { syncKeyChangedError } from './sync-errors';
import type { SyncHeader, SyncState } from './sync-format';
import { fromSyncItems, planSyncWrite, toSyncItems, type SyncWritePlan } from './sync-items';

/** The sync key in use and the header that wraps it. */
export interface SyncKeyHolder {
  syncKey: Uint8Array;
  header: SyncHeader;
}

/**
 * Turning sync on (or unlocking it on another browser): when the sync area holds a synced copy,
 * opens its key with `password`; otherwise makes a new sync key.
 *
 * @param items the whole sync area.
 * @returns the key, its header, and whether it was created now (then the first round writes
 *   the header along with the accounts).
 * @throws WrongPasswordError when the password does not open the synced copy (it was set with
 *   another master password); SyncUnreadableError when the synced copy is damaged or
 *   incomplete; InvalidInputError for an empty password.
 */
export async function openOrCreateSyncKey(
  items: Readonly<Record<string, unknown>>,
  password: string,
  options: SyncKeyOptions = {},
): Promise<SyncKeyHolder & { created: boolean }> {
  const remote = await fromSyncItems(items);
  if (remote === null) return { ...(await createSyncKey(password, options)), created: true };
  return { ...(await unlockSyncKey(remote.header, password)), created: false };
}

/** Input of {@link reconcileSync}. */
export interface ReconcileInput {
  /** The local vault's accounts now. */
  entries: readonly AccountEntry[];
  /** Kept since the last round (null before the first). */
  snapshot: SyncSnapshot | null;
  /** The whole sync area now. */
  items: Readonly<Record<string, unknown>>;
  key: SyncKeyHolder;
  /** ms since the epoch. */
  now: number;
  random?: RandomBytes;
}

/** What one round decided. */
export interface ReconcileResult {
  /** The new local accounts to seal into the vault, or null when they did not change. */
  entries: AccountEntry[] | null;
  /** The push to carry out, or null when the synced copy is already up to date or is full. */
  push: SyncWritePlan | null;
  /** Set when the push was refused for lack of room: show it; nothing was pushed. */
  pushError: SyncFullError | null;
  /** To keep once the local accounts are written (whether or not the push succeeds). */
  snapshot: SyncSnapshot;
  /** The merged state (for tests and diagnostics). */
  state: SyncState;
}

/**
 * One round: reads the synced copy (all checks), decrypts it, merges it per entry with the local
 * accounts and their recorded deletions and reorders, and plans the writes. Nothing is written
 * here. Any error leaves both sides as they are.
 *
 * @throws SyncUnreadableError: Incomplete / Damaged / TooNew from reading the synced copy,
 *   KeyChanged when it now uses another sync key (ask for the password, then
 *   {@link openOrCreateSyncKey}).
 * @see docs/sync-format.md#a-sync-round
 */
export async function reconcileSync(input: ReconcileInput): Promise<ReconcileResult> {
  const { key, now } = input;
  const remote = await fromSyncItems(input.items);
  let remoteState: SyncState = { entries: [], tombstones: [], orderChangedAt: 0 };
  let revision = 0;
  if (remote !== null) {
    if (remote.header.keyId !== key.header.keyId) throw syncKeyChangedError();
    remoteState = await decryptSyncState(remote.payload, key.syncKey);
    revision = remote.payload.revision;
  }
  const local = captureLocalState(input.entries, input.snapshot, { now });
  const merged = mergeEntries(local, remoteState, { now });
  const entries = merged.localChanged || local.entries.some((e, i) => e !== input.entries[i]) ? merged.state.entries : null;
  let push: SyncWritePlan | null = null;
  let pushError: SyncFullError | null = null;
  if (merged.remoteChanged || remote === null) {
    const payload = await encryptSyncState(merged.state, key.syncKey, { keyId: key.header.keyId, revision: revision + 1, random: input.random });
    const next = await toSyncItems({ header: key.header, payload });
    try {
      push = planSyncWrite(next, input.items, merged.state.entries.length);
    } catch (error) {
      if (!(error instanceof SyncFullError)) throw error;
      pushError = error;
    }
  }
  return { entries, push, pushError, snapshot: snapshotOf(merged.state), state: merged.state };
}
