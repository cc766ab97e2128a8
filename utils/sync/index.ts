/**
 * Sync through the browser's own `storage.sync`, end-to-end encrypted (docs/sync-format.md).
 * Pure: the background passes the sync area and the vault in.
 */
export {
  SYNC_FORMAT,
  SYNC_KEYS,
  SYNC_QUOTA,
  SYNC_VERSION,
  TOMBSTONE_LIFETIME_MS,
  syncItemSize,
  type EncryptedSync,
  type EncryptedSyncPayload,
  type SyncHeader,
  type SyncManifest,
  type SyncState,
  type Tombstone,
} from './sync-format';
export {
  createSyncKey,
  decryptSyncState,
  encryptSyncState,
  openSyncKeyLocally,
  readSyncHeader,
  rewrapSyncKey,
  sealSyncKeyLocally,
  unlockSyncKey,
  type LocalSyncKey,
  type SyncKeyOptions,
} from './sync-crypto';
export { fromSyncItems, isSyncKey, planSyncWrite, toSyncItems, type SyncWritePlan } from './sync-items';
export { captureLocalState, mergeEntries, sameEntries, snapshotOf, type MergeResult, type SyncSnapshot } from './merge-entries';
export { openOrCreateSyncKey, reconcileSync, type ReconcileInput, type ReconcileResult, type SyncKeyHolder } from './reconcile-sync';
export { runSyncRound, type SyncArea, type SyncLocal, type SyncRoundReport } from './run-sync-round';
export { validateSyncState } from './validate-sync-state';
