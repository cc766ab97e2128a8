/**
 * The shape of an account before it is saved (a draft) and after (an entry).
 * Pure data: no browser API.
 */

export const OtpKind = { Totp: 'totp', Hotp: 'hotp', Steam: 'steam' } as const;
export type OtpKind = (typeof OtpKind)[keyof typeof OtpKind];

export const OtpAlgorithm = { Sha1: 'SHA1', Sha256: 'SHA256', Sha512: 'SHA512' } as const;
export type OtpAlgorithm = (typeof OtpAlgorithm)[keyof typeof OtpAlgorithm];

/** Everything needed to make codes for one account, as read from a URI, a QR or a form. */
export interface AccountDraft {
  kind: OtpKind;
  /** Service name, e.g. "Amazon". Empty string when unknown. */
  issuer: string;
  /** Account name at the service, e.g. "alice@example.com". Empty string when unknown. */
  label: string;
  /** Secret as canonical upper-case base32 without padding or spaces. */
  secret: string;
  algorithm: OtpAlgorithm;
  /** 6, 7 or 8 (Steam: 5). */
  digits: number;
  /** Seconds per step (TOTP/Steam). */
  period: number;
  /** Moving factor (HOTP only; 0 otherwise). */
  counter: number;
}

/** A saved account: a draft plus identity, bindings and bookkeeping. */
export interface AccountEntry extends AccountDraft {
  id: string;
  /** Registrable domains this account may be filled into, e.g. ["amazon.com"]. */
  sites: string[];
  pinned: boolean;
  order: number;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
  /**
   * The site’s recovery (backup) codes, kept encrypted with the rest; `usedAt` (ms since the
   * epoch) once the user marked one used. Absent in vaults saved before recovery codes existed.
   */
  recoveryCodeList?: RecoveryCode[];
  /**
   * The picture the user chose: absent for automatic (the issuer's brand icon, else its first
   * letter), `letter` for the letter always, or the title of a brand icon (e.g. "GitHub").
   */
  icon?: string;
}

/** One of a site's recovery (backup) codes. */
export interface RecoveryCode {
  code: string;
  /** ms since the epoch when the user marked it used. */
  usedAt?: number;
}
