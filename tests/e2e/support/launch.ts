import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Shared with the start and bench scripts: one definition of how we start Chromium.
import { chromiumPath, launchArgs } from '../../../scripts/chromium.mjs';

export const extensionPath = join(import.meta.dirname, '..', '..', '..', '.output-e2e', 'chrome-mv3');

export interface TwofoldBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
}

/**
 * Starts Chromium with the test build of Twofold (or the unpacked build at `extensionPath`,
 * e.g. the production `.output/chrome-mv3` for the bench) on a profile (a new one unless
 * given), every host name mapped to loopback (plus any `args`), and waits for the extension's
 * service worker.
 */
export async function launchTwofold(
  options: { userDataDir?: string; lang?: string; extensionPath?: string; args?: string[] } = {},
): Promise<TwofoldBrowser> {
  const loaded = options.extensionPath ?? extensionPath;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'twofold-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    ignoreHTTPSErrors: true,
    locale: options.lang ?? 'en-US',
    args: [
      ...launchArgs,
      `--disable-extensions-except=${loaded}`,
      `--load-extension=${loaded}`,
      '--host-resolver-rules=MAP * 127.0.0.1',
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      ...(options.args ?? []),
    ],
  });
  const serviceWorker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker, userDataDir };
}
