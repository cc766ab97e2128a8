/**
 * The popup's opening request: status, theme, list, site and backup reminder answered together,
 * so the popup waits for one round trip to the background instead of five before its codes can
 * be painted (issue 6's budget: codes on screen 100 ms after the popup opens).
 */
import { ErrorCode, TwofoldError } from '@/utils/errors';
import { readTheme } from '@/utils/theme';
import type { PageHandlers } from './router';

/** The handlers whose answers make up the opening. */
export type OpeningParts = Pick<PageHandlers, 'getStatus' | 'getSettings' | 'listAccounts' | 'getActiveSite' | 'getBackupReminder'>;

/** Undefined when the vault is not open (new or locked): the status says which. */
async function unlessClosed<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof TwofoldError && (error.code === ErrorCode.VaultLocked || error.code === ErrorCode.VaultMissing)) return undefined;
    throw error;
  }
}

export function createPopupOpenHandler(parts: OpeningParts): PageHandlers<'openPopup'> {
  return {
    async openPopup({ tabId }) {
      // All at once: the list is asked for before the status is known, as most opens find the
      // vault unlocked; a locked vault simply answers the list with nothing.
      const [status, settings, listing, site, reminder] = await Promise.all([
        parts.getStatus(),
        parts.getSettings(),
        unlessClosed(parts.listAccounts()),
        parts.getActiveSite(tabId === undefined ? {} : { tabId }),
        unlessClosed(parts.getBackupReminder()),
      ]);
      const theme = readTheme(settings.theme);
      // The vault may lock between the parts: then the popup shows the status it got.
      if (status.state !== 'unlocked' || listing === undefined) return { status, theme };
      return { status, theme, unlocked: { listing, site: site.site, remindBackup: reminder?.show ?? false } };
    },
  };
}
