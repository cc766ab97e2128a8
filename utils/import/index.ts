/**
 * Import from other authenticators. Pure: runs in the service worker and in Node tests.
 */
export { importAccounts, MAX_IMPORT_BYTES, SUPPORTED_FORMATS } from './import-accounts';
export { findImportDuplicates, type ExistingSecret, type ImportDuplicate } from './find-import-duplicates';
export {
  ImportFormat,
  type ImportBatches,
  type ImportInput,
  type ImportOptions,
  type ImportPreview,
  type ImportProblem,
} from './import-types';
