import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from '@wxt-dev/browser';
import { sendRequest } from '@/utils/messaging/send-request';
import { t } from '@/utils/i18n/t';

/**
 * A one-line reminder to save a backup, when the background says one is due (after the first
 * account, then every five accounts added since the last backup). "Not now" hides it until
 * five more accounts are added. Asked again whenever `version` changes (the list reloaded);
 * `initial` is the answer that came with the popup's opening, if it did.
 */
export function BackupReminder({ version, initial }: { version: number; initial?: boolean | undefined }) {
  const [show, setShow] = useState(initial ?? false);
  const known = useRef(initial !== undefined);
  useEffect(() => {
    if (known.current) {
      known.current = false;
      return;
    }
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
