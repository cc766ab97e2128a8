import { test, expect } from './fixtures';
import { launchTwofold } from './support/launch';
import { PopupPage } from './pages/popup-page';
import { totpBetween } from './support/totp';
import { stopServiceWorker } from './support/service-worker';

const PASSWORD = 'correct horse battery';
const ACCOUNTS = [
  { issuer: 'Amazon', label: 'alice@example.com', secret: 'JBSW Y3DP EHPK 3PXP' },
  { issuer: 'Ünïcode Bank', label: 'ålice', secret: 'gezdgnbvgy3tqojqgezdgnbvgy3tqojq' },
  { issuer: 'PayPal', label: 'alice.paypal@example.com', secret: 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ======' },
];
const normalize = (s: string) => s.replace(/[\s=]/g, '').toUpperCase();

async function expectCodesMatch(popup: PopupPage) {
  for (const account of ACCOUNTS) {
    const before = Date.now();
    const shown = await popup.codeOf(account.issuer);
    const after = Date.now();
    expect(totpBetween(normalize(account.secret), before - 1000, after)).toContain(shown);
  }
}

test('set up, add three accounts by text key, see their real codes, lock and unlock', async ({ openPopup, twofold }) => {
  const popup = await openPopup();
  await popup.setUp(PASSWORD);
  await expect(popup.page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  for (const account of ACCOUNTS) {
    await popup.addAccount(account);
    await expect(popup.page.getByRole('status').filter({ hasText: `Saved ${account.issuer}` })).toBeVisible();
  }
  await expect(popup.rows()).toHaveCount(3);
  expect(await popup.issuers()).toEqual(ACCOUNTS.map((a) => a.issuer));
  await expectCodesMatch(popup);

  // Clicking a code copies it and says so.
  await twofold.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await popup.row('Amazon').locator('button.code').click();
  await expect(popup.page.getByRole('status').filter({ hasText: 'Copied the code for Amazon' })).toBeVisible();
  const copied = await popup.page.evaluate(() => navigator.clipboard.readText());
  expect(totpBetween(normalize(ACCOUNTS[0]!.secret), Date.now() - 5000, Date.now())).toContain(copied);

  await popup.lockNow();
  await popup.unlock('wrong password');
  await expect(popup.page.getByRole('alert')).toContainText('That password is not right');
  await popup.unlock(PASSWORD);
  await expect(popup.rows()).toHaveCount(3);
  expect(await popup.issuers()).toEqual(ACCOUNTS.map((a) => a.issuer));
  await expectCodesMatch(popup);
});

test('storage holds no secret, issuer or account name in any encoding', async ({ openPopup, twofold }) => {
  const popup = await openPopup();
  await popup.setUp(PASSWORD);
  for (const account of ACCOUNTS) await popup.addAccount(account);
  await expect(popup.rows()).toHaveCount(3);

  const dump = await twofold.serviceWorker.evaluate(async () => {
    const local = await chrome.storage.local.get(null);
    const sync = await chrome.storage.sync.get(null);
    return JSON.stringify({ local, sync });
  });
  const needles = ACCOUNTS.flatMap((a) => [a.issuer, a.label, normalize(a.secret)]);
  for (const needle of needles) {
    const utf8 = Buffer.from(needle, 'utf8');
    const forms = [
      needle, needle.toLowerCase(), encodeURIComponent(needle),
      utf8.toString('base64').replace(/=+$/, ''), utf8.toString('base64url'), utf8.toString('hex'),
      Buffer.from(needle, 'utf16le').toString('base64').replace(/=+$/, ''),
      JSON.stringify(needle).slice(1, -1),
    ];
    for (const form of forms) expect(dump.toLowerCase()).not.toContain(form.toLowerCase());
  }
  expect(dump).toContain('twofold-vault');
});

test('a stopped service worker keeps the vault unlocked and loses nothing', async ({ openPopup, twofold }) => {
  const popup = await openPopup();
  await popup.setUp(PASSWORD);
  for (const account of ACCOUNTS) await popup.addAccount(account);
  await expect(popup.rows()).toHaveCount(3);

  await popup.page.close();
  await stopServiceWorker(twofold.context, twofold.extensionId);
  const reopened = await openPopup();
  await expect(reopened.rows()).toHaveCount(3);
  expect(await reopened.issuers()).toEqual(ACCOUNTS.map((a) => a.issuer));
  await expectCodesMatch(reopened);
});

test('a browser restart locks the vault, and unlocking shows every account', async ({ twofold }) => {
  let popup = new PopupPage(await twofold.context.newPage());
  await popup.page.goto(`chrome-extension://${twofold.extensionId}/popup.html`);
  await popup.setUp(PASSWORD);
  for (const account of ACCOUNTS) await popup.addAccount(account);
  await expect(popup.rows()).toHaveCount(3);
  await twofold.context.close();

  const again = await launchTwofold({ userDataDir: twofold.userDataDir });
  try {
    popup = new PopupPage(await again.context.newPage());
    await popup.page.goto(`chrome-extension://${again.extensionId}/popup.html`);
    await expect(popup.heading()).toHaveText('Twofold is locked');
    await popup.unlock(PASSWORD);
    await expect(popup.rows()).toHaveCount(3);
    await expectCodesMatch(popup);
  } finally {
    await again.context.close();
  }
});

test('twenty adds fired at once from two extension pages are all saved', async ({ openPopup }) => {
  const first = await openPopup();
  await first.setUp(PASSWORD);
  await expect(first.page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  const second = await openPopup();
  await expect(second.page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();

  const fire = (page: PopupPage, from: number) =>
    page.page.evaluate(async (start) => {
      const sends = Array.from({ length: 10 }, (_, i) =>
        chrome.runtime.sendMessage({
          channel: 'twofold',
          name: 'addAccount',
          args: { form: { kind: 'totp', issuer: `Site ${start + i}`, label: '', secret: `JBSWY3DPEHPK3PX${'ABCDEFGHIJKLMNOPQRST'[start + i]}`, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } },
        }),
      );
      return Promise.all(sends);
    }, from);
  const replies = (await Promise.all([fire(first, 0), fire(second, 10)])).flat();
  expect(replies.every((r: { ok: boolean }) => r.ok)).toBe(true);

  const third = await openPopup();
  await expect(third.rows()).toHaveCount(20);
  const names = (await third.issuers()).sort();
  expect(names).toEqual(Array.from({ length: 20 }, (_, i) => `Site ${i}`).sort());
});

test('a damaged vault is reported, never overwritten', async ({ openPopup, twofold }) => {
  const popup = await openPopup();
  await popup.setUp(PASSWORD);
  await popup.addAccount(ACCOUNTS[0]!);
  await expect(popup.rows()).toHaveCount(1);

  const damaged = await twofold.serviceWorker.evaluate(async () => {
    const { vault } = await chrome.storage.local.get('vault');
    const v = vault as { payload: { ciphertext: string } };
    const c = v.payload.ciphertext;
    v.payload.ciphertext = (c[5] === 'A' ? 'B' : 'A').padStart(6, c.slice(0, 5)) + c.slice(6);
    await chrome.storage.local.set({ vault: v });
    await chrome.storage.session.clear();
    return JSON.stringify(v);
  });
  const reopened = await openPopup();
  await expect(reopened.heading()).toHaveText('Your saved accounts cannot be read');
  await expect(reopened.page.getByRole('alert')).toContainText('backup');
  const after = await twofold.serviceWorker.evaluate(async () => JSON.stringify((await chrome.storage.local.get('vault')).vault));
  expect(after).toBe(damaged);
});

test('first-run and add forms explain every bad input next to the field', async ({ openPopup }) => {
  const popup = await openPopup();
  await popup.setUp('short');
  await expect(popup.page.locator('#new-password-error')).toContainText('8');
  await popup.setUp('long enough password', 'different password');
  await expect(popup.page.locator('#confirm-password-error')).toBeVisible();
  await popup.setUp(PASSWORD);
  await popup.addAccount({ issuer: 'Broken', secret: 'not base32 at all 1!' });
  await expect(popup.page.locator('#secret-error')).toBeVisible();
  await popup.page.getByLabel('Setup key').fill('JBSWY3DPEHPK3PXP');
  await popup.page.getByLabel('Service').fill('');
  await popup.page.getByRole('button', { name: 'Save account' }).click();
  await expect(popup.page.locator('#issuer-error')).toBeVisible();
  // Nothing half-saved: the list is still empty.
  await popup.page.getByRole('button', { name: 'Cancel' }).click();
  await expect(popup.page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
});

test('saving the same key twice asks first', async ({ openPopup }) => {
  const popup = await openPopup();
  await popup.setUp(PASSWORD);
  await popup.addAccount(ACCOUNTS[0]!);
  await popup.addAccount({ issuer: 'Amazon again', secret: ACCOUNTS[0]!.secret.toLowerCase() });
  await expect(popup.page.getByRole('alert')).toContainText('already saved');
  await popup.page.getByLabel('Save a second copy').check();
  await popup.page.getByRole('button', { name: 'Save account' }).click();
  await expect(popup.rows()).toHaveCount(2);
});

test('delete asks for confirmation', async ({ openPopup }) => {
  const popup = await openPopup();
  await popup.setUp(PASSWORD);
  await popup.addAccount(ACCOUNTS[0]!);
  await popup.addAccount(ACCOUNTS[2]!);
  // Delete is inside the account's edit screen, away from the list's everyday buttons.
  await expect(popup.row('Amazon').getByRole('button', { name: /^Delete/ })).toHaveCount(0);
  await popup.edit('Amazon');
  await popup.page.getByRole('button', { name: 'Delete this account…' }).click();
  await expect(popup.page.getByRole('button', { name: 'Cancel' }).last()).toBeFocused();
  await popup.page.getByRole('button', { name: 'Cancel' }).last().click();
  await expect(popup.page.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
  await popup.page.getByRole('button', { name: 'Delete this account…' }).click();
  await popup.page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(popup.rows()).toHaveCount(1);
  expect(await popup.issuers()).toEqual(['PayPal']);
});
