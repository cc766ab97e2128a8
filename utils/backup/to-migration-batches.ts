/**
 * Writes accounts as Google Authenticator "Transfer accounts" QR payloads, in batches the phone
 * accepts, to move them to a phone.
 */
import { InvalidInputError } from '../errors';
import { msg, type LocalMessage } from '../i18n/local-message';
import { type AccountDraft, OtpAlgorithm, OtpKind } from '../otp/account';
import { encodeMigrationUri } from '../otp/encode-migration-uri';
import { DraftBounds } from '../otp/draft-rules';

/**
 * Longest link put in one QR code, in characters. A version-40 QR code at error correction M holds
 * 2,331 bytes; 2,000 leaves a margin and keeps codes scannable from a screen. Google Authenticator's
 * own exports hold about ten accounts per code, far below this.
 */
export const MAX_MIGRATION_URI_LENGTH = 2000;

/** An account that cannot go into a Google Authenticator export, and why (for the person). */
export interface MigrationLeftOut {
  /** Position in the list given (from 0). */
  index: number;
  /** "Issuer: account" as shown in Twofold. */
  name: string;
  /** Why, in words for the person: localize it before it leaves the background. */
  reason: LocalMessage;
}

/**
 * A carried account whose algorithm some versions of Google Authenticator do not honour, so that
 * the phone may show wrong codes for it.
 */
export interface MigrationAlgorithmWarning {
  /** Position in the list given (from 0). */
  index: number;
  /** "Issuer: account" as shown in Twofold. */
  name: string;
  algorithm: Exclude<OtpAlgorithm, 'SHA1'>;
}

const displayName = (draft: AccountDraft): string => [draft.issuer, draft.label].filter((part) => part !== '').join(': ');

/** Why the format cannot carry a draft, or null when it can. */
function whyNot(draft: AccountDraft): LocalMessage | null {
  if (draft.kind === OtpKind.Steam) return msg('transferLeftOutSteam');
  if (draft.digits !== 6 && draft.digits !== 8) return msg('transferLeftOutDigits', draft.digits);
  if (draft.kind === OtpKind.Totp && draft.period !== DraftBounds.defaultPeriod) return msg('transferLeftOutPeriod', draft.period);
  if (encodeMigrationUri([draft], { index: 0, size: 1, id: 0 }).length > MAX_MIGRATION_URI_LENGTH) return msg('transferLeftOutTooLong');
  return null;
}

/**
 * The accounts {@link toMigrationBatches} leaves out, each with the reason: Steam Guard (the
 * format has no such type), 7-digit codes (only 6 or 8), TOTP periods other than 30 s (the format
 * has no period field), and an account too large for one QR code. Show this list beside the codes.
 */
export function migrationLeftOut(drafts: readonly AccountDraft[]): MigrationLeftOut[] {
  const out: MigrationLeftOut[] = [];
  drafts.forEach((draft, index) => {
    const reason = whyNot(draft);
    if (reason !== null) out.push({ index, name: displayName(draft), reason });
  });
  return out;
}

/**
 * The accounts {@link toMigrationBatches} carries that make their codes with SHA-256 or SHA-512.
 * The format has an algorithm field, but some versions of Google Authenticator ignore it and make
 * SHA-1 codes, which the site refuses. Show this list beside the codes, so the person compares the
 * phone's codes with Twofold's before deleting anything. Accounts left out are not listed (see
 * {@link migrationLeftOut}).
 * @returns one row per such account, in the order given.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format#algorithm
 */
export function migrationAlgorithmWarnings(drafts: readonly AccountDraft[]): MigrationAlgorithmWarning[] {
  const out: MigrationAlgorithmWarning[] = [];
  drafts.forEach((draft, index) => {
    if (draft.algorithm === OtpAlgorithm.Sha1 || whyNot(draft) !== null) return;
    out.push({ index, name: displayName(draft), algorithm: draft.algorithm });
  });
  return out;
}

function randomBatchId(): number {
  return (globalThis.crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) & 0x7fff_ffff;
}

/**
 * Splits accounts into Google Authenticator export links (`otpauth-migration://offline?data=…`),
 * at most `maxPerBatch` accounts and {@link MAX_MIGRATION_URI_LENGTH} characters each, all sharing
 * one batch id with index 0…size−1, in order. Accounts the format cannot carry are left out (see
 * {@link migrationLeftOut} for which and why). SHA256/SHA512 accounts are carried as the format
 * allows, but some versions of the phone app ignore the algorithm: the UI names them (see
 * {@link migrationAlgorithmWarnings}).
 * @param maxPerBatch accounts per QR code, 1–100 (Google Authenticator writes about 10).
 * @param options.batchId the id tying the codes together (default: random 31-bit).
 * @returns one link per QR code ([] when no account can be carried).
 * @throws InvalidInputError (field "maxPerBatch") for a count outside 1–100.
 * @see parseMigrationUri, which reads them back.
 */
export function toMigrationBatches(drafts: readonly AccountDraft[], maxPerBatch = 10, options: { batchId?: number } = {}): string[] {
  if (!Number.isSafeInteger(maxPerBatch) || maxPerBatch < 1 || maxPerBatch > 100) {
    throw new InvalidInputError(msg('errBatchSize'), { field: 'maxPerBatch' });
  }
  const carried = drafts.filter((draft) => whyNot(draft) === null);
  const groups: AccountDraft[][] = [];
  let current: AccountDraft[] = [];
  for (const draft of carried) {
    const next = [...current, draft];
    // Batch fields are a few bytes; the trial uses their longest encoding (id −1 takes 10 bytes).
    const tooLong = encodeMigrationUri(next, { index: 99, size: 100, id: -1 }).length > MAX_MIGRATION_URI_LENGTH;
    if (current.length > 0 && (current.length >= maxPerBatch || tooLong)) {
      groups.push(current);
      current = [draft];
    } else {
      current = next;
    }
  }
  if (current.length > 0) groups.push(current);
  const id = options.batchId ?? randomBatchId();
  return groups.map((group, index) => encodeMigrationUri(group, { index, size: groups.length, id }));
}
