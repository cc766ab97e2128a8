/**
 * The vault's public surface: the format (vault-format.ts), its validation
 * (validate-vault-file.ts) and the operations on it (vault-crypto.ts). Base64 and the password
 * policy are imported from their own files.
 */
export {
  DEFAULT_KDF,
  KDF_LIMITS,
  VAULT_FORMAT,
  VAULT_VERSION,
  computeChecksum,
  type KdfParams,
  type VaultFile,
  type VaultKdf,
} from './vault-format';
export { readVaultFile, validateVaultFile, verifyVaultChecksum } from './validate-vault-file';
export {
  changeVaultPassword,
  createVault,
  openVault,
  sealVault,
  unlockVault,
  type RandomBytes,
  type SealOptions,
  type VaultKeyOptions,
} from './vault-crypto';
