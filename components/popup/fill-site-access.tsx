import { useEffect, useState } from 'preact/hooks';
import { browser } from '@wxt-dev/browser';
import { sitePatterns } from '@/utils/fields/site-patterns';
import { t } from '@/utils/i18n/t';

/**
 * Asks the browser for Twofold's access to `sites`, so the inline fill button shows there.
 * Must be called from a user's click in an extension page (the browser requires the gesture):
 * call it before any `await` in the handler. The background registers the button's script when
 * the permission arrives. Resolves false when the user declined or the browser refused.
 */
export async function requestFillButton(sites: readonly string[]): Promise<boolean> {
  if (sites.length === 0) return false;
  try {
    return await browser.permissions.request({ origins: sites.flatMap(sitePatterns) });
  } catch {
    return false;
  }
}

/** The bound sites of an account that the inline button cannot reach yet. */
export async function sitesWithoutButton(sites: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const site of sites) {
    const has = await browser.permissions.contains({ origins: sitePatterns(site) }).catch(() => false);
    if (!has) missing.push(site);
  }
  return missing;
}

/**
 * An offer under an account: "Show the fill button on amazon.com", for bound sites where the
 * user has not allowed the inline button yet. Renders nothing when there is nothing to offer.
 */
export function FillSiteAccess({ sites, name }: { sites: readonly string[]; name: string }) {
  const [missing, setMissing] = useState<string[]>([]);
  const key = sites.join(' ');

  useEffect(() => {
    let live = true;
    void sitesWithoutButton(sites).then((m) => live && setMissing(m));
    return () => {
      live = false;
    };
  }, [key]);

  if (missing.length === 0) return null;
  const where = missing.join(', ');
  return (
    <p class="confirm hint">
      <button type="button" class="link" aria-label={t('showFillButtonLabel', [name, where])}
        onClick={() => {
          void requestFillButton(missing).then(async () => setMissing(await sitesWithoutButton(sites)));
        }}>
        {t('showFillButton', where)}
      </button>
    </p>
  );
}
