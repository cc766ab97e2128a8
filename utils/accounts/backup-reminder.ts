/**
 * When the popup reminds the user to save a backup. Pure: no browser API.
 */

/** Accounts added since the last backup (or dismissal) before reminding again. */
export const REMIND_AFTER_NEW_ACCOUNTS = 5;

/** What the background remembers about backups and the reminder. */
export interface BackupReminderState {
  /** ms since the epoch of the last encrypted backup exported. */
  lastBackupAt?: number;
  /** How many accounts the vault held at that backup. */
  accountsAtLastBackup?: number;
  /** ms since the epoch of the last "Not now". */
  reminderDismissedAt?: number;
  /** How many accounts the vault held at that "Not now". */
  accountsAtDismissal?: number;
}

/**
 * True when the popup should show the backup reminder for a vault of `accountCount` accounts:
 * never for an empty vault; after the first account while no backup was ever saved; and when
 * {@link REMIND_AFTER_NEW_ACCOUNTS} or more accounts were added since the last backup. A
 * dismissal hides it until that many more accounts are added after the dismissal.
 */
export function shouldRemindBackup(state: BackupReminderState, accountCount: number): boolean {
  if (accountCount <= 0) return false;
  const sinceBackup = accountCount - (state.accountsAtLastBackup ?? 0);
  const due = state.lastBackupAt === undefined ? accountCount >= 1 : sinceBackup >= REMIND_AFTER_NEW_ACCOUNTS;
  if (!due) return false;
  if (state.reminderDismissedAt !== undefined && (state.lastBackupAt === undefined || state.reminderDismissedAt > state.lastBackupAt)) {
    return accountCount - (state.accountsAtDismissal ?? 0) >= REMIND_AFTER_NEW_ACCOUNTS;
  }
  return true;
}
