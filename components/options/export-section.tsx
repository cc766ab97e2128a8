import { useState } from 'preact/hooks';
import type { MigrationExport, ResultError } from '@/utils/messages';
import { ErrorCode } from '@/utils/errors';
import { sendRequest } from '@/utils/messaging/send-request';
import { Field, describedBy } from '@/components/popup/field';
import { fieldError, useRequest } from '@/components/popup/use-request';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

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
 * Export: an encrypted backup file, a plain otpauth:// list behind a warning, and Google
 * Authenticator transfer links. Each asks for the master password again.
 */
export function ExportSection() {
  return (
    <section class="card" aria-labelledby="export-title">
      <h2 id="export-title">Backup and export</h2>
      <p>
        Keep a backup somewhere other than this computer, so losing it does not lock you out of your accounts. Each export
        asks for your master password again.
      </p>
      <BackupForm />
      <PlainListForm />
      <TransferForm />
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
      setError({ code: ErrorCode.InvalidInput, field: 'masterPassword', message: 'Type your master password to confirm it is you.' });
      return;
    }
    const result = await run(() => sendRequest('exportBackup', { password, confirm, masterPassword: master }));
    setMaster('');
    if (!result) return;
    download(result.value.fileName, result.value.text, 'application/json');
    setPassword('');
    setConfirm('');
    setSaved(`Saved ${result.value.fileName} with ${plural(result.value.count, 'account')}. Keep it somewhere safe, and remember its password: nobody can open it without.`);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="backup-title" class="export-form">
      <h3 id="backup-title">Encrypted backup file</h3>
      <p class="hint">
        Every account, encrypted with a password you choose now (it may differ from your master password). Restore it
        under Import and restore, in any browser with Twofold.
      </p>
      <Field id="backup-password" label="Backup password" error={errors.password} hint="At least 8 characters.">
        <input id="backup-password" type="password" autocomplete="new-password" value={password}
          onInput={(e) => setPassword(e.currentTarget.value)} {...describedBy('backup-password', errors.password, true)} />
      </Field>
      <Field id="backup-confirm" label="Type the backup password again" error={errors.confirm}>
        <input id="backup-confirm" type="password" autocomplete="new-password" value={confirm}
          onInput={(e) => setConfirm(e.currentTarget.value)} {...describedBy('backup-confirm', errors.confirm)} />
      </Field>
      <Field id="backup-master" label="Your master password" error={errors.master}>
        <input id="backup-master" type="password" autocomplete="current-password" value={master}
          onInput={(e) => setMaster(e.currentTarget.value)} {...describedBy('backup-master', errors.master)} />
      </Field>
      {other && <p class="error" role="alert">{other}</p>}
      <p class="notice" role="status">{saved ?? ''}</p>
      <button type="submit" class="primary" disabled={busy}>{busy ? 'Encrypting…' : 'Download backup'}</button>
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
      setError({ code: ErrorCode.InvalidInput, field: 'masterPassword', message: 'Type your master password to confirm it is you.' });
      return;
    }
    const result = await run(() => sendRequest('exportOtpauthList', { masterPassword: master }));
    setMaster('');
    if (!result) return;
    download(result.value.fileName, result.value.text, 'text/plain');
    setSaved(`Saved ${result.value.fileName} with ${plural(result.value.count, 'account')}. Delete it once you have imported it elsewhere.`);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="plain-title" class="export-form">
      <h3 id="plain-title">Unencrypted list of otpauth:// links</h3>
      <p class="danger-box" id="plain-warning">
        <strong>Anyone with this file can make your codes.</strong> It is not encrypted. Use it only to move your accounts
        into another app, and delete it afterwards.
      </p>
      <Field id="plain-master" label="Master password for the unencrypted list" error={masterMessage}>
        <input id="plain-master" type="password" autocomplete="current-password" value={master}
          onInput={(e) => setMaster(e.currentTarget.value)} {...describedBy('plain-master', masterMessage)} />
      </Field>
      {other && <p class="error" role="alert">{other}</p>}
      <p class="notice" role="status">{saved ?? ''}</p>
      <button type="submit" class="danger" disabled={busy} aria-describedby="plain-warning">
        {busy ? 'Checking…' : 'Download unencrypted list'}
      </button>
    </form>
  );
}

/** Google Authenticator transfer links, shown as text until QR images are drawn here. */
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
    if (master === '') {
      setError({ code: ErrorCode.InvalidInput, field: 'masterPassword', message: 'Type your master password to confirm it is you.' });
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
      <h3 id="transfer-title">Move to a phone (Google Authenticator)</h3>
      <p class="hint">
        Google Authenticator’s “Transfer accounts” links, about ten accounts each. Twofold will show them as QR codes to scan
        with your phone in a coming version; for now you can copy each link into an app that reads them. Like the list above,
        these links are not encrypted.
      </p>
      <Field id="transfer-master" label="Master password for the transfer links" error={masterMessage}>
        <input id="transfer-master" type="password" autocomplete="current-password" value={master}
          onInput={(e) => setMaster(e.currentTarget.value)} {...describedBy('transfer-master', masterMessage)} />
      </Field>
      {other && <p class="error" role="alert">{other}</p>}
      <button type="submit" disabled={busy}>{busy ? 'Checking…' : 'Show transfer links'}</button>
      {transfer && (
        <div class="transfer" role="region" aria-label="Transfer links">
          {transfer.uris.length === 0 && <p>No account can be moved to Google Authenticator.</p>}
          <ol class="transfer__links">
            {transfer.uris.map((uri, index) => (
              <li key={uri}>
                <span>Link {index + 1} of {transfer.uris.length}</span>
                <code class="transfer__uri">{uri}</code>
                <button type="button" class="small" onClick={() => void copy(uri, index)}>
                  {copied === index ? 'Copied' : `Copy link ${index + 1}`}
                </button>
              </li>
            ))}
          </ol>
          {transfer.leftOut.length > 0 && (
            <>
              <h4>Left out</h4>
              <ul>
                {transfer.leftOut.map((item, index) => <li key={index}><strong>{item.name}</strong>: {item.reason}</li>)}
              </ul>
            </>
          )}
          <button type="button" class="small" onClick={() => setTransfer(null)}>Hide links</button>
        </div>
      )}
    </form>
  );
}
