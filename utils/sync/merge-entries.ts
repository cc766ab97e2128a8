/**
 * Merging two browsers' accounts, one entry at a time (docs/sync-format.md#merge). Pure: time
 * comes in as `now` (ms since the epoch).
 *
 * - Each account: the copy with the later `updatedAt` wins (equal times: a fixed rule on the
 *   content, so both browsers pick the same copy).
 * - Deletions travel as tombstones `{ id, deletedAt }`: an account is gone when a tombstone is at
 *   least as new as its latest edit; an edit after the deletion brings it back. Tombstones older
 *   than {@link TOMBSTONE_LIFETIME_MS} are dropped.
 * - Order: reordering does not touch `updatedAt`, so the order is merged as one list with its
 *   own time (`orderChangedAt`): the later reorder wins, accounts it does not know (added on the
 *   other side) follow in their own order; `order` keeps its numbers when they already run
 *   upwards in that sequence, and is renumbered 0, 1, 2, … otherwise.
 *
 * The merge is symmetric: `mergeEntries(a, b)` and `mergeEntries(b, a)` give the same state, so
 * two browsers that exchange states end up equal.
 */
import type { AccountEntry } from '../otp/account';
import { TOMBSTONE_LIFETIME_MS, type SyncState, type Tombstone } from './sync-format';

/** The result of {@link mergeEntries}. */
export interface MergeResult {
  /** The merged state (entries in their merged order, `order` increasing along the list). */
  state: SyncState;
  /** The merged entries differ from the local ones: the local vault needs writing. */
  localChanged: boolean;
  /** The merged state differs from the remote one: the synced copy needs writing. */
  remoteChanged: boolean;
}

/**
 * What this browser last agreed with the synced copy, kept between syncs to notice local
 * deletions and reorders (the vault records neither). Holds no secret: ids and times only.
 */
export interface SyncSnapshot {
  /** Ids of the accounts after the last merge, in their order. */
  ids: string[];
  tombstones: Tombstone[];
  orderChangedAt: number;
}

/**
 * Merges the local and the remote state.
 *
 * @param local this browser's state (from {@link captureLocalState}).
 * @param remote the decrypted synced state (or an empty state when nothing is synced yet).
 * @param options.now the current time, ms since the epoch (for tombstone expiry).
 * @returns the merged state and which sides changed.
 */
export function mergeEntries(local: SyncState, remote: SyncState, options: { now: number }): MergeResult {
  const horizon = options.now - TOMBSTONE_LIFETIME_MS;
  const deletedAt = new Map<string, number>();
  for (const tombstone of [...local.tombstones, ...remote.tombstones]) {
    if (tombstone.deletedAt < horizon) continue;
    deletedAt.set(tombstone.id, Math.max(deletedAt.get(tombstone.id) ?? -Infinity, tombstone.deletedAt));
  }

  const winners = new Map<string, AccountEntry>();
  for (const entry of [...local.entries, ...remote.entries]) {
    const other = winners.get(entry.id);
    winners.set(entry.id, other === undefined ? entry : newer(other, entry));
  }
  for (const [id, entry] of winners) {
    const deleted = deletedAt.get(id);
    if (deleted === undefined) continue;
    if (deleted >= entry.updatedAt) winners.delete(id);
    else deletedAt.delete(id); // Edited after the deletion: the edit wins, the tombstone goes.
  }

  const [leader, follower] = orderLeader(local, remote);
  const leaderRank = rankOf(leader.entries);
  const followerRank = rankOf(follower.entries);
  const place = (id: string): number => {
    const lead = leaderRank.get(id);
    return lead !== undefined ? lead : leaderRank.size + (followerRank.get(id) ?? 0);
  };
  const leaderOrder = new Map(leader.entries.map((entry) => [entry.id, entry.order]));
  const sorted = [...winners.values()]
    .sort((a, b) => place(a.id) - place(b.id) || compareText(a.id, b.id))
    .map((entry) => {
      const order = leaderOrder.get(entry.id) ?? entry.order;
      return entry.order === order ? entry : { ...entry, order };
    });
  // Keep the order numbers when they already run upwards (no needless local write); else 0, 1, 2, …
  const increasing = sorted.every((entry, i) => i === 0 || entry.order > sorted[i - 1]!.order);
  const entries = increasing ? sorted : sorted.map((entry, order) => (entry.order === order ? entry : { ...entry, order }));
  const tombstones = [...deletedAt].map(([id, at]) => ({ id, deletedAt: at })).sort((a, b) => compareText(a.id, b.id));
  const state: SyncState = { entries, tombstones, orderChangedAt: Math.max(local.orderChangedAt, remote.orderChangedAt) };
  return {
    state,
    localChanged: canonicalEntries(entries) !== canonicalEntries(local.entries),
    remoteChanged: canonicalState(state) !== canonicalState(remote),
  };
}

/**
 * This browser's state for the next merge: its vault entries, plus what it changed since the
 * last sync that the vault does not record. An account in the snapshot but no longer in the
 * vault was deleted here (tombstone at `now`); an account back in the vault after a deletion
 * (undo) loses its tombstone and counts as edited at `now`; a different relative order of the
 * accounts both know means a reorder here at `now`.
 *
 * @param entries the local vault's accounts.
 * @param snapshot from {@link snapshotOf} after the last successful sync; null the first time
 *   (no deletions known, order never changed: the synced order is taken).
 * @param options.now ms since the epoch.
 */
export function captureLocalState(entries: readonly AccountEntry[], snapshot: SyncSnapshot | null, options: { now: number }): SyncState {
  if (snapshot === null) return { entries: [...entries], tombstones: [], orderChangedAt: 0 };
  const { now } = options;
  const present = new Set(entries.map((e) => e.id));
  const known = new Set(snapshot.ids);
  const earlier = new Map(snapshot.tombstones.map((t) => [t.id, t.deletedAt]));
  const local = entries.map((entry) => {
    const deleted = earlier.get(entry.id);
    return deleted !== undefined && deleted >= entry.updatedAt ? { ...entry, updatedAt: Math.max(now, deleted + 1) } : entry;
  });
  const tombstones = [
    ...snapshot.tombstones.filter((t) => !present.has(t.id)),
    ...snapshot.ids.filter((id) => !present.has(id) && !earlier.has(id)).map((id) => ({ id, deletedAt: now })),
  ];
  const before = snapshot.ids.filter((id) => present.has(id));
  const after = inOrder(entries).map((e) => e.id).filter((id) => known.has(id));
  const reordered = before.some((id, i) => after[i] !== id);
  return { entries: local, tombstones, orderChangedAt: reordered ? Math.max(now, snapshot.orderChangedAt) : snapshot.orderChangedAt };
}

/** The snapshot to keep after a merged state was written locally (and, ideally, synced). */
export function snapshotOf(state: SyncState): SyncSnapshot {
  return { ids: inOrder(state.entries).map((e) => e.id), tombstones: state.tombstones.map((t) => ({ ...t })), orderChangedAt: state.orderChangedAt };
}

/** The later of two copies of one account; equal times fall to a fixed rule on the content. */
function newer(a: AccountEntry, b: AccountEntry): AccountEntry {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b;
  const { order: _a, ...restA } = a;
  const { order: _b, ...restB } = b;
  return compareText(canonical(restA), canonical(restB)) >= 0 ? a : b;
}

/** Which side's order leads: the later `orderChangedAt`, or on a tie a fixed rule on the orders. */
function orderLeader(a: SyncState, b: SyncState): [SyncState, SyncState] {
  if (a.orderChangedAt !== b.orderChangedAt) return a.orderChangedAt > b.orderChangedAt ? [a, b] : [b, a];
  const idsA = JSON.stringify(inOrder(a.entries).map((e) => e.id));
  const idsB = JSON.stringify(inOrder(b.entries).map((e) => e.id));
  return compareText(idsA, idsB) <= 0 ? [a, b] : [b, a];
}

function inOrder(entries: readonly AccountEntry[]): AccountEntry[] {
  return [...entries].sort((a, b) => a.order - b.order || a.createdAt - b.createdAt || compareText(a.id, b.id));
}

function rankOf(entries: readonly AccountEntry[]): Map<string, number> {
  return new Map(inOrder(entries).map((e, i) => [e.id, i]));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonicalEntries(entries: readonly AccountEntry[]): string {
  return canonical([...entries].sort((a, b) => compareText(a.id, b.id)));
}

function canonicalState(state: SyncState): string {
  const tombstones = [...state.tombstones].sort((a, b) => compareText(a.id, b.id));
  return canonical({ entries: [...state.entries].sort((a, b) => compareText(a.id, b.id)), tombstones, orderChangedAt: state.orderChangedAt });
}

/** JSON with object keys sorted, so equal content has one spelling whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** True when two lists hold the same accounts with the same content (any order of list or keys). */
export function sameEntries(a: readonly AccountEntry[], b: readonly AccountEntry[]): boolean {
  return canonicalEntries(a) === canonicalEntries(b);
}
