/**
 * The one place the sync messages are written, so every path tells the user the same thing:
 * what is wrong, that this computer's accounts were not changed, and what to do.
 */
import { SyncFailure, SyncFullError, SyncUnreadableError, WrongPasswordError } from '../errors';
import { SYNC_QUOTA } from './sync-format';

/**
 * The synced copy is only partly there: a write from another computer is still arriving, or two
 * computers wrote at once. Usually gone at the next change notification.
 * @param detail what is missing or mixed, in a few words.
 */
export function syncIncompleteError(detail: string): SyncUnreadableError {
  return new SyncUnreadableError(
    SyncFailure.Incomplete,
    `The accounts synced from your other computers have not fully arrived yet (${detail}). ` +
      'Twofold will try again when the rest arrives; the accounts on this computer were not changed.',
  );
}

/**
 * The synced copy fails its checks.
 * @param detail what is wrong, in a few words.
 * @param cause the underlying error, kept as `cause`.
 */
export function syncDamagedError(detail: string, cause?: unknown): SyncUnreadableError {
  return new SyncUnreadableError(
    SyncFailure.Damaged,
    `The accounts synced through your browser could not be read: the synced copy is damaged (${detail}). ` +
      'The accounts on this computer were not changed. To repair sync, replace the synced copy with this computer’s accounts in Options → Sync.',
    cause === undefined ? undefined : { cause },
  );
}

/** The synced copy was written by a newer Twofold. */
export function syncTooNewError(version: number): SyncUnreadableError {
  return new SyncUnreadableError(
    SyncFailure.TooNew,
    `The accounts synced through your browser were saved by a newer Twofold (sync format ${version}). ` +
      'Update Twofold on this computer; its accounts were not changed.',
  );
}

/** The master password typed here does not open the synced copy. */
export function syncWrongPasswordError(cause?: unknown): WrongPasswordError {
  return new WrongPasswordError(
    'That password does not open the accounts synced from your other computers. Use the master password you chose there, then check Caps Lock.',
    cause === undefined ? undefined : { cause },
  );
}

/**
 * The new synced copy does not fit the browser's sync storage.
 * @param accounts number of accounts in it.
 * @param bytesNeeded bytes the whole set of Twofold's items would take.
 * @param bytesAllowed bytes available to Twofold.
 */
export function syncFullError(accounts: number, bytesNeeded: number, bytesAllowed: number = SYNC_QUOTA.totalBytes): SyncFullError {
  const kb = (n: number): string => `${Math.ceil(n / 1024)} KB`;
  return new SyncFullError(
    `Sync is full: ${accounts} account${accounts === 1 ? '' : 's'} need ${kb(bytesNeeded)}, the browser allows ${kb(bytesAllowed)}. ` +
      'Twofold keeps working on this computer, but this change was not synced. Delete accounts you no longer use, or move accounts between computers with a backup file.',
    bytesNeeded,
    bytesAllowed,
  );
}

/** The synced copy now uses another sync key (sync was reset elsewhere): the password is needed. */
export function syncKeyChangedError(): SyncUnreadableError {
  return new SyncUnreadableError(
    SyncFailure.KeyChanged,
    'Sync was started again from another computer. Unlock Twofold with your master password to keep this computer in step; its accounts were not changed.',
  );
}
