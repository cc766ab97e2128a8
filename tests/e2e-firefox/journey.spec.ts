import { test, expect, openPopup, openPopupFor } from './fixtures';
import type { Page } from 'puppeteer-core';

/** The value of the field `css` in `page`. */
const valueOf = (page: Page, css: string) => page.$eval(css, (el) => (el as HTMLInputElement).value);

/**
 * The Chromium suite's journey (tests/e2e/journey.spec.ts) in Firefox: create the vault, enroll
 * by scanning the demo shop's setup page, fill the setup code from the popup, then sign in with
 * the inline button; the look-alike host gets no button.
 */
test('demo shop in Firefox: create the vault, scan the setup page, fill, sign in with the inline button', async ({ firefox }) => {
  const setup = await openPopup(firefox);
  await setup.setUp('correct horse battery');
  await setup.ui.waitFor('h2, h1', 'No accounts yet');
  await setup.page.close();

  const shop = await firefox.pageOn('www.demo-shop.com', '/signup', 'shop');
  await shop.type('#email', 'alice@example.com');
  await shop.type('#password', 'shop password 1');
  await Promise.all([shop.waitForNavigation(), shop.click('#signup-form button[type=submit]')]);
  await Promise.all([shop.waitForNavigation(), shop.click('#turn-on-two-step')]);
  await shop.waitForFunction(() => document.body.innerText.includes('Set up your authenticator app'));

  // Scan: tabs.captureVisibleTab of the shop's window, decoded, saved bound to the shop's site.
  const popup = await openPopupFor(firefox, shop);
  await popup.scanPage();
  await popup.ui.waitFor('[role="status"]', 'Saved Twofold Demo Shop (alice@example.com) for demo-shop.com');
  // The fill needs no permission prompt first; the popup closes after it, the page confirms it.
  await popup.ui.click('Fill code into this page');
  await shop.waitForFunction(() => /^\d{6}$/.test((document.querySelector('#otp') as HTMLInputElement | null)?.value ?? ''));
  expect(await valueOf(shop, '#otp')).toMatch(/^\d{6}$/);
  await Promise.all([shop.waitForNavigation(), shop.click('#setup-form button[type=submit]')]);
  expect(await shop.$eval('#result', (el) => el.getAttribute('data-result'))).toBe('accepted');
  if (!popup.page.isClosed()) await popup.page.close();

  // Sign out, sign in: the inline button fills the code the shop asks for.
  await Promise.all([shop.waitForNavigation(), shop.click('form[action="/signout"] button')]);
  await shop.goto(shop.url().replace(/\/[^/]*$/, '/signin'));
  await shop.type('#email', 'alice@example.com');
  await shop.type('#password', 'shop password 1');
  await Promise.all([shop.waitForNavigation(), shop.click('#signin-form button[type=submit]')]);
  await shop.waitForSelector('twofold-fill', { timeout: 10_000 });
  await shop.click('twofold-fill');
  await shop.waitForFunction(() => /^\d{6}$/.test((document.querySelector('#otp') as HTMLInputElement).value));
  await Promise.all([shop.waitForNavigation(), shop.click('#verify-form button[type=submit]')]);
  expect(await shop.$eval('#result', (el) => el.getAttribute('data-result'))).toBe('accepted');
  expect(await shop.$eval('#result', (el) => el.textContent)).toContain('Welcome back, alice@example.com');

  // The same shop under a look-alike name asks for the code too, but gets no button.
  const fake = await firefox.pageOn('www.dem0-shop.com', '/signin', 'shop');
  await fake.type('#email', 'alice@example.com');
  await fake.type('#password', 'shop password 1');
  await Promise.all([fake.waitForNavigation(), fake.click('#signin-form button[type=submit]')]);
  await fake.waitForFunction(() => document.body.innerText.includes('Enter the code from your authenticator app'));
  await new Promise((resolve) => setTimeout(resolve, 1500)); // the detector's batching interval is 250 ms
  expect(await fake.$$eval('twofold-fill', (els) => els.length)).toBe(0);
  expect(await valueOf(fake, '#otp')).toBe('');
});
