import type { AccountEntry } from '../otp/account';

/**
 * A short human name for an account: "Issuer (label)", or whichever exists. A name that has its
 * own brackets is joined with a colon instead ("Amazon: alice (shopping)", never
 * "Amazon (alice (shopping))"), and a label that only repeats the issuer is left out.
 */
export function displayName(entry: Pick<AccountEntry, 'issuer' | 'label'>): string {
  const issuer = entry.issuer.trim();
  const label = entry.label.trim();
  if (issuer && label && issuer.toLocaleLowerCase() !== label.toLocaleLowerCase()) {
    return /[()]/u.test(issuer + label) ? `${issuer}: ${label}` : `${issuer} (${label})`;
  }
  return issuer || label || 'Unnamed account';
}
