import { test, expect, chromium, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchTwofold, type TwofoldBrowser } from './support/launch';
import { PopupPage } from './pages/popup-page';
import { hasAccessibleName } from './support/accessibility-tree';
import { attachDevtoolsUi } from './support/devtools-ui';
import { PopupSteps } from './pages/popup-steps';

/**
 * The shipped build (`.output/chrome-mv3`, from `npm run build`) asks for no host permission at
 * install. Every other Chromium test uses the test build, which has them. Here the toolbar
 * button is clicked for real (DevTools' Extensions.triggerAction on the tab's target, over a
 * browser-level session; Chromium 156 needs no --enable-unsafe-extension-debugging for it): its
 * activeTab grant is all the popup needs to scan the tab and fill the code.
 */
const shipped = join(import.meta.dirname, '..', '..', '.output', 'chrome-mv3');

interface Shipped extends TwofoldBrowser {
  /** The same browser over a DevTools port: browser-level commands, and the toolbar popup. */
  devtools: Browser;
}

async function launchShipped(): Promise<Shipped> {
  const twofold = await launchTwofold({ extensionPath: shipped, args: ['--remote-debugging-port=0'] });
  const [port] = readFileSync(join(twofold.userDataDir, 'DevToolsActivePort'), 'utf8').split('\n');
  const devtools = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  return { ...twofold, devtools };
}

/** The host origins Twofold holds, read from one of its own pages. */
async function grantedOrigins(twofold: TwofoldBrowser): Promise<string[]> {
  const page = await twofold.context.newPage();
  await page.goto(`chrome-extension://${twofold.extensionId}/popup.html`);
  const origins = await page.evaluate(async () => (await chrome.permissions.getAll()).origins ?? []);
  await page.close();
  return origins;
}

async function setUpVault(twofold: TwofoldBrowser): Promise<void> {
  const setup = new PopupPage(await twofold.context.newPage());
  await setup.page.goto(`chrome-extension://${twofold.extensionId}/popup.html`);
  await setup.setUp('correct horse battery');
  await expect(setup.page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  await setup.page.close();
}

/** Signs up on the demo shop with `email` and opens its authenticator setup page (the QR code). */
async function shopSetupPage(twofold: TwofoldBrowser, email: string): Promise<Page> {
  const shop = await twofold.context.newPage();
  await shop.goto(`https://www.demo-shop.com:${process.env.TWOFOLD_SHOP_PORT}/signup`);
  await shop.locator('#email').fill(email);
  await shop.locator('#password').fill('shop password 1');
  await shop.locator('#signup-form button[type=submit]').click();
  await shop.locator('#turn-on-two-step').click();
  await expect(shop.getByRole('heading', { name: 'Set up your authenticator app' })).toBeVisible();
  return shop;
}

test('shipped build: the toolbar button lets the popup scan the tab and fill the code, with no host permission', async () => {
  const twofold = await launchShipped();
  try {
    await setUpVault(twofold);
    expect(await grantedOrigins(twofold), 'host origins at install').toEqual([]);
    const shop = await shopSetupPage(twofold, 'shipped-action@example.com');

    // The toolbar button, clicked for the shop's tab.
    const browserSession = await twofold.devtools.newBrowserCDPSession();
    const tabs = await browserSession.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = tabs.targetInfos.find((t) => t.url === shop.url());
    expect(tab, `a tab target at ${shop.url()}`).toBeDefined();
    await browserSession.send('Extensions.triggerAction' as never, { id: twofold.extensionId, targetId: tab?.targetId } as never);
    // Playwright does not attach to the toolbar popup: it is driven over DevTools messages.
    const popupTarget = async () => {
      const pages = await browserSession.send('Target.getTargets', { filter: [{ type: 'page' }] });
      return pages.targetInfos.find((t) => t.url === `chrome-extension://${twofold.extensionId}/popup.html`)?.targetId;
    };
    await expect.poll(popupTarget, 'the toolbar popup opens').toBeDefined();
    const popup = await attachDevtoolsUi(browserSession, (await popupTarget()) ?? '');
    const steps = new PopupSteps(popup);
    // Every permission request the popup makes from here on is counted where the test can read it.
    await popup.evaluate(() => {
      const request = chrome.permissions.request.bind(chrome.permissions);
      chrome.permissions.request = ((...args: Parameters<typeof request>) => {
        localStorage.setItem('e2e:permissionRequests', String(Number(localStorage.getItem('e2e:permissionRequests') ?? '0') + 1));
        return request(...args);
      }) as typeof chrome.permissions.request;
    }, undefined);

    await steps.scanPage();
    await popup.waitFor('[role=status]', 'Saved Twofold Demo Shop (shipped-action@example.com) for demo-shop.com');
    expect(await popup.evaluate(() => localStorage.getItem('e2e:permissionRequests'), undefined), 'a permission prompt before the fill').toBeNull();
    await popup.click('Fill code into this page');
    await expect(shop.locator('#otp')).toHaveValue(/^\d{6}$/);
    // Without host permissions the popup stays open: it says the code is in, and offers the
    // button in the field for next time (which would ask the browser only when clicked; not here).
    await popup.waitFor('.notice-box', 'Filled the code into the page.');
    await popup.waitFor('.notice-box', 'Next time, Twofold can show a fill button right in the code field on demo-shop.com.');
    // The page itself confirms the fill (Twofold's closed-shadow notice).
    await expect.poll(() => hasAccessibleName(shop, 'Twofold filled the code.')).toBe(true);
    await shop.locator('#setup-form button[type=submit]').click();
    await expect(shop.locator('#result')).toHaveAttribute('data-result', 'accepted');
    await expect(shop.locator('#result')).toContainText('Two-step verification is on.');

    const after = await twofold.context.newPage();
    await after.goto(`chrome-extension://${twofold.extensionId}/popup.html`);
    expect(await after.evaluate(() => localStorage.getItem('e2e:permissionRequests')), 'a permission prompt').toBeNull();
    await after.close();
    expect(await grantedOrigins(twofold), 'host origins after the fill').toEqual([]);
  } finally {
    await twofold.devtools.close();
    await twofold.context.close();
  }
});

test('shipped build: without the toolbar button the popup cannot scan the tab and says what to do', async () => {
  const twofold = await launchShipped();
  try {
    await setUpVault(twofold);
    const shop = await shopSetupPage(twofold, 'shipped-no-action@example.com');
    // The popup as a window for the shop's tab, as the other tests open it. Without the "tabs"
    // permission the worker cannot read tab addresses: the shop's tab is the newest one.
    const opened = twofold.context.waitForEvent('page', (p) => p.url().includes('/popup.html'));
    await twofold.serviceWorker.evaluate(async () => {
      const ids = (await chrome.tabs.query({})).map((t) => t.id ?? 0);
      await chrome.windows.create({ url: chrome.runtime.getURL(`/popup.html?tab=${Math.max(...ids)}`), type: 'popup', width: 380, height: 600 });
    });
    const popup = new PopupPage(await opened);
    await popup.page.waitForLoadState();
    await popup.scanPage();
    // It says why in plain words, and what to do: the toolbar icon.
    await expect(popup.page.getByRole('alert')).toHaveText(
      "Twofold could not see this page. With the page open, click the Twofold icon in the browser’s toolbar and try again (browser pages and the Web Store cannot be scanned).",
    );
    expect(await popup.accounts(), 'nothing saved').toEqual([]);
    expect(await grantedOrigins(twofold), 'host origins').toEqual([]);
  } finally {
    await twofold.devtools.close();
    await twofold.context.close();
  }
});
