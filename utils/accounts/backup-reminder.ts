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
  /** ms since the epoch of the last sign-in fill (a fill that was not an account's setup fill). */
  lastSignInFillAt?: number;
}

/**
 * How long after an account is added its site counts as being set up (ms): long enough to scan,
 * fill the setup code and read the site's confirmation; short enough that a reminder kept back
 * comes on the same day.
 */
export const SETUP_WINDOW_MS = 30 * 60_000;

/** An account as the setup rules see it (no secrets). */
export interface SetupAccount {
  /** Registrable domains it is bound to. */
  sites: readonly string[];
  /** ms since the epoch. */
  createdAt: number;
}

/**
 * True while the person may be halfway through setting a site up, where the popup opens: an
 * account bound to `site` was added less than {@link SETUP_WINDOW_MS} before `now` and no sign-in
 * fill came after it. The backup reminder waits then (issue 13: never beside "Fill code into this
 * page"). `site` undefined means the page is not known: any such account counts. A browser page
 * (`site` null) is never a site being set up.
 *
 * @param now ms since the epoch
 */
export function isSettingUp(
  accounts: readonly SetupAccount[],
  site: string | null | undefined,
  lastSignInFillAt: number | undefined,
  now: number,
): boolean {
  if (site === null) return false;
  return accounts.some((account) =>
    now - account.createdAt < SETUP_WINDOW_MS
    && (lastSignInFillAt === undefined || lastSignInFillAt < account.createdAt)
    && (site === undefined || account.sites.includes(site)));
}

/**
 * True when a fill of an account added at `createdAt` is its setup fill (the code that turns
 * two-step verification on, typed on the page where it was scanned), false for a sign-in fill:
 * the first fill of an account within {@link SETUP_WINDOW_MS} of its adding is the setup fill;
 * any later fill, or any fill after that window, is a sign-in.
 *
 * @param filledBefore whether this account was filled before (since the browser started)
 * @param now ms since the epoch
 */
export function isSetupFill(createdAt: number, filledBefore: boolean, now: number): boolean {
  return !filledBefore && now - createdAt < SETUP_WINDOW_MS;
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
