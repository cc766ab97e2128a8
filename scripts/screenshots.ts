// Screenshots of the real extension for docs/ and the README: the popup in light and dark with
// eight accounts, the popup locked, and the options page. Run: `npm run screenshots`
// (builds the production extension first when it is missing).
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchTwofold } from '../tests/e2e/support/launch';

const root = join(import.meta.dirname, '..');
const build = join(root, '.output', 'chrome-mv3');
const out = join(root, 'docs', 'screenshots');

const ACCOUNTS = [
  { issuer: 'Amazon', label: 'alice@example.com', sites: ['amazon.com'] },
  { issuer: 'Google', label: 'alice@gmail.com', sites: ['google.com'] },
  { issuer: 'Microsoft', label: 'alice@outlook.com', sites: ['microsoftonline.com'] },
  { issuer: 'PayPal', label: 'alice@example.com', sites: ['paypal.com'] },
  { issuer: 'GitHub', label: 'alice', sites: ['github.com'] },
  { issuer: 'Slack', label: 'alice@team.example', sites: [] },
  { issuer: 'Apple', label: 'alice@icloud.com', sites: ['apple.com'] },
  { issuer: 'Bank of Example', label: '12345678', sites: [] },
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

async function main() {
  if (!existsSync(join(build, 'manifest.json'))) execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
  const browser = await launchTwofold({ extensionPath: build });
  try {
    const base = `chrome-extension://${browser.extensionId}`;
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 380, height: 600 });
    await page.goto(`${base}/popup.html`);
    await send(page, 'setupVault', { password: 'correct horse battery', confirm: 'correct horse battery' });
    for (const [i, a] of ACCOUNTS.entries()) {
      await send(page, 'addAccount', {
        form: { kind: 'totp', issuer: a.issuer, label: a.label, secret: secretFor(i), algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
        sites: a.sites,
      });
    }
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${base}/popup.html`);
      await page.locator('li.account').nth(ACCOUNTS.length - 1).waitFor();
      await page.screenshot({ path: join(out, `popup-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await send(page, 'lock');
    await page.goto(`${base}/popup.html`);
    await page.locator('input[type=password]').waitFor();
    await page.screenshot({ path: join(out, 'popup-locked.png') });

    await send(page, 'unlock', { password: 'correct horse battery' });
    const options = await browser.context.newPage();
    await options.setViewportSize({ width: 1000, height: 1100 });
    await options.goto(`${base}/options.html`);
    await options.locator('select').first().waitFor();
    await options.screenshot({ path: join(out, 'options.png') });
    console.log(`Screenshots written to ${out}`);
  } finally {
    await browser.context.close();
  }
}

await main();
