import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { test, expect } from './fixtures';
import { openPopupFor } from './pages/tab-popup';
import { totpBetween } from './support/totp';
import { encodeMigrationUri } from '../../utils/otp/encode-migration-uri';
import type { AccountDraft } from '../../utils/otp/account';
import { serviceWorkerStopper } from './support/service-worker';
import { hasAccessibleName } from './support/accessibility-tree';

/** Chooses "Select an area" in the popup for `page`; the popup closes and the overlay takes the page. */
async function startSelectArea(twofold: Parameters<typeof openPopupFor>[0], page: Parameters<typeof openPopupFor>[1]): Promise<void> {
  const popup = await openPopupFor(twofold, page);
  const closed = popup.page.waitForEvent('close');
  await popup.page.getByRole('button', { name: 'Select an area' }).click();
  await closed;
}

const PASSWORD = 'correct horse battery';
const AMAZON_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

test.beforeEach(async ({ openPopup }) => {
  const popup = await openPopup();
  await popup.setUp(PASSWORD);
  await expect(popup.page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  await popup.page.close();
});

test('scanning an Amazon setup page saves the account bound to amazon.com with the right code', async ({ twofold, pageOn }) => {
  const page = await pageOn('www.amazon.com', '/scan/amazon-setup.html');
  const popup = await openPopupFor(twofold, page);
  await popup.scanPage();
  await expect(popup.page.getByRole('status').filter({ hasText: 'Saved Amazon (alice@example.com) for amazon.com' })).toBeVisible();

  const accounts = await popup.accounts();
  expect(accounts).toHaveLength(1);
  expect(accounts[0]).toMatchObject({ issuer: 'Amazon', label: 'alice@example.com', sites: ['amazon.com'] });
  const before = Date.now();
  const shown = await popup.codeOf('Amazon');
  expect(totpBetween(AMAZON_SECRET, before - 1000, Date.now())).toContain(shown);
});

test('a page with an app-store link and a setup code saves only the setup code and names the link', async ({ twofold, pageOn }) => {
  const page = await pageOn('github.com', '/scan/two-codes.html');
  const popup = await openPopupFor(twofold, page);
  await popup.scanPage();
  const saved = popup.page.getByRole('status').filter({ hasText: 'Saved GitHub (octocat) for github.com' });
  await expect(saved).toBeVisible();
  await expect(saved).toContainText('apps.apple.com');
  expect(await popup.accounts()).toHaveLength(1);
});

test('scanning the same code twice does not duplicate it unless asked', async ({ twofold, pageOn }) => {
  const page = await pageOn('www.amazon.com', '/scan/amazon-setup.html');
  const popup = await openPopupFor(twofold, page);
  await popup.scanPage();
  await expect(popup.rows()).toHaveCount(1);
  await popup.scanPage();
  await expect(popup.page.getByRole('group', { name: 'Accounts found' })).toContainText('already saved as Amazon (alice@example.com)');
  expect(await popup.accounts()).toHaveLength(1);
  await popup.page.getByRole('button', { name: 'Save all, duplicates too' }).click();
  await expect(popup.rows()).toHaveCount(2);
});

test.describe('what a scan says when there is no setup code', () => {
  for (const { path, message } of [
    { path: '/scan/link-only.html', message: 'This QR code is a link to shop.example, not a two-step verification code.' },
    { path: '/blank.html', message: 'No QR code found on this page' },
    { path: '/scan/malformed.html', message: '“1”' },
  ]) {
    test(`${path} → “${message}”`, async ({ twofold, pageOn }) => {
      const page = await pageOn('www.example.com', path);
      const popup = await openPopupFor(twofold, page);
      await popup.scanPage();
      await expect(popup.page.getByRole('alert')).toContainText(message);
      expect(await popup.accounts()).toHaveLength(0);
    });
  }
});

test('a Google Authenticator export shows its accounts first and imports them all', async ({ twofold, pageOn }) => {
  const draft = (issuer: string, label: string, secret: string): AccountDraft => ({
    kind: 'totp', issuer, label, secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0,
  });
  const uri = encodeMigrationUri([
    draft('Google', 'alice@gmail.com', 'JBSWY3DPEHPK3PXP'),
    draft('Slack', 'alice', 'KRSXG5CTMVRXEZLU'),
    { ...draft('Bank', 'alice', 'GEZDGNBVGY3TQOJQ'), kind: 'hotp', counter: 300 },
  ]);
  const page = await pageOn('export.example', `/scan/any-code.html?text=${encodeURIComponent(uri)}`);
  const popup = await openPopupFor(twofold, page);
  await popup.scanPage();
  const preview = popup.page.getByRole('group', { name: 'Accounts found' });
  await expect(preview).toContainText('Found 3 accounts');
  await expect(preview).toContainText('Slack (alice)');
  await popup.page.getByRole('button', { name: 'Save 3 new' }).click();
  await expect(popup.rows()).toHaveCount(3);
  expect((await popup.accounts()).map((a) => a.issuer).sort()).toEqual(['Bank', 'Google', 'Slack']);
});

/** A Google Authenticator export of two accounts: a scan of it waits for Save (its preview). */
function twoAccountExport(): string {
  const draft = (issuer: string, label: string, secret: string): AccountDraft => ({
    kind: 'totp', issuer, label, secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0,
  });
  return encodeMigrationUri([draft('Google', 'alice@gmail.com', 'JBSWY3DPEHPK3PXP'), draft('Slack', 'alice', 'KRSXG5CTMVRXEZLU')]);
}

test('a scan waiting for Save survives the browser stopping the idle worker: Save still saves both', async ({ twofold, pageOn }) => {
  const page = await pageOn('export.example', `/scan/any-code.html?text=${encodeURIComponent(twoAccountExport())}`);
  const popup = await openPopupFor(twofold, page);
  await popup.scanPage();
  await expect(popup.page.getByRole('group', { name: 'Accounts found' })).toContainText('Found 2 accounts');
  // Chrome stops a worker idle for 30 s; the person is still reading the list.
  const stopper = await serviceWorkerStopper(twofold.context, twofold.extensionId);
  try {
    await stopper.stop();
  } finally {
    await stopper.dispose();
  }
  await popup.page.getByRole('button', { name: 'Save 2 new' }).click();
  await expect(popup.page.getByRole('status').filter({ hasText: 'Saved Google (alice@gmail.com), Slack (alice)' })).toBeVisible();
  await expect(popup.rows()).toHaveCount(2);
  await expect(popup.page.getByRole('alert')).toHaveCount(0);
});

test('locking between a scan and Save forgets what it found, and Save says so in plain words', async ({ twofold, pageOn, openPopup }) => {
  const page = await pageOn('export.example', `/scan/any-code.html?text=${encodeURIComponent(twoAccountExport())}`);
  const popup = await openPopupFor(twofold, page);
  await popup.scanPage();
  await expect(popup.page.getByRole('group', { name: 'Accounts found' })).toContainText('Found 2 accounts');
  // Twofold is locked from another of its windows (as auto-lock or "Lock now" elsewhere does).
  const other = await openPopup();
  await other.lockNow();
  await popup.page.getByRole('button', { name: 'Save 2 new' }).click();
  await expect(popup.page.getByRole('alert')).toHaveText('Twofold was locked, so it forgot the accounts this scan found. Unlock Twofold and scan the code again.');
  // Nothing of the scan is left to save: unlocked again, the list is empty.
  await other.page.reload();
  await other.unlock(PASSWORD);
  await expect(other.page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  const pending = await twofold.serviceWorker.evaluate(async () => Object.keys(await chrome.storage.session.get(null)));
  expect(pending).not.toContain('pendingScans');
});

test('select an area: drag over the code on the page and it is saved', async ({ twofold, pageOn }) => {
  const page = await pageOn('www.amazon.com', '/scan/two-codes.html');
  await startSelectArea(twofold, page);
  // The overlay covers the page; drag around the setup code only.
  const box = (await page.locator('img[alt="Setup code"]').boundingBox())!;
  await page.waitForTimeout(300);
  await page.mouse.move(box.x - 10, box.y - 10);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width + 10, box.y + box.height + 10, { steps: 4 });
  await page.mouse.up();
  // The overlay's host element comes back as the result toast once the area is saved.
  await expect(page.locator('twofold-overlay')).toHaveCount(1);
  const check = await openPopupFor(twofold, page);
  await expect(check.rows()).toHaveCount(1);
  expect(await check.accounts()).toEqual([expect.objectContaining({ issuer: 'GitHub', sites: ['amazon.com'] })]);
});

test('select an area: the drag still saves after the browser stopped the idle worker meanwhile', async ({ twofold, pageOn }) => {
  const page = await pageOn('www.amazon.com', '/scan/amazon-setup.html');
  await startSelectArea(twofold, page);
  await expect.poll(() => hasAccessibleName(page, 'Drag over the QR code to scan it.')).toBe(true);
  // The person takes longer than Chrome keeps an idle worker.
  const stopper = await serviceWorkerStopper(twofold.context, twofold.extensionId);
  try {
    await stopper.stop();
  } finally {
    await stopper.dispose();
  }
  await page.keyboard.press('Enter');
  await expect.poll(() => hasAccessibleName(page, /^Saved .* for amazon\.com\./u)).toBe(true);
});

test('select an area: Escape cancels and nothing is saved', async ({ twofold, pageOn }) => {
  const page = await pageOn('www.amazon.com', '/scan/amazon-setup.html');
  await startSelectArea(twofold, page);
  await page.waitForTimeout(300);
  await page.keyboard.press('Escape');
  await expect(page.locator('twofold-overlay')).toHaveCount(0);
  const check = await openPopupFor(twofold, page);
  expect(await check.accounts()).toHaveLength(0);
});

test("select an area: the page's own script cannot choose the area (Enter takes the whole page) or cancel it; the person still can", async ({ twofold, pageOn }) => {
  const page = await pageOn('www.amazon.com', '/scan/amazon-setup.html');
  await startSelectArea(twofold, page);
  await expect(page.locator('twofold-overlay')).toHaveCount(1);
  // The page sends Enter and Escape as key events of its own, where the overlay listens.
  const sent = await page.evaluate(() => {
    let count = 0;
    for (const target of [document, document.documentElement, document.body, window, document.activeElement ?? document.body]) {
      for (const key of ['Enter', 'Escape']) {
        for (const type of ['keydown', 'keyup']) {
          target.dispatchEvent(new KeyboardEvent(type, { key, code: key, bubbles: true, cancelable: true, composed: true }));
          count += 1;
        }
      }
    }
    return count;
  });
  expect(sent).toBeGreaterThan(0);
  await page.waitForTimeout(1000);
  // The overlay still asks for an area (a chosen one would have turned into "Saved …").
  expect(await hasAccessibleName(page, 'Drag over the QR code to scan it.'), 'the page closed the overlay').toBe(true);
  expect(await hasAccessibleName(page, 'Saved'), 'the page chose the area').toBe(false);
  // The person's Enter takes the whole visible page: the setup code on it is saved.
  await page.keyboard.press('Enter');
  await expect.poll(() => hasAccessibleName(page, /^Saved .* for amazon\.com\./u)).toBe(true);
  const check = await openPopupFor(twofold, page);
  await expect(check.rows()).toHaveCount(1);
});

test('an image file of the code can be chosen, and a broken file is refused clearly', async ({ twofold, pageOn }) => {
  const dir = mkdtempSync(join(tmpdir(), 'twofold-img-'));
  const png = join(dir, 'setup-code.png');
  await QRCode.toFile(png, 'otpauth://totp/PayPal:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=PayPal', { scale: 5 });
  const broken = join(dir, 'broken.png');
  writeFileSync(broken, Buffer.from('not really a png'));
  const notImage = join(dir, 'notes.txt');
  writeFileSync(notImage, 'hello');

  const page = await pageOn('www.example.com', '/blank.html');
  const popup = await openPopupFor(twofold, page);
  const input = popup.page.getByLabel('Choose an image of the QR code');
  await input.setInputFiles(notImage);
  await expect(popup.page.getByRole('alert')).toContainText('is not an image');
  await input.setInputFiles(broken);
  await expect(popup.page.getByRole('alert')).toContainText('could not be read');
  await input.setInputFiles(png);
  await expect(popup.page.getByRole('status').filter({ hasText: 'Saved PayPal (alice)' })).toBeVisible();
  expect(await popup.accounts()).toEqual([expect.objectContaining({ issuer: 'PayPal', sites: [] })]);
});

test('a pasted otpauth link is read, and a bad one gets the parser’s message', async ({ twofold, pageOn }) => {
  const page = await pageOn('www.example.com', '/blank.html');
  const popup = await openPopupFor(twofold, page);
  await popup.page.getByRole('button', { name: 'Paste a setup link' }).click();
  const box = popup.page.getByLabel('Setup link');
  await box.fill('otpauth://hotp/Bank?secret=JBSWY3DPEHPK3PXP');
  await popup.page.getByRole('button', { name: 'Read link' }).click();
  await expect(popup.page.getByRole('alert')).toContainText('counter');
  await box.fill('otpauth://totp/Slack:alice?secret=KRSXG5CTMVRXEZLU&issuer=Slack');
  await popup.page.getByRole('button', { name: 'Read link' }).click();
  await expect(popup.page.getByRole('status').filter({ hasText: 'Saved Slack (alice)' })).toBeVisible();
  await expect(popup.rows()).toHaveCount(1);
});
