import { useEffect, useRef, useState } from 'preact/hooks';
import type { MigrationExport, Result, ResultError } from '@/utils/messages';
import { ErrorCode } from '@/utils/error-codes';
import { sendRequest } from '@/utils/messaging/send-request';
import { Field, describedBy } from '@/components/popup/field';
import { fieldError, useRequest } from '@/components/popup/use-request';
import { QrImage } from '@/components/shared/qr-image';
import { readOtpauthNames } from '@/utils/otp/read-otpauth-names';
import { displayName } from '@/utils/accounts/display-name';
import { formatNumber, sentenceGap, t, tCount, tParts } from '@/utils/i18n/t';

/** The message for the master-password box: a wrong or refused password, or an empty box. */
function masterError(error: ResultError | null): string | undefined {
  if (error?.code === ErrorCode.WrongPassword || error?.code === ErrorCode.TooManyAttempts) return error.message;
  return fieldError(error, 'masterPassword');
}

/**
 * The master-password re-entry every export asks for: the box's value, its message, and
 * `runWithMaster`, which refuses an empty box, sends the request, and always empties the box.
 */
function useMasterPassword() {
  const [master, setMaster] = useState('');
  // The box appears when its export is asked for (one box on the page at a time, not four).
  const [asked, setAsked] = useState(false);
  const { busy, error, setError, run } = useRequest();
  async function runWithMaster<T>(send: (masterPassword: string) => Promise<Result<T>>): Promise<{ value: T } | null> {
    if (master === '') {
      setAsked(true);
      setError({ code: ErrorCode.InvalidInput, field: 'masterPassword', message: t('confirmWithMasterPassword') });
      return null;
    }
    const result = await run(() => send(master));
    setMaster('');
    // Done: the box goes away; a refused password keeps it, with its message.
    if (result) setAsked(false);
    return result;
  }
  return { master, setMaster, asked, busy, error, masterMessage: masterError(error), runWithMaster };
}

/** The master-password box of an export form, shown once its export is asked for. */
function MasterPasswordField(props: { id: string; label: string; value: string; error?: string; shown: boolean; onInput: (value: string) => void }) {
  const { shown } = props;
  return shown ? <ShownMasterPasswordField {...props} /> : null;
}

/** The box itself: it takes the focus when it appears (the autofocus attribute works only at page load). */
function ShownMasterPasswordField(props: { id: string; label: string; value: string; error?: string; onInput: (value: string) => void }) {
  const { id, label, value, error, onInput } = props;
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <Field id={id} label={label} error={error}>
      <input ref={box} id={id} type="password" autocomplete="current-password" value={value}
        onInput={(e) => onInput(e.currentTarget.value)} {...describedBy(id, error)} />
    </Field>
  );
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
 * Export: an encrypted backup file; then, under one warning, the unencrypted ways to move to
 * another app (a plain otpauth:// list, Google Authenticator transfer QR codes, one QR code per
 * account). Each asks for the master password again, in one box that appears when its button
 * is pressed.
 */
export function ExportSection() {
  return (
    <section class="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('exportTitle')}</h2>
      <p>{t('exportIntro')}</p>
      <BackupForm />
      <div class="unencrypted" role="group" aria-labelledby="unencrypted-title">
        <h3 id="unencrypted-title">{t('unencryptedTitle')}</h3>
        <p class="danger-box" id="unencrypted-warning">
          <strong>{t('unencryptedWarningStrong')}</strong>{sentenceGap()}{t('unencryptedWarning')}
        </p>
        <PlainListForm />
        <TransferForm />
        <AccountCodesForm />
      </div>
    </section>
  );
}

/** The encrypted backup: a password for the file (twice) and the master password. */
function BackupForm() {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { master, setMaster, asked, busy, error, masterMessage, runWithMaster } = useMasterPassword();
  const errors = {
    password: fieldError(error, 'password'),
    confirm: fieldError(error, 'confirm'),
    master: masterMessage,
  };
  const other = error && !errors.password && !errors.confirm && !errors.master ? error.message : undefined;

  async function submit(event: Event) {
    event.preventDefault();
    setSaved(null);
    const result = await runWithMaster((masterPassword) => sendRequest('exportBackup', { password, confirm, masterPassword }));
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
      <MasterPasswordField id="backup-master" label={t('yourMasterPassword')} value={master} error={errors.master} shown={asked}
        onInput={setMaster} />
      {other && <p class="error" role="alert">{other}</p>}
      <p class="notice" role="status">{saved ?? ''}</p>
      <button type="submit" class="primary" disabled={busy}>{busy ? t('encrypting') : t('downloadBackup')}</button>
    </form>
  );
}

/** The plain otpauth:// list, behind a warning. */
function PlainListForm() {
  const [saved, setSaved] = useState<string | null>(null);
  const { master, setMaster, asked, busy, error, masterMessage, runWithMaster } = useMasterPassword();
  const other = error && !masterMessage ? error.message : undefined;

  async function submit(event: Event) {
    event.preventDefault();
    setSaved(null);
    const result = await runWithMaster((masterPassword) => sendRequest('exportOtpauthList', { masterPassword }));
    if (!result) return;
    download(result.value.fileName, result.value.text, 'text/plain');
    setSaved(tCount('plainSaved', result.value.count, result.value.fileName));
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="plain-title" class="export-form">
      <h4 id="plain-title">{t('plainTitle')}</h4>
      <MasterPasswordField id="plain-master" label={t('plainMasterPassword')} value={master} error={masterMessage} shown={asked}
        onInput={setMaster} />
      {other && <p class="error" role="alert">{other}</p>}
      <p class="notice" role="status">{saved ?? ''}</p>
      <button type="submit" class="danger" disabled={busy} aria-describedby="unencrypted-warning">
        {busy ? t('checking') : t('downloadPlainList')}
      </button>
    </form>
  );
}

/** How the algorithms of {@link MigrationExport.algorithmWarnings} are written (their standard names, in every language). */
const ALGORITHM_NAMES = { SHA256: 'SHA-256', SHA512: 'SHA-512' } as const satisfies Record<MigrationExport['algorithmWarnings'][number]['algorithm'], string>;

/**
 * Above the transfer codes: the accounts whose algorithm some versions of Google Authenticator
 * ignore, what may go wrong and what to do. A polite status (always in the page, filled when
 * the codes appear), so screen readers announce it without taking the focus.
 */
function AlgorithmWarning({ accounts }: { accounts: MigrationExport['algorithmWarnings'] }) {
  return (
    <div id="transfer-algorithm-warning" role="status" class={accounts.length > 0 ? 'warning' : undefined}>
      {accounts.length > 0 && (
        <>
          <p>
            <strong>{t('transferAlgorithmStrong')}</strong>{sentenceGap()}{tCount('transferAlgorithmWarning', accounts.length)}
          </p>
          <ul>
            {accounts.map(({ name, algorithm }, index) => (
              <li key={index}>{t('transferAlgorithmAccount', [name, ALGORITHM_NAMES[algorithm]])}</li>
            ))}
          </ul>
          <p>{t('transferAlgorithmAdvice', t('accountCodesTitle'))}</p>
        </>
      )}
    </div>
  );
}

/** Google Authenticator transfer QR codes, each with its link to copy. */
function TransferForm() {
  const [transfer, setTransfer] = useState<MigrationExport | null>(null);
  const [copied, setCopied] = useState<number | null>(null);
  const { master, setMaster, asked, busy, error, masterMessage, runWithMaster } = useMasterPassword();
  const other = error && !masterMessage ? error.message : undefined;

  async function submit(event: Event) {
    event.preventDefault();
    setTransfer(null);
    setCopied(null);
    const result = await runWithMaster((masterPassword) => sendRequest('exportMigrationQrs', { masterPassword }));
    if (result) setTransfer(result.value);
  }

  async function copy(uri: string, index: number) {
    await navigator.clipboard.writeText(uri).then(() => setCopied(index), () => setCopied(null));
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="transfer-title" class="export-form">
      <h4 id="transfer-title">{t('transferTitle')}</h4>
      <p class="hint">{t('transferHint')}</p>
      <MasterPasswordField id="transfer-master" label={t('transferMasterPassword')} value={master} error={masterMessage} shown={asked}
        onInput={setMaster} />
      {other && <p class="error" role="alert">{other}</p>}
      <button type="submit" disabled={busy} aria-describedby="unencrypted-warning">{busy ? t('checking') : t('showTransferCodes')}</button>
      <AlgorithmWarning accounts={transfer?.algorithmWarnings ?? []} />
      {transfer && (
        <div class="transfer" role="region" aria-label={t('transferCodes')}
          aria-describedby={transfer.algorithmWarnings.length > 0 ? 'transfer-algorithm-warning' : undefined}>
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
 * The export's otpauth:// list, one link a line, as named codes. A line whose names cannot be read
 * (none should: the background writes them) is still shown, named by its place in the list.
 * Only the names are read (not the whole parser, which would bring its English messages along).
 */
function toAccountCodes(list: string): AccountCode[] {
  return list.split('\n').map((line) => line.trim()).filter((line) => line !== '').map((uri, index) => {
    const names = readOtpauthNames(uri);
    return { name: names && (names.issuer || names.label) ? displayName(names) : t('accountNumbered', formatNumber(index + 1)), uri };
  });
}

/** One QR code per account (an otpauth:// link each), for any authenticator app. */
function AccountCodesForm() {
  const [codes, setCodes] = useState<AccountCode[] | null>(null);
  const { master, setMaster, asked, busy, error, masterMessage, runWithMaster } = useMasterPassword();
  const other = error && !masterMessage ? error.message : undefined;

  async function submit(event: Event) {
    event.preventDefault();
    setCodes(null);
    const result = await runWithMaster((masterPassword) => sendRequest('exportOtpauthList', { masterPassword }));
    if (result) setCodes(toAccountCodes(result.value.text));
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="account-codes-title" class="export-form">
      <h4 id="account-codes-title">{t('accountCodesTitle')}</h4>
      <p class="hint">{t('accountCodesHint')}</p>
      <MasterPasswordField id="account-codes-master" label={t('accountCodesMasterPassword')} value={master} error={masterMessage}
        shown={asked} onInput={setMaster} />
      {other && <p class="error" role="alert">{other}</p>}
      <button type="submit" disabled={busy} aria-describedby="unencrypted-warning">
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
