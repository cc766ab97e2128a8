import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { createVault } from '@/utils/vault';
import { ErrorCode, TwofoldError } from '@/utils/errors';
import { VaultService } from './vault-service';
import { unlockFailuresItem, vaultItem } from './storage-items';

const PASSWORD = 'correct horse battery';
// Small Argon2 parameters: the queue and the counting are under test here, not the KDF.
const FAST_KDF = { memoryKiB: 1024, iterations: 1, parallelism: 1 };
const AUTO_LOCK_ALARM = 'twofold-auto-lock';

/** What each attempt came to: its error code, or 'ok'. */
async function outcomes(attempts: Promise<unknown>[]): Promise<string[]> {
  const settled = await Promise.allSettled(attempts);
  return settled.map((s) => (s.status === 'fulfilled' ? 'ok' : s.reason instanceof TwofoldError ? s.reason.code : String(s.reason)));
}

function count(list: string[], value: string): number {
  return list.filter((v) => v === value).length;
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-05T00:00:00Z'));
  const { file } = await createVault(PASSWORD, [], { kdf: FAST_KDF });
  await vaultItem.setValue(file);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('VaultService password attempts', () => {
  it.each([
    { name: 'unlock only', kinds: ['unlock'] as const },
    { name: 'unlock and re-entry (reveal, export) mixed', kinds: ['unlock', 'verify'] as const },
  ])('36 wrong guesses sent at once ($name): only the free tries run, the rest are refused', async ({ kinds }) => {
    const vault = new VaultService();
    const guesses = Array.from({ length: 36 }, (_, i) => {
      const kind = kinds[i % kinds.length];
      return kind === 'unlock' ? vault.unlock(`wrong guess ${i}`) : vault.verifyPassword(`wrong guess ${i}`);
    });
    const results = await outcomes(guesses);
    expect(count(results, ErrorCode.WrongPassword)).toBe(3);
    expect(count(results, ErrorCode.TooManyAttempts)).toBe(33);
    expect((await unlockFailuresItem.getValue()).count).toBe(3);

    // The right password waits for the delay like any other.
    const refused = await vault.unlock(PASSWORD).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TwofoldError);
    expect((refused as TwofoldError).code).toBe(ErrorCode.TooManyAttempts);
    const retryAt = (refused as { retryAt: number }).retryAt;
    expect(retryAt - Date.now()).toBe(1000);

    vi.setSystemTime(retryAt);
    await vault.unlock(PASSWORD);
    expect(await vault.status()).toEqual({ state: 'unlocked' });
    expect(await unlockFailuresItem.getValue()).toEqual({ count: 0, lastAt: 0 });
  });

  it.each([
    { password: 'wrong guess', after: 1 },
    { password: PASSWORD, after: 0 },
  ])('a try is counted before the password is checked ($password)', async ({ password, after }) => {
    const vault = new VaultService();
    const seen: number[] = [];
    const unwatch = unlockFailuresItem.watch((value) => seen.push(value.count));
    await vault.unlock(password).catch(() => undefined);
    unwatch();
    // The first write, made before Argon2 ran, already counts the try as a failure.
    expect(seen[0]).toBe(1);
    expect((await unlockFailuresItem.getValue()).count).toBe(after);
  });

  it('a change of password with a wrong old password counts in the same queue', async () => {
    const vault = new VaultService();
    const attempts = [
      ...Array.from({ length: 6 }, (_, i) => vault.changePassword(`wrong old ${i}`, 'a new long password', 'a new long password')),
      ...Array.from({ length: 6 }, (_, i) => vault.verifyPassword(`wrong ${i}`)),
    ];
    const results = await outcomes(attempts);
    expect(count(results, ErrorCode.WrongPassword)).toBe(3);
    expect(count(results, ErrorCode.TooManyAttempts)).toBe(9);
  });
});

describe('VaultService idle time', () => {
  async function scheduled(): Promise<number | undefined> {
    return (await browser.alarms.get(AUTO_LOCK_ALARM))?.scheduledTime;
  }

  it('reading the accounts (what fill scripts do on every page load) does not move the auto-lock time', async () => {
    const vault = new VaultService();
    await vault.unlock(PASSWORD);
    const first = await scheduled();
    expect(first).toBe(Date.now() + 15 * 60_000);
    vi.setSystemTime(Date.now() + 5 * 60_000);
    for (let i = 0; i < 10; i++) await vault.entries();
    await vault.update((entries) => ({ entries, result: undefined }));
    expect(await scheduled()).toBe(first);

    // The person's own use does.
    await vault.noteUse();
    expect(await scheduled()).toBe(Date.now() + 15 * 60_000);
  });

  it('noteUse sets no alarm while locked', async () => {
    const vault = new VaultService();
    await vault.noteUse();
    expect(await scheduled()).toBeUndefined();
  });
});
