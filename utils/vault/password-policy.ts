/**
 * What Twofold accepts as a new master password. The rules are few on purpose: length is what
 * matters against guessing (NIST SP 800-63B §5.1.1.2), and composition rules mostly annoy.
 */
import { InvalidInputError } from '../errors';
import { msg } from '../i18n/local-message';

/** Fewest characters (Unicode code points, after NFC normalization) in a master password. */
export const PASSWORD_MIN_LENGTH = 8;
/** Most characters: a bound on what we feed the KDF, far above anything typed. */
export const PASSWORD_MAX_LENGTH = 1024;

/** Which password a form sets: the messages name it. */
export type PasswordPurpose = 'master' | 'backup';

const WORDS = {
  master: { missing: 'errPasswordMissing', tooShort: 'errPasswordTooShort', tooLong: 'errPasswordTooLong', onlySpaces: 'errPasswordOnlySpaces' },
  backup: { missing: 'errBackupPasswordMissing', tooShort: 'errBackupPasswordTooShort', tooLong: 'errBackupPasswordTooLong', onlySpaces: 'errBackupPasswordOnlySpaces' },
} as const;

/**
 * Checks a new master password (and its confirmation, when the form has one) before a vault is
 * created or its password changed. Length is counted in code points of the NFC form, the same
 * form the key derivation uses, so "é" counts once however it was typed.
 *
 * @param password the new password, as typed.
 * @param confirm the second copy from the form; not checked when omitted.
 * @param purpose the password the messages speak of: the master password (default) or the
 *   password of a backup file, which follows the same rules.
 * @throws InvalidInputError with `field` "password" when it is not a string, shorter than
 *   {@link PASSWORD_MIN_LENGTH}, longer than {@link PASSWORD_MAX_LENGTH} or only whitespace; with
 *   `field` "confirm" when the confirmation differs.
 * @see https://pages.nist.gov/800-63-3/sp800-63b.html#memsecret
 */
export function checkNewPassword(password: string, confirm?: string, purpose: PasswordPurpose = 'master'): void {
  const words = WORDS[purpose];
  if (typeof password !== 'string') {
    throw new InvalidInputError(msg(words.missing), { field: 'password' });
  }
  const length = [...password.normalize('NFC')].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw new InvalidInputError(msg(words.tooShort, PASSWORD_MIN_LENGTH), { field: 'password' });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new InvalidInputError(msg(words.tooLong, PASSWORD_MAX_LENGTH), { field: 'password' });
  }
  if (password.trim() === '') {
    throw new InvalidInputError(msg(words.onlySpaces), { field: 'password' });
  }
  if (confirm !== undefined && (typeof confirm !== 'string' || confirm.normalize('NFC') !== password.normalize('NFC'))) {
    throw new InvalidInputError(msg('errPasswordsDiffer'), { field: 'confirm' });
  }
}
