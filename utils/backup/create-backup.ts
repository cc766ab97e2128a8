/**
 * Writes Twofold's encrypted backup file (docs/backup-format.md).
 */
import { InvalidInputError } from '../errors';
import { msg } from '../i18n/local-message';
import type { AccountEntry } from '../otp/account';
import { createVault, type KdfParams, type RandomBytes } from '../vault';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupFile } from './backup-format';

export interface CreateBackupOptions {
  /** When the backup is made, in ms since the epoch (default: Date.now()). */
  now?: number;
  /** Argon2id settings (default: the vault's DEFAULT_KDF); tests pass small ones. */
  kdf?: Partial<KdfParams>;
  /** Random source (default: crypto.getRandomValues). */
  random?: RandomBytes;
}

/**
 * Seals accounts into a backup file: a new vault (Argon2id + AES-256-GCM, fresh salt and data key)
 * under `password`, wrapped in `{ format: "twofold-backup", version: 1, createdAt, vault }`.
 * Extra fields on the entries (e.g. recovery codes) are kept.
 * @param entries the accounts, as stored in the vault.
 * @param password chosen for this backup; the master password rules apply (at least 8 characters).
 * @returns the file's text: pretty-printed JSON ending in a newline, ready to save as UTF-8.
 * @throws InvalidInputError with field "password" for a password the rules refuse, "entries" when
 *   `entries` is not a list, "now" for a time that is not a valid date, "kdf"/"random" for bad options.
 * @see docs/backup-format.md
 */
export async function createBackup(entries: readonly AccountEntry[], password: string, options: CreateBackupOptions = {}): Promise<string> {
  if (!Array.isArray(entries)) throw new InvalidInputError(msg('errBackupNotList'), { field: 'entries' });
  const now = options.now ?? Date.now();
  const date = new Date(now);
  if (!Number.isFinite(date.getTime())) throw new InvalidInputError(msg('errBackupTime'), { field: 'now' });
  const vaultOptions = { ...(options.kdf && { kdf: options.kdf }), ...(options.random && { random: options.random }) };
  const { file: vault, dataKey } = await createVault(password, [...entries], vaultOptions);
  dataKey.fill(0);
  const backup: BackupFile = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: date.toISOString(), vault };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/**
 * A file name for a backup made at `now`: "twofold-backup-YYYY-MM-DD.json" (UTC date).
 * @param now ms since the epoch.
 */
export function backupFileName(now: number): string {
  return `twofold-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}
