import { useEffect, useState } from 'preact/hooks';
import type { VaultStatus } from '@/utils/messages';
import { sendRequest } from '@/utils/messaging/send-request';
import { SetupScreen } from './setup-screen';
import { UnlockScreen } from './unlock-screen';
import { AccountList } from './account-list';
import { AddAccountForm } from './add-account-form';
import { ScanPanel } from './scan-panel';
import { browser } from 'wxt/browser';

/**
 * The tab the popup acts on. A popup opened from the toolbar acts on the active tab; opened as
 * its own window (pop-out, tests) it is told which tab with `?tab=<id>`.
 */
function targetTabId(): number | undefined {
  const raw = new URL(location.href).searchParams.get('tab');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}

type View = 'list' | 'add';

/** The popup: picks the screen from the vault's status. */
export function App() {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [view, setView] = useState<View>('list');
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [listVersion, setListVersion] = useState(0);
  const tabId = targetTabId();

  async function refresh() {
    const result = await sendRequest('getStatus');
    if (result.ok) setStatus(result.value);
    else setFailure(result.error.message);
  }

  useEffect(() => void refresh(), []);

  async function lock() {
    await sendRequest('lock');
    setView('list');
    setNotice(null);
    await refresh();
  }

  /** A failed request while unlocked: most often the vault locked itself meanwhile. */
  function onError(message: string) {
    setFailure(message);
    void refresh();
  }

  const unlocked = status?.state === 'unlocked';
  return (
    <div class="popup">
      <header class="bar">
        <span class="brand"><img src="/icon/32.png" alt="" width="20" height="20" /> Twofold</span>
        {unlocked && view === 'list' && (
          <button type="button" class="small" onClick={() => { setNotice(null); setView('add'); }}>+ Add</button>
        )}
        {unlocked && <button type="button" class="small" onClick={() => void lock()}>Lock now</button>}
        <button type="button" class="icon-button" aria-label="Settings" title="Settings"
          onClick={() => void browser.runtime.openOptionsPage()}>⚙</button>
      </header>
      <main>
        {failure && (
          <p class="error banner" role="alert">
            {failure} <button type="button" class="link" onClick={() => setFailure(null)}>Dismiss</button>
          </p>
        )}
        {notice && <p class="notice banner" role="status">{notice}</p>}
        {status === null && !failure && <p class="screen muted" aria-busy="true">Opening…</p>}
        {status?.state === 'new' && <SetupScreen onDone={refresh} />}
        {status?.state === 'locked' && <UnlockScreen onDone={refresh} retryAt={status.retryAt} />}
        {status?.state === 'damaged' && (
          <section class="screen" aria-labelledby="damaged-title">
            <h1 id="damaged-title">Your vault cannot be read</h1>
            <p class="error" role="alert">{status.message}</p>
          </section>
        )}
        {unlocked && view === 'list' && <h1 class="visually-hidden">Your accounts</h1>}
        {unlocked && view === 'list' && <ScanPanel tabId={tabId} onSaved={() => setListVersion(listVersion + 1)} />}
        {unlocked && view === 'list' && <AccountList key={listVersion} onAdd={() => setView('add')} onError={onError} />}
        {unlocked && view === 'add' && (
          <AddAccountForm
            onCancel={() => setView('list')}
            onDone={(message) => { setNotice(message); setView('list'); }}
          />
        )}
      </main>
    </div>
  );
}
