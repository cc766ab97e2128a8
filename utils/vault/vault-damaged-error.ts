/**
 * The one place the "damaged vault" message is written, so every path tells the user the same
 * thing: what is wrong, that nothing was changed, and how to get the accounts back.
 */
import { VaultDamagedError } from '../errors';

/**
 * Builds the error for a stored vault that cannot be read.
 *
 * @param detail what is wrong, in a few words, e.g. `the field "kdf.salt" is not valid base64`;
 *   shown in parentheses inside the message.
 * @param cause the underlying error, kept as `cause`.
 * @see docs/vault-format.md#order-of-checks
 */
export function vaultDamagedError(detail: string, cause?: unknown): VaultDamagedError {
  return new VaultDamagedError(
    `Your saved accounts could not be read: the stored vault is damaged (${detail}). ` +
      'It has not been changed. Restore it from a backup file in Options → Backup.',
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Builds the error for a vault written by a newer Twofold (a format version this code does not
 * know): not damaged as such, but unreadable here, and never to be overwritten.
 *
 * @param version the `version` found in the file.
 */
export function vaultTooNewError(version: number): VaultDamagedError {
  return new VaultDamagedError(
    `Your saved accounts could not be read: the stored vault uses format version ${version}, ` +
      'which this version of Twofold does not know. It has not been changed. ' +
      'Update Twofold, or restore it from a backup file in Options → Backup.',
  );
}
