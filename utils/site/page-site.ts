/**
 * Whether a page may get codes at all, from its URL and its registrable domain: `https:` pages,
 * and `http:` ones only on this computer. Pure and without the public suffix list, so the
 * service worker can use it with a domain looked up elsewhere (entrypoints/background/site-lookup.ts).
 */

/** Where a page stands for codes: see {@link classifyPage}. */
export type PageSite =
  /** A page an account can be bound to and get codes on. */
  | { kind: 'site'; site: string }
  /** A page of a real site over plain `http:`: anyone on the network path can read or change it. */
  | { kind: 'insecure'; site: string }
  /** Not a web page (`chrome://`, `file:`, extension pages, `data:`). */
  | { kind: 'none' };

/**
 * `url` parsed, when it is a web page's (`https:` or `http:`); null for anything else
 * (`chrome://`, `about:`, `file:`, extension pages, `data:`, text that is no URL).
 */
export function webPageUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
}

/** Whether a registrable domain (as `registrableDomain` returns it) is this computer. */
export function isLoopbackSite(site: string): boolean {
  return site === 'localhost' || site === '::1' || /^127(?:\.\d{1,3}){3}$/u.test(site);
}

/**
 * The site a page belongs to for binding and filling: its registrable domain when the page is
 * `https:`, or `http:` on this computer (`localhost`, `*.localhost`, `127.0.0.0/8`, `[::1]`: the
 * local demo shop). Any other `http:` page is `insecure`: a network attacker can read or rewrite
 * it, so it never gets a code, even when its domain is a bound site.
 *
 * @param url the page's (or frame's) URL, as the browser reports it
 * @param site the URL's registrable domain, or null when it belongs to no site
 */
export function classifyPage(url: string, site: string | null): PageSite {
  const protocol = site === null ? undefined : webPageUrl(url)?.protocol;
  if (site === null || protocol === undefined) return { kind: 'none' };
  if (protocol === 'https:' || isLoopbackSite(site)) return { kind: 'site', site };
  return { kind: 'insecure', site };
}
