/**
 * Which site an account is used on, suggested from its issuer ("Amazon" → `amazon.com`), and
 * what Twofold knows about a site (it accepts authenticator apps; where that is turned on).
 * Pure: the table comes in as data (`issuer-sites.json`, built from the 2FA Directory by
 * scripts/make-issuer-sites.mjs), and turning a host into a site is a parameter.
 *
 * @see https://2fa.directory/ for the data
 */

/** One service of the table. */
export interface IssuerSite {
  /** The service's name as the directory writes it ("Amazon Web Services"). */
  name: string;
  /** Registrable domains, the main one first. */
  sites: readonly string[];
  /** An https: page that says how to turn on an authenticator app there, if known. */
  setupUrl: string | undefined;
}

/** The table, indexed for look-ups. Build it once with {@link readIssuerSites}. */
export interface IssuerSiteTable {
  readonly services: readonly IssuerSite[];
  /** Issuer key → site; null where two services of that name live on different sites. */
  readonly byName: ReadonlyMap<string, string | null>;
  /** A site → the service that stands for it. */
  readonly bySite: ReadonlyMap<string, IssuerSite>;
}

/** Company-form words that issuers add or leave out ("PayPal, Inc.", "Foo GmbH"). */
const COMPANY_WORDS = new Set(['inc', 'llc', 'ltd', 'limited', 'gmbh', 'ag', 'corp', 'corporation', 'co', 'company', 'plc', 'sa', 'sas', 'srl', 'bv', 'nv', 'oy', 'ab', 'as', 'kk']);

/**
 * The words of a name, lower case, without accents or punctuation:
 * "Société Générale, S.A." → ["societe", "generale", "s", "a"].
 */
function words(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/gu, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The key an issuer name is looked up by: its words run together, without a trailing company
 * form. "PayPal, Inc." and "Paypal" → "paypal"; "Amazon Web Services" → "amazonwebservices".
 */
export function issuerKey(name: string): string {
  const list = words(name);
  while (list.length > 1 && COMPANY_WORDS.has(list[list.length - 1]!)) list.pop();
  return list.join('');
}

/** The first label of a site: "amazon" for `amazon.co.uk`. */
function siteLabel(site: string): string {
  return site.split('.')[0] ?? site;
}

/**
 * The table from its JSON form (`{ rows: [[name, "site site…", setupUrl], …] }`). Rows that are
 * not of that shape are left out (the file is ours and a unit test checks none are).
 */
export function readIssuerSites(data: unknown): IssuerSiteTable {
  const rows = typeof data === 'object' && data !== null && Array.isArray((data as { rows?: unknown }).rows)
    ? (data as { rows: unknown[] }).rows
    : [];
  const services: IssuerSite[] = [];
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== 3 || !row.every((cell) => typeof cell === 'string')) continue;
    const [name, siteList, setupUrl] = row as [string, string, string];
    const sites = siteList.split(' ').filter(Boolean);
    if (name.trim() === '' || sites.length === 0) continue;
    services.push({ name, sites, setupUrl: setupUrl.startsWith('https://') ? setupUrl : undefined });
  }

  const byName = new Map<string, string | null>();
  const claim = (key: string, site: string) => {
    if (key === '') return;
    const before = byName.get(key);
    byName.set(key, before === undefined || before === site ? site : null);
  };
  for (const service of services) {
    const main = service.sites[0]!;
    claim(issuerKey(service.name), main);
    // "X (Twitter)": either name alone is the same service.
    const inBrackets = /^(.*?)\s*\(([^)]+)\)\s*$/u.exec(service.name);
    if (inBrackets) {
      claim(issuerKey(inBrackets[1]!), main);
      claim(issuerKey(inBrackets[2]!), main);
    }
  }
  // A brand the directory only lists by product ("Google Meet", "Google Drive" → "Google"):
  // the first label of a main site names it, when no service is called that already.
  const labels = new Map<string, string | null>();
  for (const service of services) {
    const main = service.sites[0]!;
    const label = siteLabel(main);
    const before = labels.get(label);
    labels.set(label, before === undefined || before === main ? main : null);
  }
  for (const [label, site] of labels) if (!byName.has(label)) byName.set(label, site);

  const bySite = new Map<string, IssuerSite>();
  const rank = (service: IssuerSite, site: string) =>
    (service.sites[0] === site ? 0 : 2) + (issuerKey(service.name) === siteLabel(site) ? 0 : 1);
  for (const service of services) {
    for (const site of service.sites) {
      const held = bySite.get(site);
      if (!held || rank(service, site) < rank(held, site)) bySite.set(site, service);
    }
  }
  return { services, byName, bySite };
}

/** First words that say nothing about the brand ("The Home Depot", "My Bank"). */
const VAGUE_FIRST_WORDS = new Set(['the', 'my', 'your', 'bank', 'mail', 'online', 'login', 'account', 'cloud', 'app', 'web']);

/** A host name as typed in an issuer ("www.Example.com"), or null when the issuer is not one. */
function hostInIssuer(issuer: string): string | null {
  const text = issuer.trim().toLowerCase().replace(/^https?:\/\//u, '').replace(/\/.*$/u, '').replace(/\.$/u, '');
  return /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/u.test(text) ? text : null;
}

/** Without a public-suffix list: drops a leading `www.` ("www.example.com" → "example.com"). */
function withoutWww(host: string): string | null {
  return host.replace(/^www\./u, '');
}

/**
 * The site an account of `issuer` is most likely used on, or null when the table does not say.
 * An issuer that is itself a host name ("amazon.com", "login.example.org") is that site;
 * otherwise the issuer's name is looked up whole, then by its first word ("Google Workspace" →
 * `google.com`). `toSite` turns a host into the site accounts are bound to (the background passes
 * the public-suffix-aware registrable domain; without it only a leading `www.` is dropped).
 */
export function suggestSite(
  issuer: string,
  table: IssuerSiteTable,
  toSite: (host: string) => string | null = withoutWww,
): string | null {
  const host = hostInIssuer(issuer);
  if (host !== null) return toSite(host);
  const key = issuerKey(issuer);
  if (key === '') return null;
  const whole = table.byName.get(key);
  if (whole !== undefined) return whole;
  const first = words(issuer)[0];
  if (first === undefined || first.length < 3 || first === key || VAGUE_FIRST_WORDS.has(first)) return null;
  return table.byName.get(first) ?? null;
}

/**
 * What the table knows about `site` (a registrable domain): the service that stands for it,
 * which accepts authenticator apps, with the page that says how to turn that on; or null.
 */
export function serviceOfSite(site: string, table: IssuerSiteTable): IssuerSite | null {
  return table.bySite.get(site.toLowerCase()) ?? null;
}
