/**
 * The popup's opening request: status, theme, list, site and backup reminder answered together,
 * so the popup waits for one round trip to the background instead of five before its codes can
 * be painted (issue 6's budget: codes on screen 100 ms after the popup opens).
 */
import { readTheme } from '@/utils/theme';
import { isSettingUp, shouldRemindBackup, type BackupReminderState } from '@/utils/accounts/backup-reminder';
import type { PageHandlers } from './router';

/**
 * What the opening is made of: the handlers' answers, and the stored reminder state, which is
 * judged against the list's own account count (reading the vault once, not once more for it).
 */
export type OpeningParts = Pick<PageHandlers, 'getStatus' | 'getSettings' | 'listAccounts' | 'getActiveSite'> & {
  reminderState: () => Promise<BackupReminderState>;
};

/**
 * A part the popup can ask for again on its own: undefined when it failed. A new or locked vault
 * says so in the status; any other failure is shown by the popup's own request for the list, so
 * one broken part never leaves the popup without a screen.
 */
async function orNothing<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch {
    return undefined;
  }
}

export function createPopupOpenHandler(parts: OpeningParts, now: () => number = Date.now): PageHandlers<'openPopup'> {
  return {
    async openPopup({ tabId }) {
      // All at once: the list is asked for before the status is known, as most opens find the
      // vault unlocked; a locked vault simply answers the list with nothing.
      const [status, settings, listing, site, reminder] = await Promise.all([
        parts.getStatus(),
        parts.getSettings(),
        orNothing(parts.listAccounts()),
        parts.getActiveSite(tabId === undefined ? {} : { tabId }),
        orNothing(parts.reminderState()),
      ]);
      const theme = readTheme(settings.theme);
      // Without a list (the vault locked between the parts, or the list failed) the popup shows
      // the status and asks for the list itself.
      if (status.state !== 'unlocked' || listing === undefined) return { status, theme };
      // Not while the site the popup opened on is being set up (an account just added for it).
      const remindBackup = reminder !== undefined && shouldRemindBackup(reminder, listing.accounts.length)
        && !isSettingUp(listing.accounts, site.site, reminder.lastSignInFillAt, now());
      return { status, theme, unlocked: { listing, site: site.site, ...(site.insecureSite ? { insecureSite: site.insecureSite } : {}), remindBackup } };
    },
  };
}
