/**
 * Shape checks for a sync state, applied before it is encrypted and after it is decrypted, so
 * only well-formed accounts ever travel between browsers or reach the local vault.
 */
import { InvalidInputError } from '../errors';
import { msg } from '../i18n/local-message';
import type { AccountEntry } from '../otp/account';
import { validateDraft } from '../otp/validate-draft';
import type { SyncState } from './sync-format';

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** A problem found in a state; its message is the detail, in English (it names fields of the format). */
class StateProblem extends Error {}

function bad(detail: string, cause?: unknown): StateProblem {
  return new StateProblem(detail, cause === undefined ? undefined : { cause });
}

/**
 * The first problem that keeps `value` from being a {@link SyncState}, as a detail in English for
 * an error message (e.g. `account 3 has no id`), with its cause; null when there is none.
 */
export function syncStateProblem(value: unknown): { detail: string; cause?: unknown } | null {
  try {
    checkState(value);
    return null;
  } catch (error) {
    if (error instanceof StateProblem) return { detail: error.message, ...(error.cause === undefined ? {} : { cause: error.cause }) };
    throw error;
  }
}

/**
 * Checks that `value` is a {@link SyncState}: `entries` a list of accounts (every field of
 * `AccountEntry` of the right type, draft fields passing the draft rules, ids unique),
 * `tombstones` a list of `{ id, deletedAt }` with unique ids, and `orderChangedAt` a time.
 * Accounts keep fields beyond `AccountEntry` (a later Twofold may add some).
 *
 * @returns the same objects, typed.
 * @throws InvalidInputError (field "state") whose message names the first problem.
 */
export function validateSyncState(value: unknown): SyncState {
  const problem = syncStateProblem(value);
  if (problem) throw new InvalidInputError(msg('errSyncStateInvalid', problem.detail), { field: 'state', cause: problem.cause });
  return value as SyncState;
}

function checkState(value: unknown): void {
  if (!isObject(value)) throw bad('the synced state is not an object');
  const { entries, tombstones, orderChangedAt } = value;
  if (!Array.isArray(entries)) throw bad('the synced accounts are not a list');
  if (!Array.isArray(tombstones)) throw bad('the synced deletions are not a list');
  if (!isTime(orderChangedAt)) throw bad('the synced order time is not a time');
  const ids = new Set<string>();
  entries.forEach((entry, i) => {
    checkEntry(entry, i + 1);
    if (ids.has(entry.id)) throw bad(`account ${i + 1} repeats the id of another`);
    ids.add(entry.id);
  });
  const deleted = new Set<string>();
  tombstones.forEach((tombstone, i) => {
    if (!isObject(tombstone) || !isText(tombstone.id) || tombstone.id === '' || !isTime(tombstone.deletedAt)) {
      throw bad(`deletion ${i + 1} is not a deletion record`);
    }
    if (deleted.has(tombstone.id)) throw bad(`deletion ${i + 1} repeats another`);
    deleted.add(tombstone.id);
  });
}

function checkEntry(value: unknown, position: number): asserts value is AccountEntry {
  const where = `account ${position}`;
  if (!isObject(value)) throw bad(`${where} is not an account record`);
  if (!isText(value.id) || value.id === '') throw bad(`${where} has no id`);
  if (!Array.isArray(value.sites) || !value.sites.every(isText)) throw bad(`${where} has a bad list of sites`);
  if (typeof value.pinned !== 'boolean' || typeof value.order !== 'number' || !Number.isFinite(value.order) || !isTime(value.createdAt) || !isTime(value.updatedAt)) {
    throw bad(`${where} has bad bookkeeping fields`);
  }
  for (const field of ['kind', 'issuer', 'label', 'secret', 'algorithm'] as const) {
    if (!isText(value[field])) throw bad(`${where} has no "${field}"`);
  }
  for (const field of ['digits', 'period', 'counter'] as const) {
    if (typeof value[field] !== 'number') throw bad(`${where} has no "${field}"`);
  }
  try {
    validateDraft({
      kind: value.kind as string,
      issuer: value.issuer as string,
      label: value.label as string,
      secret: value.secret as string,
      algorithm: value.algorithm as string,
      digits: value.digits as number,
      period: value.period as number,
      counter: value.counter as number,
    });
  } catch (error) {
    throw bad(`${where}: ${error instanceof Error ? error.message : 'not a valid account'}`, error);
  }
}
