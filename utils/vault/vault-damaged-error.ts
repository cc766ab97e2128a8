/**
 * The one place the "damaged vault" message is written, so every path tells the user the same
 * thing: what is wrong, that nothing was changed, and how to get the accounts back.
 */
import { VaultDamagedError } from '../errors';
import { msg } from '../i18n/local-message';

/**
 * Builds the error for a stored vault that cannot be read.
 *
 * @param detail what is wrong, in a few words, e.g. `the field "kdf.salt" is not valid base64`;
 *   shown in parentheses inside the message. It names parts of the file format, so it stays in
 *   English in every language (a detail for support, not the sentence the person reads).
 * @param cause the underlying error, kept as `cause`.
 * @see docs/vault-format.md#order-of-checks
 */
export function vaultDamagedError(detail: string, cause?: unknown): VaultDamagedError {
  return new VaultDamagedError(msg('errVaultDamaged', detail), cause === undefined ? undefined : { cause });
}

/**
 * Builds the error for a vault written by a newer Twofold (a format version this code does not
 * know): not damaged as such, but unreadable here, and never to be overwritten.
 *
 * @param version the `version` found in the file.
 */
export function vaultTooNewError(version: number): VaultDamagedError {
  return new VaultDamagedError(msg('errVaultTooNew', version));
}
