/**
 * Twofold's backup file and plain exports. Pure: runs in the service worker and in Node tests.
 */
export { BACKUP_FORMAT, BACKUP_VERSION, type BackupFile } from './backup-format';
export { backupFileName, createBackup, type CreateBackupOptions } from './create-backup';
export { inspectBackup, readBackup } from './read-backup';
export { toOtpauthList } from './to-otpauth-list';
export {
  MAX_MIGRATION_URI_LENGTH,
  migrationAlgorithmWarnings,
  migrationLeftOut,
  toMigrationBatches,
  type MigrationAlgorithmWarning,
  type MigrationLeftOut,
} from './to-migration-batches';
