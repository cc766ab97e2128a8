import { test, expect } from './fixtures';
import type { TwofoldBrowser } from './support/launch';
import { OptionsPage } from './pages/options-page';
import type { PopupPage } from './pages/popup-page';
import { expectAccessible } from './support/axe';
import { totpBetween } from './support/totp';

const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a brand new sentence';
const ACCOUNTS = [
  { issuer: 'Amazon', label: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' },
  { issuer: 'PayPal', label: 'alice.paypal@example.com', secret: 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF' },
];
const AUTO_LOCK_ALARM = 'twofold-auto-lock';
const MINUTE = 60_000;

/** Sets Twofold up in the popup with two accounts and returns the popup, still unlocked. */
async function setUpWithAccounts(openPopup: () => Promise<PopupPage>): Promise<PopupPage> {
  const popup = await openPopup();
  await popup.setUp(PASSWORD);
  for (const account of ACCOUNTS) await popup.addAccount(account);
  await expect(popup.rows()).toHaveCount(ACCOUNTS.length);
  return popup;
}

const alarms = (twofold: TwofoldBrowser) => twofold.serviceWorker.evaluate(() => chrome.alarms.getAll());
const storedVault = (twofold: TwofoldBrowser) =>
  twofold.serviceWorker.evaluate(async () => JSON.stringify((await chrome.storage.local.get('vault')).vault));

test('before setup, the options page sends the user to the toolbar popup', async ({ twofold }) => {
  const options = await OptionsPage.open(twofold);
  await expect(options.heading()).toHaveText('Twofold is not set up yet');
  await expect(options.page.getByText('Click the Twofold icon in your browser’s toolbar')).toBeVisible();
  await expect(options.page.getByRole('heading', { name: 'What is stored and how' })).toBeVisible();
  await expect(options.page.getByTestId('version')).toHaveText(/^\d+\.\d+\.\d+/);
  await expect(options.autoLock()).toHaveCount(0);
});

test('the auto-lock time and lock-with-the-computer are saved and survive a reload', async ({ twofold, openPopup }) => {
  await setUpWithAccounts(openPopup);
  const options = await OptionsPage.open(twofold);
  await expect(options.heading()).toHaveText('Twofold settings');
  await expect(options.autoLock()).toHaveValue('15');
  await expect(options.lockOnSystemLock()).toBeChecked();

  await options.setAutoLock('5 minutes');
  await expect(options.page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await options.lockOnSystemLock().uncheck();
  await expect(options.savedStatus('lock-on-system-lock')).toHaveText('Saved');

  await options.page.reload();
  await expect(options.autoLock()).toHaveValue('5');
  await expect(options.autoLock().locator('option:checked')).toHaveText('5 minutes');
  await expect(options.lockOnSystemLock()).not.toBeChecked();
  const stored = await twofold.serviceWorker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
  expect(stored).toEqual({ autoLockMinutes: 5, lockOnSystemLock: false });
});

test('"Never" clears the auto-lock alarm and 15 minutes sets it', async ({ twofold, openPopup }) => {
  await setUpWithAccounts(openPopup);
  const options = await OptionsPage.open(twofold);

  await options.setAutoLock('Never');
  expect((await alarms(twofold)).filter((a) => a.name === AUTO_LOCK_ALARM)).toEqual([]);

  const before = Date.now();
  await options.setAutoLock('15 minutes');
  const after = Date.now();
  const alarm = (await alarms(twofold)).find((a) => a.name === AUTO_LOCK_ALARM);
  expect(alarm).toBeDefined();
  expect(alarm!.periodInMinutes).toBeUndefined();
  expect(alarm!.scheduledTime).toBeGreaterThanOrEqual(before + 15 * MINUTE - 1000);
  expect(alarm!.scheduledTime).toBeLessThanOrEqual(after + 15 * MINUTE + 1000);
});

test('when the auto-lock alarm fires, Twofold locks', async ({ twofold, openPopup }) => {
  const popup = await setUpWithAccounts(openPopup);
  const options = await OptionsPage.open(twofold);
  await options.setAutoLock('1 minute');
  // Nothing else uses the vault meanwhile (each use would move the alarm back to 1 minute).
  await popup.page.close();
  await expect.poll(async () => (await alarms(twofold)).find((a) => a.name === AUTO_LOCK_ALARM)?.scheduledTime ?? 0)
    .toBeGreaterThan(Date.now() + 30_000);

  // Unpacked extensions may set alarms shorter than Chrome's 30 s minimum: bring it forward.
  await twofold.serviceWorker.evaluate((name) => chrome.alarms.create(name, { when: Date.now() + 200 }), AUTO_LOCK_ALARM);
  await expect.poll(async () => (await alarms(twofold)).map((a) => a.name), { timeout: 15_000 }).toEqual([]);

  const reopened = await openPopup();
  await expect(reopened.heading()).toHaveText('Twofold is locked');
  // The options tab notices when it is looked at again.
  await options.page.reload();
  await expect(options.heading()).toHaveText('Twofold is locked');
});

test('change password refuses a wrong current password and a weak new one, next to the right field', async ({ twofold, openPopup }) => {
  await setUpWithAccounts(openPopup);
  const options = await OptionsPage.open(twofold);
  const vaultBefore = await storedVault(twofold);

  await options.changePassword('', NEW_PASSWORD);
  await expect(options.errorOf(options.currentPassword())).toHaveText('Type your current master password.');
  await expect(options.currentPassword()).toBeFocused();

  await options.changePassword('not my password', NEW_PASSWORD);
  await expect(options.errorOf(options.currentPassword())).toContainText('That password is not right');
  await expect(options.currentPassword()).toHaveAccessibleDescription(/That password is not right/);
  await expect(options.currentPassword()).toHaveAttribute('aria-invalid', 'true');
  await expect(options.currentPassword()).toBeFocused();
  await expect(options.currentPassword()).toHaveValue('');

  await options.changePassword(PASSWORD, 'short');
  await expect(options.errorOf(options.newPassword())).toContainText('at least 8 characters');
  await expect(options.newPassword()).toHaveAccessibleDescription(/at least 8 characters/);
  await expect(options.errorOf(options.currentPassword())).toHaveCount(0);
  await expect(options.newPassword()).toBeFocused();
  // Only a wrong current password is cleared; the others stay for the user to fix.
  await expect(options.currentPassword()).toHaveValue(PASSWORD);

  await options.changePassword(PASSWORD, NEW_PASSWORD, 'a brand new sentence!');
  await expect(options.errorOf(options.confirmPassword())).toContainText('do not match');
  await expect(options.confirmPassword()).toHaveAccessibleDescription(/do not match/);
  await expect(options.page.getByRole('status').filter({ hasText: 'Password changed' })).toHaveCount(0);

  expect(await storedVault(twofold)).toBe(vaultBefore);
  await options.lockNow();
  await options.unlock(PASSWORD);
});

test('after a password change the old password fails, the new one unlocks, every account is there', async ({ twofold, openPopup }) => {
  const popup = await setUpWithAccounts(openPopup);
  const options = await OptionsPage.open(twofold);

  await options.changePassword(PASSWORD, NEW_PASSWORD);
  await expect(options.page.getByRole('status').filter({ hasText: 'Password changed. Use the new one from now on.' })).toBeVisible();
  for (const box of [options.currentPassword(), options.newPassword(), options.confirmPassword()]) await expect(box).toHaveValue('');

  await options.lockNow();
  await popup.page.reload();
  await expect(popup.heading()).toHaveText('Twofold is locked');
  await popup.unlock(PASSWORD);
  await expect(popup.page.getByRole('alert')).toContainText('That password is not right');
  await popup.unlock(NEW_PASSWORD);
  await expect(popup.rows()).toHaveCount(ACCOUNTS.length);
  expect(await popup.issuers()).toEqual(ACCOUNTS.map((a) => a.issuer));
  // The secrets are untouched: each row shows the code computed here from the same secret.
  for (const account of ACCOUNTS) {
    const before = Date.now();
    const shown = await popup.codeOf(account.issuer);
    expect(totpBetween(account.secret, before - 1000, Date.now())).toContain(shown);
  }
});

test('Lock now on the options page locks Twofold everywhere; unlocking there brings the settings back', async ({ twofold, openPopup }) => {
  const popup = await setUpWithAccounts(openPopup);
  const options = await OptionsPage.open(twofold);
  await options.lockNow();
  await expect(options.page.getByLabel('Master password')).toBeFocused();

  await popup.page.reload();
  await expect(popup.heading()).toHaveText('Twofold is locked');

  await options.unlock(PASSWORD);
  await expect(options.autoLock()).toHaveValue('15');
  await popup.page.reload();
  await expect(popup.rows()).toHaveCount(ACCOUNTS.length);
});

test('the options page can be used from the keyboard alone', async ({ twofold, openPopup }) => {
  await setUpWithAccounts(openPopup);
  const options = await OptionsPage.open(twofold);
  await expect(options.autoLock()).toHaveValue('15');
  const page = options.page;

  // The section links come first; Enter on one moves the focus to its section.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Security' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#security')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(options.autoLock()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(options.savedStatus('auto-lock')).toHaveText('Saved');
  await expect(options.autoLock()).toHaveValue('30');
  await page.keyboard.press('Tab');
  await expect(options.lockOnSystemLock()).toBeFocused();
  await page.keyboard.press('Space');
  await expect(options.savedStatus('lock-on-system-lock')).toHaveText('Saved');
  await expect(options.lockOnSystemLock()).not.toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: /Clear the clipboard 30 seconds/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Lock now' })).toBeFocused();
  // The focus ring is visible on every control reached by keyboard.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
});

test('the settings are in sections with links to them; a link goes to its section and marks itself', async ({ twofold, openPopup }) => {
  await setUpWithAccounts(openPopup);
  const options = await OptionsPage.open(twofold);
  const nav = options.page.getByRole('navigation', { name: 'Settings sections' });
  await expect(nav.getByRole('link')).toHaveText(['Security', 'Sites', 'Import', 'Backup and export', 'Sync', 'About']);
  await expect(nav.getByRole('link', { name: 'Security' })).toHaveAttribute('aria-current', 'location');

  await nav.getByRole('link', { name: 'Backup and export' }).click();
  await expect(options.page).toHaveURL(/#backup$/);
  await expect(nav.getByRole('link', { name: 'Backup and export' })).toHaveAttribute('aria-current', 'location');
  await expect(options.page.locator('#backup')).toBeFocused();
  await expect(options.page.getByRole('heading', { name: 'Backup and export', level: 2 })).toBeInViewport();

  // A link from elsewhere (options.html#sync) opens at its section.
  await options.page.goto(options.page.url().replace(/#.*$/, '#sync'));
  await expect(options.page.getByRole('heading', { name: 'Sync between your browsers' })).toBeInViewport();
  await expect(nav.getByRole('link', { name: 'Sync' })).toHaveAttribute('aria-current', 'location');
});

test('Sites lists each site once with its accounts, their Remove buttons on the same line', async ({ twofold, openPopup }) => {
  const popup = await openPopup();
  await popup.setUp(PASSWORD);
  await popup.addAccount({ ...ACCOUNTS[0]!, site: 'amazon.com' });
  await popup.addAccount({ issuer: 'Amazon', label: 'bob@example.com', secret: 'GEZDGNBVGY3TQOJQ', site: 'www.amazon.com' });
  await popup.addAccount(ACCOUNTS[1]!);
  const options = await OptionsPage.open(twofold);
  const groups = options.sitesSection().locator('li.site-group');
  await expect(groups).toHaveCount(1);
  await expect(groups.getByRole('heading', { level: 3 })).toHaveText('amazon.com');
  const rows = groups.getByRole('list', { name: 'Accounts used on amazon.com' }).getByRole('listitem');
  await expect(rows).toHaveText([/^Amazon \(alice@example\.com\)\s*Remove$/, /^Amazon \(bob@example\.com\)\s*Remove$/]);
  for (const row of await rows.all()) {
    const name = await row.locator('.site-account__name').boundingBox();
    const button = await row.getByRole('button').boundingBox();
    expect(Math.abs(name!.y + name!.height / 2 - (button!.y + button!.height / 2))).toBeLessThan(8);
  }
  await expect(options.sitesSection().getByTestId('sites-unbound')).toHaveText('Not used on any site yet: PayPal (alice.paypal@example.com)');
  // One form adds a site to any account.
  await expect(options.sitesSection().getByRole('form', { name: 'Add a site to an account' })).toHaveCount(1);
});

test('the options page screens have no serious accessibility violations', async ({ twofold, openPopup }) => {
  const options = await OptionsPage.open(twofold);
  await expect(options.heading()).toHaveText('Twofold is not set up yet');
  await expectAccessible(options.page, 'options: not set up');

  await setUpWithAccounts(openPopup);
  await options.page.reload();
  await expect(options.autoLock()).toHaveValue('15');
  await expectAccessible(options.page, 'options: settings');
  await options.page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(options.page, 'options: settings, dark');
  await options.page.emulateMedia({ colorScheme: 'light' });

  await options.setAutoLock('5 minutes');
  await options.changePassword('not my password', 'short', 'other');
  await expect(options.errorOf(options.newPassword())).toBeVisible();
  await expectAccessible(options.page, 'options: settings with errors');

  await options.lockNow();
  await expectAccessible(options.page, 'options: locked');
});
