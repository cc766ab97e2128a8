import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AccountView, RecoveryCodesView } from '@/utils/messages';
import { sendRequest } from '@/utils/messaging/send-request';
import { formatNumber, t, tCount } from '@/utils/i18n/t';
import {
  MAX_RECOVERY_CODE_LENGTH, MAX_RECOVERY_CODES, parseRecoveryCodes, RecoveryCodesProblem, type RecoveryCodesProblem as Problem,
} from '@/utils/accounts/parse-recovery-codes';
import { Field, describedBy } from './field';
import { fieldError, useRequest } from './use-request';

/** The popup's words for a pasted list that cannot be saved. */
function problemText(problem: Problem): string {
  switch (problem) {
    case RecoveryCodesProblem.Empty: return t('recoveryEmpty');
    case RecoveryCodesProblem.TooMany: return t('recoveryTooMany', formatNumber(MAX_RECOVERY_CODES));
    case RecoveryCodesProblem.TooLong: return t('recoveryTooLong', formatNumber(MAX_RECOVERY_CODE_LENGTH));
  }
}

type Mode = 'closed' | 'show' | 'add' | 'shown';

/**
 * An account's recovery (backup) codes: how many are left, always; the codes themselves only
 * after the master password is typed again, forgotten when this closes. Codes are added by
 * pasting the list the site gave, and marked used one by one.
 */
export function RecoveryCodes({ account }: { account: AccountView }) {
  const [mode, setMode] = useState<Mode>('closed');
  const [left, setLeft] = useState<number | undefined>(account.recoveryCodesLeft);
  const [codes, setCodes] = useState<RecoveryCodesView['codes']>([]);
  const [password, setPassword] = useState('');
  const [text, setText] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const { busy, error, setError, run } = useRequest();
  const first = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  // A layout effect: the focus moves before the next frame, never into text already being typed.
  useLayoutEffect(() => {
    if (mode === 'show' || mode === 'add') first.current?.focus();
  }, [mode]);

  function open(next: Mode) {
    setError(null);
    setLocal(null);
    setMode(next);
  }

  function close() {
    setCodes([]);
    setPassword('');
    setText('');
    open('closed');
  }

  function shown(view: RecoveryCodesView) {
    setCodes(view.codes);
    setLeft(view.codes.length > 0 ? view.left : undefined);
    setText('');
    setMode('shown');
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (mode === 'add') {
      const parsed = parseRecoveryCodes(text);
      if (!parsed.ok) {
        setLocal(problemText(parsed.problem));
        return;
      }
    }
    setLocal(null);
    const result = await run(() => (mode === 'add'
      ? sendRequest('setRecoveryCodes', { id: account.id, text, password })
      : sendRequest('getRecoveryCodes', { id: account.id, password })));
    setPassword('');
    if (result) shown(result.value);
  }

  async function markUsed(index: number) {
    const result = await run(() => sendRequest('markRecoveryCodeUsed', { id: account.id, index }));
    if (!result) return;
    setLeft(result.value.left);
    setCodes((all) => all.map((c, i) => (i === index && c.usedAt === undefined ? { ...c, usedAt: Date.now() } : c)));
  }

  const count = left === undefined ? t('recoveryNone') : tCount('recoveryLeft', left);
  const codesError = local ?? fieldError(error, 'codes');
  const passwordError = fieldError(error, 'password') ?? (error && error.field !== 'codes' ? error.message : undefined);
  return (
    <section class="reveal recovery" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t('recoveryTitle')}</h2>
      <p class="recovery__left" data-left={left ?? 0}>{count}</p>
      {mode === 'closed' && (
        <>
          <p class="hint">{t('recoveryIntro')}</p>
          <div class="actions">
            {left !== undefined && <button type="button" onClick={() => open('show')}>{t('recoveryShow')}</button>}
            <button type="button" onClick={() => open('add')}>{t('recoveryAdd')}</button>
          </div>
        </>
      )}
      {(mode === 'show' || mode === 'add') && (
        <form onSubmit={submit} noValidate>
          {mode === 'add' && (
            <Field id="recovery-text" label={t('recoveryPaste')} error={codesError} hint={t('recoveryPasteHint')}>
              <textarea id="recovery-text" ref={first} rows={4} value={text} spellcheck={false} autocomplete="off" class="mono"
                onInput={(e) => setText(e.currentTarget.value)} {...describedBy('recovery-text', codesError, true)} />
            </Field>
          )}
          <Field id="recovery-password" label={t('revealPassword')} error={passwordError}>
            <input id="recovery-password" ref={mode === 'show' ? first : undefined} type="password" autocomplete="current-password"
              value={password} required onInput={(e) => setPassword(e.currentTarget.value)} {...describedBy('recovery-password', passwordError)} />
          </Field>
          <div class="actions">
            <button type="button" onClick={close}>{t('cancel')}</button>
            <button type="submit" class="primary" disabled={busy}>
              {busy ? t('checking') : mode === 'add' ? t('recoverySave') : t('recoveryShow')}
            </button>
          </div>
        </form>
      )}
      {mode === 'shown' && (
        <div>
          <ul class="recovery__codes">
            {codes.map((c, index) => (
              <li key={c.code} class={c.usedAt === undefined ? 'recovery__code' : 'recovery__code recovery__code--used'}>
                <code class="mono">{c.usedAt === undefined ? c.code : <s>{c.code}</s>}</code>{' '}
                {c.usedAt === undefined
                  ? <button type="button" class="small" disabled={busy} aria-label={`${t('recoveryMarkUsed')}: ${c.code}`}
                    onClick={() => void markUsed(index)}>{t('recoveryMarkUsed')}</button>
                  : <span class="hint">{t('recoveryUsed')}</span>}
              </li>
            ))}
          </ul>
          {error && <p class="error" role="alert">{error.message}</p>}
          <div class="actions">
            <button type="button" class="small" onClick={() => open('add')}>{t('recoveryAdd')}</button>
            <button type="button" class="small" onClick={close}>{t('recoveryHide')}</button>
          </div>
        </div>
      )}
    </section>
  );
}
