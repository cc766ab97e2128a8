import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AccountView } from '@/utils/messages';
import { ErrorCode } from '@/utils/error-codes';
import { sendRequest } from '@/utils/messaging/send-request';
import { displayName } from '@/utils/accounts/display-name';
import { hostOfTypedSite } from '@/utils/accounts/check-account-edit';
import { siteOfPattern, sitePatterns } from '@/utils/fields/site-patterns';
import { describedBy } from '@/components/popup/field';
import { requestFillButton } from '@/components/popup/fill-site-access';
import { formatList, t } from '@/utils/i18n/t';
import { ACCOUNTS_CHANGED } from './accounts-changed';

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

/** The host permissions Twofold holds now, as the browser writes them (`https://*.amazon.com/*`). */
async function grantedOrigins(): Promise<string[]> {
  try {
    return [...((await browser.permissions.getAll()).origins ?? [])].sort();
  } catch {
    return [];
  }
}

/** Host permissions gathered by the site people know them as: "amazon.com", "All sites". */
interface GrantedSite {
  name: string;
  patterns: string[];
}

/** The granted patterns, one entry per site (a site's HTTPS and subdomain patterns together). */
function groupGranted(origins: readonly string[]): GrantedSite[] {
  const groups = new Map<string, string[]>();
  for (const origin of origins) {
    const all = origin === '<all_urls>' || /^\*:\/\/\*\/\*$/u.test(origin) || /^https?:\/\/\*\/\*$/u.test(origin);
    const name = all ? t('grantedAllSites') : (siteOfPattern(origin) ?? origin);
    groups.set(name, [...(groups.get(name) ?? []), origin]);
  }
  return [...groups].map(([name, patterns]) => ({ name, patterns }));
}

/**
 * Options → Sites, grouped by site: each site with whether Twofold's button shows in its code
 * field (the optional host permission, with a button to show or hide it) and the accounts used
 * there, each with a Remove button; the accounts used on no site; one form to add a site to an
 * account; and the site access Twofold holds, by site name (the browser's patterns behind
 * "Details"), each with a button to remove it. Sites are edited through the background
 * (`updateAccount`); the list reloads after every change, after imports, and when access is
 * granted or removed anywhere.
 */
export function SitesSection() {
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [access, setAccess] = useState<Record<string, boolean>>({});
  const [origins, setOrigins] = useState<string[]>([]);
  const [originError, setOriginError] = useState<{ origin: string; message: string } | null>(null);
  const [siteError, setSiteError] = useState<{ site: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

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
    // Access changes from elsewhere too (the popup, the browser's own extension page), and
    // accounts arrive from an import on this page or from another window.
    const onChange = () => void load();
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    window.addEventListener(ACCOUNTS_CHANGED, onChange);
    const onVisible = () => {
      if (document.visibilityState === 'visible') onChange();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
      window.removeEventListener(ACCOUNTS_CHANGED, onChange);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);

  /** Saves `sites` on `account`; resolves to an error message, or null when saved. */
  async function saveSites(account: AccountView, sites: string[]): Promise<string | null> {
    const result = await sendRequest('updateAccount', { id: account.id, issuer: account.issuer, label: account.label, sites });
    // Saved even when its reply was lost (Twofold restarted): the list below is reloaded either way.
    if (!result.ok && result.error.code !== ErrorCode.SavedUnanswered) return result.error.message;
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

  async function unbind(account: AccountView, site: string) {
    setBusy(true);
    setSiteError(null);
    const failure = await saveSites(account, account.sites.filter((s) => s !== site));
    setBusy(false);
    if (failure !== null) setSiteError({ site, message: failure });
  }

  async function revoke(group: GrantedSite) {
    setOriginError(null);
    let removed = false;
    try {
      removed = await browser.permissions.remove({ origins: group.patterns });
    } catch {
      removed = false;
    }
    if (!removed) setOriginError({ origin: group.name, message: t('grantedRevokeFailed') });
    if (accounts) await refreshAccess(accounts);
  }

  // In the order the accounts are listed (the popup's), each site once.
  const sites = accounts ? [...new Set(accounts.flatMap((a) => a.sites))] : [];
  const unbound = accounts?.filter((a) => a.sites.length === 0) ?? [];
  const granted = groupGranted(origins);

  return (
    <section class="card" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('sitesTitle')}</h2>
      <p class="hint">{t('sitesIntro')}</p>
      {loadError && <p class="error" role="alert">{loadError}</p>}
      {!accounts && !loadError && <p class="muted" aria-busy="true">{t('opening')}</p>}
      {accounts?.length === 0 && <p class="muted">{t('sitesNoAccounts')}</p>}
      {accounts && accounts.length > 0 && sites.length === 0 && <p class="muted">{t('sitesNone')}</p>}
      {sites.length > 0 && (
        <ul class="site-groups">
          {sites.map((site) => {
            const allowed = access[site];
            const headingId = `site-${site.replace(/[^a-z0-9]/giu, '-')}`;
            return (
              <li key={site} class="site-group" data-site={site}>
                <div class="site-group__head">
                  <h3 id={headingId}>{site}</h3>
                  {allowed !== undefined && (
                    <span class="muted">{allowed ? t('fillButtonAllowed') : t('fillButtonNotAllowed')}</span>
                  )}
                  {allowed === false && (
                    <button type="button" class="small" aria-label={t('fillButtonAllowLabel', site)} onClick={() => allow(site)}>
                      {t('fillButtonAllow')}
                    </button>
                  )}
                  {allowed === true && (
                    <button type="button" class="small" aria-label={t('fillButtonTurnOffLabel', site)} onClick={() => void turnOff(site)}>
                      {t('fillButtonTurnOff')}
                    </button>
                  )}
                </div>
                <ul class="site-accounts" aria-label={t('siteGroupAccounts', site)}>
                  {accounts!.filter((a) => a.sites.includes(site)).map((account) => {
                    const name = displayName(account);
                    return (
                      <li key={account.id} class="site-account">
                        <span class="site-account__name">{name}</span>
                        <button type="button" class="small" aria-label={t('siteRemoveLabel', [site, name])} disabled={busy}
                          onClick={() => void unbind(account, site)}>
                          {t('siteRemove')}
                        </button>
                      </li>
                    );
                  })}
                </ul>
                {siteError?.site === site && <p class="error" role="alert">{siteError.message}</p>}
              </li>
            );
          })}
        </ul>
      )}
      {unbound.length > 0 && sites.length > 0 && (
        <p class="muted" data-testid="sites-unbound">{t('sitesUnbound', formatList(unbound.map(displayName)))}</p>
      )}
      {accounts && accounts.length > 0 && <AddSiteForm accounts={accounts} onSave={saveSites} />}

      <h3 id="granted-title">{t('grantedTitle')}</h3>
      <p class="hint">{t('grantedHint')}</p>
      {granted.length === 0 ? (
        <p class="muted">{t('grantedNone')}</p>
      ) : (
        <ul class="granted-origins" aria-labelledby="granted-title">
          {granted.map((group) => (
            <li key={group.name}>
              <div class="site-account">
                <span class="site-account__name">{group.name}</span>
                <button type="button" class="small" aria-label={t('grantedRevokeLabel', group.name)} onClick={() => void revoke(group)}>
                  {t('grantedRevoke')}
                </button>
              </div>
              <details class="granted-details">
                <summary>{t('grantedDetails')}</summary>
                <ul>{group.patterns.map((pattern) => <li key={pattern}><code>{pattern}</code></li>)}</ul>
              </details>
              {originError?.origin === group.name && <p class="error" role="alert">{originError.message}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One form for every account: choose the account, type the site, add. */
function AddSiteForm({ accounts, onSave }: { accounts: AccountView[]; onSave: (account: AccountView, sites: string[]) => Promise<string | null> }) {
  const [accountId, setAccountId] = useState(accounts[0]!.id);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const account = accounts.find((a) => a.id === accountId) ?? accounts[0]!;

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
    const failure = await onSave(account, [...account.sites, site]);
    if (failure !== null) return failure;
    setTyped('');
    return undefined;
  }

  return (
    <form class="site-add" onSubmit={(e) => void add(e)} noValidate aria-labelledby="site-add-title">
      <h3 id="site-add-title">{t('siteAddTitle')}</h3>
      <div class="site-add__row">
        <div class="field">
          <label for="site-add-account">{t('siteAddAccount')}</label>
          <select id="site-add-account" value={account.id} onChange={(e) => setAccountId(e.currentTarget.value)}>
            {accounts.map((a) => <option key={a.id} value={a.id}>{displayName(a)}</option>)}
          </select>
        </div>
        <div class={`field${error ? ' field--error' : ''}`}>
          <label for="site-add-site">{t('siteAddSite')}</label>
          <input id="site-add-site" type="text" inputMode="url" autoComplete="off" spellcheck={false} value={typed}
            placeholder="amazon.com" onInput={(e) => setTyped(e.currentTarget.value)} onFocus={() => void loadSiteRules().catch(() => undefined)}
            {...describedBy('site-add-site', error)} />
        </div>
        <button type="submit" disabled={busy}>{t('siteAdd')}</button>
      </div>
      {error && <p class="error" id="site-add-site-error" role="alert">{error}</p>}
    </form>
  );
}
