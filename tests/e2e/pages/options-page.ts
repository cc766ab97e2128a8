import { expect, type Locator, type Page } from '@playwright/test';
import type { TwofoldBrowser } from '../support/launch';

/** The options page as a user sees it. */
export class OptionsPage {
  constructor(readonly page: Page) {}

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
}
