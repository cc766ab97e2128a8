import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';

const root = join(import.meta.dirname, '..', '..');

test('the service worker starts and the popup renders the first-run screen', async ({ twofold, openPopup }) => {
  expect(twofold.serviceWorker.url()).toContain(`chrome-extension://${twofold.extensionId}/background.js`);
  const popup = await openPopup();
  await expect(popup.heading()).toHaveText('Welcome to Twofold');
  await expect(popup.page.getByLabel('Master password')).toBeFocused();
});

test('the shipped manifest asks for no host permissions', () => {
  const manifest = JSON.parse(readFileSync(join(root, '.output', 'chrome-mv3', 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.optional_host_permissions ?? []).not.toContain('<all_urls>');
  expect(manifest.permissions).not.toContain('tabs');
  expect(manifest.content_security_policy.extension_pages).not.toMatch(/'unsafe-eval'|'unsafe-inline'|https?:|\*/);
  const firefox = JSON.parse(readFileSync(join(root, '.output', 'firefox-mv3', 'manifest.json'), 'utf8'));
  expect(firefox.host_permissions ?? []).toEqual([]);
});

test('the test build differs from the shipped one only by what a headless browser cannot grant', () => {
  const shipped = JSON.parse(readFileSync(join(root, '.output', 'chrome-mv3', 'manifest.json'), 'utf8'));
  const e2e = JSON.parse(readFileSync(join(root, '.output-e2e', 'chrome-mv3', 'manifest.json'), 'utf8'));
  // The toolbar click (activeTab) and the clipboard prompt cannot be answered headless: the test
  // build holds the host permission and clipboardRead, which the shipped one asks for when needed.
  expect(e2e.host_permissions).toEqual(['<all_urls>']);
  expect(shipped.optional_permissions).toEqual(['clipboardRead']);
  expect(shipped.permissions).not.toContain('clipboardRead');
  expect(e2e.permissions).toEqual([...shipped.permissions, 'clipboardRead']);
  delete e2e.host_permissions;
  e2e.permissions = shipped.permissions;
  e2e.optional_permissions = shipped.optional_permissions;
  expect(e2e).toEqual(shipped);
});

test('a web page cannot talk to the vault', async ({ pageOn }) => {
  const page = await pageOn('www.example.com', '/blank.html');
  // Web pages have no chrome.runtime for an extension without externally_connectable.
  const reachable = await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage);
  expect(reachable).toBe('undefined');
});
