/**
 * PendingOffers through the import handlers: an import waiting for the person's Import survives a
 * stopped worker and goes with a lock, as a scan does (./scan-handlers.test.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { ErrorCode } from '@/utils/errors';
import { VaultService } from './vault-service';
import { createBackupHandlers } from './backup-handlers';
import { inPlaceHelper } from './helper';
import { outcome, PASSWORD, resetToUnlockedVault, TEN_MINUTES } from './worker-test-helpers';

const LINKS = [
  'otpauth://totp/Slack:alice?secret=KRSXG5CTMVRXEZLU&issuer=Slack',
  'otpauth://totp/Bank:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Bank',
].join('\n');

let now: number;

/** One start of the service worker over the same storage (its memory starts empty). */
function startWorker() {
  const vault = new VaultService();
  return { vault, backup: createBackupHandlers(vault, inPlaceHelper(), () => now) };
}

beforeEach(async () => {
  now = Date.UTC(2026, 11, 5);
  await resetToUnlockedVault();
});

describe('an import waiting for Import', () => {
  it('is imported by a worker started after the one that read the file, once', async () => {
    const { token } = await startWorker().backup.previewImport({ text: LINKS });
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toContain('KRSXG5CTMVRXEZLU');
    const later = startWorker();
    expect(await later.backup.confirmImport({ token: token! })).toEqual({ imported: 2, skipped: 0 });
    expect(await outcome(later.backup.confirmImport({ token: token! }))).toBe(`${ErrorCode.InvalidInput}:errPreviewExpired`);
    expect((await later.vault.entries()).map((e) => e.issuer).sort()).toEqual(['Bank', 'Slack']);
  });

  it.each([
    { waitedMs: TEN_MINUTES, expected: 'ok' },
    { waitedMs: TEN_MINUTES + 1, expected: `${ErrorCode.InvalidInput}:errPreviewExpired` },
  ])('after $waitedMs ms: $expected', async ({ waitedMs, expected }) => {
    const { token } = await startWorker().backup.previewImport({ text: LINKS });
    now += waitedMs;
    expect(await outcome(startWorker().backup.confirmImport({ token: token! }))).toBe(expected);
  });

  it('is forgotten by a lock: Import says it is locked, and after unlocking there is nothing to import', async () => {
    const { vault, backup } = startWorker();
    const { token } = await backup.previewImport({ text: LINKS });
    await vault.lock();
    expect(JSON.stringify(await browser.storage.session.get(null))).not.toContain('KRSXG5CTMVRXEZLU');
    expect(await outcome(backup.confirmImport({ token: token! }))).toBe(`${ErrorCode.VaultLocked}:errVaultLocked`);
    await vault.unlock(PASSWORD);
    expect(await outcome(backup.confirmImport({ token: token! }))).toBe(`${ErrorCode.InvalidInput}:errPreviewExpired`);
    expect(await vault.entries()).toEqual([]);
  });
});
