import { readIssuerSites, type IssuerSiteTable } from '@/utils/site/issuer-sites';

let table: Promise<IssuerSiteTable> | null = null;

/**
 * The issuer → site table, loaded once per page and only when asked for (about 36 KB gzip as
 * its own chunk, never in the popup's first paint). A failed load is forgotten so the next call
 * tries again.
 */
export function loadIssuerSites(): Promise<IssuerSiteTable> {
  table ??= import('@/utils/site/issuer-sites.json').then((module) => readIssuerSites(module.default)).catch((error: unknown) => {
    table = null;
    throw error;
  });
  return table;
}
