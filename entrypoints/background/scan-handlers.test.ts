import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ErrorCode } from '@/utils/errors';
import { VaultService } from './vault-service';
import { createScanHandlers } from './scan-handlers';
import { inPlaceHelper } from './helper';
import { SiteLookup } from './site-lookup';
import { outcome, PASSWORD, resetToUnlockedVault, TEN_MINUTES } from './worker-test-helpers';

const SLACK = { uri: 'otpauth://totp/Slack:alice?secret=KRSXG5CTMVRXEZLU&issuer=Slack', secret: 'KRSXG5CTMVRXEZLU' };
const BANK = { uri: 'otpauth://totp/Bank:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Bank', secret: 'GEZDGNBVGY3TQOJQ' };

let now: number;

/**
 * One start of the service worker: a vault service and scan handlers with nothing in memory, over
 * the same storage (a stopped worker's memory is gone; its session storage is not).
 */
function startWorker() {
  const vault = new VaultService();
  const helper = inPlaceHelper();
  const scan = createScanHandlers(vault, helper, new SiteLookup(helper), () => now);
  return { vault, scan: scan.page, content: scan.content };
}

async function stored(area: 'local' | 'session'): Promise<string> {
  return JSON.stringify(await browser.storage[area].get(null));
}

beforeEach(async () => {
  now = Date.UTC(2026, 11, 5);
  await resetToUnlockedVault();
});

describe('a scan waiting for Save', () => {
  it('is saved by a worker started after the one that scanned', async () => {
    const { token } = await startWorker().scan.scanText({ text: SLACK.uri });
    const later = startWorker();
    const { saved } = await later.scan.confirmScan({ token });
    expect(saved.map((a) => [a.issuer, a.label])).toEqual([['Slack', 'alice']]);
    expect((await later.vault.entries()).map((e) => e.secret)).toEqual([SLACK.secret]);
  });

  it('is kept in session storage only (its secret never reaches local storage), and is gone once saved', async () => {
    const { scan } = startWorker();
    const { token } = await scan.scanText({ text: SLACK.uri });
    expect(await stored('session')).toContain(SLACK.secret);
    expect(await stored('local')).not.toContain(SLACK.secret);
    await scan.confirmScan({ token });
    expect(await stored('session')).not.toContain(SLACK.secret);
    expect(await outcome(scan.confirmScan({ token }))).toBe(`${ErrorCode.InvalidInput}:errScanExpired`);
  });

  it('does not overwrite another scan made at the same time', async () => {
    const { scan } = startWorker();
    const reports = await Promise.all([scan.scanText({ text: SLACK.uri }), scan.scanText({ text: BANK.uri })]);
    const later = startWorker();
    for (const { token } of reports) await later.scan.confirmScan({ token });
    expect((await later.vault.entries()).map((e) => e.secret).sort()).toEqual([BANK.secret, SLACK.secret].sort());
  });

  it.each([
    { waitedMs: TEN_MINUTES, expected: 'ok' },
    { waitedMs: TEN_MINUTES + 1, expected: `${ErrorCode.InvalidInput}:errScanExpired` },
  ])('after $waitedMs ms: $expected', async ({ waitedMs, expected }) => {
    const { token } = await startWorker().scan.scanText({ text: SLACK.uri });
    now += waitedMs;
    expect(await outcome(startWorker().scan.confirmScan({ token }))).toBe(expected);
  });

  it('an expired scan is dropped from storage by the next scan', async () => {
    const { scan } = startWorker();
    await scan.scanText({ text: SLACK.uri });
    now += TEN_MINUTES + 1;
    await scan.scanText({ text: BANK.uri });
    expect(await stored('session')).not.toContain(SLACK.secret);
    expect(await stored('session')).toContain(BANK.secret);
  });

  it('is forgotten by a lock: Save says so while locked, and after unlocking the scan is still gone', async () => {
    const { scan, vault } = startWorker();
    const { token } = await scan.scanText({ text: SLACK.uri });
    await vault.lock();
    expect(await stored('session')).not.toContain(SLACK.secret);
    expect(await outcome(startWorker().scan.confirmScan({ token }))).toBe(`${ErrorCode.VaultLocked}:errScanForgottenLocked`);
    await vault.unlock(PASSWORD);
    expect(await outcome(scan.confirmScan({ token }))).toBe(`${ErrorCode.InvalidInput}:errScanExpired`);
    expect(await vault.entries()).toEqual([]);
  });

  it('a token that is not a string is refused like an unknown one', async () => {
    const { scan } = startWorker();
    await scan.scanText({ text: SLACK.uri });
    for (const token of [undefined, null, 1, {}, ['x']]) {
      expect(await outcome(scan.confirmScan({ token } as unknown as { token: string }))).toBe(`${ErrorCode.InvalidInput}:errScanExpired`);
    }
  });
});

describe('"Select an area"', () => {
  /** A tab on a web page, and the overlay injected into it (its script is not run here). */
  async function openOverlay(): Promise<number> {
    const tab = await browser.tabs.create({ url: 'https://www.example.com/setup', active: true });
    vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue(undefined);
    await startWorker().scan.startRegionSelect({ tabId: tab.id! });
    return tab.id!;
  }
  const sender = (tabId: number, frameId = 0) => ({ tabId, frameId, url: 'https://www.example.com/setup' });

  it('answers the overlay after the worker was stopped while the person dragged (here: cancelled)', async () => {
    const tabId = await openOverlay();
    now += 60_000;
    const reply = await startWorker().content.regionSelected({ rect: null, viewportWidth: 1000 }, sender(tabId));
    expect(reply).toEqual({ ok: false, message: 'Cancelled.' });
  });

  it.each([
    { name: 'a second answer from the same tab', waitedMs: 0, frameId: 0, answers: 2 },
    { name: 'an answer after the scan window', waitedMs: TEN_MINUTES + 1, frameId: 0, answers: 1 },
    { name: 'an answer from a frame', waitedMs: 0, frameId: 3, answers: 1 },
  ])('refuses $name', async ({ waitedMs, frameId, answers }) => {
    const tabId = await openOverlay();
    now += waitedMs;
    let reply;
    for (let i = 0; i < answers; i++) reply = await startWorker().content.regionSelected({ rect: null, viewportWidth: 1000 }, sender(tabId, frameId));
    expect(reply).toEqual({ ok: false, message: 'Open Twofold and choose “Select an area” again.' });
  });
});
