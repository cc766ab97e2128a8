import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView, CodeView } from '@/utils/messages';
import { sendRequest } from '@/utils/messaging/send-request';
import { formatCode } from '@/utils/accounts/format-code';
import { displayName } from '@/utils/accounts/display-name';

interface ListData {
  accounts: AccountView[];
  codes: Map<string, CodeView>;
  /** Background clock minus ours, so countdowns follow the codes' own time. */
  skew: number;
}

/**
 * The live code list. One timer ticks every row's countdown; the codes are fetched again
 * from the background only when the first of them expires.
 */
export function AccountList({ onAdd, onError }: { onAdd: () => void; onError: (message: string) => void }) {
  const [data, setData] = useState<ListData | null>(null);
  const [now, setNow] = useState(Date.now());
  const [toast, setToast] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const loading = useRef(false);

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
                onClick={() => void copy(account, view.code)}>
                {formatCode(view.code)}
              </button>
              {remaining !== undefined && <Countdown remaining={remaining} period={account.period} />}
              {remaining !== undefined && remaining <= 5 && view.nextCode && (
                <span class="next-code" aria-label={`Next code ${formatCode(view.nextCode)}`}>next {formatCode(view.nextCode)}</span>
              )}
              {account.kind === 'hotp' && (
                <button type="button" class="small" onClick={() => void nextHotp(account.id)} aria-label={`Next code for ${name}`}>Next</button>
              )}
              {confirming === account.id ? (
                <div class="confirm" role="group" aria-label={`Delete ${name}?`}>
                  <span>Delete {name}? Its codes will be gone from Twofold.</span>
                  <button type="button" class="danger small" onClick={() => void remove(account.id)}>Delete</button>
                  <button type="button" class="small" onClick={() => setConfirming(null)} autoFocus>Cancel</button>
                </div>
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
