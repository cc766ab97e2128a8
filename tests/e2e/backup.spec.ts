import { createCipheriv, randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { test, expect } from './fixtures';
import type { TwofoldBrowser } from './support/launch';
import { OptionsPage } from './pages/options-page';
import { serviceWorkerStopper } from './support/service-worker';
import type { PopupPage } from './pages/popup-page';
import { expectAccessible } from './support/axe';
import { totpBetween } from './support/totp';
import { readQrImage, readQrImages } from './pages/qr-image';

const PASSWORD = 'correct horse battery';
const BACKUP_PASSWORD = 'a different sentence';
const AEGIS_PASSWORD = 'aegis export password';

/** Made-up accounts (RFC-style test keys, no real person's data). */
const GITHUB = { issuer: 'GitHub', label: 'alice', secret: 'JBSWY3DPEHPK3PXP' };
const SLACK = { issuer: 'Slack', label: 'alice@example.com', secret: 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF' };
const FASTMAIL = { issuer: 'Fastmail', label: 'alice@fastmail.example', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' };
const AMAZON = { issuer: 'Amazon', label: 'alice@example.com', secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U' };

type Account = typeof GITHUB;

const uri = (a: Account) =>
  `otpauth://totp/${encodeURIComponent(a.issuer)}:${encodeURIComponent(a.label)}?secret=${a.secret}&issuer=${encodeURIComponent(a.issuer)}`;

const storedVault = (twofold: TwofoldBrowser) =>
  twofold.serviceWorker.evaluate(async () => JSON.stringify((await chrome.storage.local.get('vault')).vault));

/** Sets Twofold up in the popup with `accounts` (typed in by hand) and opens the options page. */
async function setUp(twofold: TwofoldBrowser, openPopup: () => Promise<PopupPage>, accounts: Account[] = []) {
  const popup = await openPopup();
  await popup.setUp(PASSWORD);
  await expect(popup.page.getByRole('button', { name: 'Lock now' })).toBeVisible();
  for (const account of accounts) await popup.addAccount(account);
  await expect(popup.rows()).toHaveCount(accounts.length);
  const options = await OptionsPage.open(twofold);
  await expect(options.heading()).toHaveText('Twofold settings');
  return { popup, options };
}

/** Each account is in the popup and shows the code computed here, independently, from its key. */
async function expectCodes(popup: PopupPage, accounts: Account[]) {
  await popup.page.reload();
  await expect(popup.rows()).toHaveCount(accounts.length);
  for (const account of accounts) {
    const before = Date.now();
    const shown = await popup.codeOf(account.issuer);
    expect(totpBetween(account.secret, before - 1000, Date.now() + 1000), account.issuer).toContain(shown);
  }
}

/** An Aegis vault export encrypted under `password` (scrypt N=2^15 r=8 p=1 slot, AES-256-GCM), per Aegis's docs/vault.md. */
function aegisEncrypted(accounts: Account[], password: string): string {
  const db = {
    version: 2,
    groups: [],
    entries: accounts.map((a) => ({
      type: 'totp',
      uuid: randomUUID(),
      name: a.label,
      issuer: a.issuer,
      note: '',
      favorite: false,
      icon: null,
      info: { secret: a.secret, algo: 'SHA1', digits: 6, period: 30 },
    })),
  };
  const gcm = (key: Buffer, nonce: Buffer, plain: Buffer) => {
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
    return { ciphertext, tag: cipher.getAuthTag() };
  };
  const masterKey = randomBytes(32);
  const salt = randomBytes(32);
  const slotKey = scryptSync(password, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 128 * 1024 * 1024 });
  const slotNonce = randomBytes(12);
  const wrapped = gcm(slotKey, slotNonce, masterKey);
  const dbNonce = randomBytes(12);
  const sealed = gcm(masterKey, dbNonce, Buffer.from(JSON.stringify(db)));
  return JSON.stringify({
    version: 1,
    header: {
      slots: [{
        type: 1,
        uuid: randomUUID(),
        key: wrapped.ciphertext.toString('hex'),
        key_params: { nonce: slotNonce.toString('hex'), tag: wrapped.tag.toString('hex') },
        n: 2 ** 15,
        r: 8,
        p: 1,
        salt: salt.toString('hex'),
        repaired: true,
        is_backup: false,
      }],
      params: { nonce: dbNonce.toString('hex'), tag: sealed.tag.toString('hex') },
    },
    db: sealed.ciphertext.toString('base64'),
  }, null, 2);
}

test('an otpauth:// list file is previewed, its bad line listed, and imported only when confirmed', async ({ twofold, openPopup }) => {
  const { popup, options } = await setUp(twofold, openPopup);
  const vaultBefore = await storedVault(twofold);
  const file = [uri(GITHUB), uri(SLACK), 'otpauth://totp/Dropbox:alice?secret=NOT-BASE32!!&issuer=Dropbox', uri(FASTMAIL), ''].join('\n');

  await options.chooseImportFile('accounts.txt', file);
  await expect(options.importPreview()).toHaveAccessibleName('Found 3 accounts in a list of setup links');
  await expect(options.previewRows()).toHaveCount(3);
  await expect(options.previewRows().nth(0)).toContainText('GitHub');
  await expect(options.previewRows().nth(2)).toContainText('Fastmail');
  await expect(options.importProblems()).toHaveCount(1);
  await expect(options.importProblems().first()).toContainText('line 3');
  await expect(options.importProblems().first()).toContainText('“!”');
  await expect(options.importPreview()).not.toContainText(GITHUB.secret);
  await expectAccessible(options.page, 'options: import preview');
  // Previewing writes nothing.
  expect(await storedVault(twofold)).toBe(vaultBefore);

  await options.importButton().click();
  await expect(options.importDone()).toHaveText('Imported 3 accounts.');
  await expect(options.importPreview()).toHaveCount(0);
  await expectCodes(popup, [GITHUB, SLACK, FASTMAIL]);
});

test('an import waiting for the person survives the browser stopping the idle worker: Import still imports', async ({ twofold, openPopup }) => {
  const { popup, options } = await setUp(twofold, openPopup);
  await options.chooseImportFile('accounts.txt', [uri(GITHUB), uri(SLACK)].join('\n'));
  await expect(options.previewRows()).toHaveCount(2);
  const stopper = await serviceWorkerStopper(twofold.context, twofold.extensionId);
  try {
    await stopper.stop();
  } finally {
    await stopper.dispose();
  }
  await options.importButton().click();
  await expect(options.importDone()).toHaveText('Imported 2 accounts.');
  await expectCodes(popup, [GITHUB, SLACK]);
});

test('an encrypted Aegis file: a wrong password imports nothing, the right one opens it', async ({ twofold, openPopup }) => {
  const { popup, options } = await setUp(twofold, openPopup);
  const vaultBefore = await storedVault(twofold);

  await options.chooseImportFile('aegis-export-20250301.json', aegisEncrypted([GITHUB, SLACK], AEGIS_PASSWORD));
  await expect(options.importPassword()).toBeFocused();
  await expect(options.importPreview()).toHaveCount(0);

  await options.openImport('not the password');
  await expect(options.errorOf(options.importPassword())).toContainText(/password/i);
  await expect(options.importPassword()).toHaveAttribute('aria-invalid', 'true');
  await expect(options.importPreview()).toHaveCount(0);
  expect(await storedVault(twofold)).toBe(vaultBefore);

  await options.openImport(AEGIS_PASSWORD);
  await expect(options.importPreview()).toHaveAccessibleName('Found 2 accounts in an Aegis vault');
  await expect(options.importPassword()).toHaveCount(0);
  await options.importButton().click();
  await expect(options.importDone()).toHaveText('Imported 2 accounts.');
  await expectCodes(popup, [GITHUB, SLACK]);
});

test('duplicates are marked and skipped unless the user keeps them', async ({ twofold, openPopup }) => {
  const { popup, options } = await setUp(twofold, openPopup, [AMAZON]);
  const list = [uri({ ...AMAZON, issuer: 'Amazon.com' }), uri(GITHUB)].join('\n');

  await options.pasteImport(list);
  await expect(options.previewRows()).toHaveCount(2);
  await expect(options.previewRows().nth(0)).toContainText('Already saved as “Amazon (alice@example.com)”: skipped');
  await expect(options.previewRows().nth(1)).toContainText('New');
  await expect(options.importButton()).toHaveText('Import 1 account');
  await options.importButton().click();
  await expect(options.importDone()).toHaveText('Imported 1 account. 1 account was already saved and skipped.');
  expect((await popup.accounts()).map((a) => a.issuer).sort()).toEqual(['Amazon', 'GitHub']);

  // The same text again: both are saved now. Nothing to add unless duplicates are kept.
  await options.pasteImport(list);
  await expect(options.previewRows()).toHaveCount(2);
  await expect(options.importButton()).toHaveText('Import 0 accounts');
  await expect(options.importButton()).toBeDisabled();
  await options.keepDuplicates().check();
  await expect(options.previewRows().nth(1)).toContainText('imported again');
  await expect(options.importButton()).toHaveText('Import 2 accounts');
  await options.importButton().click();
  await expect(options.importDone()).toHaveText('Imported 2 accounts.');
  expect((await popup.accounts()).map((a) => a.issuer).sort()).toEqual(['Amazon', 'Amazon.com', 'GitHub', 'GitHub']);
});

test('a truncated file is refused with a clear message and nothing is written', async ({ twofold, openPopup }) => {
  const { popup, options } = await setUp(twofold, openPopup, [AMAZON]);
  const vaultBefore = await storedVault(twofold);
  const whole = aegisEncrypted([GITHUB, SLACK], AEGIS_PASSWORD);

  await options.chooseImportFile('aegis-export.json', whole.slice(0, Math.floor(whole.length * 0.7)));
  await expect(options.importError()).toContainText('cut short or damaged');
  await expect(options.importError()).toContainText('nothing was imported');
  await expect(options.importPreview()).toHaveCount(0);
  await expect(options.importPassword()).toHaveCount(0);
  expect(await storedVault(twofold)).toBe(vaultBefore);
  expect((await popup.accounts()).map((a) => a.issuer)).toEqual(['Amazon']);
});

test('an encrypted backup restores every account, with its sites, after all were deleted', async ({ twofold, openPopup }) => {
  const { popup, options } = await setUp(twofold, openPopup, [GITHUB, SLACK]);
  await popup.saveBoundAccount({ ...AMAZON, sites: ['amazon.com'] });
  const accounts = [GITHUB, SLACK, AMAZON];

  const backup = await options.downloadBackup(BACKUP_PASSWORD, PASSWORD);
  expect(backup.name).toMatch(/^twofold-backup-\d{4}-\d{2}-\d{2}\.json$/);
  expect(backup.name).toBe(`twofold-backup-${new Date().toISOString().slice(0, 10)}.json`);
  const file = JSON.parse(backup.text) as { format: string; version: number; vault: { format: string } };
  expect(file).toMatchObject({ format: 'twofold-backup', version: 1, vault: { format: 'twofold-vault' } });
  for (const account of accounts) {
    expect(backup.text).not.toContain(account.secret);
    expect(backup.text).not.toContain(account.issuer);
  }
  await expect(options.exportForm('Encrypted backup file').getByRole('status')).toContainText('with 3 accounts');

  for (const { id } of await popup.accounts()) {
    const reply = await popup.page.evaluate((id) => chrome.runtime.sendMessage({ channel: 'twofold', name: 'deleteAccount', args: { id } }), id);
    expect(reply).toMatchObject({ ok: true });
  }
  expect(await popup.accounts()).toEqual([]);

  await options.chooseImportFile(backup.name, backup.text);
  await expect(options.importPassword()).toBeFocused();
  await options.openImport(PASSWORD); // The master password is not the backup's.
  await expect(options.errorOf(options.importPassword())).toContainText('not the password of this backup');
  await options.openImport(BACKUP_PASSWORD);
  await expect(options.importPreview()).toHaveAccessibleName('Found 3 accounts in a Twofold backup');
  await options.importButton().click();
  await expect(options.importDone()).toHaveText('Imported 3 accounts.');

  await expectCodes(popup, accounts);
  const restored = await popup.accounts();
  expect(restored.find((a) => a.issuer === 'Amazon')?.sites).toEqual(['amazon.com']);

  // Restoring the same backup again adds nothing: every account is already there.
  await options.chooseImportFile(backup.name, backup.text);
  await options.openImport(BACKUP_PASSWORD);
  await expect(options.importButton()).toHaveText('Import 0 accounts');
  await expect(options.importPreview()).toContainText('Every account in this file is already saved.');
});

test('the backup password must follow the password rules and match its confirmation', async ({ twofold, openPopup }) => {
  const { options } = await setUp(twofold, openPopup, [GITHUB]);
  const form = options.exportForm('Encrypted backup file');
  await options.requestBackup('short', PASSWORD);
  await expect(options.errorOf(form.getByLabel('Backup password', { exact: true }))).toContainText('at least 8 characters for your backup password');
  await options.requestBackup(BACKUP_PASSWORD, PASSWORD, `${BACKUP_PASSWORD}!`);
  await expect(options.errorOf(form.getByLabel('Type the backup password again'))).toContainText('do not match');
});

test('the plain otpauth:// export is behind a warning and the master password, and holds every account', async ({ twofold, openPopup }) => {
  const { options } = await setUp(twofold, openPopup, [GITHUB, SLACK]);
  const form = options.exportForm('Unencrypted list of setup links');
  // One warning over the three unencrypted exports, which each point to it.
  await expect(options.page.getByText('Anyone who has this list or sees these QR codes can make your codes.')).toHaveCount(1);
  await expect(form.getByRole('button', { name: 'Download unencrypted list' })).toHaveAccessibleDescription(/Anyone who has this list/);
  // No master-password box until an export is asked for.
  await expect(options.page.getByRole('region', { name: 'Backup and export' }).getByLabel(/master password/i)).toHaveCount(0);
  const master = form.getByLabel('Master password for the unencrypted list');

  let downloads = 0;
  options.page.on('download', () => downloads++);
  await form.getByRole('button', { name: 'Download unencrypted list' }).click();
  await expect(options.errorOf(master)).toHaveText('Type your master password to confirm it is you.');

  await options.requestPlainList('not my password');
  await expect(options.errorOf(master)).toContainText('That password is not right');
  await expect(master).toHaveValue('');
  expect(downloads).toBe(0);

  const list = await options.downloadPlainList(PASSWORD);
  expect(list.name).toMatch(/^twofold-accounts-\d{4}-\d{2}-\d{2}\.txt$/);
  const lines = list.text.trim().split('\n');
  expect(lines).toHaveLength(2);
  for (const [i, account] of [GITHUB, SLACK].entries()) {
    const link = new URL(lines[i]!);
    expect(link.protocol).toBe('otpauth:');
    expect(link.searchParams.get('secret')).toBe(account.secret);
    expect(link.searchParams.get('issuer')).toBe(account.issuer);
  }
});

test('every export refuses a wrong master password and writes nothing', async ({ twofold, openPopup }) => {
  const { options } = await setUp(twofold, openPopup, [GITHUB, SLACK]);
  let downloads = 0;
  options.page.on('download', () => downloads++);

  const backupForm = options.exportForm('Encrypted backup file');
  await options.requestBackup(BACKUP_PASSWORD, 'not my password');
  await expect(options.errorOf(backupForm.getByLabel('Your master password'))).toContainText('That password is not right');
  await expect(backupForm.getByRole('status')).toHaveText('');

  const transferForm = options.exportForm('Move to a phone (Google Authenticator)');
  await options.showTransferCodes('still not my password');
  await expect(options.errorOf(transferForm.getByLabel('Master password for the transfer QR codes'))).toContainText('That password is not right');
  await expect(options.transferCodes()).toHaveCount(0);
  expect(downloads).toBe(0);

  // The right password (two failures are still within the free tries) shows the code and its link.
  await options.showTransferCodes(PASSWORD);
  const links = options.transferCodes().locator('.transfer__uri');
  await expect(links).toHaveCount(1);
  await expect(links.first()).toHaveText(/^otpauth-migration:\/\/offline\?data=/);
  await expect(options.transferCodes().getByRole('img', { name: 'Google Authenticator transfer QR code 1 of 1' })).toBeVisible();
  await expect(options.transferCodes().getByRole('figure')).toContainText('1 of 1');
});

test('a Google Authenticator transfer link from the export imports back', async ({ twofold, openPopup }) => {
  const { popup, options } = await setUp(twofold, openPopup, [GITHUB, SLACK]);
  await options.showTransferCodes(PASSWORD);
  // What a phone would read from the screen.
  const link = await readQrImage(options.transferCodes().getByRole('img'));
  expect(link).toBe(await options.transferCodes().locator('.transfer__uri').textContent());

  for (const { id } of await popup.accounts()) {
    await popup.page.evaluate((id) => chrome.runtime.sendMessage({ channel: 'twofold', name: 'deleteAccount', args: { id } }), id);
  }
  await options.pasteImport(link);
  await expect(options.importPreview()).toHaveAccessibleName('Found 2 accounts in a Google Authenticator export');
  await options.importButton().click();
  await expect(options.importDone()).toHaveText('Imported 2 accounts.');
  await expectCodes(popup, [GITHUB, SLACK]);
});

test('a transfer holding a SHA-256 account warns that some phone apps ignore it, and names only that account', async ({ twofold, openPopup }) => {
  const { options } = await setUp(twofold, openPopup, [GITHUB]);
  await options.pasteImport(`${uri(FASTMAIL)}&algorithm=SHA256`);
  await options.importButton().click();
  await expect(options.importDone()).toHaveText('Imported 1 account.');

  const warning = options.page.locator('#transfer-algorithm-warning');
  await expect(warning).toBeEmpty();
  await options.showTransferCodes(PASSWORD);
  await expect(options.transferCodes().locator('.transfer__uri')).toHaveCount(1);
  await expect(warning).toHaveRole('status');
  await expect(warning).toContainText('1 account makes its codes with SHA-256 or SHA-512');
  await expect(warning.getByRole('listitem')).toHaveText(['Fastmail: alice@fastmail.example (SHA-256)']);
  await expect(warning).toContainText('check that the phone shows the same code as Twofold');
  // The codes point to the warning, so a screen reader hears it with them.
  await expect(options.transferCodes()).toHaveAttribute('aria-describedby', 'transfer-algorithm-warning');
  await expectAccessible(options.page, 'options: transfer QR codes with an algorithm warning');
});

test('a Google Authenticator export with a QR code missing names it, and the rest can still be imported', async ({ twofold, openPopup }) => {
  const { popup, options } = await setUp(twofold, openPopup);
  // Eleven accounts make two transfer links (Google Authenticator takes about ten per QR code).
  const many = [...'ABCDEFGHIJK'].map((letter, i) => ({ issuer: `Service ${i + 1}`, label: 'alice', secret: `${letter}BSWY3DPEHPK3PXP` }));
  for (const account of many) await popup.saveBoundAccount({ ...account, sites: [] });

  await options.showTransferCodes(PASSWORD);
  const links = options.transferCodes().locator('.transfer__uri');
  await expect(links).toHaveCount(2);
  // One QR code per link, captioned in order, each holding exactly the link listed under it.
  await expect(options.transferCodes().getByRole('img')).toHaveCount(2);
  await expect(options.transferCodes().getByRole('figure').nth(1)).toContainText('2 of 2');
  expect(await readQrImages(options.transferCodes())).toEqual(await links.allTextContents());
  await expectAccessible(options.page, 'options: transfer QR codes');
  const first = await links.first().textContent();

  await options.pasteImport(first ?? '');
  await expect(options.importPreview()).toHaveAccessibleName('Found 10 accounts in a Google Authenticator export');
  await expect(options.importPreview().getByRole('alert')).toContainText('QR code 2 is missing');
  // All ten are saved already, so nothing would be added.
  await expect(options.importButton()).toHaveText('Import 0 accounts');
});

test('one QR code per account, behind a warning and the master password, each holding its account', async ({ twofold, openPopup }) => {
  const { popup, options } = await setUp(twofold, openPopup, [GITHUB, SLACK]);
  await popup.saveBoundAccount({ ...AMAZON, sites: [] });
  const form = options.exportForm('Move to a phone, one QR code per account');
  await expect(form.getByRole('button', { name: 'Show one QR code per account' })).toHaveAccessibleDescription(/Anyone who has this list or sees these QR codes/);
  const master = form.getByLabel('Master password for the account QR codes');

  await form.getByRole('button', { name: 'Show one QR code per account' }).click();
  await expect(options.errorOf(master)).toHaveText('Type your master password to confirm it is you.');
  await options.showAccountCodes('not my password');
  await expect(options.errorOf(master)).toContainText('That password is not right');
  await expect(master).toHaveValue('');
  await expect(options.accountCodes()).toHaveCount(0);

  await options.showAccountCodes(PASSWORD);
  const accounts = [GITHUB, SLACK, AMAZON]; // In the popup's order.
  await expect(options.accountCodes().getByRole('img')).toHaveCount(accounts.length);
  const texts = await readQrImages(options.accountCodes());
  for (const [i, account] of accounts.entries()) {
    const name = `${account.issuer} (${account.label})`;
    await expect(options.accountCodes().getByRole('figure').nth(i)).toHaveText(name);
    await expect(options.accountCodes().getByRole('img').nth(i)).toHaveAccessibleName(`QR code to set up ${name} in another app`);
    const link = new URL(texts[i]!);
    expect(link.protocol).toBe('otpauth:');
    expect(link.searchParams.get('secret')).toBe(account.secret);
    expect(link.searchParams.get('issuer')).toBe(account.issuer);
  }
  await expectAccessible(options.page, 'options: one QR code per account');

  await options.accountCodes().getByRole('button', { name: 'Hide codes' }).click();
  await expect(options.accountCodes()).toHaveCount(0);
});

/** A list of `count` setup links, each with its own valid key. */
function manyLinks(count: number): string {
  const b32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const key = (n: number) => `JBSWY3DPEHPK${[15, 10, 5, 0].map((shift) => b32[(n >> shift) & 31]).join('')}`;
  return Array.from({ length: count }, (_, i) => `otpauth://totp/Shop%20${i}:alice?secret=${key(i)}&issuer=Shop%20${i}`).join('\n');
}

test('a file of 5,001 accounts is refused at once: the message says the limit and to split the file, and nothing is written', async ({ twofold, openPopup }) => {
  const { popup, options } = await setUp(twofold, openPopup, [AMAZON]);
  const vaultBefore = await storedVault(twofold);
  await options.chooseImportFile('accounts.txt', manyLinks(5001));
  await expect(options.importError()).toHaveText(
    'This file holds more than 5,000 accounts, more than Twofold imports at once. Split it into smaller files of at most 5,000 accounts each, and import them one after another.',
  );
  await expect(options.importPreview()).toHaveCount(0);
  expect(await storedVault(twofold)).toBe(vaultBefore);
  expect((await popup.accounts()).map((a) => a.issuer)).toEqual(['Amazon']);
});

test('while a 4,999-account import is read, the background answers the list and the status before the preview is done', async ({ twofold, openPopup }) => {
  test.setTimeout(120_000);
  const { options } = await setUp(twofold, openPopup, [AMAZON]);
  // What settled in which order, as the options page saw it.
  const order = await options.page.evaluate(async (text) => {
    const request = (globalThis as unknown as { twofoldRequest: (name: string, args?: unknown) => Promise<{ ok: boolean; value?: { accounts?: unknown[] } }> }).twofoldRequest;
    const settled: string[] = [];
    const preview = request('previewImport', { text }).then((reply) => {
      settled.push(`preview ${reply.ok ? (reply.value?.accounts?.length ?? '?') : 'failed'}`);
    });
    const list = await request('listAccounts');
    settled.push(`list ${list.value?.accounts?.length ?? 'failed'}`);
    const status = await request('getStatus');
    settled.push(`status ${status.ok ? 'ok' : 'failed'}`);
    await preview;
    return settled;
  }, manyLinks(4999));
  expect(order).toEqual(['list 1', 'status ok', 'preview 4999']);
});

test('the worker stopped while an import is saved: the page says what is stored, never a failure for an import that was kept', async ({ twofold, openPopup }) => {
  test.setTimeout(120_000);
  const { options } = await setUp(twofold, openPopup, [AMAZON]);
  await options.chooseImportFile('accounts.txt', manyLinks(3000));
  const importAll = options.page.getByRole('button', { name: 'Import 3,000 accounts' });
  await expect(importAll).toBeVisible({ timeout: 30_000 });
  const stopper = await serviceWorkerStopper(twofold.context, twofold.extensionId);
  try {
    await importAll.click();
    await stopper.stop();
  } finally {
    await stopper.dispose();
  }
  // Whichever came first, the stop or the write, the page's words match the vault.
  const section = options.page.getByRole('region', { name: 'Import' });
  const imported = section.getByRole('status').filter({ hasText: /Imported 3,000 accounts|Saved\. Twofold restarted before it could confirm it\./ });
  const notSaved = options.importError().filter({ hasText: 'Twofold stopped before saving this, so nothing was changed. Try again.' });
  await expect(imported.or(notSaved)).toBeVisible({ timeout: 30_000 });
  const count = await options.page.evaluate(async () => {
    const request = (globalThis as unknown as { twofoldRequest: (name: string) => Promise<{ value: { accounts: unknown[] } }> }).twofoldRequest;
    return (await request('listAccounts')).value.accounts.length;
  });
  const said = (await imported.or(notSaved).textContent()) ?? '';
  test.info().annotations.push({ type: 'outcome', description: said });
  if (await imported.isVisible()) {
    expect(count).toBe(3001);
    await expect(options.importError()).toHaveCount(0);
  } else {
    expect(count).toBe(1);
  }
});
