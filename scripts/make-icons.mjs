// Renders assets/icon.svg to the PNG sizes the manifest names (public/icon/N.png).
// Run by hand after changing the SVG: `node scripts/make-icons.mjs`. Uses Debian's Chromium.
import { chromium } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { launchArgs, chromiumPath } from './chromium.mjs';

const svg = await readFile(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: launchArgs });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
