/**
 * The event the settings page sends itself when accounts were added or replaced (an import, a
 * restored backup), so lists drawn from the accounts (Sites) load them again.
 */
export const ACCOUNTS_CHANGED = 'twofold-accounts-changed';

/** Tells this page's lists that the accounts changed. */
export function announceAccountsChanged(): void {
  window.dispatchEvent(new Event(ACCOUNTS_CHANGED));
}
