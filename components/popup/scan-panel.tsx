import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AccountView, ResultError, ScanReport } from '@/utils/messages';
import { sendRequest } from '@/utils/messaging/send-request';
import { displayName } from '@/utils/accounts/display-name';
import { requestFillButton, sitesWithoutButton } from './fill-site-access';
import { copyCode } from './clipboard';
import { pasteShortcut } from '@/utils/fields/paste-shortcut';
import { formatNumber, t, tCount } from '@/utils/i18n/t';
import { SiteSupportHint } from './site-support-hint';

type State =
  | { step: 'idle' }
  | { step: 'busy'; what: string }
  | { step: 'preview'; report: ScanReport }
  | { step: 'saved'; accounts: AccountView[]; site?: string; notes: string[] }
  | { step: 'failed'; error: ResultError; report?: ScanReport };

interface ScanPanelProps {
  /** The tab to scan and fill (from `?tab=` when the popup is a window), else the active one. */
  tabId?: number;
  /** The tab's site when it has no account in Twofold yet: the panel then says "Add this site's account". */
  site: string | null;
  /** First thing in the popup (a site without its account, an empty vault), not a menu opened on request. */
  prominent: boolean;
  /**
   * The tab's site when none of the person's accounts is bound to it (also in an empty vault):
   * where the 2FA Directory lists it, the panel says the site accepts authenticator apps.
   */
  supportSite?: string | null;
  /** Opens the form to type a setup key. */
  onType: () => void;
  /** Folds the panel away again (Escape inside it, when it was opened from "Add account"). */
  onClose?: () => void;
  onSaved: () => void;
}

/**
 * Enrollment from the popup: scan the page, select an area of it, choose/drop/paste an
 * image, paste an `otpauth://` link, or type the key. A single new account is saved at once;
 * several (an export) or a duplicate are shown first. It takes the focus as it appears (on its
 * first way, scanning): opened from "Add account", or first thing on a site without its account.
 */
export function ScanPanel({ tabId, site, prominent, supportSite = null, onType, onClose, onSaved }: ScanPanelProps) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [pasting, setPasting] = useState(false);
  const [text, setText] = useState('');
  const [fillNote, setFillNote] = useState<string | null>(null);
  /** After the first fill: the sites where the fill button could show next time. */
  const [offer, setOffer] = useState<string[] | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const scanButton = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => scanButton.current?.focus(), []);
  const fillButton = useRef<HTMLButtonElement>(null);
  // Saved: the next step takes the focus, so Enter fills the setup code instead of scanning again.
  const saved = state.step === 'saved';
  useLayoutEffect(() => {
    if (saved) fillButton.current?.focus();
  }, [saved]);
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
    setState({ step: 'busy', what: t('saving') });
    const result = await sendRequest('confirmScan', { token: report.token, allowDuplicate });
    if (!result.ok) return setState({ step: 'failed', error: result.error, report });
    setState({ step: 'saved', accounts: result.value.saved, site: report.site, notes: report.notes });
    onSaved();
  }

  async function readImage(file: File | undefined | null) {
    if (!file) return;
    if (!file.type.startsWith('image/')) {
      return setState({ step: 'failed', error: { code: 'invalid-input', message: t('notAnImage', file.name) } });
    }
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    }).catch(() => null);
    if (!dataUrl) return setState({ step: 'failed', error: { code: 'capture-failed', message: t('fileUnreadable') } });
    await handle(sendRequest('scanImage', { dataUrl, ...target }), t('readingImage'));
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
        void handle(sendRequest('scanText', { text: pasted, ...target }), t('readingLink'));
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
    // No permission request before the fill: the toolbar click's activeTab grant is enough, so
    // no browser dialog comes between the person and the code (and none can close the popup).
    setOffer(null);
    // The code goes onto the clipboard first, as the list's Fill does: when the page has no
    // field for it, the page and this panel can then say truthfully whether it is copied.
    const list = await sendRequest('listAccounts');
    const code = list.ok ? list.value.codes.find((c) => c.id === account.id)?.code : undefined;
    const copied = code !== undefined && (await copyCode(code));
    const filled = await sendRequest('fillActiveTab', { id: account.id, ...target, copied });
    if (filled.ok && (filled.value.outcome === 'filled' || filled.value.outcome === 'asking')) {
      // Afterwards, in Twofold's own words: the fill button on this site next time.
      const missing = filled.value.filled ? await sitesWithoutButton(account.sites) : [];
      if (missing.length === 0) return window.close();
      setFillNote(t('filledIntoPage'));
      setOffer(missing);
      return;
    }
    if (!filled.ok) return setFillNote(filled.error.message);
    setFillNote(copied ? `${t('noCodeField')} ${t('fillNoticeCopied', pasteShortcut(navigator.platform, t('pasteKeys')))}` : t('fillNotCopiedPopup'));
  }

  return (
    <section id="add-panel" class={`scan${prominent ? ' scan--first' : ' scan--menu'}`}
      {...(site ? { 'aria-labelledby': 'add-site-title' } : { 'aria-label': t('scanRegion') })}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !onClose || e.defaultPrevented) return;
        e.preventDefault();
        onClose();
      }}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => { e.preventDefault(); void readImage(e.dataTransfer?.files[0]); }}>
      {site && (
        <>
          <h2 id="add-site-title">{t('addSiteTitle')}</h2>
          <p class="hint">{t('addSiteText', site)}</p>
        </>
      )}
      <SiteSupportHint site={supportSite} hasAccount={false} />
      <div class="scan__actions">
        <button type="button" class="primary" ref={scanButton} onClick={() => void handle(sendRequest('scanTab', target), t('scanning'))}>
          {t('scanButton')}
        </button>
        <button type="button" class="small" onClick={() => void selectArea()}>{t('selectArea')}</button>
        <button type="button" class="small" onClick={() => fileInput.current?.click()}>{t('chooseImage')}</button>
        <button type="button" class="small" aria-expanded={pasting} onClick={() => setPasting(!pasting)}>{t('pasteLink')}</button>
        <button type="button" class="small" onClick={onType}>{t('emptyTypeButton')}</button>
        <input ref={fileInput} type="file" accept="image/*" hidden aria-label={t('chooseImageLabel')}
          onChange={(e) => { void readImage(e.currentTarget.files?.[0]); e.currentTarget.value = ''; }} />
      </div>
      {pasting && (
        <form class="scan__paste" onSubmit={(e) => { e.preventDefault(); void handle(sendRequest('scanText', { text, ...target }), t('readingLink')); }}>
          <label for="otpauth-text">{t('otpauthLinkLabel')}</label>
          <textarea id="otpauth-text" rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} spellcheck={false} />
          <button type="submit" class="small">{t('readLink')}</button>
        </form>
      )}
      <div aria-live="polite">
        {state.step === 'busy' && <p class="muted" role="status">{state.what}</p>}
        {state.step === 'failed' && <ScanError error={state.error} onKeepBoth={state.report ? () => void confirm(state.report!, true) : undefined} />}
        {state.step === 'preview' && <Preview report={state.report} onSave={(dup) => void confirm(state.report, dup)} onCancel={() => setState({ step: 'idle' })} />}
        {state.step === 'saved' && (
          <div class="notice-box" role="status">
            <p>{savedText(state.accounts, state.site)}</p>
            {state.notes.map((note) => <p class="muted" key={note}>{note}</p>)}
            {state.accounts.length === 1 && (
              <button type="button" class="primary small" ref={fillButton} onClick={() => void fillInto(state.accounts[0]!)}>{t('fillIntoPage')}</button>
            )}
            {fillNote && <p class="muted">{fillNote}</p>}
            {offer && offer.length > 0 && (
              <p class="hint">
                {t('fillButtonOffer', offer.join(', '))}{' '}
                <button type="button" class="small" onClick={() => {
                  // The click is the gesture the browser's permission dialog needs: no await before it.
                  void requestFillButton(offer).then(() => window.close());
                }}>{t('showFillButton', offer.join(', '))}</button>
              </p>
            )}
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
        <button type="button" class="small" onClick={onKeepBoth}>{t('saveSecondCopy')}</button>
      )}
    </div>
  );
}

function Preview({ report, onSave, onCancel }: { report: ScanReport; onSave: (allowDuplicate: boolean) => void; onCancel: () => void }) {
  const fresh = report.accounts.filter((a) => !a.duplicateOf).length;
  const duplicates = report.accounts.length - fresh;
  return (
    <div class="preview" role="group" aria-label={t('accountsFound')}>
      <p>
        {tCount('foundAccounts', report.accounts.length)}
        {report.batch ? ` ${t('exportPart', [formatNumber(report.batch.index + 1), formatNumber(report.batch.size)])}` : ''}
      </p>
      <ul>
        {report.accounts.map((a, i) => (
          <li key={i}>
            {displayName(a)}
            {a.duplicateOf && <span class="muted"> — {t('alreadySavedAs', a.duplicateOf)}</span>}
          </li>
        ))}
      </ul>
      {report.notes.map((note) => <p class="muted" key={note}>{note}</p>)}
      <div class="actions">
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
        {duplicates > 0 && <button type="button" onClick={() => onSave(true)}>{t('saveAllWithDuplicates')}</button>}
        {fresh > 0 && <button type="button" class="primary" onClick={() => onSave(false)}>{tCount('saveNew', fresh)}</button>}
      </div>
    </div>
  );
}

/** "Saved Amazon (alice) for amazon.com." — or that nothing new was saved. */
function savedText(accounts: AccountView[], site: string | undefined): string {
  const names = accounts.map((a) => displayName(a)).join(', ');
  if (names === '') return t('savedNothingNew');
  return site ? t('savedFor', [names, site]) : t('savedAccount', names);
}
