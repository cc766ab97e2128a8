/**
 * Reads Twofold's encrypted backup file back into accounts (docs/backup-format.md).
 */
import { BackupFailure, BackupUnreadableError, InvalidInputError, VaultDamagedError, WrongPasswordError } from '../errors';
import { msg } from '../i18n/local-message';
import type { AccountEntry } from '../otp/account';
import { validateDraft } from '../otp/validate-draft';
import { unlockVault } from '../vault';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup-format';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `detail` names the fault in the file format's terms, so it stays English in every language. */
function notABackup(detail: string, cause?: unknown): BackupUnreadableError {
  return new BackupUnreadableError(BackupFailure.NotABackup, msg('errNotABackup', detail), cause === undefined ? undefined : { cause });
}

/** `detail` as for {@link notABackup}. */
function damaged(detail: string, cause?: unknown): BackupUnreadableError {
  return new BackupUnreadableError(BackupFailure.Damaged, msg('errBackupDamaged', detail), cause === undefined ? undefined : { cause });
}

/**
 * Reads the plain wrapper of a backup without the password: checks that the text is a Twofold
 * backup of a version this code reads.
 * @returns the wrapper's fields; `vault` is not checked here.
 * @throws BackupUnreadableError NotABackup (not JSON, or not a Twofold backup), Damaged (JSON cut
 *   short that starts like a backup, bad `createdAt`, no `vault`), TooNew (a later version).
 */
export function inspectBackup(fileText: string): { createdAt: string; vault: unknown } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fileText.replace(/^\uFEFF/u, ''));
  } catch (error) {
    if (fileText.includes(`"${BACKUP_FORMAT}"`)) throw damaged('the file is cut short or its text was changed', error);
    throw notABackup('it is not JSON text', error);
  }
  if (!isObject(parsed)) throw notABackup('it is not a JSON object');
  if (parsed.format !== BACKUP_FORMAT) {
    throw notABackup(parsed.format === 'twofold-vault' ? 'it is Twofold’s internal vault, not a backup file' : `its "format" is not "${BACKUP_FORMAT}"`);
  }
  const { version } = parsed;
  if (typeof version !== 'number' || !Number.isSafeInteger(version)) throw damaged('its "version" is not a whole number');
  if (version > BACKUP_VERSION) {
    throw new BackupUnreadableError(BackupFailure.TooNew, msg('errBackupTooNew', version));
  }
  if (version !== BACKUP_VERSION) throw damaged(`its "version" is ${version}, not ${BACKUP_VERSION}`);
  if (typeof parsed.createdAt !== 'string' || !Number.isFinite(Date.parse(parsed.createdAt))) throw damaged('its "createdAt" is not a date');
  if (!('vault' in parsed)) throw damaged('its "vault" is missing');
  return { createdAt: parsed.createdAt, vault: parsed.vault };
}

/** Checks one decrypted entry and returns it with its draft fields in canonical form. */
function readEntry(value: unknown, position: number): AccountEntry {
  const where = `account ${position}`;
  if (!isObject(value)) throw damaged(`${where} is not an account record`);
  const isText = (v: unknown): v is string => typeof v === 'string';
  const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (!isText(value.id) || value.id === '') throw damaged(`${where} has no id`);
  if (!Array.isArray(value.sites) || !value.sites.every(isText)) throw damaged(`${where} has a bad list of sites`);
  if (typeof value.pinned !== 'boolean' || !isTime(value.order) || !isTime(value.createdAt) || !isTime(value.updatedAt)) {
    throw damaged(`${where} has bad bookkeeping fields`);
  }
  const draftFields = ['kind', 'issuer', 'label', 'secret', 'algorithm', 'digits', 'period', 'counter'] as const;
  for (const field of draftFields) {
    const v = value[field];
    if (!isText(v) && typeof v !== 'number') throw damaged(`${where} has no "${field}"`);
  }
  try {
    const draft = validateDraft({
      kind: value.kind as string,
      issuer: value.issuer as string,
      label: value.label as string,
      secret: value.secret as string,
      algorithm: value.algorithm as string,
      digits: value.digits as number,
      period: value.period as number,
      counter: value.counter as number,
    });
    return { ...(value as unknown as AccountEntry), ...draft };
  } catch (error) {
    if (error instanceof InvalidInputError) throw damaged(`${where}: ${error.message}`, error);
    throw error;
  }
}

/**
 * Opens a backup file with its password and returns the accounts in it. Checks, in order: the
 * wrapper ({@link inspectBackup}), the vault's structure and checksum, the key unwrap (password),
 * the accounts' integrity, and each account against the draft rules.
 * @param fileText the file's text (UTF-8 decoded).
 * @param password the password chosen when the backup was made.
 * @returns the accounts, extra fields (e.g. recovery codes) kept, draft fields canonical.
 * @throws BackupUnreadableError (NotABackup, Damaged, TooNew); WrongPasswordError when the password
 *   does not open it; InvalidInputError (field "password") for an empty password.
 * @see docs/backup-format.md
 */
export async function readBackup(fileText: string, password: string): Promise<AccountEntry[]> {
  const { vault } = inspectBackup(fileText);
  let entries: unknown[];
  try {
    ({ entries } = await unlockVault<unknown>(vault, password));
  } catch (error) {
    if (error instanceof WrongPasswordError) {
      throw new WrongPasswordError(msg('errBackupWrongPassword'), { cause: error });
    }
    if (error instanceof VaultDamagedError) throw damaged('its encrypted accounts fail their checks', error);
    throw error;
  }
  return entries.map((entry, i) => readEntry(entry, i + 1));
}
