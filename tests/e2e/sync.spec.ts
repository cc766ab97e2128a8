import { test, expect } from './fixtures';
import { launchTwofold, type TwofoldBrowser } from './support/launch';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import { totpBetween } from './support/totp';

// Chromium's storage.sync works without a signed-in account (it stays in the profile), so the
// browser's own sync between two computers is played by copying profile A's sync items into
// profile B's storage.sync, as the sync server would deliver them.

const PASSWORD = 'correct horse battery';
const OTHER_PASSWORD = 'another long sentence';
const ACCOUNTS = [
  { issuer: 'Amazon', label: 'alice@example.com', secret: 'JBSW Y3DP EHPK 3PXP' },
  { issuer: 'Ünïcode Bank', label: 'ålice', secret: 'gezdgnbvgy3tqojqgezdgnbvgy3tqojq' },
  { issuer: 'PayPal', label: 'alice.paypal@example.com', secret: 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ======' },
];
const normalize = (s: string) => s.replace(/[\s=]/g, '').toUpperCase();

const syncItems = (twofold: TwofoldBrowser) =>
  twofold.serviceWorker.evaluate(async () => JSON.stringify(await chrome.storage.sync.get(null)));

/** The browser's sync service carrying `from`'s Twofold items over to `to` (last writer wins). */
async function deliver(from: TwofoldBrowser, to: TwofoldBrowser): Promise<void> {
  const json = await syncItems(from);
  await to.serviceWorker.evaluate(async (items) => {
    const next = JSON.parse(items) as Record<string, unknown>;
    const stale = Object.keys(await chrome.storage.sync.get(null)).filter((key) => key.startsWith('twofold-sync-') && !(key in next));
    await chrome.storage.sync.set(next);
    if (stale.length > 0) await chrome.storage.sync.remove(stale);
  }, json);
}

async function openPopupOf(twofold: TwofoldBrowser): Promise<PopupPage> {
  const page = await twofold.context.newPage();
  await page.goto(`chrome-extension://${twofold.extensionId}/popup.html`);
  return new PopupPage(page);
}

test('sync writes ciphertext only; a fresh profile with the same master password gets every account, and edits on both sides meet', async ({ twofold, openPopup }) => {
  test.setTimeout(120_000);

  // Profile A: set up, three accounts, sync on.
  const popup = await openPopup();
  await popup.setUp(PASSWORD);
  for (const account of ACCOUNTS) await popup.addAccount(account);
  await expect(popup.rows()).toHaveCount(ACCOUNTS.length);
  const options = await OptionsPage.open(twofold);
  await expect(options.syncStatus()).toHaveText('Sync is off.');
  await options.enableSync(PASSWORD);
  await expect(options.syncStatus()).toHaveText(/^Sync is on\. Last synced /, { timeout: 30_000 });
  await expect(options.syncErrors()).toHaveCount(0);

  // What the browser vendor would see: Twofold's items, ciphertext only.
  const dumpA = await syncItems(twofold);
  const items = JSON.parse(dumpA) as Record<string, unknown>;
  expect(Object.keys(items)).toEqual(expect.arrayContaining(['twofold-sync-header', 'twofold-sync-manifest', 'twofold-sync-0']));
  const needles = ACCOUNTS.flatMap((a) => [a.issuer, a.label, normalize(a.secret)]);
  for (const needle of needles) {
    const utf8 = Buffer.from(needle, 'utf8');
    const forms = [
      needle, needle.toLowerCase(), encodeURIComponent(needle),
      utf8.toString('base64').replace(/=+$/, ''), utf8.toString('base64url'), utf8.toString('hex'),
      Buffer.from(needle, 'utf16le').toString('base64').replace(/=+$/, ''),
      JSON.stringify(needle).slice(1, -1),
    ];
    for (const form of forms) expect(dumpA.toLowerCase()).not.toContain(form.toLowerCase());
  }

  // Profile B: a fresh browser that receives A's sync items, set up with another password.
  const b = await launchTwofold();
  try {
    await b.serviceWorker.evaluate(async (json) => chrome.storage.sync.set(JSON.parse(json) as Record<string, unknown>), dumpA);
    const popupB = await openPopupOf(b);
    await popupB.setUp(OTHER_PASSWORD);
    await expect(popupB.page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
    const optionsB = await OptionsPage.open(b);
    await expect(optionsB.syncStatus()).toHaveText('Sync is off.');
    const localBefore = await b.serviceWorker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));

    // B's own password does not open what A synced; a wrong password does not open B's vault.
    await optionsB.enableSync(OTHER_PASSWORD);
    await expect(optionsB.syncErrors()).toContainText('That password does not open the accounts synced from your other computers');
    await optionsB.enableSync('not my password');
    await expect(optionsB.syncErrors()).toContainText('That password is not right');
    await expect(optionsB.syncStatus()).toHaveText('Sync is off.');
    // Nothing written: the synced copy as it came, the vault and the rest of local storage unchanged.
    expect(await syncItems(b)).toBe(dumpA);
    const localAfter = await b.serviceWorker.evaluate(async () => {
      const { unlockFailures: _failures, ...rest } = await chrome.storage.local.get(null);
      return JSON.stringify(rest);
    });
    const { unlockFailures: _before, ...restBefore } = JSON.parse(localBefore) as Record<string, unknown>;
    expect(localAfter).toBe(JSON.stringify(restBefore));
    expect(await popupB.accounts()).toEqual([]);

    // The rule: one master password on every computer. Change B's to A's, then turn sync on.
    await optionsB.changePassword(OTHER_PASSWORD, PASSWORD);
    await expect(optionsB.page.getByRole('status').filter({ hasText: 'Password changed' })).toBeVisible();
    await optionsB.enableSync(PASSWORD);
    await expect(optionsB.syncStatus()).toHaveText(/^Sync is on\. Last synced /, { timeout: 30_000 });
    await expect(optionsB.syncErrors()).toHaveCount(0);

    await popupB.page.reload();
    await expect(popupB.rows()).toHaveCount(ACCOUNTS.length);
    expect(await popupB.issuers()).toEqual(ACCOUNTS.map((a) => a.issuer));
    for (const account of ACCOUNTS) {
      const before = Date.now();
      const shown = await popupB.codeOf(account.issuer);
      const after = Date.now();
      expect(totpBetween(normalize(account.secret), before - 1000, after)).toContain(shown);
    }

    // A delete on B and an add on A, at the same time: both survive.
    const syncedB = await syncItems(b);
    await popupB.deleteAccount('PayPal');
    await expect(popupB.rows()).toHaveCount(ACCOUNTS.length - 1);
    await popup.page.reload();
    await popup.addAccount({ issuer: 'GitHub', label: 'alice', secret: 'GEZDGNBVGY3TQOJQ' });
    await expect(popup.rows()).toHaveCount(ACCOUNTS.length + 1);
    // B pushes a few seconds after its write.
    await expect.poll(() => syncItems(b), { timeout: 20_000 }).not.toBe(syncedB);
    await deliver(b, twofold);
    await expect.poll(async () => (await popup.accounts()).map((a) => a.issuer).sort(), { timeout: 20_000 })
      .toEqual(['Amazon', 'GitHub', 'Ünïcode Bank']);
    // A's merged copy goes back to B.
    await expect.poll(async () => JSON.parse(await syncItems(twofold)) as unknown, { timeout: 20_000 })
      .toHaveProperty('twofold-sync-manifest.revision', 3);
    await deliver(twofold, b);
    await expect.poll(async () => (await popupB.accounts()).map((a) => a.issuer).sort(), { timeout: 20_000 })
      .toEqual(['Amazon', 'GitHub', 'Ünïcode Bank']);
  } finally {
    await b.context.close();
  }
});
