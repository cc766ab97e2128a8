/**
 * Which of a site's accounts the chooser preselects: the one whose name the page shows (the
 * username or e-mail of the sign-in in progress), else the one last filled on the site.
 */
import type { FillAccount } from '@/utils/messages';

// Labels shorter than this match too much ordinary text ("al", "me").
const MIN_LABEL = 3;

/**
 * @param accounts the site's accounts
 * @param pageText the page's text and the values of its username/e-mail fields
 * @param lastUsed the account last filled on this site, if any
 * @returns the id to preselect, or undefined (then the first)
 */
export function preferredAccount(accounts: readonly FillAccount[], pageText: string, lastUsed: string | undefined): string | undefined {
  const text = pageText.toLowerCase();
  let best: FillAccount | undefined;
  for (const account of accounts) {
    const label = account.label.trim().toLowerCase();
    if (label.length < MIN_LABEL || !text.includes(label)) continue;
    // The longest label shown wins: "alice@example.com" over "alice".
    if (best === undefined || label.length > best.label.trim().length) best = account;
  }
  if (best !== undefined) return best.id;
  return accounts.some((a) => a.id === lastUsed) ? lastUsed : undefined;
}
