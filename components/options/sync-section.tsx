import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SyncStatus } from '@/utils/messages';
import { ErrorCode } from '@/utils/error-codes';
import { sendRequest } from '@/utils/messaging/send-request';
import { Field, describedBy } from '@/components/popup/field';
import { useRequest } from '@/components/popup/use-request';
import { t, uiLanguage } from '@/utils/i18n/t';

/** How often the status line is refreshed while the page is open (rounds run in the background). */
const REFRESH_MS = 5000;

/** A sync time (ms since the epoch) as date and time in the user's locale. */
export function formatSyncTime(ms: number, locales: readonly string[] = [browser.i18n.getUILanguage(), uiLanguage()]): string {
  return new Intl.DateTimeFormat([...locales], { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/**
 * "Sync between your browsers": off by default. Turning it on asks for the master password (the
 * same on every computer); while on, a status line with the last sync time and any problem, a
 * button to turn it off and one to replace a damaged synced copy.
 */
export function SyncSection() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [password, setPassword] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, setError, run } = useRequest();

  async function refresh() {
    const result = await sendRequest('getSyncStatus');
    if (result.ok) {
      setStatus(result.value);
      setLoadError(null);
    } else {
      setLoadError(result.error.message);
    }
  }

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  async function enable(event: Event) {
    event.preventDefault();
    if (password === '') {
      setError({ code: ErrorCode.InvalidInput, field: 'password', message: t('syncTypePassword') });
      return;
    }
    const result = await run(() => sendRequest('enableSync', { password }));
    setPassword('');
    if (result) setStatus(result.value);
  }

  async function act(name: 'disableSync' | 'resetSync') {
    const result = await run(() => sendRequest(name));
    if (result) setStatus(result.value);
  }

  const passwordError = error && (error.field === 'password' || error.code === ErrorCode.WrongPassword || error.code === ErrorCode.TooManyAttempts)
    ? error.message
    : undefined;
  const otherError = error && !passwordError ? error.message : undefined;

  return (
    <section class="card" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('syncTitle')}</h2>
      <p>{t('syncIntro')}</p>
      {loadError && <p class="error" role="alert">{loadError}</p>}
      {status && !status.enabled && (
        <form onSubmit={enable} noValidate aria-labelledby="sync-title">
          <p class="muted" data-testid="sync-status">{t('syncOff')}</p>
          <Field id="sync-password" label={t('syncPasswordLabel')} error={passwordError} hint={t('syncPasswordHint')}>
            <input id="sync-password" type="password" autocomplete="current-password" value={password}
              onInput={(e) => setPassword(e.currentTarget.value)} {...describedBy('sync-password', passwordError, true)} />
          </Field>
          {otherError && <p class="error" role="alert">{otherError}</p>}
          <button type="submit" class="primary" disabled={busy}>{busy ? t('syncTurningOn') : t('syncTurnOn')}</button>
        </form>
      )}
      {status?.enabled && (
        <>
          <p data-testid="sync-status" role="status">
            {status.lastSyncedAt === undefined ? t('syncOnWaiting') : t('syncOnAt', formatSyncTime(status.lastSyncedAt))}
          </p>
          {status.error && <p class="error" role="alert">{status.error}</p>}
          {otherError && <p class="error" role="alert">{otherError}</p>}
          <div class="control-row">
            <button type="button" disabled={busy} onClick={() => void act('disableSync')}>{t('syncTurnOff')}</button>
            <button type="button" disabled={busy} onClick={() => void act('resetSync')} aria-describedby="sync-reset-hint">
              {t('syncReset')}
            </button>
          </div>
          <p class="hint" id="sync-reset-hint">{t('syncResetHint')}</p>
        </>
      )}
    </section>
  );
}
