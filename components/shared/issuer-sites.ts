import type { IssuerSite, IssuerSiteTable } from '@/utils/site/issuer-sites';

let loaded: Promise<{ table: IssuerSiteTable; serviceOfSite: typeof import('@/utils/site/issuer-sites').serviceOfSite }> | null = null;

/**
 * The issuer → site table and the code that reads it, loaded once per page and only when asked
 * for (about 36 KB gzip as their own chunks, never in the popup's files at open). A failed load
 * is forgotten so the next call tries again.
 */
function load() {
  loaded ??= Promise.all([import('@/utils/site/issuer-sites'), import('@/utils/site/issuer-sites.json')])
    .then(([code, data]) => ({ table: code.readIssuerSites(data.default), serviceOfSite: code.serviceOfSite }))
    .catch((error: unknown) => {
      loaded = null;
      throw error;
    });
  return loaded;
}

/** The issuer → site table (see {@link load}). */
export async function loadIssuerSites(): Promise<IssuerSiteTable> {
  return (await load()).table;
}

/** The service the table lists for `site` (a registrable domain), or null (see {@link load}). */
export async function loadSiteService(site: string): Promise<IssuerSite | null> {
  const { table, serviceOfSite } = await load();
  return serviceOfSite(site, table);
}
