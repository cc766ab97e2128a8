import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { createVault } from '@/utils/vault';
import { ErrorCode, TwofoldError } from '@/utils/errors';
import { VaultService } from './vault-service';
import type { AccountEntry } from '@/utils/otp/account';
import { unlockFailuresItem, vaultItem, vaultOpsItem } from './storage-items';

const PASSWORD = 'correct horse battery';
// Small Argon2 parameters: the queue and the counting are under test here, not the KDF.
const FAST_KDF = { memoryKiB: 1024, iterations: 1, parallelism: 1 };
const AUTO_LOCK_ALARM = 'twofold-auto-lock';
const SAMPLE_ENTRY: AccountEntry = {
  id: 'x', kind: 'totp', issuer: 'x', label: '', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 0,
  sites: [], pinned: false, order: 0, createdAt: 0, updatedAt: 0,
};

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

describe('VaultService writes tagged with an operation id', () => {
  const OP = 'op-0123456789abcdef';
  const add = (issuer: string) => (entries: AccountEntry[]) => ({
    entries: [...entries, { ...SAMPLE_ENTRY, id: issuer, issuer }],
    result: issuer,
  });

  async function unlocked(): Promise<VaultService> {
    const vault = new VaultService();
    await vault.unlock(PASSWORD);
    return vault;
  }

  it('stores the id in the same storage write as the change, and says it landed', async () => {
    const vault = await unlocked();
    const set = vi.spyOn(browser.storage.local, 'set');
    expect(await vault.operationLanded(OP)).toBe(false);
    expect(await vault.update(add('A'), { op: OP })).toBe('A');
    const writes = set.mock.calls.map(([items]) => Object.keys(items).sort());
    expect(writes).toContainEqual(['vault', 'vaultOps']);
    expect(writes.flat().filter((key) => key === 'vaultOps')).toHaveLength(1);
    expect(await vault.operationLanded(OP)).toBe(true);
    // A worker started afresh (the old one stopped) reads the same answer from storage.
    expect(await new VaultService().operationLanded(OP)).toBe(true);
  });

  it('a change that throws records nothing', async () => {
    const vault = await unlocked();
    await expect(vault.update(() => { throw new Error('refused'); }, { op: OP })).rejects.toThrow('refused');
    expect(await vault.operationLanded(OP)).toBe(false);
    expect(await vaultOpsItem.getValue()).toBeNull();
  });

  it('a write the browser refuses records nothing and leaves the vault as it was', async () => {
    const vault = await unlocked();
    const before = await vaultItem.getValue();
    vi.spyOn(browser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(vault.update(add('A'), { op: OP })).rejects.toMatchObject({ code: ErrorCode.StorageFailed });
    expect(await vault.operationLanded(OP)).toBe(false);
    expect(await vaultItem.getValue()).toEqual(before);
  });

  it('the same id sent again is refused and nothing is written twice', async () => {
    const vault = await unlocked();
    await vault.update(add('A'), { op: OP });
    const again = await vault.update(add('A again'), { op: OP }).catch((error: unknown) => error);
    expect(again).toMatchObject({ code: ErrorCode.OperationRepeated });
    expect((await vault.entries()).map((e) => e.issuer)).toEqual(['A']);
    // Another worker (after a restart) refuses it too.
    const restarted = new VaultService();
    await expect(restarted.update(add('A again'), { op: OP })).rejects.toMatchObject({ code: ErrorCode.OperationRepeated });
    expect((await restarted.entries()).map((e) => e.issuer)).toEqual(['A']);
  });

  it('asked while writes are queued, answers after them: the answer is final', async () => {
    const vault = await unlocked();
    const ops = Array.from({ length: 5 }, (_, i) => `op-burst-000${i}`);
    const writes = ops.map((op, i) => vault.update(add(`B${i}`), { op }));
    const answers = ops.map((op) => vault.operationLanded(op));
    await Promise.all(writes);
    expect(await Promise.all(answers)).toEqual([true, true, true, true, true]);
    expect(await vault.operationLanded('op-never-sent')).toBe(false);
  });

  it('writes without an id (sync, restore) leave the list as it is', async () => {
    const vault = await unlocked();
    await vault.update(add('A'), { op: OP });
    await vault.update(add('B'));
    expect(await vaultOpsItem.getValue()).toEqual([OP]);
  });
});
