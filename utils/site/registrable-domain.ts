/**
 * The site an account is bound to: the registrable domain of a page's URL, public-suffix
 * aware (`www.amazon.co.uk` → `amazon.co.uk`, `user.github.io` → `user.github.io`).
 * Pure (tldts carries its own copy of the public suffix list).
 */
import { parse } from 'tldts';
import { classifyPage, webPageUrl, type PageSite } from './page-site';

/**
 * The registrable domain of `url`, lower case, or null for URLs that belong to no site
 * (`chrome://`, `about:`, `file:`, extension pages, data: URLs).
 * Hosts without a public suffix (`localhost`, `shop.localhost`, IP addresses) are their
 * own site, so the local demo works: `http://localhost:8765/` → `localhost`.
 *
 * @see https://publicsuffix.org/ for what "registrable domain" means
 */
export function registrableDomain(url: string): string | null {
  const parsed = webPageUrl(url);
  if (parsed === null) return null;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (!host) return null;
  const info = parse(host, { allowPrivateDomains: true });
  if (info.isIp) return host.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'localhost';
  return info.domain ?? host;
}

/** {@link classifyPage} of `url`, its registrable domain looked up here. */
export function pageSite(url: string): PageSite {
  return classifyPage(url, registrableDomain(url));
}

/** The site of `url` that accounts may be bound to and filled on, or null (see {@link classifyPage}). */
export function bindableSite(url: string): string | null {
  const page = pageSite(url);
  return page.kind === 'site' ? page.site : null;
}
