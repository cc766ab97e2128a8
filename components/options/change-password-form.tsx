import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ResultError } from '@/utils/messages';
import { ErrorCode } from '@/utils/error-codes';
import { sendRequest } from '@/utils/messaging/send-request';
import { Field, describedBy } from '@/components/popup/field';
import { fieldError, useRequest } from '@/components/popup/use-request';
import { t } from '@/utils/i18n/t';

// The hint repeats the background's minimum (utils/vault/password-policy.ts, which pages may not
// import); the background's own message is the one shown when a password is refused.

/** The form's own name for the current-password field in errors it makes itself. */
const CURRENT_FIELD = 'oldPassword';

/** Which of the three boxes an error from the background belongs to, if any. */
export function changePasswordErrors(error: ResultError | null) {
  const current =
    error?.code === ErrorCode.WrongPassword || error?.code === ErrorCode.TooManyAttempts
      ? error.message
      : fieldError(error, CURRENT_FIELD);
  // The background checks the new password with the setup policy, which names it "password".
  const next = fieldError(error, 'password');
  const confirm = fieldError(error, 'confirm');
  const other = error && !current && !next && !confirm ? error.message : undefined;
  return { current, next, confirm, other };
}

/**
 * Change the master password: the current one, the new one twice. The background re-wraps the
 * data key; the accounts are not touched. Errors appear next to the box at fault.
 */
export function ChangePasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, setError, run } = useRequest();
  const errors = changePasswordErrors(error);
  const currentRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  // After a refusal, put the keyboard where the fix is (in the same frame: a layout effect).
  useLayoutEffect(() => {
    if (errors.current) currentRef.current?.focus();
    else if (errors.next) nextRef.current?.focus();
    else if (errors.confirm) confirmRef.current?.focus();
  }, [error]);

  async function submit(event: Event) {
    event.preventDefault();
    setDone(false);
    if (current === '') {
      setError({ code: ErrorCode.InvalidInput, field: CURRENT_FIELD, message: t('typeCurrentPassword') });
      return;
    }
    let wrongCurrent = false;
    const result = await run(async () => {
      const reply = await sendRequest('changePassword', { oldPassword: current, newPassword: next, confirm });
      wrongCurrent = !reply.ok && reply.error.code === ErrorCode.WrongPassword;
      return reply;
    });
    if (result) {
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
    } else if (wrongCurrent) {
      setCurrent('');
    }
  }

  return (
    <section class="card" aria-labelledby="change-password-title">
      <h2 id="change-password-title">{t('changePasswordTitle')}</h2>
      <form onSubmit={submit} noValidate aria-labelledby="change-password-title">
        <Field id="current-password" label={t('currentMasterPassword')} error={errors.current}>
          <input id="current-password" ref={currentRef} type="password" autocomplete="current-password" value={current}
            onInput={(e) => setCurrent(e.currentTarget.value)} {...describedBy('current-password', errors.current)} />
        </Field>
        <Field id="new-master-password" label={t('newMasterPassword')} error={errors.next} hint={t('setupPasswordHint')}>
          <input id="new-master-password" ref={nextRef} type="password" autocomplete="new-password" value={next}
            onInput={(e) => setNext(e.currentTarget.value)} {...describedBy('new-master-password', errors.next, true)} />
        </Field>
        <Field id="confirm-master-password" label={t('confirmNewPassword')} error={errors.confirm}>
          <input id="confirm-master-password" ref={confirmRef} type="password" autocomplete="new-password" value={confirm}
            onInput={(e) => setConfirm(e.currentTarget.value)} {...describedBy('confirm-master-password', errors.confirm)} />
        </Field>
        <p class="hint">{t('changePasswordNote')}</p>
        {errors.other && <p class="error" role="alert">{errors.other}</p>}
        <p class="notice" role="status">{done ? t('passwordChanged') : ''}</p>
        <button type="submit" class="primary" disabled={busy}>{busy ? t('changingPassword') : t('changePassword')}</button>
      </form>
    </section>
  );
}
