// `npm start`: builds Twofold, serves the local demo shop and opens Chromium with the
// extension loaded on the shop's home page. Ctrl+C (or closing the browser) stops both.
//
//   PORT=8765            the shop's port
//   TWOFOLD_HEADLESS=1   no window (for machines without a display; the script then only
//                        checks that everything starts and exits after a few seconds)
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startShop } from '../demo/shop-server.mjs';
import { chromiumPath, launchArgs } from './chromium.mjs';

const root = join(import.meta.dirname, '..');
const extensionPath = join(root, '.output', 'chrome-mv3');
const headless = process.env.TWOFOLD_HEADLESS === '1';

execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });

const shop = await startShop({ port: Number(process.env.PORT ?? 8765), host: '127.0.0.1' });
const shopUrl = shop.url.replace('127.0.0.1', 'localhost');
console.log(`\nDemo shop: ${shopUrl}`);

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'twofold-start-')), {
  executablePath: chromiumPath(),
  headless,
  viewport: null,
  args: [...launchArgs, `--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`],
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(shopUrl);
console.log('Chromium is open with Twofold loaded. Pin the Twofold icon from the puzzle-piece menu, then:');
console.log('  1. Sign up in the shop and turn on two-step verification.');
console.log('  2. Click the Twofold icon, choose a master password, and add the account.');
console.log('Press Ctrl+C here to stop.\n');

async function stop() {
  await context.close().catch(() => {});
  await shop.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
context.on('close', stop);
if (headless) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  console.log(`Headless check: extension service worker at ${worker.url()}, shop page title “${await page.title()}”.`);
  await stop();
}
