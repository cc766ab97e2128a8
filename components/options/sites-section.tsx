import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AccountView } from '@/utils/messages';
import { sendRequest } from '@/utils/messaging/send-request';
import { displayName } from '@/utils/accounts/display-name';
import { hostOfTypedSite } from '@/utils/accounts/check-account-edit';
import { sitePatterns } from '@/utils/fields/site-patterns';
import { describedBy } from '@/components/popup/field';
import { requestFillButton } from '@/components/popup/fill-site-access';
import { t } from '@/utils/i18n/t';

/**
 * A site as typed (`https://www.amazon.co.uk/ap/signin`, `Amazon.com`) as the registrable domain
 * an account is bound to (`amazon.co.uk`), or null when it is not a site name.
 */
async function siteOfTyped(typed: string): Promise<string | null> {
  const host = hostOfTypedSite(typed);
  if (host === null) return null;
  const { registrableDomain } = await loadSiteRules();
  return registrableDomain(`https://${host.includes(':') ? `[${host}]` : host}/`);
}

/**
 * The public suffix list (tldts, about 290 KB) loads only when a site is typed in, not with the
 * options page; it is asked for as soon as the site field gets the focus.
 */
let siteRules: Promise<typeof import('@/utils/site/registrable-domain')> | null = null;
function loadSiteRules() {
  siteRules ??= import('@/utils/site/registrable-domain').catch((error: unknown) => {
    siteRules = null;
    throw error;
  });
  return siteRules;
}

/** Whether the browser gave Twofold every host pattern of `site` (the inline button may show there). */
async function hasAccess(site: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: sitePatterns(site) });
  } catch {
    return false;
  }
}

/** The host permissions Twofold holds now. */
async function grantedOrigins(): Promise<string[]> {
  try {
    return [...((await browser.permissions.getAll()).origins ?? [])].sort();
  } catch {
    return [];
  }
}

/**
 * Options → Sites: every account with its bound sites, to add and remove; per site whether the
 * inline fill button may show there (the optional host permission), with a button to allow or
 * turn it off; and every host permission Twofold holds, each with a button to revoke it.
 * Sites are edited through the background (`updateAccount`); the background's fill registration
 * follows the permission changes by itself.
 */
export function SitesSection() {
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [access, setAccess] = useState<Record<string, boolean>>({});
  const [origins, setOrigins] = useState<string[]>([]);
  const [originError, setOriginError] = useState<{ origin: string; message: string } | null>(null);
  const [siteError, setSiteError] = useState<{ site: string; message: string } | null>(null);

  async function refreshAccess(list: readonly AccountView[]) {
    const sites = [...new Set(list.flatMap((a) => a.sites))];
    const entries = await Promise.all(sites.map(async (site) => [site, await hasAccess(site)] as const));
    setAccess(Object.fromEntries(entries));
    setOrigins(await grantedOrigins());
  }

  async function load() {
    const result = await sendRequest('listAccounts');
    if (!result.ok) {
      setLoadError(result.error.message);
      return;
    }
    setLoadError(null);
    setAccounts(result.value.accounts);
    await refreshAccess(result.value.accounts);
  }

  useEffect(() => {
    void load();
    // Access changes from elsewhere too (the popup, the browser's own extension page).
    const onChange = () => void load();
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, []);

  /** Saves `sites` on `account`; resolves to an error message, or null when saved. */
  async function saveSites(account: AccountView, sites: string[]): Promise<string | null> {
    const result = await sendRequest('updateAccount', { id: account.id, issuer: account.issuer, label: account.label, sites });
    if (!result.ok) return result.error.message;
    // The background drops the access of sites no account uses any more: show what is left.
    await load();
    return null;
  }

  function allow(site: string) {
    setSiteError(null);
    // The browser asks only from a click: no await before this request.
    void requestFillButton([site]).then(async (granted) => {
      if (!granted) setSiteError({ site, message: t('permissionDeclined') });
      if (accounts) await refreshAccess(accounts);
    });
  }

  async function turnOff(site: string) {
    setSiteError(null);
    let removed = false;
    try {
      removed = await browser.permissions.remove({ origins: sitePatterns(site) });
    } catch {
      removed = false;
    }
    if (!removed || (await hasAccess(site))) setSiteError({ site, message: t('grantedRevokeFailed') });
    if (accounts) await refreshAccess(accounts);
  }

  async function revoke(origin: string) {
    setOriginError(null);
    let removed = false;
    try {
      removed = await browser.permissions.remove({ origins: [origin] });
    } catch {
      removed = false;
    }
    if (!removed) setOriginError({ origin, message: t('grantedRevokeFailed') });
    if (accounts) await refreshAccess(accounts);
  }

  return (
    <section class="card" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('sitesTitle')}</h2>
      <p class="hint">{t('sitesIntro')}</p>
      {loadError && <p class="error" role="alert">{loadError}</p>}
      {!accounts && !loadError && <p class="muted" aria-busy="true">{t('opening')}</p>}
      {accounts?.length === 0 && <p class="muted">{t('sitesNoAccounts')}</p>}
      {accounts && accounts.length > 0 && (
        <ul class="site-accounts">
          {accounts.map((account) => (
            <AccountSites key={account.id} account={account} access={access} siteError={siteError}
              onSave={(sites) => saveSites(account, sites)} onAllow={allow} onTurnOff={(site) => void turnOff(site)} />
          ))}
        </ul>
      )}

      <h3 id="granted-title">{t('grantedTitle')}</h3>
      <p class="hint">{t('grantedHint')}</p>
      {origins.length === 0 ? (
        <p class="muted">{t('grantedNone')}</p>
      ) : (
        <ul class="granted-origins" aria-labelledby="granted-title">
          {origins.map((origin) => (
            <li key={origin}>
              <div class="control-row">
                <code>{origin}</code>
                <button type="button" aria-label={t('grantedRevokeLabel', origin)} onClick={() => void revoke(origin)}>
                  {t('grantedRevoke')}
                </button>
              </div>
              {originError?.origin === origin && <p class="error" role="alert">{originError.message}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface AccountSitesProps {
  account: AccountView;
  access: Record<string, boolean>;
  siteError: { site: string; message: string } | null;
  onSave: (sites: string[]) => Promise<string | null>;
  onAllow: (site: string) => void;
  onTurnOff: (site: string) => void;
}

/** One account: its sites, each with its fill-button access, and the box to add one. */
function AccountSites({ account, access, siteError, onSave, onAllow, onTurnOff }: AccountSitesProps) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const name = displayName(account);
  const inputId = `site-add-${account.id}`;
  const headingId = `site-account-${account.id}`;

  async function add(event: Event) {
    event.preventDefault();
    if (busy) return;
    // Busy from the start: a second Enter while the site rules load must not save twice.
    setBusy(true);
    setError(await addTyped());
    setBusy(false);
  }

  /** Saves the typed site; the message to show, or undefined when it was saved. */
  async function addTyped(): Promise<string | undefined> {
    let site: string | null;
    try {
      site = await siteOfTyped(typed);
    } catch {
      return t('errInternal');
    }
    if (site === null) return t('editSiteInvalid', typed.trim());
    if (account.sites.includes(site)) return t('siteAlreadyThere', site);
    const failure = await onSave([...account.sites, site]);
    if (failure !== null) return failure;
    setTyped('');
    return undefined;
  }

  async function remove(site: string) {
    setBusy(true);
    const failure = await onSave(account.sites.filter((s) => s !== site));
    setBusy(false);
    setError(failure ?? undefined);
  }

  return (
    <li>
      <h3 id={headingId}>{name}</h3>
      {account.sites.length === 0 ? (
        <p class="muted">{t('sitesNone')}</p>
      ) : (
        <ul class="sites" aria-labelledby={headingId}>
          {account.sites.map((site) => {
            const allowed = access[site];
            return (
              <li key={site} data-site={site}>
                <div class="control-row">
                  <span>{site}</span>
                  {allowed !== undefined && (
                    <span class="muted">{allowed ? t('fillButtonAllowed') : t('fillButtonNotAllowed')}</span>
                  )}
                  {allowed === false && (
                    <button type="button" aria-label={t('fillButtonAllowLabel', site)} onClick={() => onAllow(site)}>
                      {t('fillButtonAllow')}
                    </button>
                  )}
                  {allowed === true && (
                    <button type="button" aria-label={t('fillButtonTurnOffLabel', site)} onClick={() => onTurnOff(site)}>
                      {t('fillButtonTurnOff')}
                    </button>
                  )}
                  <button type="button" aria-label={t('siteRemoveLabel', [site, name])} disabled={busy} onClick={() => void remove(site)}>
                    {t('siteRemove')}
                  </button>
                </div>
                {siteError?.site === site && <p class="error" role="alert">{siteError.message}</p>}
              </li>
            );
          })}
        </ul>
      )}
      <form class={`field${error ? ' field--error' : ''}`} onSubmit={(e) => void add(e)} noValidate>
        <label for={inputId}>{t('siteAddLabel', name)}</label>
        <div class="control-row">
          <input id={inputId} type="text" inputMode="url" autoComplete="off" spellcheck={false} value={typed}
            placeholder="amazon.com" onInput={(e) => setTyped(e.currentTarget.value)} onFocus={() => void loadSiteRules().catch(() => undefined)}
            {...describedBy(inputId, error)} />
          <button type="submit" disabled={busy}>{t('siteAdd')}</button>
        </div>
        {error && <p class="error" id={`${inputId}-error`} role="alert">{error}</p>}
      </form>
    </li>
  );
}
