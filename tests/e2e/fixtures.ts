import { test as base, expect, type Page } from '@playwright/test';
import { launchTwofold, type TwofoldBrowser } from './support/launch';
import { PopupPage } from './pages/popup-page';

export interface TwofoldFixtures {
  /** Chromium with the built extension on a fresh profile. */
  twofold: TwofoldBrowser;
  /** Opens the popup (as a tab: headless Chromium has no toolbar to click). */
  openPopup: () => Promise<PopupPage>;
  /**
   * Opens a page on any host name over TLS: `pageOn('www.amazon.com', '/fill/x.html')` serves
   * tests/fixtures/fill/x.html; `pageOn('shop.example', '/signin', 'shop')` the demo shop.
   */
  pageOn: (host: string, path: string, server?: 'fixtures' | 'shop') => Promise<Page>;
}

export const test = base.extend<TwofoldFixtures>({
  twofold: async ({}, use) => {
    const browser = await launchTwofold();
    await use(browser);
    await browser.context.close();
  },
  openPopup: async ({ twofold }, use) => {
    await use(async () => {
      const page = await twofold.context.newPage();
      await page.goto(`chrome-extension://${twofold.extensionId}/popup.html`);
      return new PopupPage(page);
    });
  },
  pageOn: async ({ twofold }, use) => {
    await use(async (host, path, server = 'fixtures') => {
      const port = server === 'shop' ? process.env.TWOFOLD_SHOP_PORT : process.env.TWOFOLD_FIXTURE_PORT;
      const page = await twofold.context.newPage();
      await page.goto(`https://${host}:${port}${path}`);
      return page;
    });
  },
});

export { expect };
