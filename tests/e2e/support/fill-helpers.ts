/**
 * What the fill and security specs both do: set up a vault with accounts bound to sites, find
 * the inline button, read what a page received, run the keyboard command for a tab, and list
 * the codes an account had over a stretch of time.
 */
import { expect, type Frame, type Page } from '@playwright/test';
import type { TwofoldBrowser } from './launch';
import { PopupPage } from '../pages/popup-page';
import { totp } from './totp';

/** The master password every vault in these specs is set up with. */
export const PASSWORD = 'correct horse battery';

/** An account as the add form takes it, with the sites it is bound to. */
export interface BoundAccount {
  issuer: string;
  label: string;
  secret: string;
  digits: number;
  sites: string[];
}

/** Every code of `account` valid between the two instants (ms since epoch), 30 s steps. */
export function codesBetween(account: { secret: string; digits: number }, fromMs: number, toMs: number): string[] {
  const codes: string[] = [];
  for (let step = Math.floor(fromMs / 30_000); step <= Math.floor(toMs / 30_000); step++) {
    codes.push(totp(account.secret, step * 30_000, 30, account.digits));
  }
  return codes;
}

/**
 * Sets up the vault from the popup and saves `accounts` bound to their sites, as the add form
 * does; resolves once the inline button's script is registered for those sites. Returns the
 * popup that did it.
 */
export async function setUpWith(twofold: TwofoldBrowser, accounts: BoundAccount[]): Promise<PopupPage> {
  const page = await twofold.context.newPage();
  await page.goto(`chrome-extension://${twofold.extensionId}/popup.html`);
  const popup = new PopupPage(page);
  await popup.setUp(PASSWORD);
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  for (const a of accounts) await popup.saveBoundAccount(a);
  await page.reload();
  await expect(popup.rows()).toHaveCount(accounts.length);
  await expect
    .poll(() => twofold.serviceWorker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? [])))
    .toEqual(expect.arrayContaining(accounts.flatMap((a) => a.sites.map((s) => `https://${s}/*`))));
  return popup;
}

/** The frame whose document holds the inline button, once there is one (null after `timeoutMs`). */
export async function buttonFrame(page: Page, timeoutMs = 8000): Promise<Frame | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      // Playwright's CSS engine pierces open shadow roots, so a button beside a field in one is found.
      if ((await frame.locator('twofold-fill').count().catch(() => 0)) > 0) return frame;
    }
    await page.waitForTimeout(100);
  }
  return null;
}

/** What the pages' own state received (`window.__received`), frame by frame (empty strings left out). */
export async function received(page: Page): Promise<string[]> {
  const values: string[] = [];
  for (const frame of page.frames()) {
    const value = await frame.evaluate(() => String((globalThis as { __received?: unknown }).__received ?? '')).catch(() => '');
    if (value !== '') values.push(value);
  }
  return values;
}

/** The tab id of `page`, as the extension sees it (-1 when it sees none). */
export async function tabIdOf(twofold: TwofoldBrowser, page: Page): Promise<number> {
  const url = page.url();
  return twofold.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url);
}

/**
 * Runs the keyboard command's handler for `page`'s tab. Headless Chromium has no browser window
 * to press Alt+Shift+F in, so the test calls the very listener the command runs, from the
 * service worker (see registerFillTriggers).
 */
export async function shortcut(twofold: TwofoldBrowser, page: Page): Promise<{ filled: boolean }[]> {
  const tabId = await tabIdOf(twofold, page);
  return twofold.serviceWorker.evaluate(async (id) => {
    const run = (globalThis as unknown as { twofoldCommand: (c: string, t: { id: number }) => Promise<{ filled: boolean }[]> }).twofoldCommand;
    return run('fill-code', { id });
  }, tabId);
}
