import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ImportAccountView, ImportPreviewView, ImportRequest, ImportResult } from '@/utils/messages';
import type { ImportFormat } from '@/utils/import/import-types';
import { ErrorCode } from '@/utils/error-codes';
import { sendRequest } from '@/utils/messaging/send-request';
import { Field, describedBy } from '@/components/popup/field';
import { fieldError, useRequest } from '@/components/popup/use-request';
import { formatList, formatNumber, sentenceGap, t, tCount, tParts } from '@/utils/i18n/t';
import { suggestSite } from '@/utils/site/issuer-sites';
import { loadIssuerSites } from '@/components/shared/issuer-sites';
import { announceAccountsChanged } from './accounts-changed';

/** The formats as people know them, for "Found 3 accounts in …" (the messages fit that sentence). */
const FORMAT_NAMES = {
  'otpauth-list': 'formatOtpauthList',
  'google-authenticator': 'formatGoogleAuthenticator',
  ente: 'formatEnte',
  aegis: 'formatAegis',
  '2fas': 'format2fas',
  'authenticator-extension': 'formatAuthenticatorExtension',
  bitwarden: 'formatBitwarden',
  'twofold-backup': 'formatTwofoldBackup',
} as const satisfies Record<ImportFormat, string>;

/** What was chosen to import: a file (as base64 for the message) or pasted text. */
type Source = { kind: 'file'; name: string; bytesBase64: string } | { kind: 'text'; text: string };

/** Standard base64 of a file's bytes, in chunks so large files do not overflow the call stack. */
function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

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
  /** The format of the file that asked for a password (ente's key takes seconds to derive). */
  const [lockedFormat, setLockedFormat] = useState<ImportFormat | null>(null);
  const [preview, setPreview] = useState<ImportPreviewView | null>(null);
  const [keepDuplicates, setKeepDuplicates] = useState(false);
  /** Per account of the preview without a site: the site suggested from its issuer, and whether it is ticked. */
  const [suggested, setSuggested] = useState<Record<number, { site: string; chosen: boolean }>>({});
  /** What the last import saved; `saved` when it was saved but its counts were lost with the reply. */
  const [done, setDone] = useState<ImportResult | 'saved' | null>(null);
  const [dragging, setDragging] = useState(false);
  const { busy, error, setError, run } = useRequest();
  const fileInput = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const wrongPassword = error?.code === ErrorCode.WrongPassword || error?.code === ErrorCode.TooManyAttempts;
  const passwordError = wrongPassword ? error?.message : fieldError(error, 'password');
  const otherError = error && !passwordError ? error.message : undefined;

  useLayoutEffect(() => {
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
      setLockedFormat(result.value.format);
      return;
    }
    setPassword('');
    setAskPassword(false);
    setPreview(result.value);
    setSuggested({});
    void suggestSites(result.value);
  }

  /** Looks up a site for each previewed account that has none (from the 2FA Directory table). */
  async function suggestSites(view: ImportPreviewView) {
    const table = await loadIssuerSites().catch(() => null);
    if (!table) return;
    const found: Record<number, { site: string; chosen: boolean }> = {};
    view.accounts.forEach((account, index) => {
      if (account.sites.length > 0) return;
      const site = suggestSite(account.issuer, table);
      if (site !== null) found[index] = { site, chosen: true };
    });
    setSuggested(found);
  }

  async function chooseFile(file: File | undefined | null) {
    if (!file) return;
    setAskPassword(false);
    setPassword('');
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      setError({ code: ErrorCode.InvalidInput, message: t('fileCouldNotBeRead', file.name) });
      return;
    }
    await read({ kind: 'file', name: file.name, bytesBase64: bytesToBase64(bytes) }, '');
  }

  async function readPasted(event: Event) {
    event.preventDefault();
    if (pasted.trim() === '') {
      setError({ code: ErrorCode.InvalidInput, field: 'pasted', message: t('pasteFirst') });
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
      setError({ code: ErrorCode.InvalidInput, field: 'password', message: t('typeExportPassword') });
      return;
    }
    await read(source, password);
  }

  async function confirm() {
    if (!preview?.token) return;
    const sites = Object.fromEntries(Object.entries(suggested).filter(([, s]) => s.chosen).map(([index, s]) => [index, s.site]));
    const result = await run(async () => {
      const reply = await sendRequest('confirmImport', { token: preview.token!, keepDuplicates, sites });
      // Imported after all (Twofold restarted before it answered): how many is not known here.
      return !reply.ok && reply.error.code === ErrorCode.SavedUnanswered ? { ok: true as const, value: null } : reply;
    });
    if (!result) return;
    setDone(result.value ?? 'saved');
    announceAccountsChanged();
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
      <h2 id="import-title">{t('importTitle')}</h2>
      <p>{t('importIntro')}</p>
      <p class="hint">{t('importRestoreHint')}</p>

      <div class={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => { e.preventDefault(); setDragging(false); void chooseFile(e.dataTransfer?.files[0]); }}>
        <button type="button" onClick={() => fileInput.current?.click()} disabled={busy}>{t('chooseFile')}</button>
        <span class="muted">{t('dropHint')}</span>
        <input ref={fileInput} id="import-file" type="file" hidden aria-label={t('fileToImport')}
          accept=".json,.txt,.2fas,application/json,text/plain"
          onChange={(e) => { void chooseFile(e.currentTarget.files?.[0]); e.currentTarget.value = ''; }} />
      </div>

      <form onSubmit={readPasted} noValidate aria-label={t('pasteForm')}>
        <Field id="import-text" label={t('pasteLabel')} error={fieldError(error, 'pasted')} hint={t('pasteHint')}>
          <textarea id="import-text" rows={4} spellcheck={false} value={pasted}
            onInput={(e) => setPasted(e.currentTarget.value)} {...describedBy('import-text', fieldError(error, 'pasted'), true)} />
        </Field>
        <button type="submit" disabled={busy}>{t('readPasted')}</button>
      </form>

      {askPassword && source && (
        <form class="import-password" onSubmit={openWithPassword} noValidate aria-label={t('exportPasswordForm')}>
          <p>{source.kind === 'file' ? t('fileIsEncrypted', source.name) : t('textIsEncrypted')}</p>
          <Field id="import-password" label={t('exportPassword')} error={passwordError}>
            <input id="import-password" ref={passwordRef} type="password" autocomplete="off" value={password}
              onInput={(e) => setPassword(e.currentTarget.value)} {...describedBy('import-password', passwordError)} />
          </Field>
          <button type="submit" class="primary" disabled={busy}>{t('openExport')}</button>
        </form>
      )}

      <div aria-live="polite">
        {busy && askPassword && lockedFormat === 'ente' ? (
          <p class="muted import-progress" role="status">
            <progress aria-labelledby="import-deriving" /> <span id="import-deriving">{t('importDerivingKey')}</span>
          </p>
        ) : busy && <p class="muted" role="status">{preview ? t('importing') : t('reading')}</p>}
        {otherError && <p class="error" role="alert">{otherError}</p>}
        {done === 'saved' && <p class="notice" role="status">{t('savedNoAnswer')}</p>}
        {done && done !== 'saved' && (
          <p class="notice" role="status">
            {done.imported > 0 ? tCount('imported', done.imported) : t('importedNothing')}
            {done.skipped > 0 ? sentenceGap() + tCount('importSkipped', done.skipped) : ''}
          </p>
        )}
      </div>

      {preview && (
        <ImportPreviewPanel preview={preview} keepDuplicates={keepDuplicates} busy={busy} suggested={suggested}
          onSuggestion={(index, chosen) => setSuggested({ ...suggested, [index]: { ...suggested[index]!, chosen } })}
          onKeepDuplicates={setKeepDuplicates} onConfirm={() => void confirm()} onCancel={cancel} />
      )}
    </section>
  );
}

interface PreviewProps {
  preview: ImportPreviewView;
  keepDuplicates: boolean;
  busy: boolean;
  suggested: Record<number, { site: string; chosen: boolean }>;
  onSuggestion: (index: number, chosen: boolean) => void;
  onKeepDuplicates: (keep: boolean) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/** What an import would add: the accounts (duplicates marked), the records left out, missing QR codes. */
function ImportPreviewPanel({ preview, keepDuplicates, busy, suggested, onSuggestion, onKeepDuplicates, onConfirm, onCancel }: PreviewProps) {
  const duplicates = preview.accounts.filter((a) => a.duplicateOf !== undefined).length;
  const count = toAdd(preview.accounts, keepDuplicates);
  const missing = preview.batches?.missing ?? [];

  return (
    <div class="import-preview" role="region" aria-labelledby="import-preview-title">
      <h3 id="import-preview-title">
        {tCount('importFound', preview.accounts.length, t(FORMAT_NAMES[preview.format]))}
      </h3>

      {missing.length > 0 && preview.batches && (
        <p class="warning" role="alert">
          {tCount('importMissing', missing.length, formatNumber(preview.batches.size), formatList(missing.map((i) => formatNumber(i + 1))))}
        </p>
      )}

      {preview.accounts.length > 0 && (
        <table class="import-table">
          <thead>
            <tr>
              <th scope="col">{t('fieldService')}</th>
              <th scope="col">{t('columnAccount')}</th>
              <th scope="col">{t('fieldKind')}</th>
              <th scope="col">{t('columnSite')}</th>
              <th scope="col">{t('columnStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.accounts.map((account, index) => (
              <tr key={index} class={account.duplicateOf !== undefined ? 'import-table__duplicate' : undefined}>
                <td>{account.issuer || '—'}</td>
                <td>{account.label || '—'}</td>
                <td>{describeKind(account)}</td>
                <td>
                  {account.sites.length > 0 ? account.sites.join(', ') : suggested[index] ? (
                    <label class="checkbox">
                      <input type="checkbox" checked={suggested[index].chosen} aria-label={t('importSiteLabel', [account.issuer || account.label, suggested[index].site])}
                        onChange={(e) => onSuggestion(index, e.currentTarget.checked)} />
                      {suggested[index].site}
                    </label>
                  ) : '—'}
                </td>
                <td>{status(account, keepDuplicates)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {Object.keys(suggested).length > 0 && <p class="hint">{t('importSitesHint')}</p>}

      {preview.problems.length > 0 && (
        <div class="import-problems">
          <h4>{tCount('importProblems', preview.problems.length)}</h4>
          <ul>
            {preview.problems.map((problem, index) => (
              <li key={index}>{tParts('labelValue', [<strong>{problem.record}</strong>, problem.reason])}</li>
            ))}
          </ul>
        </div>
      )}

      {duplicates > 0 && (
        <label class="checkbox">
          <input type="checkbox" checked={keepDuplicates} onChange={(e) => onKeepDuplicates(e.currentTarget.checked)} />
          {tCount('keepDuplicates', duplicates)}
        </label>
      )}

      {count === 0 && preview.accounts.length > 0 && <p class="muted">{t('allAlreadySaved')}</p>}
      <p class="hint">{t('importNothingUntil')}</p>
      <div class="actions actions--start">
        <button type="button" class="primary" disabled={busy || count === 0 || !preview.token} onClick={onConfirm}>
          {tCount('importButton', count)}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>{t('cancel')}</button>
      </div>
    </div>
  );
}

function describeKind(account: ImportAccountView): string {
  if (account.kind === 'hotp') return t('kindCounterDigits', formatNumber(account.digits));
  if (account.kind === 'steam') return t('kindSteam');
  return t('kindTimeDigits', [formatNumber(account.digits), formatNumber(account.period)]);
}

function status(account: ImportAccountView, keepDuplicates: boolean): string {
  const name = account.duplicateOf;
  if (name === undefined) return t('statusNew');
  if (account.duplicateIn === 'import') return t(keepDuplicates ? 'duplicateInFileImported' : 'duplicateInFileSkipped', name);
  return t(keepDuplicates ? 'duplicateSavedImported' : 'duplicateSavedSkipped', name);
}
