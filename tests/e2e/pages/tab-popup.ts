import type { Page } from '@playwright/test';
import type { TwofoldBrowser } from '../support/launch';
import { PopupPage } from './popup-page';

/**
 * Opens the popup as its own window acting on `page`'s tab (`popup.html?tab=<id>`), the way
 * the pop-out window does: the page stays the active tab of its window, so it can be captured.
 */
export async function openPopupFor(twofold: TwofoldBrowser, page: Page): Promise<PopupPage> {
  const url = page.url();
  const opened = twofold.context.waitForEvent('page', (p) => p.url().includes('/popup.html'));
  await twofold.serviceWorker.evaluate(async (pageUrl) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === pageUrl);
    if (!tab?.id) throw new Error(`No tab at ${pageUrl}`);
    await chrome.windows.create({ url: chrome.runtime.getURL(`/popup.html?tab=${tab.id}`), type: 'popup', width: 380, height: 600 });
  }, url);
  const popup = await opened;
  await popup.waitForLoadState();
  return new PopupPage(popup);
}
