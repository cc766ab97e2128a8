import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView, CodeView, FillTarget } from '@/utils/messages';
import { sendRequest } from '@/utils/messaging/send-request';
import { formatCode } from '@/utils/accounts/format-code';
import { displayName } from '@/utils/accounts/display-name';
import { FillConfirm } from './fill-confirm';
import { FillSiteAccess, requestFillButton } from './fill-site-access';

/** An unbound fill waiting for the user's answer. */
interface Asking {
  account: AccountView;
  target: Extract<FillTarget, { state: 'unbound' }>;
}

/**
 * The tab to fill: the one named by `?tab=` (the unlock window a page opened for its own tab),
 * else the background picks the active tab.
 */
function tabToFill(): number | undefined {
  const value = new URLSearchParams(location.search).get('tab');
  const id = value === null ? NaN : Number(value);
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}

interface ListData {
  accounts: AccountView[];
  codes: Map<string, CodeView>;
  /** Background clock minus ours, so countdowns follow the codes' own time. */
  skew: number;
}

/**
 * The live code list. One timer ticks every row's countdown; the codes are fetched again
 * from the background only when the first of them expires. Clicking a code copies it and,
 * when the tab has a code field, fills it there (asking first on a site the account is not
 * bound to, and warning loudly on a look-alike of a bound site).
 */
export function AccountList({ onAdd, onError }: { onAdd: () => void; onError: (message: string) => void }) {
  const [data, setData] = useState<ListData | null>(null);
  const [now, setNow] = useState(Date.now());
  const [toast, setToast] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const loading = useRef(false);
  const tabId = useRef(tabToFill());

  async function load() {
    if (loading.current) return;
    loading.current = true;
    const result = await sendRequest('listAccounts');
    loading.current = false;
    if (!result.ok) return onError(result.error.message);
    const { accounts, codes, now: serverNow } = result.value;
    setData({ accounts, codes: new Map(codes.map((c) => [c.id, c])), skew: serverNow - Date.now() });
  }

  useEffect(() => {
    void load();
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const at = now + (data?.skew ?? 0);
  useEffect(() => {
    if (!data) return;
    for (const code of data.codes.values()) {
      if (code.validUntil !== undefined && code.validUntil <= at) {
        void load();
        return;
      }
    }
  }, [at, data]);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 1800);
    return () => clearTimeout(timer);
  }, [toast]);

  async function copy(account: AccountView, code: string) {
    try {
      await navigator.clipboard.writeText(code);
      setToast(`Copied the code for ${displayName(account)}`);
    } catch {
      setToast('Could not copy: your browser refused clipboard access.');
    }
  }

  /** Copies the code, then fills it into the tab when it has a code field. */
  async function useCode(account: AccountView, code: string) {
    setAsking(null);
    await copy(account, code);
    const check = await sendRequest('checkFillTarget', { id: account.id, tabId: tabId.current });
    // No fillable tab (a browser page, no code field, no access): copying was all there was to do.
    if (!check.ok || check.value.state === 'unavailable') return;
    if (check.value.state === 'unbound') {
      setAsking({ account, target: check.value });
      return;
    }
    await fill(account, {});
  }

  async function fill(account: AccountView, answer: { confirmed?: boolean; bindSite?: boolean }, site?: string) {
    setAsking(null);
    // Dispatched before the permission prompt below, which may close this popup.
    const filling = sendRequest('fillActiveTab', { id: account.id, tabId: tabId.current, ...answer });
    if (answer.bindSite && site !== undefined) void requestFillButton([site]);
    const result = await filling;
    if (!result.ok) return onError(result.error.message);
    setToast(result.value.filled ? `Filled and copied the code for ${displayName(account)}` : `Copied the code for ${displayName(account)}`);
    if (answer.bindSite) await load();
  }

  async function remove(id: string) {
    const result = await sendRequest('deleteAccount', { id });
    setConfirming(null);
    if (!result.ok) return onError(result.error.message);
    await load();
  }

  async function nextHotp(id: string) {
    const result = await sendRequest('nextHotpCode', { id });
    if (!result.ok) return onError(result.error.message);
    await load();
  }

  if (!data) return <p class="screen muted" aria-busy="true">Loading your accounts…</p>;
  if (data.accounts.length === 0) {
    return (
      <section class="screen empty" aria-labelledby="empty-title">
        <h1 id="empty-title">No accounts yet</h1>
        <p>When a site shows a QR code for an authenticator app, you can type the text key it shows instead (“Can’t scan?”).</p>
        <button type="button" class="primary" onClick={onAdd}>Add an account</button>
      </section>
    );
  }

  return (
    <>
      <ul class="accounts" aria-label="Accounts">
        {data.accounts.map((account) => {
          const view = data.codes.get(account.id);
          if (!view) return null;
          const remaining = view.validUntil === undefined ? undefined : Math.max(0, Math.ceil((view.validUntil - at) / 1000));
          const name = displayName(account);
          return (
            <li class="account" key={account.id} data-account-id={account.id}>
              <div class="account__names">
                <span class="account__issuer">{account.issuer || account.label || 'Unnamed account'}</span>
                {account.issuer && account.label && <span class="account__label">{account.label}</span>}
              </div>
              <button type="button" class="code" data-code={view.code} aria-label={`Copy code ${formatCode(view.code)} for ${name}`}
                title="Copy, and fill into the page when it asks for a code"
                onClick={() => void useCode(account, view.code)}>
                {formatCode(view.code)}
              </button>
              {remaining !== undefined && <Countdown remaining={remaining} period={account.period} />}
              {remaining !== undefined && remaining <= 5 && view.nextCode && (
                <span class="next-code" aria-label={`Next code ${formatCode(view.nextCode)}`}>next {formatCode(view.nextCode)}</span>
              )}
              {account.kind === 'hotp' && (
                <button type="button" class="small" onClick={() => void nextHotp(account.id)} aria-label={`Next code for ${name}`}>Next</button>
              )}
              {asking?.account.id === account.id && (
                <FillConfirm name={name} target={asking.target}
                  onFill={(remember) => void fill(account, remember ? { bindSite: true } : { confirmed: true }, asking.target.site)}
                  onCancel={() => setAsking(null)} />
              )}
              <FillSiteAccess sites={account.sites} name={name} />
              {confirming === account.id ? (
                <DeleteConfirm name={name} onDelete={() => void remove(account.id)} onCancel={() => setConfirming(null)} />
              ) : (
                <button type="button" class="icon-button" aria-label={`Delete ${name}`} title="Delete"
                  onClick={() => setConfirming(account.id)}>
                  ✕
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <p class="toast" role="status" aria-live="polite">{toast}</p>
    </>
  );
}

/** A ring that empties as the period runs out, with the seconds for screen readers. */
function Countdown({ remaining, period }: { remaining: number; period: number }) {
  const circumference = 2 * Math.PI * 9;
  const offset = circumference * (1 - remaining / period);
  return (
    <span class={`countdown${remaining <= 5 ? ' countdown--ending' : ''}`} role="timer" aria-label={`${remaining} seconds left`}>
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
        <circle cx="12" cy="12" r="9" class="countdown__track" />
        <circle cx="12" cy="12" r="9" class="countdown__ring" stroke-dasharray={circumference} stroke-dashoffset={offset} />
      </svg>
      <span class="countdown__seconds" aria-hidden="true">{remaining}</span>
    </span>
  );
}

/** Asks before deleting; the safe answer (Cancel) gets the focus. */
function DeleteConfirm({ name, onDelete, onCancel }: { name: string; onDelete: () => void; onCancel: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div class="confirm" role="group" aria-label={`Delete ${name}?`}>
      <span>Delete {name}? Its codes will be gone from Twofold.</span>
      <button type="button" class="danger small" onClick={onDelete}>Delete</button>
      <button type="button" class="small" onClick={onCancel} ref={cancel}>Cancel</button>
    </div>
  );
}
