import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView, ResultError, ScanReport } from '@/utils/messages';
import { sendRequest } from '@/utils/messaging/send-request';
import { displayName } from '@/utils/accounts/display-name';
import { requestFillButton } from './fill-site-access';

type State =
  | { step: 'idle' }
  | { step: 'busy'; what: string }
  | { step: 'preview'; report: ScanReport }
  | { step: 'saved'; accounts: AccountView[]; site?: string; notes: string[] }
  | { step: 'failed'; error: ResultError; report?: ScanReport };

interface ScanPanelProps {
  /** The tab to scan and fill (from `?tab=` when the popup is a window), else the active one. */
  tabId?: number;
  onSaved: () => void;
}

/**
 * Enrollment from the popup: scan the page, select an area of it, choose/drop/paste an
 * image, or paste an `otpauth://` link. A single new account is saved at once; several
 * (an export) or a duplicate are shown first.
 */
export function ScanPanel({ tabId, onSaved }: ScanPanelProps) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [pasting, setPasting] = useState(false);
  const [text, setText] = useState('');
  const [fillNote, setFillNote] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const target = tabId === undefined ? {} : { tabId };

  async function handle(request: Promise<Awaited<ReturnType<typeof sendRequest<'scanTab'>>>>, what: string) {
    setFillNote(null);
    setState({ step: 'busy', what });
    const result = await request;
    if (!result.ok) return setState({ step: 'failed', error: result.error });
    const report = result.value;
    const single = report.accounts.length === 1 && !report.accounts[0]!.duplicateOf;
    if (single) return confirm(report, false);
    setState({ step: 'preview', report });
  }

  async function confirm(report: ScanReport, allowDuplicate: boolean) {
    setState({ step: 'busy', what: 'Saving…' });
    const result = await sendRequest('confirmScan', { token: report.token, allowDuplicate });
    if (!result.ok) return setState({ step: 'failed', error: result.error, report });
    setState({ step: 'saved', accounts: result.value.saved, site: report.site, notes: report.notes });
    onSaved();
  }

  async function readImage(file: File | undefined | null) {
    if (!file) return;
    if (!file.type.startsWith('image/')) {
      return setState({ step: 'failed', error: { code: 'invalid-input', message: `“${file.name}” is not an image. Choose a PNG, JPEG, GIF or WebP picture of the QR code.` } });
    }
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    }).catch(() => null);
    if (!dataUrl) return setState({ step: 'failed', error: { code: 'capture-failed', message: 'That file could not be read.' } });
    await handle(sendRequest('scanImage', { dataUrl, ...target }), 'Reading the image…');
  }

  // Paste anywhere in the popup: an image is scanned, an otpauth link is read.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const items = event.clipboardData;
      if (!items) return;
      const image = [...items.files].find((f) => f.type.startsWith('image/'));
      if (image) {
        event.preventDefault();
        void readImage(image);
        return;
      }
      const pasted = items.getData('text/plain');
      const editing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if (!editing && /^\s*otpauth(-migration)?:\/\//i.test(pasted)) {
        event.preventDefault();
        void handle(sendRequest('scanText', { text: pasted, ...target }), 'Reading the link…');
      }
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [tabId]);

  async function selectArea() {
    const result = await sendRequest('startRegionSelect', target);
    if (!result.ok) return setState({ step: 'failed', error: result.error });
    window.close();
  }

  async function fillInto(account: AccountView) {
    // The click is the moment to ask for the inline button on this site (the browser needs
    // the gesture, so before any await); declining only means no button later.
    if (account.sites.length > 0) void requestFillButton(account.sites);
    const filled = await sendRequest('fillActiveTab', { id: account.id, ...target });
    if (filled.ok && filled.value.filled) return setFillNote('Filled the code into the page.');
    const list = await sendRequest('listAccounts');
    const code = list.ok ? list.value.codes.find((c) => c.id === account.id)?.code : undefined;
    if (code) {
      await navigator.clipboard.writeText(code).catch(() => undefined);
      setFillNote(`${filled.ok ? 'No code field found on the page' : filled.error.message} The code is copied: paste it into the page.`);
    } else {
      setFillNote(filled.ok ? 'No code field found on the page.' : filled.error.message);
    }
  }

  return (
    <section class="scan" aria-label="Add from this page"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => { e.preventDefault(); void readImage(e.dataTransfer?.files[0]); }}>
      <div class="scan__actions">
        <button type="button" class="primary" onClick={() => void handle(sendRequest('scanTab', target), 'Looking for a QR code…')}>
          Scan QR code on this page
        </button>
        <button type="button" class="small" onClick={() => void selectArea()}>Select an area</button>
        <button type="button" class="small" onClick={() => fileInput.current?.click()}>Image…</button>
        <button type="button" class="small" aria-expanded={pasting} onClick={() => setPasting(!pasting)}>Paste link</button>
        <input ref={fileInput} type="file" accept="image/*" hidden aria-label="Choose an image of the QR code"
          onChange={(e) => { void readImage(e.currentTarget.files?.[0]); e.currentTarget.value = ''; }} />
      </div>
      {pasting && (
        <form class="scan__paste" onSubmit={(e) => { e.preventDefault(); void handle(sendRequest('scanText', { text, ...target }), 'Reading the link…'); }}>
          <label for="otpauth-text">otpauth:// link</label>
          <textarea id="otpauth-text" rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} spellcheck={false}
            placeholder="otpauth://totp/…" />
          <button type="submit" class="small">Read link</button>
        </form>
      )}
      <div aria-live="polite">
        {state.step === 'busy' && <p class="muted" role="status">{state.what}</p>}
        {state.step === 'failed' && <ScanError error={state.error} onKeepBoth={state.report ? () => void confirm(state.report!, true) : undefined} />}
        {state.step === 'preview' && <Preview report={state.report} onSave={(dup) => void confirm(state.report, dup)} onCancel={() => setState({ step: 'idle' })} />}
        {state.step === 'saved' && (
          <div class="notice-box" role="status">
            <p>
              Saved {state.accounts.map((a) => displayName(a)).join(', ') || 'nothing new'}
              {state.site ? ` for ${state.site}` : ''}.
            </p>
            {state.notes.map((note) => <p class="muted" key={note}>{note}</p>)}
            {state.accounts.length === 1 && (
              <button type="button" class="primary small" onClick={() => void fillInto(state.accounts[0]!)}>Fill code into this page</button>
            )}
            {fillNote && <p class="muted">{fillNote}</p>}
          </div>
        )}
      </div>
    </section>
  );
}

function ScanError({ error, onKeepBoth }: { error: ResultError; onKeepBoth?: () => void }) {
  return (
    <div class="warning" role="alert">
      <p>{error.message}</p>
      {error.code === 'duplicate-account' && onKeepBoth && (
        <button type="button" class="small" onClick={onKeepBoth}>Save a second copy</button>
      )}
    </div>
  );
}

function Preview({ report, onSave, onCancel }: { report: ScanReport; onSave: (allowDuplicate: boolean) => void; onCancel: () => void }) {
  const fresh = report.accounts.filter((a) => !a.duplicateOf).length;
  const duplicates = report.accounts.length - fresh;
  return (
    <div class="preview" role="group" aria-label="Accounts found">
      <p>
        Found {report.accounts.length} account{report.accounts.length === 1 ? '' : 's'}
        {report.batch ? ` (part ${report.batch.index + 1} of ${report.batch.size} of an export — scan the others too)` : ''}:
      </p>
      <ul>
        {report.accounts.map((a, i) => (
          <li key={i}>
            {displayName(a)}
            {a.duplicateOf && <span class="muted"> — already saved as {a.duplicateOf}</span>}
          </li>
        ))}
      </ul>
      {report.notes.map((note) => <p class="muted" key={note}>{note}</p>)}
      <div class="actions">
        <button type="button" onClick={onCancel}>Cancel</button>
        {duplicates > 0 && <button type="button" onClick={() => onSave(true)}>Save all, duplicates too</button>}
        {fresh > 0 && <button type="button" class="primary" onClick={() => onSave(false)}>Save {fresh} new</button>}
      </div>
    </div>
  );
}
