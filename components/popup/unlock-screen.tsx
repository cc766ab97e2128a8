import { useEffect, useState } from 'preact/hooks';
import { sendRequest } from '@/utils/messaging/send-request';
import { formatNumber, t } from '@/utils/i18n/t';
import { Field, describedBy } from './field';
import { useRequest } from './use-request';

/** Locked: ask for the master password, honouring the delay after wrong ones. */
export function UnlockScreen({ onDone, retryAt: initialRetryAt }: { onDone: () => void; retryAt?: number }) {
  const [password, setPassword] = useState('');
  const { busy, error, run } = useRequest();
  const retryAt = error?.retryAt ?? initialRetryAt;
  const [now, setNow] = useState(Date.now());
  const waiting = retryAt !== undefined && retryAt > now;

  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [waiting]);

  async function submit(event: Event) {
    event.preventDefault();
    const done = await run(() => sendRequest('unlock', { password }));
    setNow(Date.now());
    if (done) onDone();
    else setPassword('');
  }

  const message = waiting ? t('unlockWait', formatNumber(Math.ceil((retryAt - now) / 1000))) : error?.message;

  return (
    <form class="screen" onSubmit={submit} aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t('unlockTitle')}</h1>
      <Field id="password" label={t('masterPassword')} error={message}>
        <input id="password" type="password" autocomplete="current-password" value={password} required autoFocus
          onInput={(e) => setPassword(e.currentTarget.value)} {...describedBy('password', message)} />
      </Field>
      <button type="submit" class="primary" disabled={busy || waiting}>{busy ? t('unlocking') : t('unlock')}</button>
    </form>
  );
}
