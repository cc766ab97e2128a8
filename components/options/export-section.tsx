import { useState } from 'preact/hooks';
import type { MigrationExport, ResultError } from '@/utils/messages';
import { ErrorCode } from '@/utils/errors';
import { sendRequest } from '@/utils/messaging/send-request';
import { Field, describedBy } from '@/components/popup/field';
import { fieldError, useRequest } from '@/components/popup/use-request';
import { QrImage } from '@/components/shared/qr-image';
import { parseOtpauthUri } from '@/utils/otp/parse-otpauth-uri';
import { displayName } from '@/utils/accounts/display-name';
import { formatNumber, sentenceGap, t, tCount, tParts } from '@/utils/i18n/t';

/** The message for the master-password box: a wrong or refused password, or an empty box. */
function masterError(error: ResultError | null): string | undefined {
  if (error?.code === ErrorCode.WrongPassword || error?.code === ErrorCode.TooManyAttempts) return error.message;
  return fieldError(error, 'masterPassword');
}

/** Offers `text` as a file download through a Blob and an `<a download>`. */
function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is kept a while for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Export: an encrypted backup file, a plain otpauth:// list behind a warning, Google
 * Authenticator transfer QR codes, and one QR code per account. Each asks for the master
 * password again.
 */
export function ExportSection() {
  return (
    <section class="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('exportTitle')}</h2>
      <p>{t('exportIntro')}</p>
      <BackupForm />
      <PlainListForm />
      <TransferForm />
      <AccountCodesForm />
    </section>
  );
}

/** The encrypted backup: a password for the file (twice) and the master password. */
function BackupForm() {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [master, setMaster] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, setError, run } = useRequest();
  const errors = {
    password: fieldError(error, 'password'),
    confirm: fieldError(error, 'confirm'),
    master: masterError(error),
  };
  const other = error && !errors.password && !errors.confirm && !errors.master ? error.message : undefined;

  async function submit(event: Event) {
    event.preventDefault();
    setSaved(null);
    if (master === '') {
      setError({ code: ErrorCode.InvalidInput, field: 'masterPassword', message: t('confirmWithMasterPassword') });
      return;
    }
    const result = await run(() => sendRequest('exportBackup', { password, confirm, masterPassword: master }));
    setMaster('');
    if (!result) return;
    download(result.value.fileName, result.value.text, 'application/json');
    setPassword('');
    setConfirm('');
    setSaved(tCount('backupSaved', result.value.count, result.value.fileName));
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="backup-title" class="export-form">
      <h3 id="backup-title">{t('backupTitle')}</h3>
      <p class="hint">{t('backupHint')}</p>
      <Field id="backup-password" label={t('backupPassword')} error={errors.password} hint={t('backupPasswordHint')}>
        <input id="backup-password" type="password" autocomplete="new-password" value={password}
          onInput={(e) => setPassword(e.currentTarget.value)} {...describedBy('backup-password', errors.password, true)} />
      </Field>
      <Field id="backup-confirm" label={t('backupConfirm')} error={errors.confirm}>
        <input id="backup-confirm" type="password" autocomplete="new-password" value={confirm}
          onInput={(e) => setConfirm(e.currentTarget.value)} {...describedBy('backup-confirm', errors.confirm)} />
      </Field>
      <Field id="backup-master" label={t('yourMasterPassword')} error={errors.master}>
        <input id="backup-master" type="password" autocomplete="current-password" value={master}
          onInput={(e) => setMaster(e.currentTarget.value)} {...describedBy('backup-master', errors.master)} />
      </Field>
      {other && <p class="error" role="alert">{other}</p>}
      <p class="notice" role="status">{saved ?? ''}</p>
      <button type="submit" class="primary" disabled={busy}>{busy ? t('encrypting') : t('downloadBackup')}</button>
    </form>
  );
}

/** The plain otpauth:// list, behind a warning. */
function PlainListForm() {
  const [master, setMaster] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, setError, run } = useRequest();
  const masterMessage = masterError(error);
  const other = error && !masterMessage ? error.message : undefined;

  async function submit(event: Event) {
    event.preventDefault();
    setSaved(null);
    if (master === '') {
      setError({ code: ErrorCode.InvalidInput, field: 'masterPassword', message: t('confirmWithMasterPassword') });
      return;
    }
    const result = await run(() => sendRequest('exportOtpauthList', { masterPassword: master }));
    setMaster('');
    if (!result) return;
    download(result.value.fileName, result.value.text, 'text/plain');
    setSaved(tCount('plainSaved', result.value.count, result.value.fileName));
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="plain-title" class="export-form">
      <h3 id="plain-title">{t('plainTitle')}</h3>
      <p class="danger-box" id="plain-warning">
        <strong>{t('plainWarningStrong')}</strong>{sentenceGap()}{t('plainWarning')}
      </p>
      <Field id="plain-master" label={t('plainMasterPassword')} error={masterMessage}>
        <input id="plain-master" type="password" autocomplete="current-password" value={master}
          onInput={(e) => setMaster(e.currentTarget.value)} {...describedBy('plain-master', masterMessage)} />
      </Field>
      {other && <p class="error" role="alert">{other}</p>}
      <p class="notice" role="status">{saved ?? ''}</p>
      <button type="submit" class="danger" disabled={busy} aria-describedby="plain-warning">
        {busy ? t('checking') : t('downloadPlainList')}
      </button>
    </form>
  );
}

/** Google Authenticator transfer QR codes, each with its link to copy. */
function TransferForm() {
  const [master, setMaster] = useState('');
  const [transfer, setTransfer] = useState<MigrationExport | null>(null);
  const [copied, setCopied] = useState<number | null>(null);
  const { busy, error, setError, run } = useRequest();
  const masterMessage = masterError(error);
  const other = error && !masterMessage ? error.message : undefined;

  async function submit(event: Event) {
    event.preventDefault();
    setTransfer(null);
    setCopied(null);
    if (master === '') {
      setError({ code: ErrorCode.InvalidInput, field: 'masterPassword', message: t('confirmWithMasterPassword') });
      return;
    }
    const result = await run(() => sendRequest('exportMigrationQrs', { masterPassword: master }));
    setMaster('');
    if (result) setTransfer(result.value);
  }

  async function copy(uri: string, index: number) {
    await navigator.clipboard.writeText(uri).then(() => setCopied(index), () => setCopied(null));
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="transfer-title" class="export-form">
      <h3 id="transfer-title">{t('transferTitle')}</h3>
      <p class="hint">{t('transferHint')}</p>
      <p class="danger-box" id="transfer-warning">
        <strong>{t('qrWarningStrong')}</strong>{sentenceGap()}{t('transferWarning')}
      </p>
      <Field id="transfer-master" label={t('transferMasterPassword')} error={masterMessage}>
        <input id="transfer-master" type="password" autocomplete="current-password" value={master}
          onInput={(e) => setMaster(e.currentTarget.value)} {...describedBy('transfer-master', masterMessage)} />
      </Field>
      {other && <p class="error" role="alert">{other}</p>}
      <button type="submit" disabled={busy} aria-describedby="transfer-warning">{busy ? t('checking') : t('showTransferCodes')}</button>
      {transfer && (
        <div class="transfer" role="region" aria-label={t('transferCodes')}>
          {transfer.uris.length === 0 && <p>{t('transferNone')}</p>}
          <ol class="transfer__links">
            {transfer.uris.map((uri, index) => {
              const place = [formatNumber(index + 1), formatNumber(transfer.uris.length)];
              return (
                <li key={uri}>
                  <QrImage text={uri} label={t('transferCodeLabel', place)} caption={t('transferCodePosition', place)} />
                  <code class="transfer__uri">{uri}</code>
                  <button type="button" class="small" onClick={() => void copy(uri, index)}>
                    {copied === index ? t('copied') : t('copyLinkNumber', formatNumber(index + 1))}
                  </button>
                </li>
              );
            })}
          </ol>
          {transfer.leftOut.length > 0 && (
            <>
              <h4>{t('leftOut')}</h4>
              <ul>
                {transfer.leftOut.map((item, index) => <li key={index}>{tParts('labelValue', [<strong>{item.name}</strong>, item.reason])}</li>)}
              </ul>
            </>
          )}
          <button type="button" class="small" onClick={() => setTransfer(null)}>{t('hideCodes')}</button>
        </div>
      )}
    </form>
  );
}

/** One account of the per-account export: its name and its otpauth:// link. */
interface AccountCode {
  name: string;
  uri: string;
}

/**
 * The export's otpauth:// list, one link a line, as named codes. A line the parser refuses
 * (none should: the background writes them) is still shown, named by its place in the list.
 */
function toAccountCodes(list: string): AccountCode[] {
  return list.split('\n').map((line) => line.trim()).filter((line) => line !== '').map((uri, index) => {
    try {
      const { draft } = parseOtpauthUri(uri);
      return { name: draft.issuer || draft.label ? displayName(draft) : t('accountNumbered', formatNumber(index + 1)), uri };
    } catch {
      return { name: t('accountNumbered', formatNumber(index + 1)), uri };
    }
  });
}

/** One QR code per account (an otpauth:// link each), for any authenticator app. */
function AccountCodesForm() {
  const [master, setMaster] = useState('');
  const [codes, setCodes] = useState<AccountCode[] | null>(null);
  const { busy, error, setError, run } = useRequest();
  const masterMessage = masterError(error);
  const other = error && !masterMessage ? error.message : undefined;

  async function submit(event: Event) {
    event.preventDefault();
    setCodes(null);
    if (master === '') {
      setError({ code: ErrorCode.InvalidInput, field: 'masterPassword', message: t('confirmWithMasterPassword') });
      return;
    }
    const result = await run(() => sendRequest('exportOtpauthList', { masterPassword: master }));
    setMaster('');
    if (result) setCodes(toAccountCodes(result.value.text));
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="account-codes-title" class="export-form">
      <h3 id="account-codes-title">{t('accountCodesTitle')}</h3>
      <p class="hint">{t('accountCodesHint')}</p>
      <p class="danger-box" id="account-codes-warning">
        <strong>{t('qrWarningStrong')}</strong>{sentenceGap()}{t('accountCodesWarning')}
      </p>
      <Field id="account-codes-master" label={t('accountCodesMasterPassword')} error={masterMessage}>
        <input id="account-codes-master" type="password" autocomplete="current-password" value={master}
          onInput={(e) => setMaster(e.currentTarget.value)} {...describedBy('account-codes-master', masterMessage)} />
      </Field>
      {other && <p class="error" role="alert">{other}</p>}
      <button type="submit" disabled={busy} aria-describedby="account-codes-warning">
        {busy ? t('checking') : t('showAccountCodes')}
      </button>
      {codes && (
        <div class="transfer" role="region" aria-label={t('accountCodes')}>
          <ol class="account-codes">
            {codes.map(({ name, uri }, index) => (
              <li key={`${index}:${uri}`}>
                <QrImage text={uri} label={t('accountCodeLabel', name)} caption={name} />
              </li>
            ))}
          </ol>
          <button type="button" class="small" onClick={() => setCodes(null)}>{t('hideCodes')}</button>
        </div>
      )}
    </form>
  );
}
