/**
 * Twofold's backup file, version 1: a vault file (docs/vault-format.md) sealed with a password the
 * person chooses for the backup, wrapped with a few plain fields that say what the file is.
 * docs/backup-format.md describes the same thing for people; keep the two in step.
 */
import type { VaultFile } from '../vault';

/** Value of `format`: tells a Twofold backup apart from any other JSON (and from a vault). */
export const BACKUP_FORMAT = 'twofold-backup';
/** Value of `version` this code reads and writes. */
export const BACKUP_VERSION = 1;

/**
 * A backup file as saved (UTF-8 JSON). Only `vault` is encrypted and authenticated; `createdAt` is
 * a label for people and could be edited without detection.
 */
export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When the backup was made: ISO 8601 in UTC, e.g. "2025-03-01T09:30:00.000Z". Not authenticated. */
  createdAt: string;
  /** The accounts: a complete version-1 vault file whose entries are AccountEntry objects. */
  vault: VaultFile;
}
