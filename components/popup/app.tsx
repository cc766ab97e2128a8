import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from '@wxt-dev/browser';
import type { AccountView, PopupOpening, Result, ResultError, Theme, VaultStatus } from '@/utils/messages';
import { onLostReply, sendRequest } from '@/utils/messaging/send-request';
import { ErrorCode } from '@/utils/error-codes';
import { t } from '@/utils/i18n/t';
import { UnlockScreen } from './unlock-screen';
import { AccountList, type Toast } from './account-list';
import { addPlaceFor, popupContext, type AddPlace, type PopupContext } from '@/utils/accounts/add-place';
import { lazyScreen } from './lazy';
import { ScanPanel } from './scan-panel';
import { BackupReminder } from './backup-reminder';
import { applyTheme, readTheme } from './theme';
import { targetTabId } from './opening';

/** Opens the popup in its own window, acting on the active tab, and closes this one. */
async function popOut() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const query = tab?.id === undefined ? '' : `?tab=${tab.id}`;
  await browser.windows.create({ url: `${browser.runtime.getURL('/popup.html')}${query}`, type: 'popup', width: 380, height: 600 });
  window.close();
}

const SetupScreen = lazyScreen(() => import('./setup-screen').then((m) => m.SetupScreen));
const AddAccountForm = lazyScreen(() => import('./add-account-form').then((m) => m.AddAccountForm));
const EditAccount = lazyScreen(() => import('./edit-account').then((m) => m.EditAccount));

type View = { name: 'list' } | { name: 'add' } | { name: 'edit'; account: AccountView };

/**
 * The popup: picks the screen from the vault's status. `opening` is the background's answer to
 * `openPopup` (null while it is on its way: the popup says it is opening); main.tsx mounts the
 * App again once it is there.
 */
export function App({ opening }: { opening: Result<PopupOpening> | null }) {
  const opened = opening?.ok ? opening.value : null;
  const [status, setStatus] = useState<VaultStatus | null>(opened?.status ?? null);
  const [view, setView] = useState<View>({ name: 'list' });
  const [notice, setNotice] = useState<string | null>(null);
  /** The status line the next list opens with (a delete from the edit screen, with its Undo). */
  const [arrival, setArrival] = useState<Toast | null>(null);
  const [failure, setFailure] = useState<string | null>(opening?.ok === false ? opening.error.message : null);
  const [listVersion, setListVersion] = useState(0);
  const [query, setQuery] = useState('');
  const [theme, setTheme] = useState<Theme>(opened?.theme ?? 'system');
  const tabId = targetTabId();
  // The opening's list and reminder serve the first list shown, once; any later list (after
  // add, edit, lock) asks the background anew.
  const openingList = useRef(opened?.unlocked);
  const first = openingList.current;
  // Decided once per popup from what it opened on: the panel keeps its place (and the result of
  // a scan) while the list changes under it.
  const [place, setPlace] = useState<{ place: AddPlace; site: string | null } | null>(() => {
    const unlocked = opened?.unlocked;
    return unlocked ? { place: addPlaceFor(popupContext(unlocked.site, unlocked.listing.accounts)), site: unlocked.site } : null;
  });
  const [addOpen, setAddOpen] = useState(false);
  const addToggle = useRef<HTMLButtonElement>(null);
  // An account was added in this popup: the user is setting a site up, no time for reminders.
  const [settingUp, setSettingUp] = useState(false);

  async function refresh() {
    const result = await sendRequest('getStatus');
    if (result.ok) setStatus(result.value);
    else setFailure(result.error.message);
  }

  const listing = status?.state === 'unlocked' && view.name === 'list';
  useEffect(() => {
    if (listing) openingList.current = undefined;
  }, [listing]);

  // No opening (the background did not answer it): ask for the status alone.
  useEffect(() => {
    if (opening?.ok === false) void refresh();
  }, []);

  async function chooseTheme(next: Theme) {
    setTheme(next);
    applyTheme(next);
    const result = await sendRequest('setSettings', { theme: next });
    if (!result.ok) setFailure(result.error.message);
  }

  async function lock() {
    await sendRequest('lock');
    setView({ name: 'list' });
    setNotice(null);
    setQuery('');
    await refresh();
  }

  /** A failed request while unlocked: most often the vault locked itself meanwhile. */
  function onError(error: ResultError) {
    // Saved after all (its reply was lost): not a failure; the notice below says so.
    if (error.code === ErrorCode.SavedUnanswered) return;
    setFailure(error.message);
    void refresh();
  }

  // A write lost its reply (the background stopped mid-write): show what is stored, from the
  // background, and say so when the write was saved; a form whose write was not saved stays open
  // with its error ("nothing was changed").
  useEffect(() => onLostReply((landed) => {
    if (landed) backToList(t('savedNoAnswer'));
    else setListVersion((v) => v + 1);
  }), []);

  function backToList(message: string | null, toast: Toast | null = null) {
    setNotice(message);
    setArrival(toast);
    setView({ name: 'list' });
    setListVersion((v) => v + 1);
  }

  function onContext(context: PopupContext) {
    setPlace((known) => known ?? { place: addPlaceFor(context), site: context.site });
  }

  const panelShown = place !== null && (place.place !== 'folded' || addOpen);

  const unlocked = status?.state === 'unlocked';
  return (
    <div class="popup">
      <header class="bar">
        <span class="brand"><img src="/icon/32.png" alt="" width="20" height="20" /> Twofold</span>
        {listing && place?.place === 'folded' && (
          <button type="button" class="small add-toggle" ref={addToggle} aria-expanded={addOpen} aria-controls="add-panel"
            onClick={() => setAddOpen(!addOpen)}>
            {t('addButton')}
            <svg viewBox="0 0 10 10" width="10" height="10" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5">
              <path d={addOpen ? 'M1.5 6.5 5 3l3.5 3.5' : 'M1.5 3.5 5 7l3.5-3.5'} />
            </svg>
          </button>
        )}
        {unlocked && <button type="button" class="small" onClick={() => void lock()}>{t('lockNow')}</button>}
        {tabId === undefined && (
          <button type="button" class="icon-button" aria-label={t('popOut')} title={t('popOut')} onClick={() => void popOut()}>
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5">
              <path d="M9 2.75h4.25V7M13.25 2.75 7.5 8.5M11 9.5v3.75H2.75V5H6.5" />
            </svg>
          </button>
        )}
        <button type="button" class="icon-button" aria-label={t('settings')} title={t('settings')}
          onClick={() => void browser.runtime.openOptionsPage()}>⚙</button>
      </header>
      <main>
        {failure && (
          <p class="error banner" role="alert">
            {failure} <button type="button" class="link" onClick={() => setFailure(null)}>{t('dismiss')}</button>
          </p>
        )}
        {notice && <p class="notice banner" role="status">{notice}</p>}
        {status === null && !failure && <p class="screen muted" aria-busy="true">{t('opening')}</p>}
        {status?.state === 'new' && <SetupScreen onDone={refresh} />}
        {status?.state === 'locked' && <UnlockScreen onDone={refresh} retryAt={status.retryAt} />}
        {status?.state === 'damaged' && (
          <section class="screen" aria-labelledby="damaged-title">
            <h1 id="damaged-title">{t('damagedTitle')}</h1>
            <p class="error" role="alert">{status.message}</p>
          </section>
        )}
        {listing && <h1 class="visually-hidden">{t('yourAccounts')}</h1>}
        {listing && !settingUp && <BackupReminder initial={first?.remindBackup} />}
        {listing && panelShown && (
          <ScanPanel tabId={tabId} site={place.place === 'site' ? place.site : null} prominent={place.place !== 'folded'}
            supportSite={place.place === 'folded' || settingUp ? null : place.site}
            onType={() => { setNotice(null); setView({ name: 'add' }); }}
            onClose={place.place === 'folded' ? () => { setAddOpen(false); addToggle.current?.focus(); } : undefined}
            onSaved={() => { setSettingUp(true); setListVersion((v) => v + 1); }} />
        )}
        {listing && (
          <AccountList key={listVersion} tabId={tabId} first={first} arrival={arrival} query={query} onQuery={setQuery} onError={onError}
            onContext={onContext}
            onEdit={(account) => { setNotice(null); setView({ name: 'edit', account }); }} />
        )}
        {unlocked && view.name === 'add' && (
          <AddAccountForm onCancel={() => setView({ name: 'list' })} onDone={(message) => { setSettingUp(true); backToList(message); }} />
        )}
        {unlocked && view.name === 'edit' && (
          <EditAccount account={view.account} onCancel={() => setView({ name: 'list' })} onDone={(message) => backToList(message)}
            onDeleted={(toast) => backToList(null, toast)} />
        )}
      </main>
      {listing && (
        <footer class="footer">
          <label for="theme">{t('themeLabel')}</label>
          <select id="theme" value={theme} onChange={(e) => void chooseTheme(readTheme(e.currentTarget.value))}>
            <option value="system">{t('themeSystem')}</option>
            <option value="light">{t('themeLight')}</option>
            <option value="dark">{t('themeDark')}</option>
          </select>
        </footer>
      )}
    </div>
  );
}
