import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const firefoxExtensionPath = join(import.meta.dirname, '..', '..', '..', '.output-e2e', 'firefox-mv3');

/** The add-on's internal UUID, pinned so its pages have a known moz-extension:// origin. */
const EXTENSION_UUID = '0c7d6a43-5f1e-4b8a-9a52-2e6f1d3b7c90';

/** Firefox: $FIREFOX_PATH, else Debian's firefox-esr. Throws with a hint when missing. */
export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(`Firefox not found at ${path}. Install it (apt-get install -y firefox-esr) or set FIREFOX_PATH.`);
  }
  return path;
}

export interface FirefoxTwofold {
  browser: Browser;
  /** `moz-extension://<uuid>`, the origin of the extension's pages. */
  origin: string;
  /** Where downloads are saved, without asking. */
  downloadDir: string;
  /**
   * Opens `path` (e.g. `/popup.html`) of the extension in a new tab (or its own window), once
   * it has content.
   */
  openExtensionPage(path: string, where?: 'tab' | 'window'): Promise<Page>;
  /** Opens `https://<host>:<port><path>` from the fixture server or the demo shop. */
  pageOn(host: string, path: string, server?: 'fixtures' | 'shop'): Promise<Page>;
  /** The tab (puppeteer page) whose document is at `url`, waiting until there is one. */
  pageAt(url: string | RegExp, timeoutMs?: number): Promise<Page>;
  /**
   * Runs `fn(arg)` with the extension's privileges (in an extension tab: Firefox's event page
   * cannot be reached over WebDriver BiDi), e.g. to call `browser.tabs` or `storage.sync`.
   */
  inExtension<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** The browser's id of the tab showing `page`. */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts Debian's Firefox ESR headless over WebDriver BiDi with the test build of Twofold
 * installed as a temporary add-on, every host name resolved to loopback
 * (`network.dns.forceResolve`) and the test servers' self-signed certificate accepted.
 */
export async function launchFirefox(options: { userDataDir?: string } = {}): Promise<FirefoxTwofold> {
  if (!existsSync(join(firefoxExtensionPath, 'manifest.json'))) {
    throw new Error('The Firefox test build is missing: run `node scripts/build-e2e.mjs` (npm run test:e2e:firefox does).');
  }
  const manifest = JSON.parse(readFileSync(join(firefoxExtensionPath, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const addonId = manifest.browser_specific_settings.gecko.id;
  const downloadDir = mkdtempSync(join(tmpdir(), 'twofold-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    acceptInsecureCerts: true,
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
    // Lets WebDriver BiDi open moz-extension:// pages.
    args: ['--remote-allow-system-access', '--width=1280', '--height=800'],
    // The window's own size (as Chromium's tests have): captureVisibleTab captures the window.
    defaultViewport: null,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
      'network.dns.forceResolve': '127.0.0.1',
      'intl.locale.requested': 'en-US',
      // Downloads go straight to downloadDir.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
    },
  });
  await browser.installExtension(firefoxExtensionPath);
  const origin = `moz-extension://${EXTENSION_UUID}`;

  async function pageAt(url: string | RegExp, timeoutMs = 15_000): Promise<Page> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const page of await browser.pages()) {
        // Puppeteer does not follow navigations into moz-extension:// documents (page.url()
        // stays about:blank), so ask each document where it is.
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (typeof url === 'string' ? href === url : url.test(href)) return page;
      }
      if (Date.now() > deadline) throw new Error(`No tab at ${String(url)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function openExtensionPage(path: string, where: 'tab' | 'window' = 'tab'): Promise<Page> {
    const page = await browser.newPage({ type: where });
    const url = `${origin}${path}`;
    // The navigation promise of a moz-extension:// load never settles (or rejects with
    // "Frame detached") although the page loads: wait for the document instead.
    void page.goto(url).catch(() => undefined);
    // Polled by hand: an evaluation that meets the switch from about:blank to the extension's
    // process fails, and is simply asked again.
    await waitUntil(
      () => page.evaluate((expected) => location.href === expected && document.readyState === 'complete' && document.querySelector('h1') !== null, url).catch(() => false),
      `${url} to load`,
      20_000,
    );
    return page;
  }

  async function pageOn(host: string, path: string, server: 'fixtures' | 'shop' = 'fixtures'): Promise<Page> {
    const port = server === 'shop' ? process.env.TWOFOLD_SHOP_PORT : process.env.TWOFOLD_FIXTURE_PORT;
    const page = await browser.newPage();
    await page.goto(`https://${host}:${port}${path}`, { waitUntil: 'load' });
    return page;
  }

  let helper: Promise<Page> | undefined;
  async function inExtension<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    // In a window of its own, so the tests' pages stay the active tabs of theirs.
    helper ??= openExtensionPage('/options.html', 'window');
    return (await helper).evaluate(fn as (a: unknown) => unknown, arg) as Promise<R>;
  }

  async function tabIdOf(page: Page): Promise<number> {
    const url = await page.evaluate(() => location.href);
    const id = await inExtension(async (href) => (await chrome.tabs.query({})).find((tab) => tab.url === href)?.id, url);
    if (id === undefined) throw new Error(`No tab at ${url}`);
    return id;
  }

  return { browser, origin, downloadDir, openExtensionPage, pageOn, pageAt, inExtension, tabIdOf, close: () => browser.close() };
}

/**
 * Stops the extension's event page as Firefox does to an idle one, with about:debugging's
 * "Terminate background script", and waits until the page says it is stopped.
 */
export async function terminateBackground(firefox: FirefoxTwofold): Promise<void> {
  const page = await firefox.browser.newPage();
  // about: pages, like moz-extension:// ones, load although the navigation promise rejects.
  void page.goto('about:debugging#/runtime/this-firefox').catch(() => undefined);
  const status = () =>
    page.evaluate(() => {
      const card = [...document.querySelectorAll('li')].find((li) => li.textContent?.includes('Internal UUID') && li.textContent.includes('Background script'));
      return card?.textContent?.match(/Background script\s*(Running|Stopped)/)?.[1] ?? '';
    }).catch(() => '');
  await waitUntil(async () => (await status()) === 'Running', 'the background to be running');
  await page.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Terminate background script');
    if (!button) throw new Error('No “Terminate background script” button');
    button.click();
  });
  await waitUntil(async () => (await status()) === 'Stopped', 'the background to stop');
  await page.close();
}

/**
 * Runs `expression` in the browser window's own (privileged) document, browser.xhtml: its
 * shortcut keys and its context menu. `--remote-allow-system-access` opens it to WebDriver BiDi.
 */
export async function inBrowserWindow(firefox: FirefoxTwofold, expression: string): Promise<unknown> {
  type Send = (method: string, params: unknown) => Promise<{ result: unknown }>;
  const { connection } = firefox.browser as unknown as { connection: { send: Send } };
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })).result as { contexts: { context: string; url: string }[] };
  const window = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('No browser window');
  const { result } = (await connection.send('script.evaluate', { expression, target: { context: window.context }, awaitPromise: true })).result as {
    result?: { value?: unknown };
  } & { exceptionDetails?: { text: string } };
  return result?.value;
}

/**
 * Runs the extension's keyboard shortcut in the active tab as Firefox does once the keys match:
 * the command of the `<key>` Firefox made from the manifest's `commands` (Alt+Shift+F). Key
 * presses over WebDriver BiDi go to the page only and never reach the browser's shortcuts.
 */
export async function pressFillShortcut(firefox: FirefoxTwofold): Promise<void> {
  const pressed = await inBrowserWindow(
    firefox,
    `(() => {
      const key = [...document.querySelectorAll('keyset[id^="ext-keyset-id-"] > key')]
        .find((k) => k.getAttribute('key') === 'F' && k.getAttribute('modifiers') === 'alt,shift');
      if (!key) return false;
      key.doCommand();
      return true;
    })()`,
  );
  if (pressed !== true) throw new Error('Firefox has no Alt+Shift+F shortcut for the extension');
}

/**
 * Picks `label` in the page's real context menu, which a right-click (`page.click(css,
 * { button: 'right' })`) has opened; waits for the menu to be open first.
 */
export async function chooseInContextMenu(firefox: FirefoxTwofold, label: string): Promise<void> {
  await waitUntil(async () => (await inBrowserWindow(firefox, `document.getElementById('contentAreaContextMenu').state`)) === 'open', 'the context menu to open');
  const chosen = await inBrowserWindow(
    firefox,
    `(() => {
      const menu = document.getElementById('contentAreaContextMenu');
      const item = [...menu.querySelectorAll('menuitem')].find((i) => !i.hidden && i.label === ${JSON.stringify(label)});
      if (!item) return false;
      menu.activateItem(item);
      return true;
    })()`,
  );
  if (chosen !== true) throw new Error(`No “${label}” in the context menu`);
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
