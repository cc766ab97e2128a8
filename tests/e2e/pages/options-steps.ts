import type { Ui } from './ui';

/** Where the options page's forms are, for lookups inside one of them. */
export const OPTIONS_PARTS = {
  import: 'section[aria-labelledby="import-title"]',
  backup: 'form[aria-labelledby="backup-title"]',
  sync: 'section[aria-labelledby="sync-title"]',
} as const;

/**
 * What a user does on the options page, over any browser's Ui (see PopupSteps): Chromium's
 * OptionsPage and the Firefox suite walk the same steps.
 */
export class OptionsSteps {
  constructor(readonly ui: Ui) {}

  /** Pastes exported text into the import box and reads it. */
  async pasteImport(text: string): Promise<void> {
    await this.ui.fill('Or paste the exported text', text);
    await this.ui.click('Read pasted text');
  }

  /** Types the password of an encrypted export and opens it. */
  async openImport(password: string): Promise<void> {
    await this.ui.fill('Password of this export', password);
    await this.ui.click('Open', { exact: true });
  }

  /**
   * Fills the encrypted backup form and submits it (no wait for the download): the first press
   * of "Download backup" shows the master-password box, the second one sends.
   */
  async requestBackup(password: string, master: string, confirm = password): Promise<void> {
    const within = OPTIONS_PARTS.backup;
    await this.ui.fill('Backup password', password, { exact: true, within });
    await this.ui.fill('Type the backup password again', confirm, { within });
    await this.ui.click('Download backup', { within });
    await this.ui.fill('Your master password', master, { within });
    await this.ui.click('Download backup', { within });
  }

  /** Types the master password into the sync section and turns sync on (no wait for the outcome). */
  async enableSync(password: string): Promise<void> {
    await this.ui.fill('Your master password', password, { within: OPTIONS_PARTS.sync });
    await this.ui.click('Turn on sync', { within: OPTIONS_PARTS.sync });
  }
}
