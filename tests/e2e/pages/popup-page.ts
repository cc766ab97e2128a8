import { expect, type Locator, type Page } from '@playwright/test';

/** The popup as a user sees it, in words a test can read like a story. */
export class PopupPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  async setUp(password: string, confirm = password): Promise<void> {
    await this.page.getByLabel('Master password').fill(password);
    await this.page.getByLabel('Type it again').fill(confirm);
    await this.page.getByRole('button', { name: 'Create vault' }).click();
  }

  async unlock(password: string): Promise<void> {
    await this.page.getByLabel('Master password').fill(password);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
  }

  async lockNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lock now' }).click();
    await expect(this.heading()).toHaveText('Twofold is locked');
  }

  async addAccount(account: { issuer: string; label?: string; secret: string }): Promise<void> {
    await this.page.getByRole('button', { name: /Add/ }).first().click();
    await this.page.getByLabel('Service').fill(account.issuer);
    if (account.label) await this.page.getByLabel('Account name (optional)').fill(account.label);
    await this.page.getByLabel('Text key').fill(account.secret);
    await this.page.getByRole('button', { name: 'Save account' }).click();
  }

  /** The rows of the account list. */
  rows(): Locator {
    return this.page.locator('li.account');
  }

  row(issuer: string): Locator {
    return this.rows().filter({ has: this.page.locator('.account__issuer', { hasText: issuer }) });
  }

  /** The code a row shows, without the grouping space. */
  async codeOf(issuer: string): Promise<string> {
    return (await this.row(issuer).locator('button.code').getAttribute('data-code')) ?? '';
  }

  /** Issuer names in list order. */
  async issuers(): Promise<string[]> {
    return this.page.locator('.account__issuer').allTextContents();
  }
}
