/**
 * Options → Sites and Filling (issue 6): sites added and removed there reach the accounts the
 * popup searches; junk gets a message; the host permissions Twofold holds are listed, each with
 * a revoke button; and "Submit the form after filling" submits a fixture form only when on.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { TwofoldBrowser } from './support/launch';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import { expectAccessible } from './support/axe';

const PASSWORD = 'correct horse battery';
const AMAZON = { issuer: 'Amazon', label: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP', sites: ['amazon.com'] };
const AMAZON_NAME = 'Amazon (alice@example.com)';

/** Sets Twofold up with the Amazon account bound to amazon.com; returns the popup. */
async function setUp(openPopup: () => Promise<PopupPage>): Promise<PopupPage> {
  const popup = await openPopup();
  await popup.setUp(PASSWORD);
  await expect(popup.page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  await popup.saveBoundAccount(AMAZON);
  await popup.page.reload();
  await expect(popup.rows()).toHaveCount(1);
  return popup;
}

/** The rows the popup's search shows for `query`, after a reload (so it reads the vault again). */
async function searchRows(popup: PopupPage, query: string) {
  await popup.page.reload();
  await expect(popup.search()).toBeVisible();
  await popup.search().fill(query);
  return popup.rows();
}

test('a site added in options is bound to the account and found by the popup’s search; removing it unbinds it', async ({ twofold, openPopup }) => {
  const popup = await setUp(openPopup);
  const options = await OptionsPage.open(twofold);
  await expect(options.boundSites(AMAZON_NAME)).toHaveCount(1);
  await expect(options.boundSites(AMAZON_NAME).first()).toContainText('amazon.com');

  // A URL is narrowed down to its registrable domain.
  await options.addSite(AMAZON_NAME, 'https://www.amazon.co.uk/ap/signin?x=1');
  await expect(options.boundSites(AMAZON_NAME)).toHaveCount(2);
  await expect(options.boundSites(AMAZON_NAME).nth(1)).toContainText('amazon.co.uk');
  await expect(options.addSiteBox()).toHaveValue('');
  await expect(await searchRows(popup, 'amazon.co.uk')).toHaveCount(1);

  await options.removeSite(AMAZON_NAME, 'amazon.co.uk');
  await expect(options.boundSites(AMAZON_NAME)).toHaveCount(1);
  await expect(await searchRows(popup, 'amazon.co.uk')).toHaveCount(0);
  await expect(await searchRows(popup, 'amazon.com')).toHaveCount(1);
});

test('junk and a site already there get a message and change nothing', async ({ twofold, openPopup }) => {
  await setUp(openPopup);
  const options = await OptionsPage.open(twofold);
  await expect(options.boundSites(AMAZON_NAME)).toHaveCount(1);

  await options.addSite(AMAZON_NAME, 'not a site');
  await expect(options.addSiteError()).toHaveText('“not a site” is not a site name. Write it like amazon.com.');
  await options.addSite(AMAZON_NAME, 'ftp://files.example.com');
  await expect(options.addSiteError()).toContainText('is not a site name');
  await options.addSite(AMAZON_NAME, 'www.amazon.com');
  await expect(options.addSiteError()).toHaveText('amazon.com is already on this account.');
  await expect(options.boundSites(AMAZON_NAME)).toHaveCount(1);
});

test('the host permissions Twofold holds are listed, each with a revoke button', async ({ twofold, openPopup }) => {
  await setUp(openPopup);
  const page = await twofold.context.newPage();
  // The test build holds <all_urls> as a required permission, which covers every optional origin,
  // and headless Chromium cannot answer the browser's permission prompt. So the page gets one
  // optional origin granted in its own view of the permissions API; everything else is real.
  await page.addInitScript(() => {
    const api = chrome.permissions;
    const extra = new Set(['https://example.org/*']);
    const getAll = api.getAll.bind(api);
    const remove = api.remove.bind(api);
    api.getAll = (async () => {
      const all = await getAll();
      return { ...all, origins: [...(all.origins ?? []), ...extra] };
    }) as typeof api.getAll;
    api.remove = (async (p: Parameters<typeof api.remove>[0]) => {
      const origins = p.origins ?? [];
      if (origins.length > 0 && origins.every((o) => extra.has(o)) && !p.permissions?.length) {
        origins.forEach((o) => extra.delete(o));
        return true;
      }
      return remove(p);
    }) as typeof api.remove;
  });
  await page.goto(`chrome-extension://${twofold.extensionId}/options.html`);
  const options = new OptionsPage(page);

  await expect(options.grantedOrigins()).toHaveCount(2);
  await expect(options.grantedOrigins().filter({ hasText: 'example.org' })).toHaveCount(1);
  await expect(options.grantedOrigins().filter({ hasText: 'All sites' })).toHaveCount(1);

  await options.revokeOrigin('example.org');
  await expect(options.grantedOrigins()).toHaveCount(1);
  await expect(options.grantedOrigins().filter({ hasText: 'example.org' })).toHaveCount(0);

  // Access that came with the installation cannot be given back: the page says so.
  await options.revokeOrigin('All sites');
  await expect(options.grantedOrigins().filter({ hasText: 'All sites' }).getByRole('alert'))
    .toHaveText('The browser kept this access: it is part of how Twofold was installed.');
  // Under it, each bound site shows the fill button as allowed.
  await expect(options.sitesSection().getByText('Button shown in the code field')).toHaveCount(1);
});

async function tabIdOf(twofold: TwofoldBrowser, page: Page): Promise<number> {
  const url = page.url();
  return twofold.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({})).find((tab) => tab.url === u)?.id ?? -1, url);
}

/** Fills `page` with the keyboard command's handler (headless Chromium has no window to press it in). */
async function pressFillShortcut(twofold: TwofoldBrowser, page: Page): Promise<void> {
  const tabId = await tabIdOf(twofold, page);
  await twofold.serviceWorker.evaluate(async (id) => {
    const command = (globalThis as unknown as { twofoldCommand: (name: string, tab: { id: number }) => Promise<unknown> }).twofoldCommand;
    await command('fill-code', { id });
  }, tabId);
}

const pageState = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __received?: string; __submitted?: string | null };
    return { received: w.__received ?? '', submitted: w.__submitted ?? null };
  });

test('"Submit the form after filling": off by default; when on, a fill submits the form', async ({ twofold, openPopup, pageOn }) => {
  await setUp(openPopup);
  const options = await OptionsPage.open(twofold);
  await expect(options.autoSubmit()).not.toBeChecked();
  await expect(options.page.getByTestId('fill-shortcut')).toContainText('Fill the sign-in code into this page');

  // Off: the code goes in, the form stays.
  let page = await pageOn('www.amazon.com', '/fill/submit-recorded.html');
  await pressFillShortcut(twofold, page);
  await expect.poll(async () => (await pageState(page)).received).toMatch(/^\d{6}$/);
  await page.waitForTimeout(500);
  expect((await pageState(page)).submitted).toBeNull();
  await page.close();

  await options.autoSubmit().check();
  await expect(options.page.locator('#auto-submit-status')).toHaveText('Saved');
  const stored = await twofold.serviceWorker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as { autoSubmit?: boolean });
  expect(stored.autoSubmit).toBe(true);

  // On: the form is submitted with the code in it, through its submit button.
  page = await pageOn('www.amazon.com', '/fill/submit-recorded.html');
  await pressFillShortcut(twofold, page);
  await expect.poll(async () => (await pageState(page)).submitted).toMatch(/^\d{6}$/);
  const state = await pageState(page);
  expect(state.submitted).toBe(state.received);
  await page.close();

  await options.page.reload();
  await expect(options.autoSubmit()).toBeChecked();
  await options.autoSubmit().uncheck();
  await expect(options.page.locator('#auto-submit-status')).toHaveText('Saved');
  page = await pageOn('www.amazon.com', '/fill/submit-recorded.html');
  await pressFillShortcut(twofold, page);
  await expect.poll(async () => (await pageState(page)).received).toMatch(/^\d{6}$/);
  await page.waitForTimeout(500);
  expect((await pageState(page)).submitted).toBeNull();
});

test('the popup’s “Show the Twofold button” offer goes once the site is allowed, and says the button is on', async ({ twofold, openPopup, pageOn }) => {
  const setup = await setUp(openPopup);
  await setup.saveBoundAccount({ ...AMAZON, label: 'bob@example.com', secret: 'KRSXG5CTMVRXEZLU' });
  const shop = await pageOn('www.amazon.com', '/blank.html');
  const popup = await twofold.context.newPage();
  // The test build holds <all_urls>, which covers amazon.com, and headless Chromium cannot
  // answer the browser's prompt. So this page sees amazon.com as not allowed until it asks, and
  // its request is granted as a person's "Allow" would be; everything else is real.
  await popup.addInitScript(() => {
    const api = chrome.permissions;
    const site = ['https://amazon.com/*', 'https://*.amazon.com/*'];
    const mentionsSite = (p: { origins?: string[] }) => (p.origins ?? []).some((o) => site.includes(o));
    const allowed = () => localStorage.getItem('e2e:amazonAllowed') === 'yes';
    const answer = <T,>(value: T, callback: unknown) => {
      if (typeof callback === 'function') return void (callback as (v: T) => void)(value);
      return Promise.resolve(value);
    };
    const contains = api.contains.bind(api) as (...args: unknown[]) => unknown;
    const request = api.request.bind(api) as (...args: unknown[]) => unknown;
    api.contains = ((p: { origins?: string[] }, callback?: unknown) =>
      (mentionsSite(p) && !allowed() ? answer(false, callback) : contains(p, ...(callback ? [callback] : [])))) as typeof api.contains;
    api.request = ((p: { origins?: string[] }, callback?: unknown) => {
      if (!mentionsSite(p)) return request(p, ...(callback ? [callback] : []));
      localStorage.setItem('e2e:amazonAllowed', 'yes');
      return answer(true, callback);
    }) as typeof api.request;
  });
  await popup.goto(`chrome-extension://${twofold.extensionId}/popup.html?tab=${await tabIdOf(twofold, shop)}`);
  const offers = popup.getByRole('button', { name: /^Show the Twofold button for Amazon/u });
  await expect(offers).toHaveCount(2);
  await expect(offers.first()).toHaveText('Show the Twofold button in the code field on amazon.com');

  await popup.getByRole('button', { name: `Show the Twofold button for ${AMAZON_NAME} in the code field on amazon.com` }).click();
  // Both offers go (the other account's too); the row that asked says the button is on.
  await expect(offers).toHaveCount(0);
  const said = popup.getByRole('status').filter({ hasText: 'The Twofold button now shows in the code field on amazon.com.' });
  await expect(said).toHaveCount(1);
  await expect(popup.locator('li.account', { has: said })).toContainText('alice@example.com');
  await expectAccessible(popup, 'popup: the fill button turned on for a site');

  // The next opening finds it allowed: no offer, and nothing more to say.
  await popup.reload();
  await expect(popup.locator('li.account')).toHaveCount(2);
  await expect(offers).toHaveCount(0);
  await expect(said).toHaveCount(0);
});
