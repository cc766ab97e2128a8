import { test as base, expect } from '@playwright/test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { PopupSteps } from '../e2e/pages/popup-steps';
import { launchFirefox, type FirefoxTwofold } from './support/firefox';
import { puppeteerUi } from './support/puppeteer-ui';

/** The popup in Firefox: the shared steps, and the puppeteer page for what only a test reads. */
export class FirefoxPopup extends PopupSteps {
  constructor(readonly page: Page) {
    super(puppeteerUi(page));
  }

  /** Clicks a row's code: copies it. */
  clickCode(issuer: string): Promise<void> {
    return this.clickInRow(issuer, 'button.code');
  }

  /** Clicks a row's Fill: fills the code into the tab the popup acts on (and copies it). */
  fill(issuer: string): Promise<void> {
    return this.clickInRow(issuer, 'button.fill');
  }

  /** Clicks the button matching `css` in the row of `issuer`. */
  private async clickInRow(issuer: string, css: string): Promise<void> {
    await this.ui.waitFor('li.account .account__issuer', issuer);
    const button = await this.page.evaluateHandle(
      ([name, selector]) =>
        [...document.querySelectorAll('li.account')]
          .find((row) => row.querySelector('.account__issuer')?.textContent?.includes(name))
          ?.querySelector(selector) ?? null,
      [issuer, css] as const,
    );
    const element = button.asElement() as ElementHandle<Element> | null;
    if (!element) throw new Error(`No ${css} for ${issuer}`);
    await element.click();
    await button.dispose();
  }

  /** Reloads the popup and waits for its new document (puppeteer's reload never settles here). */
  async reload(): Promise<void> {
    await this.page.evaluate(() => {
      (window as { __old?: boolean }).__old = true;
      location.reload();
    });
    await this.page.waitForFunction(() => !(window as { __old?: boolean }).__old && document.readyState === 'complete' && document.querySelector('h1') !== null, { polling: 100, timeout: 20_000 });
  }

  /** The visible text of the first element matching `css` ('' when there is none). */
  text(css: string): Promise<string> {
    return this.page.evaluate((selector) => (document.querySelector(selector) as HTMLElement | null)?.innerText ?? '', css);
  }
}

/** Opens the popup (as a tab: a headless browser has no toolbar to click). */
export async function openPopup(firefox: FirefoxTwofold): Promise<FirefoxPopup> {
  return new FirefoxPopup(await firefox.openExtensionPage('/popup.html'));
}

/**
 * Opens the popup as its own window acting on `page`'s tab (`popup.html?tab=<id>`), as the
 * pop-out window does: the page stays the active tab of its window, so it can be captured.
 */
export async function openPopupFor(firefox: FirefoxTwofold, page: Page): Promise<FirefoxPopup> {
  const tabId = await firefox.tabIdOf(page);
  const url = `${firefox.origin}/popup.html?tab=${tabId}`;
  await firefox.inExtension((href) => chrome.windows.create({ url: href, type: 'popup', width: 380, height: 600 }), url);
  const popup = await firefox.pageAt(url);
  await popup.waitForSelector('h1');
  return new FirefoxPopup(popup);
}

export const test = base.extend<{ firefox: FirefoxTwofold }>({
  firefox: async ({}, use) => {
    const firefox = await launchFirefox();
    try {
      await use(firefox);
    } finally {
      await firefox.close();
    }
  },
});

export { expect };
