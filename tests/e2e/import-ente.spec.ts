/**
 * ente Auth's encrypted export, opened in the options page: the file was written by libsodium
 * itself (Debian's libsodium 1.0.18 through Python's ctypes) following ente's export steps
 * (Argon2id key from the password, one secretstream message, JSON with base64 fields), with
 * 64 MiB × 4 instead of ente's 256 MiB × 16 so the test takes seconds, not a minute.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { totpBetween } from './support/totp';

const PASSWORD = 'correct horse battery';
const ENTE_PASSWORD = 'ente export password';
const FILE = readFileSync(fileURLToPath(new URL('../fixtures/import/ente-auth-codes-encrypted.txt', import.meta.url)), 'utf8');
const ACCOUNTS = [
  { issuer: 'GitHub', secret: 'JBSWY3DPEHPK3PXP' },
  { issuer: 'Slack', secret: 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF' },
];

test('an encrypted ente Auth export: progress while the key is derived, a wrong password refused, the right one imports', async ({ twofold, openPopup }) => {
  const popup = await openPopup();
  await popup.setUp(PASSWORD);
  await expect(popup.page.getByRole('button', { name: 'Lock now' })).toBeVisible();
  const options = await OptionsPage.open(twofold);
  const vaultBefore = JSON.stringify(await twofold.serviceWorker.evaluate(async () => (await chrome.storage.local.get('vault')).vault));

  // ente saves the encrypted export with a .txt name.
  await options.chooseImportFile('ente-auth-codes-2026-12-05.txt', FILE);
  await expect(options.importPassword()).toBeFocused();
  await expect(options.importPreview()).toHaveCount(0);

  const progress = options.page.getByRole('progressbar', { name: /Checking the password/ });
  await options.openImport('not the password');
  await expect(progress).toBeVisible();
  await expect(options.errorOf(options.importPassword())).toHaveText('That is not the password of this ente Auth export. Check Caps Lock and try again.');
  await expect(progress).toHaveCount(0);
  await expect(options.importPreview()).toHaveCount(0);
  expect(JSON.stringify(await twofold.serviceWorker.evaluate(async () => (await chrome.storage.local.get('vault')).vault))).toBe(vaultBefore);

  await options.openImport(ENTE_PASSWORD);
  await expect(progress).toBeVisible();
  await expect(options.importPreview()).toHaveAccessibleName('Found 2 accounts in an ente Auth export');
  await expect(progress).toHaveCount(0);
  await options.importButton().click();
  await expect(options.importDone()).toHaveText('Imported 2 accounts.');

  await popup.page.reload();
  await expect(popup.rows()).toHaveCount(2);
  for (const account of ACCOUNTS) {
    const before = Date.now();
    const shown = await popup.codeOf(account.issuer);
    expect(totpBetween(account.secret, before - 1000, Date.now() + 1000), account.issuer).toContain(shown);
  }
});
