/**
 * The popup's list order and search, over account views. Pure.
 *
 * Order: accounts bound to the active tab's site first (the ones the user most likely wants
 * now), then pinned ones, then the user's own order, then oldest first.
 */

/** What arranging needs to know of an account. */
export interface Arrangeable {
  id: string;
  issuer: string;
  label: string;
  sites: readonly string[];
  pinned: boolean;
  order: number;
  createdAt: number;
}

/** Lower case without accents, so "unicode" finds "Ünïcode Bank". */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * True when every word of `query` occurs in the account's issuer, name or one of its bound
 * sites (case and accents ignored). An empty query matches everything.
 */
export function matchesQuery(account: Arrangeable, query: string): boolean {
  const terms = foldForSearch(query).split(/\s+/u).filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = foldForSearch([account.issuer, account.label, ...account.sites].join('\n'));
  return terms.every((term) => haystack.includes(term));
}

/** True when the account is bound to `site` (a registrable domain); false when there is no site. */
export function isOnSite(account: Arrangeable, site: string | null | undefined): boolean {
  return site != null && site !== '' && account.sites.includes(site);
}

/** Accounts in saved order, ignoring the site: pinned first, then `order`, then oldest first. */
export function savedOrder<T extends Arrangeable>(accounts: readonly T[]): T[] {
  return [...accounts].sort(
    (a, b) => Number(b.pinned) - Number(a.pinned) || a.order - b.order || a.createdAt - b.createdAt,
  );
}

/** The accounts to show for `query`, the active site's own first, then in saved order. */
export function arrangeAccounts<T extends Arrangeable>(
  accounts: readonly T[],
  { query = '', site }: { query?: string; site?: string | null },
): T[] {
  const ordered = savedOrder(accounts).filter((a) => matchesQuery(a, query));
  return [...ordered.filter((a) => isOnSite(a, site)), ...ordered.filter((a) => !isOnSite(a, site))];
}

/**
 * Whether two accounts may trade places in the list: only inside the same group (bound to the
 * active site or not, pinned or not), since the groups' own order would undo the move.
 */
export function isSameGroup(a: Arrangeable, b: Arrangeable, site: string | null | undefined): boolean {
  return a.pinned === b.pinned && isOnSite(a, site) === isOnSite(b, site);
}

/**
 * The saved order (list of ids) after moving `id` next to `targetId`: into the target's place,
 * so the target shifts towards where `id` came from (a drag-and-drop, or Alt+Arrow with an
 * adjacent target). Unknown ids, or `id === targetId`, leave the order as it is.
 */
export function moveNextTo(order: readonly string[], id: string, targetId: string): string[] {
  const from = order.indexOf(id);
  const to = order.indexOf(targetId);
  if (from < 0 || to < 0 || from === to) return [...order];
  const next = order.filter((x) => x !== id);
  // Removing `id` shifted every later index down by one; moving down lands after the target.
  const at = from < to ? next.indexOf(targetId) + 1 : next.indexOf(targetId);
  next.splice(at, 0, id);
  return next;
}
