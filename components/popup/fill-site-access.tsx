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
 * Sent on `window` when this page was granted access to sites, so every offer in it checks again
 * (two accounts on one site each show the offer; the browser's own `permissions.onAdded` does not
 * reach every page in every browser).
 */
const FILL_ACCESS_CHANGED = 'twofold:fill-access-changed';

/**
 * An offer under an account: "Show the fill button on amazon.com", for bound sites where the
 * user has not allowed the inline button yet. Renders nothing when there is nothing to offer;
 * once allowed from here, a short line says the button is on. Checks again whenever access
 * changes (from another row, the options page or the browser's own menu).
 */
export function FillSiteAccess({ sites, name }: { sites: readonly string[]; name: string }) {
  const [missing, setMissing] = useState<string[]>([]);
  /** The sites allowed from this offer, to say so. */
  const [allowed, setAllowed] = useState<string[]>([]);
  const key = sites.join(' ');

  useEffect(() => {
    let live = true;
    const check = () => void sitesWithoutButton(sites).then((m) => live && setMissing(m));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    window.addEventListener(FILL_ACCESS_CHANGED, check);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
      window.removeEventListener(FILL_ACCESS_CHANGED, check);
    };
  }, [key]);

  const on = allowed.filter((site) => !missing.includes(site));
  if (missing.length === 0 && on.length === 0) return null;
  if (missing.length === 0) {
    return <p class="confirm hint" role="status">{t('fillButtonShown', on.join(', '))}</p>;
  }
  const where = missing.join(', ');
  return (
    <p class="confirm hint">
      <button type="button" class="link" aria-label={t('showFillButtonLabel', [name, where])}
        onClick={() => {
          // No await before the request: the browser asks only from a click.
          void requestFillButton(missing).then(async (granted) => {
            const left = await sitesWithoutButton(sites);
            if (granted) setAllowed(missing.filter((site) => !left.includes(site)));
            setMissing(left);
            window.dispatchEvent(new Event(FILL_ACCESS_CHANGED));
          });
        }}>
        {t('showFillButton', where)}
      </button>
    </p>
  );
}
