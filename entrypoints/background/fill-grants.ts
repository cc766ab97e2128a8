/**
 * One-time permissions to fill one account into one site of one tab, given when the user
 * confirmed in the popup. They live a minute and are used up by the first code handed out.
 * Kept in memory on purpose: a grant is made and used within a second or two, and one lost to
 * a service-worker restart only means the user clicks again.
 */

/** How long a grant waits to be used (ms). */
export const GRANT_TTL_MS = 60_000;

/** The grants of one background instance. */
export class FillGrants {
  private readonly grants = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Allows one fill of `accountId` into `site` in tab `tabId`. */
  grant(tabId: number, site: string, accountId: string): void {
    this.grants.set(key(tabId, site, accountId), this.now() + GRANT_TTL_MS);
  }

  /** Uses up the grant for this fill; true if there was a live one. */
  take(tabId: number, site: string, accountId: string): boolean {
    const k = key(tabId, site, accountId);
    const until = this.grants.get(k);
    this.grants.delete(k);
    for (const [other, expiry] of this.grants) if (expiry <= this.now()) this.grants.delete(other);
    return until !== undefined && until > this.now();
  }
}

function key(tabId: number, site: string, accountId: string): string {
  return `${tabId}\u0000${site}\u0000${accountId}`;
}
