/**
 * Host match patterns for the sites accounts are bound to: what the per-site optional host
 * permission and the inline button's registration cover. Pure.
 */

const LOCAL_HOST = /^(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:]*)$/iu;

/**
 * The host match patterns of a bound site: the site and its subdomains, over HTTPS
 * (HTTP too for local hosts, where the demo runs).
 *
 * @param site a registrable domain, e.g. `amazon.com`
 * @see https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns
 */
export function sitePatterns(site: string): string[] {
  if (LOCAL_HOST.test(site)) {
    const host = site.includes(':') ? `[${site}]` : site;
    return [`https://${host}/*`, `http://${host}/*`];
  }
  return [`https://${site}/*`, `https://*.${site}/*`];
}

/** The site a pattern made by `sitePatterns` stands for, or null for any other pattern. */
export function siteOfPattern(pattern: string): string | null {
  const match = /^https?:\/\/(?:\*\.)?\[?([^/*\]]+)\]?\/\*$/u.exec(pattern);
  return match?.[1] ?? null;
}
