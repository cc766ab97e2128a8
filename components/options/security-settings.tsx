import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Settings } from '@/utils/messages';
import { sendRequest } from '@/utils/messaging/send-request';
import { Field, describedBy } from '@/components/popup/field';
import { autoLockChoicesFor, autoLockLabel } from './auto-lock-choices';
import { saveStatusText, useSettingSave, type SaveState } from './use-setting-save';
import { t } from '@/utils/i18n/t';

/**
 * The Security section's settings: auto-lock time, lock with the computer, clearing the
 * clipboard even when the popup has closed, and Lock now.
 * Each change is saved at once through the background and says so beside the control.
 */
export function SecuritySettings({ onLock }: { onLock: () => Promise<void> }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [locking, setLocking] = useState(false);
  const autoLock = useSettingSave();
  const systemLock = useSettingSave();
  const clipboard = useSettingSave();
  const [clipboardRefused, setClipboardRefused] = useState(false);

  useEffect(() => {
    void sendRequest('getSettings').then((result) => {
      if (result.ok) setSettings(result.value);
      else setLoadError(result.error.message);
    });
  }, []);

  async function change(patch: Partial<Settings>, saver: ReturnType<typeof useSettingSave>) {
    if (!settings) return;
    const before = settings;
    setSettings({ ...settings, ...patch });
    const kept = await saver.save(patch);
    // A refused change puts the control back to what is really stored.
    setSettings(kept ?? before);
  }

  /**
   * Turning it on asks for `clipboardRead` first (in the click, as the browser requires), so that
   * the background clears the clipboard only while it still holds the copied code.
   */
  async function changeClipboard(on: boolean) {
    setClipboardRefused(false);
    if (on) {
      let granted = false;
      try {
        granted = await browser.permissions.request({ permissions: ['clipboardRead'] });
      } catch {
        granted = false;
      }
      if (!granted) {
        setClipboardRefused(true);
        if (settings) setSettings({ ...settings });
        return;
      }
    }
    await change({ clearClipboardInBackground: on }, clipboard);
  }

  async function lockNow() {
    setLocking(true);
    try {
      await onLock();
    } finally {
      setLocking(false);
    }
  }

  const autoLockError = failure(autoLock.status);
  const systemLockError = failure(systemLock.status);
  const clipboardError = failure(clipboard.status) ?? (clipboardRefused ? t('clearClipboardPermissionRefused') : undefined);

  return (
    <section class="card" aria-labelledby="security-title">
      <h2 id="security-title">{t('securityTitle')}</h2>
      {loadError && <p class="error" role="alert">{loadError}</p>}
      {!settings && !loadError && <p class="muted" aria-busy="true">{t('loadingSettings')}</p>}
      {settings && (
        <>
          <Field id="auto-lock" label={t('autoLockAfter')} error={autoLockError} hint={t('autoLockHint')}>
            <div class="control-row">
              <select id="auto-lock" value={String(settings.autoLockMinutes)}
                onChange={(e) => void change({ autoLockMinutes: Number(e.currentTarget.value) }, autoLock)}
                {...describedBy('auto-lock', autoLockError, true)}>
                {autoLockChoicesFor(settings.autoLockMinutes).map((minutes) => (
                  <option key={minutes} value={String(minutes)}>{autoLockLabel(minutes)}</option>
                ))}
              </select>
              <SaveStatus id="auto-lock-status" status={autoLock.status} />
            </div>
          </Field>

          <div class={`field${systemLockError ? ' field--error' : ''}`}>
            <div class="control-row">
              <label class="checkbox">
                <input id="lock-on-system-lock" type="checkbox" checked={settings.lockOnSystemLock}
                  onChange={(e) => void change({ lockOnSystemLock: e.currentTarget.checked }, systemLock)}
                  {...describedBy('lock-on-system-lock', systemLockError, true)} />
                {t('lockOnSystemLock')}
              </label>
              <SaveStatus id="lock-on-system-lock-status" status={systemLock.status} />
            </div>
            <p class="hint" id="lock-on-system-lock-hint">{t('lockOnSystemLockHint')}</p>
            {systemLockError && <p class="error" id="lock-on-system-lock-error" role="alert">{systemLockError}</p>}
          </div>

          <div class={`field${clipboardError ? ' field--error' : ''}`}>
            <div class="control-row">
              <label class="checkbox">
                <input id="clear-clipboard" type="checkbox" checked={settings.clearClipboardInBackground === true}
                  onChange={(e) => void changeClipboard(e.currentTarget.checked)}
                  {...describedBy('clear-clipboard', clipboardError, true)} />
                {t('clearClipboardInBackground')}
              </label>
              <SaveStatus id="clear-clipboard-status" status={clipboard.status} />
            </div>
            <p class="hint" id="clear-clipboard-hint">{t('clearClipboardInBackgroundHint')}</p>
            {clipboardError && <p class="error" id="clear-clipboard-error" role="alert">{clipboardError}</p>}
          </div>
        </>
      )}
      <div class="lock-now">
        <button type="button" onClick={() => void lockNow()} disabled={locking} aria-describedby="lock-now-hint">
          {locking ? t('locking') : t('lockNow')}
        </button>
        <p class="hint" id="lock-now-hint">{t('lockNowHint')}</p>
      </div>
    </section>
  );
}

/** A status line that is always in the page, so screen readers announce what appears in it. */
function SaveStatus({ id, status }: { id: string; status: SaveState }) {
  return <span class="save-status" id={id} role="status">{saveStatusText(status)}</span>;
}

function failure(status: SaveState): string | undefined {
  return status.state === 'failed' ? status.message : undefined;
}
