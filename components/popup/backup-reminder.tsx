import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendRequest } from '@/utils/messaging/send-request';
import { t } from '@/utils/i18n/t';

/**
 * A one-line reminder to save a backup, when the background says one is due (after the first
 * account, then every five accounts added since the last backup). "Not now" hides it until
 * five more accounts are added. Asked again whenever `version` changes (the list reloaded).
 */
export function BackupReminder({ version }: { version: number }) {
  const [show, setShow] = useState(false);
  useEffect(() => {
    let live = true;
    void sendRequest('getBackupReminder').then((result) => {
      if (live && result.ok) setShow(result.value.show);
    });
    return () => { live = false; };
  }, [version]);

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
