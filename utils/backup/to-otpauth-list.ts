/**
 * Writes accounts as plain `otpauth://` text (the unencrypted export). The UI shows it only behind
 * a warning and a password re-entry: anyone who reads this text can make the codes.
 */
import type { AccountDraft } from '../otp/account';
import { toOtpauthUri } from '../otp/to-otpauth-uri';

/**
 * One canonical `otpauth://` link per account, in order, each on its own line ("\n"), with a final
 * newline ("" for no accounts). Aegis, 2FAS, ente Auth, the Authenticator extension and Twofold's
 * own importer read this text; Steam Guard is written as type `steam` (see toOtpauthUri).
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function toOtpauthList(drafts: readonly AccountDraft[]): string {
  return drafts.map((draft) => `${toOtpauthUri(draft)}\n`).join('');
}
