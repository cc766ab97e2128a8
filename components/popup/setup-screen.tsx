import { useState } from 'preact/hooks';
import { sendRequest } from '@/utils/messaging/send-request';
import { t } from '@/utils/i18n/t';
import { Field, describedBy } from './field';
import { fieldError, useRequest } from './use-request';

/** First run: choose the master password. */
export function SetupScreen({ onDone }: { onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, run } = useRequest();
  const passwordError = fieldError(error, 'password');
  const confirmError = fieldError(error, 'confirm');

  async function submit(event: Event) {
    event.preventDefault();
    if (await run(() => sendRequest('setupVault', { password, confirm }))) onDone();
  }

  return (
    <form class="screen" onSubmit={submit} aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setupTitle')}</h1>
      <p>{t('setupIntro')}</p>
      <Field id="new-password" label={t('masterPassword')} error={passwordError} hint={t('setupPasswordHint')}>
        <input id="new-password" type="password" autocomplete="new-password" value={password} required
          onInput={(e) => setPassword(e.currentTarget.value)} autoFocus {...describedBy('new-password', passwordError, true)} />
      </Field>
      <Field id="confirm-password" label={t('setupConfirm')} error={confirmError}>
        <input id="confirm-password" type="password" autocomplete="new-password" value={confirm} required
          onInput={(e) => setConfirm(e.currentTarget.value)} {...describedBy('confirm-password', confirmError)} />
      </Field>
      <p class="warning" role="note">{t('setupWarning')}</p>
      {error && !passwordError && !confirmError && <p class="error" role="alert">{error.message}</p>}
      <button type="submit" class="primary" disabled={busy}>{busy ? t('setupCreating') : t('setupCreate')}</button>
    </form>
  );
}
