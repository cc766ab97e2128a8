import { beforeAll, describe, expect, it } from 'vitest';
import { VaultDamagedError } from '../errors';
import { createVault } from './vault-crypto';
import { readVaultFile, validateVaultFile, verifyVaultChecksum } from './validate-vault-file';
import { KDF_LIMITS, type VaultFile } from './vault-format';

let file: VaultFile;
beforeAll(async () => {
  ({ file } = await createVault('correct horse battery', [1, 2, 3], { kdf: { memoryKiB: 1024, iterations: 1 } }));
});

describe('validateVaultFile', () => {
  it('returns a fresh copy equal to a valid file', () => {
    const copy = validateVaultFile(file);
    expect(copy).toEqual(file);
    expect(copy).not.toBe(file);
    expect(copy.kdf).not.toBe(file.kdf);
  });

  it('is structural only (synchronous, no checksum): step 2 is verifyVaultChecksum', async () => {
    const edited = { ...file, revision: 9 };
    expect(() => validateVaultFile(edited)).not.toThrow();
    await expect(verifyVaultChecksum(edited)).rejects.toBeInstanceOf(VaultDamagedError);
    await expect(readVaultFile(edited)).rejects.toThrow(/checksum does not match/);
    await expect(readVaultFile(file)).resolves.toEqual(file);
  });

  // The KDF limits, at and just past each edge (checksum not involved: structure only).
  it.each([
    { kdf: { memoryKiB: 8, iterations: 1, parallelism: 1 }, ok: true },
    { kdf: { memoryKiB: 7, iterations: 1, parallelism: 1 }, ok: false },
    { kdf: { memoryKiB: 31, iterations: 1, parallelism: 4 }, ok: false },
    { kdf: { memoryKiB: KDF_LIMITS.maxMemoryKiB, iterations: 8, parallelism: 1 }, ok: true },
    { kdf: { memoryKiB: KDF_LIMITS.maxMemoryKiB + 1, iterations: 1, parallelism: 1 }, ok: false },
    { kdf: { memoryKiB: KDF_LIMITS.maxMemoryKiB, iterations: 9, parallelism: 1 }, ok: false },
    { kdf: { memoryKiB: 65_536, iterations: KDF_LIMITS.maxIterations, parallelism: 1 }, ok: true },
    { kdf: { memoryKiB: 1024, iterations: KDF_LIMITS.maxIterations + 1, parallelism: 1 }, ok: false },
    { kdf: { memoryKiB: 1024, iterations: 1, parallelism: KDF_LIMITS.maxParallelism }, ok: true },
    { kdf: { memoryKiB: 1024, iterations: 1, parallelism: KDF_LIMITS.maxParallelism + 1 }, ok: false },
  ])('KDF $kdf.memoryKiB KiB × $kdf.iterations × $kdf.parallelism lanes → ok: $ok', ({ kdf, ok }) => {
    const candidate = { ...file, kdf: { ...file.kdf, ...kdf } };
    if (ok) expect(validateVaultFile(candidate).kdf).toMatchObject(kdf);
    else expect(() => validateVaultFile(candidate)).toThrow(VaultDamagedError);
  });
});
