import { useEffect, useState } from 'preact/hooks';
import type { AccountFormInput } from '@/utils/messages';
import { sendRequest } from '@/utils/messaging/send-request';
import { t } from '@/utils/i18n/t';
import { serviceOfSite, suggestSite, type IssuerSiteTable } from '@/utils/site/issuer-sites';
import { loadIssuerSites } from '@/components/shared/issuer-sites';
import { Field, describedBy } from './field';
import { fieldError, useRequest } from './use-request';
import { targetTabId } from './opening';

const EMPTY_FORM: AccountFormInput = {
  kind: 'totp', issuer: '', label: '', secret: '', algorithm: 'SHA1', digits: '6', period: '30', counter: '0',
};

/**
 * The site to offer for a new account: the issuer's site from the table when it knows one
 * (the tab's site instead when that is one of the same service's sites, `amazon.de` for
 * "Amazon"), else the tab's site, else nothing.
 */
export function offeredSite(issuer: string, tabSite: string | null, table: IssuerSiteTable | null): string {
  const suggested = table ? suggestSite(issuer, table) : null;
  if (suggested === null) return tabSite ?? '';
  if (tabSite !== null && table && serviceOfSite(suggested, table)?.sites.includes(tabSite)) return tabSite;
  return suggested;
}

/**
 * Add an account by typing the setup key a site shows under its QR code, with the site it is
 * used on: prefilled from the current tab and the issuer (until the person edits it).
 */
export function AddAccountForm({ onDone, onCancel }: { onDone: (message: string) => void; onCancel: () => void }) {
  const [form, setForm] = useState<AccountFormInput>(EMPTY_FORM);
  const [duplicate, setDuplicate] = useState(false);
  const [site, setSite] = useState('');
  const [siteEdited, setSiteEdited] = useState(false);
  const [tabSite, setTabSite] = useState<string | null>(null);
  const [table, setTable] = useState<IssuerSiteTable | null>(null);
  const { busy, error, run } = useRequest();
  const err = (field: string) => fieldError(error, field);
  const set = (field: keyof AccountFormInput) => (event: Event) =>
    setForm({ ...form, [field]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value });

  useEffect(() => {
    void sendRequest('getActiveSite', { tabId: targetTabId() }).then((result) => {
      if (result.ok) setTabSite(result.value.site);
    });
    // Without the table the tab's site is still offered.
    loadIssuerSites().then(setTable, () => undefined);
  }, []);

  useEffect(() => {
    if (!siteEdited) setSite(offeredSite(form.issuer, tabSite, table));
  }, [form.issuer, tabSite, table, siteEdited]);

  async function submit(event: Event) {
    event.preventDefault();
    const sites = site.trim() === '' ? [] : [site.trim()];
    const result = await run(() => sendRequest('addAccount', { form, sites, allowDuplicate: duplicate }));
    if (result) {
      const { account, warnings } = result.value;
      onDone([t('savedAccount', account.issuer || account.label), ...warnings].join(' '));
    }
  }

  const isDuplicate = error?.code === 'duplicate-account';
  const generalError = error && !error.field && !isDuplicate ? error.message : undefined;
  const advancedError = ['kind', 'algorithm', 'digits', 'period', 'counter'].some((f) => err(f));

  return (
    <form class="screen" onSubmit={submit} aria-labelledby="add-title" noValidate>
      <h1 id="add-title">{t('addTitle')}</h1>
      <Field id="issuer" label={t('fieldService')} error={err('issuer')}>
        <input id="issuer" value={form.issuer} onInput={set('issuer')} placeholder={t('fieldServicePlaceholder')} autoFocus autocomplete="off"
          {...describedBy('issuer', err('issuer'))} />
      </Field>
      <Field id="label" label={t('fieldAccountNameOptional')} error={err('label')}>
        <input id="label" value={form.label} onInput={set('label')} placeholder={t('fieldAccountNamePlaceholder')} autocomplete="off"
          {...describedBy('label', err('label'))} />
      </Field>
      <Field id="site" label={t('fieldSite')} error={err('sites')} hint={t('fieldSiteHint')}>
        <input id="site" type="text" inputMode="url" value={site} autocomplete="off" spellcheck={false} placeholder="amazon.com"
          onInput={(e) => { setSite(e.currentTarget.value); setSiteEdited(true); }} {...describedBy('site', err('sites'), true)} />
      </Field>
      <Field id="secret" label={t('fieldTextKey')} error={err('secret')} hint={t('fieldTextKeyHint')}>
        <input id="secret" value={form.secret} onInput={set('secret')} autocomplete="off" spellcheck={false} required
          class="mono" {...describedBy('secret', err('secret'), true)} />
      </Field>
      <details open={advancedError}>
        <summary>{t('advanced')}</summary>
        <Field id="kind" label={t('fieldKind')} error={err('kind')}>
          <select id="kind" value={form.kind} onChange={set('kind')}>
            <option value="totp">{t('kindTotp')}</option>
            <option value="hotp">{t('kindHotp')}</option>
            <option value="steam">{t('kindSteam')}</option>
          </select>
        </Field>
        <Field id="algorithm" label={t('fieldAlgorithm')} error={err('algorithm')}>
          <select id="algorithm" value={form.algorithm} onChange={set('algorithm')}>
            <option value="SHA1">{t('algorithmSha1')}</option>
            <option value="SHA256">SHA-256</option>
            <option value="SHA512">SHA-512</option>
          </select>
        </Field>
        <Field id="digits" label={t('fieldDigits')} error={err('digits')}>
          <input id="digits" type="number" min="6" max="8" value={form.digits} onInput={set('digits')} {...describedBy('digits', err('digits'))} />
        </Field>
        {form.kind !== 'hotp' ? (
          <Field id="period" label={t('fieldPeriod')} error={err('period')}>
            <input id="period" type="number" min="1" value={form.period} onInput={set('period')} {...describedBy('period', err('period'))} />
          </Field>
        ) : (
          <Field id="counter" label={t('fieldCounter')} error={err('counter')}>
            <input id="counter" type="number" min="0" value={form.counter} onInput={set('counter')} {...describedBy('counter', err('counter'))} />
          </Field>
        )}
      </details>
      {isDuplicate && (
        <div class="warning" role="alert">
          <p>{error.message}</p>
          <label class="checkbox">
            <input type="checkbox" checked={duplicate} onChange={(e) => setDuplicate(e.currentTarget.checked)} /> {t('saveSecondCopy')}
          </label>
        </div>
      )}
      {generalError && <p class="error" role="alert">{generalError}</p>}
      <div class="actions">
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
        <button type="submit" class="primary" disabled={busy}>{busy ? t('saving') : t('saveAccount')}</button>
      </div>
    </form>
  );
}
