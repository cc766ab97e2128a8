import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportAccountView, ImportPreviewView, ImportRequest, ImportResult } from '@/utils/messages';
import type { ImportFormat } from '@/utils/import/import-types';
import { ErrorCode } from '@/utils/errors';
import { sendRequest } from '@/utils/messaging/send-request';
import { Field, describedBy } from '@/components/popup/field';
import { fieldError, useRequest } from '@/components/popup/use-request';

/** The formats as people know them, for "Found 3 accounts in …". */
const FORMAT_NAMES: Record<ImportFormat, string> = {
  'otpauth-list': 'a list of otpauth:// links',
  'google-authenticator': 'a Google Authenticator export',
  ente: 'an ente Auth export',
  aegis: 'an Aegis vault',
  '2fas': 'a 2FAS backup',
  'authenticator-extension': 'an Authenticator extension backup',
  bitwarden: 'a Bitwarden export',
  'twofold-backup': 'a Twofold backup',
};

/** What was chosen to import: a file (as base64 for the message) or pasted text. */
type Source = { kind: 'file'; name: string; bytesBase64: string } | { kind: 'text'; text: string };

/** Standard base64 of a file's bytes, in chunks so large files do not overflow the call stack. */
function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** How many accounts a confirm would add. */
function toAdd(accounts: readonly ImportAccountView[], keepDuplicates: boolean): number {
  return keepDuplicates ? accounts.length : accounts.filter((a) => a.duplicateOf === undefined).length;
}

/**
 * Backup and import: choose, drop or paste an export from another authenticator (or a Twofold
 * backup to restore), see what it holds, and import it. Nothing is written until the person
 * presses "Import"; then every account is saved at once, or none.
 */
export function ImportSection() {
  const [source, setSource] = useState<Source | null>(null);
  const [pasted, setPasted] = useState('');
  const [password, setPassword] = useState('');
  const [askPassword, setAskPassword] = useState(false);
  const [preview, setPreview] = useState<ImportPreviewView | null>(null);
  const [keepDuplicates, setKeepDuplicates] = useState(false);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [dragging, setDragging] = useState(false);
  const { busy, error, setError, run } = useRequest();
  const fileInput = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const wrongPassword = error?.code === ErrorCode.WrongPassword || error?.code === ErrorCode.TooManyAttempts;
  const passwordError = wrongPassword ? error?.message : fieldError(error, 'password');
  const otherError = error && !passwordError ? error.message : undefined;

  useEffect(() => {
    if (askPassword && !busy) passwordRef.current?.focus();
  }, [askPassword, error]);

  /** Reads `from` (with the password when one is asked for) into a preview. */
  async function read(from: Source, withPassword: string) {
    setSource(from);
    setPreview(null);
    setDone(null);
    setKeepDuplicates(false);
    const request: ImportRequest =
      from.kind === 'file' ? { bytesBase64: from.bytesBase64, fileName: from.name } : { text: from.text };
    if (withPassword !== '') request.password = withPassword;
    const result = await run(() => sendRequest('previewImport', request));
    if (!result) return;
    if (result.value.needsPassword) {
      setAskPassword(true);
      return;
    }
    setPassword('');
    setAskPassword(false);
    setPreview(result.value);
  }

  async function chooseFile(file: File | undefined | null) {
    if (!file) return;
    setAskPassword(false);
    setPassword('');
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      setError({ code: ErrorCode.InvalidInput, message: `“${file.name}” could not be read. Choose the file again.` });
      return;
    }
    await read({ kind: 'file', name: file.name, bytesBase64: bytesToBase64(bytes) }, '');
  }

  async function readPasted(event: Event) {
    event.preventDefault();
    if (pasted.trim() === '') {
      setError({ code: ErrorCode.InvalidInput, field: 'pasted', message: 'Paste the exported text first.' });
      return;
    }
    setAskPassword(false);
    setPassword('');
    await read({ kind: 'text', text: pasted }, '');
  }

  async function openWithPassword(event: Event) {
    event.preventDefault();
    if (!source) return;
    if (password === '') {
      setError({ code: ErrorCode.InvalidInput, field: 'password', message: 'Type the password of this export.' });
      return;
    }
    await read(source, password);
  }

  async function confirm() {
    if (!preview?.token) return;
    const result = await run(() => sendRequest('confirmImport', { token: preview.token!, keepDuplicates }));
    if (!result) return;
    setDone(result.value);
    setPreview(null);
    setSource(null);
    setPasted('');
    setAskPassword(false);
  }

  function cancel() {
    setPreview(null);
    setSource(null);
    setPasted('');
    setAskPassword(false);
    setPassword('');
    setError(null);
  }

  return (
    <section class="card" aria-labelledby="import-title">
      <h2 id="import-title">Import and restore</h2>
      <p>
        Bring in accounts from another authenticator app: Google Authenticator, Aegis, 2FAS, the Authenticator extension,
        Bitwarden, ente Auth, or a list of otpauth:// links. You see what the file holds before anything is saved.
      </p>
      <p class="hint">
        To restore a Twofold backup, choose its file here too. Its accounts are added to the ones you have; accounts that are
        already saved are skipped.
      </p>

      <div class={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => { e.preventDefault(); setDragging(false); void chooseFile(e.dataTransfer?.files[0]); }}>
        <button type="button" onClick={() => fileInput.current?.click()} disabled={busy}>Choose a file…</button>
        <span class="muted">or drop the exported file here</span>
        <input ref={fileInput} id="import-file" type="file" hidden aria-label="File to import"
          accept=".json,.txt,.2fas,application/json,text/plain"
          onChange={(e) => { void chooseFile(e.currentTarget.files?.[0]); e.currentTarget.value = ''; }} />
      </div>

      <form onSubmit={readPasted} noValidate aria-label="Paste exported text">
        <Field id="import-text" label="Or paste the exported text" error={fieldError(error, 'pasted')}
          hint="One otpauth:// or otpauth-migration:// link a line, or the whole text of an export file.">
          <textarea id="import-text" rows={4} spellcheck={false} value={pasted}
            onInput={(e) => setPasted(e.currentTarget.value)} {...describedBy('import-text', fieldError(error, 'pasted'), true)} />
        </Field>
        <button type="submit" disabled={busy}>Read pasted text</button>
      </form>

      {askPassword && source && (
        <form class="import-password" onSubmit={openWithPassword} noValidate aria-label="Password of the export">
          <p>
            {source.kind === 'file' ? `“${source.name}”` : 'This text'} is encrypted. Type the password it was saved with.
          </p>
          <Field id="import-password" label="Password of this export" error={passwordError}>
            <input id="import-password" ref={passwordRef} type="password" autocomplete="off" value={password}
              onInput={(e) => setPassword(e.currentTarget.value)} {...describedBy('import-password', passwordError)} />
          </Field>
          <button type="submit" class="primary" disabled={busy}>Open</button>
        </form>
      )}

      <div aria-live="polite">
        {busy && <p class="muted" role="status">{preview ? 'Importing…' : 'Reading…'}</p>}
        {otherError && <p class="error" role="alert">{otherError}</p>}
        {done && (
          <p class="notice" role="status">
            {done.imported > 0
              ? `Imported ${plural(done.imported, 'account')}.`
              : 'Nothing new was imported.'}
            {done.skipped > 0 ? ` ${plural(done.skipped, 'account was', 'accounts were')} already saved and skipped.` : ''}
          </p>
        )}
      </div>

      {preview && (
        <ImportPreviewPanel preview={preview} keepDuplicates={keepDuplicates} busy={busy}
          onKeepDuplicates={setKeepDuplicates} onConfirm={() => void confirm()} onCancel={cancel} />
      )}
    </section>
  );
}

interface PreviewProps {
  preview: ImportPreviewView;
  keepDuplicates: boolean;
  busy: boolean;
  onKeepDuplicates: (keep: boolean) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/** What an import would add: the accounts (duplicates marked), the records left out, missing QR codes. */
function ImportPreviewPanel({ preview, keepDuplicates, busy, onKeepDuplicates, onConfirm, onCancel }: PreviewProps) {
  const duplicates = preview.accounts.filter((a) => a.duplicateOf !== undefined).length;
  const count = toAdd(preview.accounts, keepDuplicates);
  const missing = preview.batches?.missing ?? [];

  return (
    <div class="import-preview" role="region" aria-labelledby="import-preview-title">
      <h3 id="import-preview-title">
        Found {plural(preview.accounts.length, 'account')} in {FORMAT_NAMES[preview.format]}
      </h3>

      {missing.length > 0 && preview.batches && (
        <p class="warning" role="alert">
          This Google Authenticator export has {preview.batches.size} QR codes, and{' '}
          {missing.map((i) => `QR code ${i + 1}`).join(', ')} {missing.length === 1 ? 'is' : 'are'} missing. Add{' '}
          {missing.length === 1 ? 'it' : 'them'} to the pasted text or file to import every account, or import these now.
        </p>
      )}

      {preview.accounts.length > 0 && (
        <table class="import-table">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Account</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {preview.accounts.map((account, index) => (
              <tr key={index} class={account.duplicateOf !== undefined ? 'import-table__duplicate' : undefined}>
                <td>{account.issuer || '—'}</td>
                <td>{account.label || '—'}</td>
                <td>{describeKind(account)}</td>
                <td>{status(account, keepDuplicates)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {preview.problems.length > 0 && (
        <div class="import-problems">
          <h4>{plural(preview.problems.length, 'record')} cannot be imported</h4>
          <ul>
            {preview.problems.map((problem, index) => (
              <li key={index}><strong>{problem.record}</strong>: {problem.reason}</li>
            ))}
          </ul>
        </div>
      )}

      {duplicates > 0 && (
        <label class="checkbox">
          <input type="checkbox" checked={keepDuplicates} onChange={(e) => onKeepDuplicates(e.currentTarget.checked)} />
          Keep duplicates (import {duplicates === 1 ? 'the account' : `the ${duplicates} accounts`} already saved as a second entry)
        </label>
      )}

      {count === 0 && preview.accounts.length > 0 && <p class="muted">Every account in this file is already saved.</p>}
      <p class="hint">Nothing is saved until you press Import. If saving fails, nothing is saved at all.</p>
      <div class="actions actions--start">
        <button type="button" class="primary" disabled={busy || count === 0 || !preview.token} onClick={onConfirm}>
          Import {plural(count, 'account')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>Cancel</button>
      </div>
    </div>
  );
}

function describeKind(account: ImportAccountView): string {
  if (account.kind === 'hotp') return `Counter, ${account.digits} digits`;
  if (account.kind === 'steam') return 'Steam Guard';
  return `Time, ${account.digits} digits, ${account.period} s`;
}

function status(account: ImportAccountView, keepDuplicates: boolean): string {
  if (account.duplicateOf === undefined) return 'New';
  const where = account.duplicateIn === 'import' ? `Same key as “${account.duplicateOf}” earlier in this file` : `Already saved as “${account.duplicateOf}”`;
  return `${where}: ${keepDuplicates ? 'imported again' : 'skipped'}`;
}
