import { useEffect, useState } from 'preact/hooks';
import { browser } from '@wxt-dev/browser';
import { sendRequest } from '@/utils/messaging/send-request';
import { t } from '@/utils/i18n/t';

/**
 * A one-line reminder to save a backup, when the background says one is due (after the first
 * account, then every five accounts added since the last backup). "Not now" hides it until
 * five more accounts are added.
 *
 * It comes as the popup opens (`initial`, the answer that came with the opening, else asked once).
 * Never while a site is being set up: the popup leaves it out once an account was added in it,
 * and the background keeps it back on the site of an account just added until that account's
 * first sign-in fill (utils/accounts/backup-reminder.ts `isSettingUp`), so it never sits beside
 * "Fill code into this page" halfway through a site's setup.
 */
export function BackupReminder({ initial }: { initial?: boolean | undefined }) {
  const [show, setShow] = useState(initial ?? false);
  useEffect(() => {
    if (initial !== undefined) return;
    let live = true;
    void sendRequest('getBackupReminder').then((result) => {
      if (live && result.ok) setShow(result.value.show);
    });
    return () => { live = false; };
  }, []);

  if (!show) return null;
  async function later() {
    setShow(false);
    await sendRequest('dismissBackupReminder');
  }
  return (
    <aside class="notice banner backup-reminder" aria-label={t('backupReminderSave')}>
      <span>{t('backupReminderText')}</span>{' '}
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>{t('backupReminderSave')}</button>{' '}
      <button type="button" class="link" onClick={() => void later()}>{t('backupReminderLater')}</button>
    </aside>
  );
}
