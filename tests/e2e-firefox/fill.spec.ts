import type { Page } from 'puppeteer-core';
import { test, expect, openPopup, openPopupFor } from './fixtures';
import { chooseInContextMenu, pressFillShortcut } from './support/firefox';
import { totpBetween } from '../e2e/support/totp';

const PASSWORD = 'correct horse battery';
const AMAZON = { issuer: 'Amazon', label: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP', digits: 6, sites: ['amazon.com'] };
/** For the 8-box fixture: an 8-digit account on its own site. */
const BANK = { issuer: 'Bank', label: 'alice', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', digits: 8, sites: ['bank.example'] };
const port = () => process.env.TWOFOLD_FIXTURE_PORT;

/** What the fixture page's own state received (`window.__received`). */
const received = (page: Page) => page.evaluate(() => String((globalThis as { __received?: unknown }).__received ?? ''));

/** Every code of `account` valid from `fromMs` until now (a fill can straddle a step). */
const codesSince = (account: typeof AMAZON, fromMs: number) => totpBetween(account.secret, fromMs - 1000, Date.now() + 1000, 30, account.digits);

/**
 * The Chromium suite's fill checks (tests/e2e/fill.spec.ts) on a few of the same fixture pages
 * in Firefox: what the page's own state received, under the real host names the accounts are
 * bound to; the look-alike host gets no button.
 */
test('Firefox fills on a bound site: the inline button in single and split fields, and Fill in the popup', async ({ firefox }) => {
  const setup = await openPopup(firefox);
  await setup.setUp(PASSWORD);
  await setup.ui.waitFor('h2, h1', 'No accounts yet');
  for (const account of [AMAZON, BANK]) expect(await setup.saveBoundAccount(account)).toMatchObject({ ok: true });
  await setup.page.close();
  // The inline button's script is registered for the bound sites once the vault has them.
  await expect
    .poll(() => firefox.inExtension(async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []), undefined))
    .toEqual(expect.arrayContaining(['https://amazon.com/*', 'https://bank.example/*']));

  // The inline button: a single field, React's controlled input, split boxes of 6 and of 8.
  for (const [host, fixture, account] of [
    ['www.amazon.com', 'amazon-like.html', AMAZON],
    ['www.amazon.com', 'react-controlled-input.html', AMAZON],
    ['www.amazon.com', 'split-6-boxes.html', AMAZON],
    ['secure.bank.example', 'split-8-boxes.html', BANK],
  ] as const) {
    const page = await firefox.pageOn(host, `/fill/${fixture}`);
    await page.waitForSelector('twofold-fill', { timeout: 10_000 });
    const before = Date.now();
    await page.click('twofold-fill');
    // Split boxes fill one by one: wait for the whole code.
    await expect.poll(async () => (await received(page)).length, { message: `${fixture}: no whole code received` }).toBe(account.digits);
    expect(codesSince(account, before), `${fixture}: wrong code`).toContain(await received(page));
    await page.close();
  }

  // The same page under a look-alike name gets no button.
  const fake = await firefox.pageOn('www.amaz0n.com', '/fill/amazon-like.html');
  await new Promise((resolve) => setTimeout(resolve, 1500)); // the detector's batching interval is 250 ms
  expect(await fake.$$eval('twofold-fill', (els) => els.length)).toBe(0);
  await fake.close();

  // Fill in the popup fills the page it acts on (and copies the code); the popup
  // then closes and the page confirms the fill itself.
  const page = await firefox.pageOn('www.amazon.com', '/fill/one-time-code-single.html');
  const popup = await openPopupFor(firefox, page);
  const before = Date.now();
  await popup.fill('Amazon');
  await expect.poll(() => received(page)).not.toBe('');
  expect(codesSince(AMAZON, before)).toContain(await received(page));
});

/** The page's Twofold notice is on screen (its text sits in a closed shadow root). */
const hasNotice = (page: Page) => page.evaluate(() => document.querySelector('twofold-notice') !== null);

/**
 * The shortcut (Firefox's own `<key>` for Alt+Shift+F) and the real context menu of the field
 * (a right-click, then "Fill sign-in code"): the code on the bound site; on the look-alike
 * nothing, and the page shows Twofold's notice instead.
 */
test('Firefox fills from the keyboard shortcut and the context menu on a bound site, and nothing on a look-alike', async ({ firefox }) => {
  const setup = await openPopup(firefox);
  await setup.setUp(PASSWORD);
  await setup.ui.waitFor('h2, h1', 'No accounts yet');
  expect(await setup.saveBoundAccount(AMAZON)).toMatchObject({ ok: true });
  await setup.page.close();

  const triggers = {
    shortcut: async (page: Page) => {
      await page.bringToFront();
      await pressFillShortcut(firefox);
    },
    'context menu': async (page: Page) => {
      await page.bringToFront();
      await page.click('#auth-mfa-otpcode', { button: 'right' });
      await chooseInContextMenu(firefox, 'Fill sign-in code');
    },
  };
  for (const [name, trigger] of Object.entries(triggers)) {
    const page = await firefox.pageOn('www.amazon.com', '/fill/amazon-like.html');
    const before = Date.now();
    await trigger(page);
    await expect.poll(() => received(page), { message: `${name}: no code received` }).not.toBe('');
    expect(codesSince(AMAZON, before), `${name}: wrong code`).toContain(await received(page));
    await page.close();

    const fake = await firefox.pageOn('www.amaz0n.com', '/fill/amazon-like.html');
    await trigger(fake);
    await expect.poll(() => hasNotice(fake), { message: `${name} on the look-alike: no notice` }).toBe(true);
    expect(await received(fake), `${name} on the look-alike: received a code`).toBe('');
    expect(await fake.$eval('#auth-mfa-otpcode', (input) => (input as HTMLInputElement).value), `${name} on the look-alike: filled`).toBe('');
    await fake.close();
  }
});
