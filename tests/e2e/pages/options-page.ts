import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import type { TwofoldBrowser } from '../support/launch';
import { OptionsSteps } from './options-steps';
import { playwrightUi } from './ui';

/** The options page as a user sees it (the steps shared with Firefox are OptionsSteps). */
export class OptionsPage {
  private readonly steps: OptionsSteps;

  constructor(readonly page: Page) {
    this.steps = new OptionsSteps(playwrightUi(page));
  }

  /** Opens the options page in a new tab of the test browser. */
  static async open(twofold: TwofoldBrowser): Promise<OptionsPage> {
    const page = await twofold.context.newPage();
    await page.goto(`chrome-extension://${twofold.extensionId}/options.html`);
    return new OptionsPage(page);
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  autoLock(): Locator {
    return this.page.getByLabel('Lock automatically after');
  }

  lockOnSystemLock(): Locator {
    return this.page.getByLabel('Lock when my computer locks');
  }

  /** The status line beside a setting ("Saved"). */
  savedStatus(setting: 'auto-lock' | 'lock-on-system-lock'): Locator {
    return this.page.locator(`#${setting}-status`);
  }

  /** Picks an auto-lock time by its label ("5 minutes", "Never") and waits for "Saved". */
  async setAutoLock(label: string): Promise<void> {
    await this.autoLock().selectOption({ label });
    await expect(this.savedStatus('auto-lock')).toHaveText('Saved');
  }

  async unlock(password: string): Promise<void> {
    await this.page.getByLabel('Master password').fill(password);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
    await expect(this.heading()).toHaveText('Twofold settings');
  }

  async lockNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lock now' }).click();
    await expect(this.heading()).toHaveText('Twofold is locked');
  }

  currentPassword(): Locator {
    return this.page.getByLabel('Current master password');
  }

  newPassword(): Locator {
    return this.page.getByLabel('New master password');
  }

  confirmPassword(): Locator {
    return this.page.getByLabel('Type the new password again');
  }

  async changePassword(current: string, next: string, confirm = next): Promise<void> {
    await this.currentPassword().fill(current);
    await this.newPassword().fill(next);
    await this.confirmPassword().fill(confirm);
    await this.page.getByRole('button', { name: 'Change password' }).click();
  }

  /** The error message tied to an input through aria-describedby. */
  errorOf(input: Locator): Locator {
    return input.locator('xpath=..').locator('.error');
  }

  // Import and restore (issue 7).

  /** Chooses a file to import, as the file chooser would give it. */
  async chooseImportFile(name: string, contents: string | Buffer): Promise<void> {
    await this.page.locator('#import-file').setInputFiles({
      name,
      mimeType: name.endsWith('.json') ? 'application/json' : 'text/plain',
      buffer: Buffer.isBuffer(contents) ? contents : Buffer.from(contents, 'utf8'),
    });
  }

  /** Pastes exported text into the import box and reads it. */
  pasteImport(text: string): Promise<void> {
    return this.steps.pasteImport(text);
  }

  importPassword(): Locator {
    return this.page.getByLabel('Password of this export');
  }

  /** Types the password of an encrypted export and opens it. */
  openImport(password: string): Promise<void> {
    return this.steps.openImport(password);
  }

  /** The preview of what an import would add. */
  importPreview(): Locator {
    return this.page.getByRole('region', { name: /^Found \d+ accounts? in / });
  }

  /** The preview's account rows. */
  previewRows(): Locator {
    return this.importPreview().locator('tbody tr');
  }

  /** The records the preview says cannot be imported. */
  importProblems(): Locator {
    return this.importPreview().locator('.import-problems li');
  }

  keepDuplicates(): Locator {
    return this.importPreview().getByLabel(/Keep duplicates/);
  }

  /** The "Import N accounts" button. */
  importButton(): Locator {
    return this.importPreview().getByRole('button', { name: /^Import \d+ accounts?$/ });
  }

  /** The import section's success line. */
  importDone(): Locator {
    return this.page.getByRole('region', { name: 'Import' }).getByRole('status').filter({ hasText: /Imported|Nothing new/ });
  }

  /** The import section's error that is not about the password box. */
  importError(): Locator {
    return this.page.locator('section[aria-labelledby="import-title"] [role="alert"]');
  }

  // Export (issue 7).

  /** One export form by its heading: "Encrypted backup file", … */
  exportForm(name: string): Locator {
    return this.page.getByRole('form', { name });
  }

  /**
   * Presses an export's button; the master-password box appears (it is shown only once its
   * export is asked for); types `master` there and presses the button again.
   */
  async confirmExport(form: Locator, box: string, button: string, master: string): Promise<void> {
    const field = form.getByLabel(box, { exact: true });
    if (!(await field.isVisible())) {
      await form.getByRole('button', { name: button }).click();
      await expect(field).toBeFocused();
    }
    await field.fill(master);
    await form.getByRole('button', { name: button }).click();
  }

  /** Fills the encrypted backup form and submits it (no wait for the download). */
  requestBackup(password: string, master: string, confirm = password): Promise<void> {
    return this.steps.requestBackup(password, master, confirm);
  }

  /** Saves an encrypted backup and returns the file's name and text. */
  async downloadBackup(password: string, master: string): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.requestBackup(password, master);
    return readDownload(await download);
  }

  /** Submits the plain list form with `master` (no wait for the download). */
  async requestPlainList(master: string): Promise<void> {
    const form = this.exportForm('Unencrypted list of setup links');
    await this.confirmExport(form, 'Master password for the unencrypted list', 'Download unencrypted list', master);
  }

  /** Saves the plain otpauth:// list and returns the file's name and text. */
  async downloadPlainList(master: string): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.requestPlainList(master);
    return readDownload(await download);
  }

  /** Asks for the Google Authenticator transfer QR codes (each with its link). */
  async showTransferCodes(master: string): Promise<void> {
    const form = this.exportForm('Move to a phone (Google Authenticator)');
    await this.confirmExport(form, 'Master password for the transfer QR codes', 'Show transfer QR codes', master);
  }

  /** The shown transfer QR codes and their links. */
  transferCodes(): Locator {
    return this.exportForm('Move to a phone (Google Authenticator)').getByRole('region', { name: 'Transfer QR codes' });
  }

  /** Asks for one QR code per account. */
  async showAccountCodes(master: string): Promise<void> {
    const form = this.exportForm('Move to a phone, one QR code per account');
    await this.confirmExport(form, 'Master password for the account QR codes', 'Show one QR code per account', master);
  }

  /** The shown per-account QR codes, each captioned with its account's name. */
  accountCodes(): Locator {
    return this.exportForm('Move to a phone, one QR code per account').getByRole('region', { name: 'Account QR codes' });
  }

  // Sync (issue 7).

  /** The "Sync between your browsers" section. */
  syncSection(): Locator {
    return this.page.getByRole('region', { name: 'Sync between your browsers' });
  }

  /** The sync status line ("Sync is off.", "Sync is on. Last synced …"). */
  syncStatus(): Locator {
    return this.syncSection().getByTestId('sync-status');
  }

  /** The sync section's messages (a refused password, a sync problem). */
  syncErrors(): Locator {
    return this.syncSection().locator('[role="alert"]');
  }

  /** Types the master password into the sync section and turns sync on (no wait for the outcome). */
  enableSync(password: string): Promise<void> {
    return this.steps.enableSync(password);
  }

  // Sites and filling (issue 6).

  /** The "Sites" section. */
  sitesSection(): Locator {
    return this.page.getByRole('region', { name: 'Sites' });
  }

  /** The sites (grouped by site) that the account named `name` ("Amazon: alice@example.com") is used on. */
  boundSites(name: string): Locator {
    return this.sitesSection().locator('li.site-group')
      .filter({ has: this.page.getByRole('listitem').filter({ has: this.page.getByText(name, { exact: true }) }) });
  }

  /** The one add-a-site form's site box. */
  addSiteBox(): Locator {
    return this.sitesSection().getByRole('form', { name: 'Add a site to an account' }).getByLabel('Site', { exact: true });
  }

  /** Chooses the account named `name`, types a site and adds it (no wait for the outcome). */
  async addSite(name: string, typed: string): Promise<void> {
    await this.sitesSection().getByLabel('Account', { exact: true }).selectOption({ label: name });
    await this.addSiteBox().fill(typed);
    await this.addSiteBox().press('Enter');
  }

  /** The message under the add-a-site form. */
  addSiteError(): Locator {
    return this.sitesSection().locator('#site-add-site-error');
  }

  async removeSite(name: string, site: string): Promise<void> {
    await this.sitesSection().getByRole('button', { name: `Remove ${site} from ${name}` }).click();
  }

  /** The host permissions listed as granted to Twofold. */
  grantedOrigins(): Locator {
    return this.sitesSection().getByRole('list', { name: 'Site access granted to Twofold' }).getByRole('listitem');
  }

  async revokeOrigin(origin: string): Promise<void> {
    await this.sitesSection().getByRole('button', { name: `Remove Twofold’s access to ${origin}`, exact: true }).click();
  }

  /** The "Submit the form after filling" box. */
  autoSubmit(): Locator {
    return this.page.getByLabel('Submit the form after filling');
  }
}

async function readDownload(download: Download): Promise<{ name: string; text: string }> {
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}
