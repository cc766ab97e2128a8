import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AccountView } from '@/utils/messages';
import { sendRequest } from '@/utils/messaging/send-request';
import { t } from '@/utils/i18n/t';
import { displayName } from '@/utils/accounts/display-name';
import { QrImage } from '@/components/shared/qr-image';
import { Field, describedBy } from './field';
import { useRequest } from './use-request';
import { copyCode } from './clipboard';

/** The key in groups of four, the way sites print it. */
function groupKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/gu, '$1 ');
}

/**
 * Shows an account's secret key, to set it up in another app, only after the master password
 * is typed again: as text, and as a QR code of its otpauth:// link for a phone to scan. Both are
 * forgotten when this closes.
 */
export function RevealSecret({ account }: { account: AccountView }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [secret, setSecret] = useState<{ secret: string; uri: string } | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const { busy, error, run } = useRequest();
  const passwordBox = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (open) passwordBox.current?.focus();
  }, [open]);

  async function submit(event: Event) {
    event.preventDefault();
    const result = await run(() => sendRequest('revealSecret', { id: account.id, password }));
    setPassword('');
    if (result) setSecret(result.value);
  }

  function hide() {
    setSecret(null);
    setOpen(false);
    setCopied(null);
  }

  async function copy(text: string, what: string) {
    setCopied((await copyCode(text)) ? what : t('copyRefused'));
  }

  if (!open) {
    return (
      <section class="reveal" aria-labelledby="reveal-title">
        <h2 id="reveal-title">{t('revealTitle')}</h2>
        <p class="hint">{t('revealIntro')}</p>
        <button type="button" onClick={() => setOpen(true)}>{t('revealButton')}</button>
      </section>
    );
  }
  const message = error?.message;
  return (
    <section class="reveal" aria-labelledby="reveal-title">
      <h2 id="reveal-title">{t('revealTitle')}</h2>
      {secret === null ? (
        <form onSubmit={submit}>
          <Field id="reveal-password" label={t('revealPassword')} error={message}>
            <input id="reveal-password" ref={passwordBox} type="password" autocomplete="current-password" value={password} required
              onInput={(e) => setPassword(e.currentTarget.value)} {...describedBy('reveal-password', message)} />
          </Field>
          <div class="actions">
            <button type="button" onClick={hide}>{t('cancel')}</button>
            <button type="submit" class="primary" disabled={busy}>{busy ? t('checking') : t('revealConfirm')}</button>
          </div>
        </form>
      ) : (
        <div>
          <p class="warning" role="note">{t('revealWarning')}</p>
          <p class="secret-key">
            <span class="hint">{t('secretKeyLabel')}</span>
            <code class="mono" data-secret={secret.secret}>{groupKey(secret.secret)}</code>
          </p>
          <QrImage text={secret.uri} label={t('revealQrAlt', account.issuer || account.label ? displayName(account) : t('unnamedAccount'))} />
          <p class="hint">{t('revealQrHint')}</p>
          <div class="actions">
            <button type="button" class="small" onClick={() => void copy(secret.secret, t('copiedKey'))}>{t('copyKey')}</button>
            <button type="button" class="small" onClick={() => void copy(secret.uri, t('copiedLink'))}>{t('copyLink')}</button>
            <button type="button" class="small" onClick={hide}>{t('hideKey')}</button>
          </div>
          <p class="toast" role="status">{copied}</p>
        </div>
      )}
    </section>
  );
}
