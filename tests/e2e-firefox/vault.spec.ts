import { test, expect, openPopup, type FirefoxPopup } from './fixtures';
import { terminateBackground } from './support/firefox';
import { totpBetween } from '../e2e/support/totp';

const PASSWORD = 'correct horse battery';
const ACCOUNTS = [
  { issuer: 'Amazon', label: 'alice@example.com', secret: 'JBSW Y3DP EHPK 3PXP' },
  { issuer: 'PayPal', label: 'alice.paypal@example.com', secret: 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ======' },
];

/** Each account's row shows the code computed here, independently, from its key. */
async function expectCodes(popup: FirefoxPopup): Promise<void> {
  for (const account of ACCOUNTS) {
    const before = Date.now();
    const shown = await popup.codeOf(account.issuer);
    expect(totpBetween(account.secret.replace(/\s/g, ''), before - 1000, Date.now() + 1000), account.issuer).toContain(shown);
  }
}

/**
 * Firefox runs the background as an event page, which it unloads when idle (as Chromium stops
 * its service worker): the unlocked key lives in storage.session, so the vault stays unlocked
 * across that, and locking and unlocking work with a freshly started background.
 */
test('the vault stays unlocked when the event page is terminated; lock and unlock work after it restarts', async ({ firefox }) => {
  let popup = await openPopup(firefox);
  await popup.setUp(PASSWORD);
  for (const account of ACCOUNTS) {
    await popup.addAccount(account);
    await popup.ui.waitFor('li.account .account__issuer', account.issuer);
  }
  await expectCodes(popup);
  await popup.page.close();

  await terminateBackground(firefox);
  popup = await openPopup(firefox);
  await expectCodes(popup);
  expect((await popup.accounts()).map((a) => a.issuer)).toEqual(ACCOUNTS.map((a) => a.issuer));
  await popup.lockNow();
  await popup.page.close();

  await terminateBackground(firefox);
  popup = await openPopup(firefox);
  expect(await popup.text('h1:not(.visually-hidden)')).toBe('Twofold is locked');
  await popup.unlock('not the password');
  await popup.ui.waitFor('[role="alert"]');
  expect(await popup.text('h1:not(.visually-hidden)')).toBe('Twofold is locked');
  await popup.unlock(PASSWORD);
  await expectCodes(popup);
});
