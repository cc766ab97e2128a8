/**
 * The one place the sync messages are written, so every path tells the user the same thing:
 * what is wrong, that this computer's accounts were not changed, and what to do.
 */
import { SyncFailure, SyncFullError, SyncUnreadableError, WrongPasswordError } from '../errors';
import { msg, plural } from '../i18n/local-message';
import { SYNC_QUOTA } from './sync-format';

/**
 * The synced copy is only partly there: a write from another computer is still arriving, or two
 * computers wrote at once. Usually gone at the next change notification.
 * @param detail what is missing or mixed, in a few words (English in every language: it names
 *   parts of the sync format).
 */
export function syncIncompleteError(detail: string): SyncUnreadableError {
  return new SyncUnreadableError(SyncFailure.Incomplete, msg('errSyncIncomplete', detail));
}

/**
 * The synced copy fails its checks.
 * @param detail what is wrong, in a few words (English in every language, as above).
 * @param cause the underlying error, kept as `cause`.
 */
export function syncDamagedError(detail: string, cause?: unknown): SyncUnreadableError {
  return new SyncUnreadableError(SyncFailure.Damaged, msg('errSyncDamaged', detail), cause === undefined ? undefined : { cause });
}

/** The synced copy was written by a newer Twofold. */
export function syncTooNewError(version: number): SyncUnreadableError {
  return new SyncUnreadableError(SyncFailure.TooNew, msg('errSyncTooNew', version));
}

/** The master password typed here does not open the synced copy. */
export function syncWrongPasswordError(cause?: unknown): WrongPasswordError {
  return new WrongPasswordError(msg('errSyncWrongPassword'), cause === undefined ? undefined : { cause });
}

/**
 * The new synced copy does not fit the browser's sync storage.
 * @param accounts number of accounts in it.
 * @param bytesNeeded bytes the whole set of Twofold's items would take.
 * @param bytesAllowed bytes available to Twofold.
 */
export function syncFullError(accounts: number, bytesNeeded: number, bytesAllowed: number = SYNC_QUOTA.totalBytes): SyncFullError {
  const kb = (n: number): number => Math.ceil(n / 1024);
  return new SyncFullError(msg(plural('errSyncFull', accounts), accounts, kb(bytesNeeded), kb(bytesAllowed)), bytesNeeded, bytesAllowed);
}

/** The synced copy now uses another sync key (sync was reset elsewhere): the password is needed. */
export function syncKeyChangedError(): SyncUnreadableError {
  return new SyncUnreadableError(SyncFailure.KeyChanged, msg('errSyncKeyChanged'));
}
