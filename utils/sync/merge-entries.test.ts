import { describe, expect, it } from 'vitest';
import type { AccountEntry } from '../otp/account';
import { captureLocalState, mergeEntries, snapshotOf } from './merge-entries';
import { TOMBSTONE_LIFETIME_MS, type SyncState, type Tombstone } from './sync-format';

const NOW = 1_710_000_000_000;
const DAY = 24 * 60 * 60 * 1000;

/** A minimal account: `id`, its order, when it was last edited, and a label to tell copies apart. */
/** A time shortly before NOW: `t(100)` (inside the tombstone lifetime). */
const t = (ms: number): number => NOW - DAY + ms;

function e(id: string, order: number, updatedAt = t(100), label = id): AccountEntry {
  return {
    id, kind: 'totp', issuer: 'Svc', label, secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 0,
    sites: [], pinned: false, order, createdAt: 1, updatedAt,
  };
}
const state = (entries: AccountEntry[], tombstones: Tombstone[] = [], orderChangedAt = 0): SyncState => ({ entries, tombstones, orderChangedAt });
const summary = (s: SyncState): string[] => s.entries.map((x) => `${x.id}:${x.label}`);

describe('mergeEntries', () => {
  const rows: Array<{ name: string; local: SyncState; remote: SyncState; expected: string[]; tombstones?: string[] }> = [
    { name: 'adds on both sides are kept', local: state([e('a', 0), e('b', 1)]), remote: state([e('a', 0), e('c', 1)]), expected: ['a:a', 'b:b', 'c:c'] },
    { name: 'a deletion newer than the last edit removes the account', local: state([e('a', 0), e('b', 1)]), remote: state([e('a', 0)], [{ id: 'b', deletedAt: t(200) }]), expected: ['a:a'], tombstones: ['b'] },
    { name: 'a deletion at the same time as the edit wins', local: state([e('b', 0, t(200))]), remote: state([], [{ id: 'b', deletedAt: t(200) }]), expected: [], tombstones: ['b'] },
    { name: 'an edit after the deletion brings the account back', local: state([e('b', 0, t(300), 'edited')]), remote: state([], [{ id: 'b', deletedAt: t(200) }]), expected: ['b:edited'], tombstones: [] },
    { name: 'concurrent edits: the later updatedAt wins', local: state([e('a', 0, t(100), 'mine')]), remote: state([e('a', 0, t(150), 'theirs')]), expected: ['a:theirs'] },
    { name: 'concurrent edits of different accounts both survive', local: state([e('a', 0, t(150), 'a2'), e('b', 1)]), remote: state([e('a', 0), e('b', 1, t(150), 'b2')]), expected: ['a:a2', 'b:b2'] },
    { name: 'add here, delete another there: both survive', local: state([e('a', 0), e('b', 1), e('new', 2)]), remote: state([e('b', 0)], [{ id: 'a', deletedAt: t(200) }]), expected: ['b:b', 'new:new'], tombstones: ['a'] },
    { name: 'tombstones past their lifetime are dropped', local: state([]), remote: state([], [{ id: 'x', deletedAt: NOW - TOMBSTONE_LIFETIME_MS - 1 }, { id: 'y', deletedAt: NOW - DAY }]), expected: [], tombstones: ['y'] },
    {
      name: 'the later reorder leads; accounts only on the other side follow',
      local: state([e('a', 2), e('b', 0), e('c', 1)], [], t(500)),
      remote: state([e('a', 0), e('b', 1), e('c', 2), e('d', 3)], [], 0),
      expected: ['b:b', 'c:c', 'a:a', 'd:d'],
    },
    {
      name: 'concurrent reorders: the later one wins',
      local: state([e('a', 2), e('b', 0), e('c', 1)], [], t(500)),
      remote: state([e('a', 0), e('b', 2), e('c', 1)], [], t(600)),
      expected: ['a:a', 'c:c', 'b:b'],
    },
  ];

  for (const row of rows) {
    it(row.name, () => {
      const merged = mergeEntries(row.local, row.remote, { now: NOW });
      expect(summary(merged.state)).toEqual(row.expected);
      const orders = merged.state.entries.map((x) => x.order);
      expect(orders.every((o, i) => i === 0 || o > orders[i - 1]!)).toBe(true);
      if (row.tombstones) expect(merged.state.tombstones.map((t) => t.id)).toEqual(row.tombstones);
      // Symmetric: the other browser, merging the other way round, reaches the same state.
      expect(mergeEntries(row.remote, row.local, { now: NOW }).state).toEqual(merged.state);
      // Merging the result again changes nothing (both sides have converged).
      const again = mergeEntries(merged.state, merged.state, { now: NOW });
      expect(again.localChanged || again.remoteChanged).toBe(false);
    });
  }

  it('equal update times with different content pick the same copy on both sides', () => {
    const mine = state([e('a', 0, t(100), 'x')]);
    const theirs = state([e('a', 0, t(100), 'y')]);
    expect(mergeEntries(mine, theirs, { now: NOW }).state).toEqual(mergeEntries(theirs, mine, { now: NOW }).state);
  });

  it('renumbers the order only when the merged sequence needs it', () => {
    const gaps = mergeEntries(state([e('a', 0), e('b', 5)]), state([e('a', 0), e('b', 5)]), { now: NOW });
    expect(gaps.state.entries.map((x) => x.order)).toEqual([0, 5]);
    const clash = mergeEntries(state([e('a', 0), e('b', 1)], [], t(500)), state([e('a', 0), e('c', 0)]), { now: NOW });
    expect(clash.state.entries.map((x) => `${x.id}${x.order}`)).toEqual(['a0', 'b1', 'c2']);
  });

  it('says which side needs writing', () => {
    const same = mergeEntries(state([e('a', 0)]), state([e('a', 0)]), { now: NOW });
    expect([same.localChanged, same.remoteChanged]).toEqual([false, false]);
    const localNew = mergeEntries(state([e('a', 0), e('b', 1)]), state([e('a', 0)]), { now: NOW });
    expect([localNew.localChanged, localNew.remoteChanged]).toEqual([false, true]);
    const remoteNew = mergeEntries(state([e('a', 0)]), state([e('a', 0), e('b', 1)]), { now: NOW });
    expect([remoteNew.localChanged, remoteNew.remoteChanged]).toEqual([true, false]);
  });
});

describe('captureLocalState', () => {
  const snapshot = snapshotOf(state([e('a', 0), e('b', 1), e('c', 2)], [{ id: 'old', deletedAt: NOW - DAY }], 50));

  it('first sync: no deletions known, order never changed', () => {
    expect(captureLocalState([e('a', 0)], null, { now: NOW })).toEqual(state([e('a', 0)], [], 0));
  });

  it('an account gone since the snapshot was deleted here, now', () => {
    const local = captureLocalState([e('a', 0), e('c', 2)], snapshot, { now: NOW });
    expect(local.tombstones).toEqual([{ id: 'old', deletedAt: NOW - DAY }, { id: 'b', deletedAt: NOW }]);
    expect(local.orderChangedAt).toBe(50);
  });

  it('a new account is not a reorder', () => {
    expect(captureLocalState([e('a', 0), e('b', 1), e('c', 2), e('d', 3)], snapshot, { now: NOW }).orderChangedAt).toBe(50);
  });

  it('a different relative order is a reorder here, now', () => {
    expect(captureLocalState([e('a', 1), e('b', 2), e('c', 0)], snapshot, { now: NOW }).orderChangedAt).toBe(NOW);
  });

  it('an account restored after its deletion (undo) loses the tombstone and counts as edited now', () => {
    const deleted = snapshotOf(state([e('a', 0)], [{ id: 'b', deletedAt: t(500) }]));
    const local = captureLocalState([e('a', 0), e('b', 1, t(100))], deleted, { now: NOW });
    expect(local.tombstones).toEqual([]);
    expect(local.entries[1]?.updatedAt).toBe(NOW);
  });
});
