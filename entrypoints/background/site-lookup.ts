/**
 * Sites (registrable domains) of URLs for the background, without the public suffix list in the
 * service worker: the helper looks a host up once (utils/site/registrable-domain.ts there), and
 * the answer is kept by host name in memory and in `storage.session` (memory only, trusted
 * contexts only), so a worker restart does not ask again and a browser restart forgets it.
 */
import { classifyPage, webPageUrl, type PageSite } from '@/utils/site/page-site';
import { siteCacheItem } from './storage-items';
import type { Helper } from './helper';

/** Hosts kept; past this the oldest half is dropped. */
const MAX_CACHED = 500;

interface WebHost {
  /** The host name, the key answers are kept under. */
  name: string;
  /** `https://host/`, what the helper is asked about. */
  origin: string;
}

/** The host of a web page's URL; null for other URLs (no site, answered without asking). */
function webHost(url: string): WebHost | null {
  const parsed = webPageUrl(url);
  if (parsed === null) return null;
  return { name: parsed.hostname, origin: `${parsed.protocol}//${parsed.host}/` };
}

/** Where answers are kept between worker restarts. */
export interface SiteCacheStore {
  get(): Promise<Record<string, string | null>>;
  set(value: Record<string, string | null>): Promise<void>;
}

const sessionStore: SiteCacheStore = {
  get: async () => (await siteCacheItem.getValue()) ?? {},
  set: (value) => siteCacheItem.setValue(value),
};

/** The lookups of one background. */
export class SiteLookup {
  private cache: Map<string, string | null> | null = null;
  private loading: Promise<Map<string, string | null>> | null = null;

  constructor(
    private readonly helper: Helper,
    private readonly store: SiteCacheStore = sessionStore,
  ) {}

  private async cached(): Promise<Map<string, string | null>> {
    if (this.cache) return this.cache;
    this.loading ??= this.store
      .get()
      .catch(() => ({}))
      .then((saved) => {
        const map = new Map<string, string | null>();
        for (const [host, site] of Object.entries(saved)) if (typeof site === 'string' || site === null) map.set(host, site);
        this.cache = map;
        return map;
      });
    return this.loading;
  }

  /**
   * The registrable domain of `url` (`https://www.amazon.co.uk/x` → `amazon.co.uk`), or null for
   * URLs that belong to no site, exactly as utils/site/registrable-domain.ts says.
   */
  async registrableDomain(url: string): Promise<string | null> {
    return (await this.registrableDomains([url]))[0] ?? null;
  }

  /** {@link registrableDomain} of each URL, the ones not known yet asked in one helper request. */
  async registrableDomains(urls: readonly string[]): Promise<(string | null)[]> {
    const hosts = urls.map(webHost);
    const cache = await this.cached();
    const unknown = [...new Map(hosts.filter((h): h is WebHost => h !== null && !cache.has(h.name)).map((h) => [h.name, h])).values()];
    if (unknown.length > 0) {
      const found = await this.helper.run('registrableDomains', { urls: unknown.map((h) => h.origin) });
      if (cache.size + unknown.length > MAX_CACHED) [...cache.keys()].slice(0, MAX_CACHED / 2).forEach((h) => cache.delete(h));
      unknown.forEach((h, i) => cache.set(h.name, found[i] ?? null));
      await this.store.set(Object.fromEntries(cache)).catch(() => undefined);
    }
    return hosts.map((h) => (h === null ? null : (cache.get(h.name) ?? null)));
  }

  /** Whether `url` may get codes, and as which site (utils/site/page-site.ts: https:, or http: on this computer). */
  async pageSite(url: string): Promise<PageSite> {
    return classifyPage(url, await this.registrableDomain(url));
  }

  /** The site of `url` that accounts may be bound to and filled on, or null (see {@link pageSite}). */
  async bindableSite(url: string): Promise<string | null> {
    const page = await this.pageSite(url);
    return page.kind === 'site' ? page.site : null;
  }

  /** The bound site that `host` imitates, or null (utils/site/lookalike.ts, in the helper). */
  lookalikeOf(host: string, sites: readonly string[]): Promise<string | null> {
    return this.helper.run('lookalikeOf', { host, sites: [...sites] });
  }
}
