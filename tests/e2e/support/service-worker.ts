import type { BrowserContext } from '@playwright/test';

interface VersionsUpdated {
  versions: { runningStatus: string; scriptURL: string }[];
}

/**
 * Stops the extension's service worker through the DevTools protocol, as Chromium does to an
 * idle worker, and resolves once DevTools reports it `stopped`.
 * (Playwright's `serviceWorkers()` keeps listing a stopped worker, so it cannot tell.)
 */
export async function stopServiceWorker(context: BrowserContext, extensionId: string, timeoutMs = 15_000): Promise<void> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    const stopped = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('The service worker did not stop.')), timeoutMs);
      cdp.on('ServiceWorker.workerVersionUpdated', (event: VersionsUpdated) => {
        const ours = event.versions.filter((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
        if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
  } finally {
    await cdp.detach();
    await page.close();
  }
}

/**
 * A DevTools session ready to stop the extension's service worker at once: `stop()` sends the
 * stop and resolves when DevTools reports the worker `stopped`. Set up before the moment it is
 * needed, so the stop lands while what the test started is still running.
 */
export async function serviceWorkerStopper(context: BrowserContext, extensionId: string, timeoutMs = 15_000) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let stopped = false;
  let notify = () => {};
  cdp.on('ServiceWorker.workerVersionUpdated', (event: VersionsUpdated) => {
    const ours = event.versions.filter((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
    if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) {
      stopped = true;
      notify();
    }
  });
  await cdp.send('ServiceWorker.enable');
  return {
    async stop(): Promise<void> {
      stopped = false;
      const done = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('The service worker did not stop.')), timeoutMs);
        notify = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      await cdp.send('ServiceWorker.stopAllWorkers');
      if (!stopped) await done;
    },
    async dispose(): Promise<void> {
      await cdp.detach().catch(() => undefined);
      await page.close().catch(() => undefined);
    },
  };
}
