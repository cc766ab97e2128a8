/**
 * For tests of what survives a stopped worker (pending-offers.test.ts, scan-handlers.test.ts):
 * a fresh, unlocked vault in the fake browser's storage, and the outcome of a call as a string.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createVault } from '@/utils/vault';
import { TwofoldError } from '@/utils/errors';
import { VaultService } from './vault-service';
import { vaultItem } from './storage-items';

export const PASSWORD = 'correct horse battery';
/** Small Argon2 parameters: what is under test is the worker's memory, not the KDF. */
export const FAST_KDF = { memoryKiB: 1024, iterations: 1, parallelism: 1 };
export const TEN_MINUTES = 10 * 60 * 1000;

/** Empties the fake browser, stores an empty vault and unlocks it (in a worker then gone). */
export async function resetToUnlockedVault(): Promise<void> {
  fakeBrowser.reset();
  const { file } = await createVault(PASSWORD, [], { kdf: FAST_KDF });
  await vaultItem.setValue(file);
  await new VaultService().unlock(PASSWORD);
}

/** The error code and message key a failed call came to, or 'ok'. */
export async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    if (error instanceof TwofoldError) return `${error.code}:${error.text.key}`;
    throw error;
  }
}
