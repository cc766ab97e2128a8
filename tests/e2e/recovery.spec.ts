import { test, expect } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { openPopupFor } from './pages/tab-popup';

const PASSWORD = 'correct horse battery';
/** Made-up accounts and codes (no real person's data). */
const GITHUB = { issuer: 'GitHub', label: 'alice', secret: 'JBSWY3DPEHPK3PXP' };
const CODES = ['q7rk-2m9x', 'bn4d-8vwp', 'ts6h-3jcf'];
const more = (n: number) => Array.from({ length: n }, (_, i) => ({
  issuer: `Service ${i + 2}`, secret: ['MFRGGZDFMZTWQ2LK', 'KRSXG5CTMVRXEZLU', 'GEZDGNBVGY3TQOJQ', 'ONSWG4TFOQYTEMZU', 'NBSWY3DPO5XXE3DE'][i]!,
}));

test('recovery codes: paste, count, reveal with the password, mark one used; never stored in the clear', async ({ openPopup, twofold }) => {
  const popup = await openPopup();
  await popup.setUp(PASSWORD);
  await popup.addAccount(GITHUB);
  await expect(popup.rows()).toHaveCount(1);

  await popup.edit('GitHub');
  const section = popup.recoveryCodes();
  await expect(section).toContainText('No recovery codes saved yet.');
  await section.getByRole('button', { name: 'Add recovery codes' }).click();
  await section.getByLabel('Master password').fill(PASSWORD);
  await section.getByRole('button', { name: 'Save codes' }).click();
  await expect(section.getByRole('alert')).toHaveText('Paste the recovery codes the site gave you, one per line.');
  await section.getByRole('button', { name: 'Cancel' }).click();

  // Duplicates and blank lines are dropped.
  await popup.addRecoveryCodes(`${CODES.join('\n')}\n\n${CODES[0]}, `, PASSWORD);
  await expect(section.locator('.recovery__left')).toHaveText('3 recovery codes left');
  await expect(section.locator('li.recovery__code')).toHaveCount(3);
  await section.getByRole('button', { name: 'Hide codes' }).click();
  await expect(section).not.toContainText(CODES[0]!);

  // The count shows without the password; the codes need it, and a wrong one is refused.
  await popup.page.getByRole('button', { name: 'Cancel' }).first().click();
  await popup.edit('GitHub');
  await expect(section.locator('.recovery__left')).toHaveText('3 recovery codes left');
  await expect(section).not.toContainText(CODES[0]!);
  await popup.showRecoveryCodes('not the password');
  await expect(section.getByRole('alert')).toContainText('not right');
  await expect(section).not.toContainText(CODES[0]!);
  await section.getByLabel('Master password').fill(PASSWORD);
  await section.getByRole('button', { name: 'Show recovery codes' }).click();
  for (const code of CODES) await expect(section).toContainText(code);

  await section.getByRole('button', { name: `Mark used: ${CODES[1]}` }).click();
  await expect(section.locator('.recovery__left')).toHaveText('2 recovery codes left');
  await expect(section.locator('li.recovery__code--used')).toHaveText(new RegExp(`${CODES[1]}.*Used`));

  const accounts = await popup.page.evaluate(async () =>
    JSON.stringify((await chrome.runtime.sendMessage({ channel: 'twofold', name: 'listAccounts' })).value.accounts));
  expect(accounts).toContain('"recoveryCodesLeft":2');
  for (const code of CODES) expect(accounts).not.toContain(code);

  const dump = await twofold.serviceWorker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
  for (const code of CODES) {
    for (const form of [code, code.replace('-', ''), Buffer.from(code).toString('base64').replace(/=+$/, ''), Buffer.from(code).toString('hex')]) {
      expect(dump.toLowerCase()).not.toContain(form.toLowerCase());
    }
  }
});

test('the backup reminder: at the next opening after the first account, never during setup; "Not now" until five more; gone after a backup', async ({ openPopup, twofold }) => {
  const popup = await openPopup();
  await popup.setUp(PASSWORD);
  await expect(popup.addPanel()).toBeVisible();
  await expect(popup.backupReminder()).toHaveCount(0);

  // Right after adding, the user is still setting the site up: no reminder yet.
  await popup.addAccount(GITHUB);
  await expect(popup.rows()).toHaveCount(1);
  await popup.page.waitForTimeout(300);
  await expect(popup.backupReminder()).toHaveCount(0);
  // The next time the popup opens, it comes.
  await popup.page.reload();
  await expect(popup.rows()).toHaveCount(1);
  await expect(popup.backupReminder()).toBeVisible();
  await popup.backupReminder().getByRole('button', { name: 'Not now' }).click();
  await expect(popup.backupReminder()).toHaveCount(0);
  await popup.page.reload();
  await expect(popup.rows()).toHaveCount(1);
  await expect(popup.backupReminder()).toHaveCount(0);

  const five = more(5);
  for (const account of five.slice(0, 4)) await popup.addAccount(account);
  await expect(popup.rows()).toHaveCount(5);
  await popup.page.reload();
  await expect(popup.rows()).toHaveCount(5);
  await expect(popup.backupReminder()).toHaveCount(0);
  await popup.addAccount(five[4]!);
  await expect(popup.rows()).toHaveCount(6);
  await expect(popup.backupReminder()).toHaveCount(0);
  await popup.page.reload();
  await expect(popup.rows()).toHaveCount(6);
  await expect(popup.backupReminder()).toBeVisible();

  const options = await OptionsPage.open(twofold);
  await expect(options.heading()).toHaveText('Twofold settings');
  await options.downloadBackup('a different sentence', PASSWORD);
  await popup.page.reload();
  await expect(popup.rows()).toHaveCount(6);
  await expect(popup.backupReminder()).toHaveCount(0);
});

// The demo shop is one server for the whole run, and journey.spec signs alice up too.
const SHOP_EMAIL = 'reminder@example.com';

test('the backup reminder waits through a site’s setup and comes after the first sign-in fill', async ({ twofold, openPopup, pageOn }) => {
  const first = await openPopup();
  await first.setUp(PASSWORD);
  await expect(first.page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  await first.page.close();

  const shop = await pageOn('www.demo-shop.com', '/signup', 'shop');
  await shop.locator('#email').fill(SHOP_EMAIL);
  await shop.locator('#password').fill('shop password 1');
  await shop.locator('#signup-form button[type=submit]').click();
  await shop.locator('#turn-on-two-step').click();
  await expect(shop.getByRole('heading', { name: 'Set up your authenticator app' })).toBeVisible();

  // Scan, then "Fill code into this page": no reminder beside it.
  const scan = await openPopupFor(twofold, shop);
  await scan.scanPage();
  const fillHere = scan.page.getByRole('button', { name: 'Fill code into this page' });
  await expect(fillHere).toBeVisible();
  await expect(scan.backupReminder()).toHaveCount(0);
  const closed = scan.page.waitForEvent('close');
  await fillHere.click();
  await expect(shop.locator('#otp')).toHaveValue(/^\d{6}$/);
  await closed;

  // Opened again on the setup page, and on the shop's confirmation: still none.
  const again = await openPopupFor(twofold, shop);
  await expect(again.rows()).toHaveCount(1);
  await expect(again.backupReminder()).toHaveCount(0);
  await again.page.close();
  await shop.locator('#setup-form button[type=submit]').click();
  await expect(shop.locator('#result')).toHaveAttribute('data-result', 'accepted');
  const confirmed = await openPopupFor(twofold, shop);
  await expect(confirmed.rows()).toHaveCount(1);
  await expect(confirmed.backupReminder()).toHaveCount(0);
  await confirmed.page.close();

  // Sign out, sign in with the button in the code field: the setup is over.
  await shop.locator('form[action="/signout"] button').first().click();
  await shop.goto(shop.url().replace(/\/[^/]*$/, '/signin'));
  await shop.locator('#email').fill(SHOP_EMAIL);
  await shop.locator('#password').fill('shop password 1');
  await shop.locator('#signin-form button[type=submit]').click();
  await shop.locator('twofold-fill').click();
  await expect(shop.locator('#otp')).toHaveValue(/^\d{6}$/);
  await shop.locator('#verify-form button[type=submit]').click();
  await expect(shop.locator('#result')).toHaveAttribute('data-result', 'accepted');

  // The next opening brings the reminder.
  const after = await openPopupFor(twofold, shop);
  await expect(after.rows()).toHaveCount(1);
  await expect(after.backupReminder()).toBeVisible();
  await expect(after.backupReminder()).toContainText('Save a backup of your accounts');
});
