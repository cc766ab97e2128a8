/**
 * Where the popup puts the ways to add an account, from what it opened on. Pure.
 */

/** What decides it: the tab's site (null on a browser page) and the accounts in the vault. */
export interface PopupContext {
  site: string | null;
  total: number;
  /** How many accounts are bound to `site`. */
  onSite: number;
}

/**
 * `empty`: first thing, in an empty vault. `site`: first thing, on a site with none of the
 * user's accounts ("Add this site's account"). `folded`: behind the "Add account" button, where
 * the popup is for using codes (a site with its account, a browser page).
 */
export type AddPlace = 'empty' | 'site' | 'folded';

/** The place for the ways to add an account in `context`. */
export function addPlaceFor({ site, total, onSite }: PopupContext): AddPlace {
  if (total === 0) return 'empty';
  return site !== null && onSite === 0 ? 'site' : 'folded';
}

/** `accounts` (with their bound sites) seen from a tab on `site`. */
export function popupContext(site: string | null, accounts: readonly { sites: readonly string[] }[]): PopupContext {
  return { site, total: accounts.length, onSite: site === null ? 0 : accounts.filter((a) => a.sites.includes(site)).length };
}
