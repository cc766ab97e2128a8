// Screenshots of the real extension for docs/ and the README, taken along the demo journey on the
// local demo shop (served over TLS as www.demo-shop.com): the popup on the shop's setup page
// (before and after the scan), on its sign-in page in light and dark, locked, and the options
// page (light, dark, and its Sites and Backup sections). Run: `npm run screenshots` (builds the
// test flavour of the extension when it is missing: it differs from the shipped one only by host
// permissions, which let a popup opened as a window for a tab see that tab the way a toolbar
// click does).
import { existsSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { extensionPath, launchTwofold, type TwofoldBrowser } from '../tests/e2e/support/launch';
import { throwawayCertificate } from '../tests/e2e/support/tls';
import { startShop } from '../demo/shop-server.mjs';

const root = join(import.meta.dirname, '..');
const out = join(root, 'docs', 'screenshots');
const PASSWORD = 'correct horse battery';
const SHOP_HOST = 'www.demo-shop.com';

/** Other accounts a typical user has, so the list looks lived in. */
const ACCOUNTS = [
  { issuer: 'Amazon', label: 'alice@example.com', sites: ['amazon.com'] },
  { issuer: 'Google', label: 'alice@gmail.com', sites: ['google.com'] },
  { issuer: 'Microsoft', label: 'alice@outlook.com', sites: ['microsoftonline.com'] },
  { issuer: 'PayPal', label: 'alice@example.com', sites: ['paypal.com'] },
  { issuer: 'GitHub', label: 'alice', sites: ['github.com'] },
  { issuer: 'Slack', label: 'alice@team.example', sites: ['slack.com'] },
  { issuer: 'Bank of Example', label: '12345678', sites: ['bank.example'] },
];

/** A distinct base32 secret per account (only the pictures depend on it). */
const secretFor = (i: number) => 'JBSWY3DPEHPK3PXP'.slice(0, 15) + 'ABCDEFGH'[i];

async function send(page: Page, name: string, args?: unknown): Promise<void> {
  const reply = await page.evaluate(
    ([n, a]) => chrome.runtime.sendMessage({ channel: 'twofold', name: n, args: a }),
    [name, args] as const,
  );
  if (!reply?.ok) throw new Error(`${name} failed: ${JSON.stringify(reply)}`);
}

/** Opens the popup as a 380×600 window acting on `page`'s tab, as the toolbar button would. */
async function popupFor(twofold: TwofoldBrowser, page: Page, scheme: 'light' | 'dark'): Promise<Page> {
  const opened = twofold.context.waitForEvent('page', (p) => p.url().includes('/popup.html'));
  await twofold.serviceWorker.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
    if (!tab?.id) throw new Error(`No tab at ${url}`);
    await chrome.windows.create({ url: chrome.runtime.getURL(`/popup.html?tab=${tab.id}`), type: 'popup', width: 380, height: 600 });
  }, page.url());
  const popup = await opened;
  await popup.emulateMedia({ colorScheme: scheme });
  await popup.setViewportSize({ width: 360, height: 580 });
  await popup.waitForLoadState();
  return popup;
}

/** The popup as the browser shows it: only as tall as its content (up to 580 px). */
async function shoot(popup: Page, name: string): Promise<void> {
  await popup.waitForTimeout(400); // brand icons arrive a frame after the codes
  const box = await popup.locator('.popup').boundingBox();
  await popup.screenshot({ path: join(out, name), clip: { x: 0, y: 0, width: 360, height: Math.ceil(box?.height ?? 580) } });
  console.log(`  ${name}`);
}

async function main() {
  if (!existsSync(join(extensionPath, 'manifest.json'))) execFileSync('node', ['scripts/build-e2e.mjs'], { cwd: root, stdio: 'inherit' });
  mkdirSync(out, { recursive: true });
  const tls = throwawayCertificate(join(root, '.cache', 'tls'));
  const shop = await startShop({ port: 0, host: '127.0.0.1', tls });
  const twofold = await launchTwofold();
  try {
    const base = `chrome-extension://${twofold.extensionId}`;
    const setup = await twofold.context.newPage();
    await setup.goto(`${base}/popup.html`);
    await send(setup, 'setupVault', { password: PASSWORD, confirm: PASSWORD });
    for (const [i, a] of ACCOUNTS.entries()) {
      await send(setup, 'addAccount', {
        form: { kind: 'totp', issuer: a.issuer, label: a.label, secret: secretFor(i), algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
        sites: a.sites,
      });
    }
    // As if a backup had been saved: the pictures show the popup, not the reminder.
    await send(setup, 'dismissBackupReminder');
    await setup.close();

    // 1. The shop's two-step verification setup page: the popup offers to add its account.
    const shopPage = await twofold.context.newPage();
    await shopPage.setViewportSize({ width: 1000, height: 700 });
    await shopPage.goto(`https://${SHOP_HOST}:${shop.port}/signup`);
    await shopPage.locator('#email').fill('alice@example.com');
    await shopPage.locator('#password').fill('shop password 1');
    await shopPage.locator('#signup-form button[type=submit]').click();
    await shopPage.locator('#turn-on-two-step').click();
    let popup = await popupFor(twofold, shopPage, 'light');
    await popup.locator('#add-panel').waitFor();
    await shoot(popup, 'popup-enrollment.png');
    await popup.getByRole('button', { name: 'Scan QR code on this page' }).click();
    await popup.getByRole('button', { name: 'Fill code into this page' }).waitFor();
    await shoot(popup, 'popup-enrollment-saved.png');
    await popup.getByRole('button', { name: 'Fill code into this page' }).click();
    await shopPage.locator('#otp').evaluate((el: HTMLInputElement) => el.value !== '' || new Promise((r) => setTimeout(r, 500)));
    if (!popup.isClosed()) await popup.close();
    await shopPage.locator('#setup-form button[type=submit]').click();

    // 2. Signing in again: the shop asks for the code, the popup puts its account first.
    await shopPage.locator('form[action="/signout"] button').first().click();
    await shopPage.goto(`https://${SHOP_HOST}:${shop.port}/signin`);
    await shopPage.locator('#email').fill('alice@example.com');
    await shopPage.locator('#password').fill('shop password 1');
    await shopPage.locator('#signin-form button[type=submit]').click();
    await shopPage.getByText('Enter the code from your authenticator app').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      popup = await popupFor(twofold, shopPage, scheme);
      await popup.locator('li.account').nth(ACCOUNTS.length).waitFor();
      await shoot(popup, `popup-signin-${scheme}.png`);
      await popup.close();
    }

    // 3. Locked.
    popup = await popupFor(twofold, shopPage, 'light');
    await send(popup, 'lock');
    await popup.reload();
    await popup.locator('input[type=password]').waitFor();
    await shoot(popup, 'popup-locked.png');
    await send(popup, 'unlock', { password: PASSWORD });
    await popup.close();

    // 4. The options page, light and dark.
    const options = await twofold.context.newPage();
    await options.setViewportSize({ width: 1000, height: 900 });
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      await options.goto(`${base}/options.html`);
      await options.locator('select').first().waitFor();
      await options.screenshot({ path: join(out, `options-${scheme}.png`) });
      console.log(`  options-${scheme}.png`);
    }
    // 5. Two sections reached from the page's navigation: the sites, grouped by site, and backup.
    await options.emulateMedia({ colorScheme: 'light' });
    for (const section of ['sites', 'backup'] as const) {
      await options.goto(`${base}/options.html#${section}`);
      await options.locator(`#${section} h2`).first().waitFor();
      await options.locator(`.settings-nav a[href="#${section}"][aria-current]`).waitFor();
      await options.screenshot({ path: join(out, `options-${section}.png`) });
      console.log(`  options-${section}.png`);
    }
    console.log(`Screenshots written to ${out}`);
  } finally {
    await twofold.context.close();
    await shop.close();
  }
}

await main();
