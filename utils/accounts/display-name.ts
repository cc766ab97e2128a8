import type { AccountEntry } from '../otp/account';

/** A short human name for an account: "Issuer (label)", or whichever exists. */
export function displayName(entry: Pick<AccountEntry, 'issuer' | 'label'>): string {
  if (entry.issuer && entry.label) return `${entry.issuer} (${entry.label})`;
  return entry.issuer || entry.label || 'Unnamed account';
}
