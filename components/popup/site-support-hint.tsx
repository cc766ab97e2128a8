import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/t';
import type { IssuerSite } from '@/utils/site/issuer-sites';
import { loadSiteService } from '@/components/shared/issuer-sites';

/**
 * On a site the 2FA Directory lists as accepting authenticator apps, where the person has no
 * account yet: says so, with a link to the site's page on turning it on (when the directory
 * has one). Renders nothing elsewhere, and nothing until the table has loaded.
 *
 * @param site the current tab's registrable domain (null on browser pages)
 * @param hasAccount whether an account is bound to `site` already
 */
export function SiteSupportHint({ site, hasAccount }: { site: string | null; hasAccount: boolean }) {
  const [service, setService] = useState<IssuerSite | null>(null);

  useEffect(() => {
    let live = true;
    setService(null);
    if (site === null || hasAccount) return;
    // A table that fails to load only leaves the hint out: the popup works the same without it.
    loadSiteService(site).then((found) => live && setService(found), () => undefined);
    return () => {
      live = false;
    };
  }, [site, hasAccount]);

  if (service === null || hasAccount) return null;
  return (
    <p class="hint site-support" data-testid="site-support">
      <span id="site-support-text">{t('siteSupportsApps', service.name)}</span>
      {service.setupUrl && (
        <>
          {' '}
          <a href={service.setupUrl} target="_blank" rel="noopener noreferrer" aria-describedby="site-support-text">{t('siteSupportsLink')}</a>
        </>
      )}
    </p>
  );
}
