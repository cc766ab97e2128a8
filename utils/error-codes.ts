/**
 * The stable codes of Twofold's errors, apart from the error classes (utils/errors.ts) so that
 * extension pages can compare a failure's `code` without bundling the English catalogue the
 * classes write their messages from.
 */

export const ErrorCode = {
  InvalidOtpauthUri: 'invalid-otpauth-uri',
  InvalidSecret: 'invalid-secret',
  InvalidMigrationPayload: 'invalid-migration-payload',
  VaultLocked: 'vault-locked',
  VaultMissing: 'vault-missing',
  VaultExists: 'vault-exists',
  WrongPassword: 'wrong-password',
  TooManyAttempts: 'too-many-attempts',
  VaultDamaged: 'vault-damaged',
  WeakPassword: 'weak-password',
  InvalidInput: 'invalid-input',
  DuplicateAccount: 'duplicate-account',
  NotFound: 'not-found',
  Forbidden: 'forbidden',
  StorageFailed: 'storage-failed',
  QrNotFound: 'qr-not-found',
  NotAnOtpQr: 'not-an-otp-qr',
  CaptureFailed: 'capture-failed',
  Internal: 'internal',
  /** A write sent again with an operation id already stored: the first one was kept. */
  OperationRepeated: 'operation-repeated',
  /** A page lost a write's reply, and the background says the write was not stored. */
  NotSaved: 'not-saved',
  /** A page lost a write's reply, and the background says the write was stored. */
  SavedUnanswered: 'saved-unanswered',
  ImportFailed: 'import-failed',
  BackupUnreadable: 'backup-unreadable',
  // Sync (issue 7).
  SyncFull: 'sync-full',
  SyncUnreadable: 'sync-unreadable',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
