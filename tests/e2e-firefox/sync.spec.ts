import { test, expect, openPopup, type FirefoxPopup } from './fixtures';
import { launchFirefox, type FirefoxTwofold } from './support/firefox';
import { puppeteerUi } from './support/puppeteer-ui';
import { OptionsSteps, OPTIONS_PARTS } from '../e2e/pages/options-steps';
import { totpBetween } from '../e2e/support/totp';

// Firefox's storage.sync works without a Firefox account (it stays in the profile), so, as in
// the Chromium suite, the sync server is played by copying one profile's items into the other's.

const PASSWORD = 'correct horse battery';
const ACCOUNTS = [
  { issuer: 'Amazon', label: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' },
  { issuer: 'PayPal', label: 'alice.paypal@example.com', secret: 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF' },
];
const GITHUB = { issuer: 'GitHub', label: 'alice', secret: 'GEZDGNBVGY3TQOJQ' };

const syncItems = (firefox: FirefoxTwofold) => firefox.inExtension(async () => JSON.stringify(await chrome.storage.sync.get(null)), undefined);

/** The browser's sync service carrying `from`'s Twofold items over to `to`. */
async function deliver(from: FirefoxTwofold, to: FirefoxTwofold): Promise<void> {
  const json = await syncItems(from);
  await to.inExtension(async (items) => chrome.storage.sync.set(JSON.parse(items) as Record<string, unknown>), json);
}

/** Sets a profile up and turns sync on from its options page; returns its popup. */
async function setUpWithSync(firefox: FirefoxTwofold, accounts: typeof ACCOUNTS): Promise<FirefoxPopup> {
  const popup = await openPopup(firefox);
  await popup.setUp(PASSWORD);
  await popup.ui.waitFor('h2, h1', 'No accounts yet');
  for (const account of accounts) {
    await popup.addAccount(account);
    await popup.ui.waitFor('li.account .account__issuer', account.issuer);
  }
  const options = new OptionsSteps(puppeteerUi(await firefox.openExtensionPage('/options.html')));
  await options.ui.waitFor(`${OPTIONS_PARTS.sync} [data-testid="sync-status"]`, 'Sync is off.');
  await options.enableSync(PASSWORD);
  await options.ui.waitFor(`${OPTIONS_PARTS.sync} [data-testid="sync-status"]`, 'Sync is on. Last synced');
  return popup;
}

async function expectAccounts(popup: FirefoxPopup, accounts: { issuer: string; secret: string }[]): Promise<void> {
  await expect.poll(async () => (await popup.accounts()).map((a) => a.issuer).sort(), { timeout: 20_000 }).toEqual(accounts.map((a) => a.issuer).sort());
  await popup.reload();
  for (const account of accounts) {
    const before = Date.now();
    const shown = await popup.codeOf(account.issuer);
    expect(totpBetween(account.secret, before - 1000, Date.now() + 1000), account.issuer).toContain(shown);
  }
}

test('Firefox sync between two profiles: ciphertext only, every account arrives, an add on either side reaches the other', async ({ firefox }) => {
  test.setTimeout(180_000);
  const popupA = await setUpWithSync(firefox, ACCOUNTS);
  const dumpA = await syncItems(firefox);
  expect(Object.keys(JSON.parse(dumpA) as object)).toEqual(expect.arrayContaining(['twofold-sync-header', 'twofold-sync-manifest', 'twofold-sync-0']));
  for (const account of ACCOUNTS) for (const needle of [account.issuer, account.label, account.secret]) expect(dumpA).not.toContain(needle);

  const b = await launchFirefox();
  try {
    // B receives A's items before it is set up, with the same master password.
    await b.inExtension(async (json) => chrome.storage.sync.set(JSON.parse(json) as Record<string, unknown>), dumpA);
    const popupB = await setUpWithSync(b, []);
    await expectAccounts(popupB, ACCOUNTS);

    // An add on B travels to A.
    const syncedB = await syncItems(b);
    await popupB.addAccount(GITHUB);
    await expect.poll(() => syncItems(b), { timeout: 20_000 }).not.toBe(syncedB);
    await deliver(b, firefox);
    await expectAccounts(popupA, [...ACCOUNTS, GITHUB]);
  } finally {
    await b.close();
  }
});
