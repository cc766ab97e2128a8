import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { test, expect, openPopup, type FirefoxPopup } from './fixtures';
import type { FirefoxTwofold } from './support/firefox';
import { puppeteerUi } from './support/puppeteer-ui';
import { OptionsSteps, OPTIONS_PARTS } from '../e2e/pages/options-steps';
import { totpBetween } from '../e2e/support/totp';

const PASSWORD = 'correct horse battery';
const BACKUP_PASSWORD = 'a different sentence';
/** Made-up accounts (RFC-style test keys), as in the Chromium suite's backup tests. */
const GITHUB = { issuer: 'GitHub', label: 'alice', secret: 'JBSWY3DPEHPK3PXP' };
const SLACK = { issuer: 'Slack', label: 'alice@example.com', secret: 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF' };
const FASTMAIL = { issuer: 'Fastmail', label: 'alice@fastmail.example', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' };
type Account = typeof GITHUB;

const uri = (a: Account) =>
  `otpauth://totp/${encodeURIComponent(a.issuer)}:${encodeURIComponent(a.label)}?secret=${a.secret}&issuer=${encodeURIComponent(a.issuer)}`;

/** The text of the import section's status line, once it says something. */
async function importStatus(page: Page): Promise<string> {
  const ui = puppeteerUi(page);
  await ui.waitFor(`${OPTIONS_PARTS.import} [role="status"]`, 'Imported');
  return page.$eval(`${OPTIONS_PARTS.import} [role="status"]`, (el) => el.textContent ?? '');
}

/** The one finished file in the download folder, once there is one. */
async function downloaded(firefox: FirefoxTwofold): Promise<{ name: string; text: string }> {
  let name: string | undefined;
  await expect
    .poll(() => (name = readdirSync(firefox.downloadDir).find((n) => !n.endsWith('.part') && !existsSync(join(firefox.downloadDir, `${n}.part`)))), { timeout: 15_000 })
    .toBeTruthy();
  return { name: name!, text: readFileSync(join(firefox.downloadDir, name!), 'utf8') };
}

/** Each account is in the popup (reopened) and shows the code computed here from its key. */
async function expectCodes(firefox: FirefoxTwofold, accounts: Account[]): Promise<FirefoxPopup> {
  const popup = await openPopup(firefox);
  for (const account of accounts) {
    const before = Date.now();
    const shown = await popup.codeOf(account.issuer);
    expect(totpBetween(account.secret, before - 1000, Date.now() + 1000), account.issuer).toContain(shown);
  }
  expect((await popup.accounts()).map((a) => a.issuer).sort()).toEqual(accounts.map((a) => a.issuer).sort());
  return popup;
}

test('Firefox: import a pasted otpauth list; an encrypted backup downloads and restores every account', async ({ firefox }) => {
  const popup = await openPopup(firefox);
  await popup.setUp(PASSWORD);
  await popup.addAccount(GITHUB);
  await popup.ui.waitFor('li.account .account__issuer', GITHUB.issuer);
  const optionsPage = await firefox.openExtensionPage('/options.html');
  const options = new OptionsSteps(puppeteerUi(optionsPage));
  await options.ui.waitFor('h1', 'Twofold settings');

  // Import: pasted otpauth:// links, previewed, then imported.
  await options.pasteImport([uri(SLACK), uri(FASTMAIL)].join('\n'));
  await options.ui.waitFor(OPTIONS_PARTS.import, 'Found 2 accounts in a list of setup links');
  await options.ui.click('Import 2 accounts');
  expect(await importStatus(optionsPage)).toBe('Imported 2 accounts.');
  await expectCodes(firefox, [GITHUB, SLACK, FASTMAIL]);

  // Backup: an encrypted file, saved by Firefox's own download.
  await options.requestBackup(BACKUP_PASSWORD, PASSWORD);
  const backup = await downloaded(firefox);
  expect(backup.name).toBe(`twofold-backup-${new Date().toISOString().slice(0, 10)}.json`);
  expect(JSON.parse(backup.text)).toMatchObject({ format: 'twofold-backup', version: 1, vault: { format: 'twofold-vault' } });
  for (const account of [GITHUB, SLACK, FASTMAIL]) {
    expect(backup.text).not.toContain(account.secret);
    expect(backup.text).not.toContain(account.issuer);
  }

  // Restore: every account deleted, then the file chosen, opened with its password, imported.
  for (const { id } of await popup.accounts()) {
    expect(await popup.ui.evaluate((accountId) => chrome.runtime.sendMessage({ channel: 'twofold', name: 'deleteAccount', args: { id: accountId } }), id)).toMatchObject({ ok: true });
  }
  expect(await popup.accounts()).toEqual([]);
  const input = await optionsPage.$('input#import-file');
  await input!.uploadFile(join(firefox.downloadDir, backup.name));
  await options.openImport(BACKUP_PASSWORD);
  await options.ui.waitFor(OPTIONS_PARTS.import, 'Found 3 accounts in a Twofold backup');
  await options.ui.click('Import 3 accounts');
  expect(await importStatus(optionsPage)).toBe('Imported 3 accounts.');
  await expectCodes(firefox, [GITHUB, SLACK, FASTMAIL]);
});
