import { expect, type Locator, type Page } from '@playwright/test';
import type { TwofoldBrowser } from '../support/launch';
import { PopupSteps, type ListedAccount } from './popup-steps';
import { playwrightUi } from './ui';

/**
 * The popup as a user sees it, in words a test can read like a story. The steps both browsers
 * share (set up, unlock, scan, the background's list) are PopupSteps, also used in Firefox.
 */
export class PopupPage {
  private readonly steps: PopupSteps;

  constructor(readonly page: Page) {
    this.steps = new PopupSteps(playwrightUi(page));
  }

  /** The visible screen title (the account list's own heading is for screen readers only). */
  heading(): Locator {
    return this.page.locator('h1:not(.visually-hidden)');
  }

  setUp(password: string, confirm = password): Promise<void> {
    return this.steps.setUp(password, confirm);
  }

  unlock(password: string): Promise<void> {
    return this.steps.unlock(password);
  }

  async lockNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lock now' }).click();
    await expect(this.heading()).toHaveText('Twofold is locked');
  }

  /**
   * Adds an account through the add form. The site field is left holding `site`, or emptied (the
   * account is bound to no site).
   */
  addAccount(account: { issuer: string; label?: string; secret: string; site?: string }): Promise<void> {
    return this.steps.addAccount(account);
  }

  /**
   * Opens the ways to add an account: the "Add account" button where they are folded away (a
   * site with its account, a browser page); elsewhere they are on screen already.
   */
  async openAddPanel(): Promise<Locator> {
    const toggle = this.addToggle();
    if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const panel = this.addPanel();
    await panel.waitFor();
    return panel;
  }

  /** The "Add account" button in the popup's header (only where adding is folded away). */
  addToggle(): Locator {
    return this.page.getByRole('button', { name: 'Add account', exact: true });
  }

  /** The ways to add an account: scan, select an area, an image, a link, type the key. */
  addPanel(): Locator {
    return this.page.locator('#add-panel');
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

  /** Scans the page the popup acts on and waits for the outcome to show. */
  scanPage(): Promise<void> {
    return this.steps.scanPage();
  }

  /** Accounts as the background reports them (no secrets), via the popup's own channel. */
  accounts(): Promise<ListedAccount[]> {
    return this.steps.accounts();
  }

  /** Issuer names in list order. */
  async issuers(): Promise<string[]> {
    return this.page.locator('.account__issuer').allTextContents();
  }

  /**
   * Opens the popup (as a tab) for filling into tab `tabId`: what the popup does for the active
   * tab, or the unlock window a page opened, does here for that tab.
   */
  static async openFor(twofold: TwofoldBrowser, tabId: number): Promise<PopupPage> {
    const page = await twofold.context.newPage();
    await page.goto(`chrome-extension://${twofold.extensionId}/popup.html?tab=${tabId}`);
    return new PopupPage(page);
  }

  /** Clicks a row's code: copies it. */
  async clickCode(issuer: string): Promise<void> {
    await this.row(issuer).first().locator('button.code').click();
  }

  /** A row's Fill button (shown when the popup acts on a web page). */
  fillButton(issuer: string): Locator {
    return this.row(issuer).first().getByRole('button', { name: /^Fill the code for / });
  }

  /** Clicks a row's Fill: fills the code into the tab (asking first on a site it is not bound to). */
  async fill(issuer: string): Promise<void> {
    await this.fillButton(issuer).click();
  }
  /**
   * Saves an account bound to `sites`, the way enrollment from a tab does (the add form has no
   * site field): through the same request the form sends.
   */
  async saveBoundAccount(account: { issuer: string; label?: string; secret: string; digits?: number; sites: string[] }): Promise<void> {
    const reply = await this.steps.saveBoundAccount(account);
    expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
  }

  /** The search box at the top of the list. */
  search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search accounts' });
  }

  /** The issuer of the row that holds the focus, or null when the focus is outside the list. */
  async focusedIssuer(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.closest('li.account')?.querySelector('.account__issuer')?.textContent ?? null);
  }

  /** The pin toggle of a row. */
  pinButton(issuer: string): Locator {
    return this.row(issuer).getByRole('button', { name: /^Pin / });
  }

  /** Opens the edit screen of a row. */
  async edit(issuer: string): Promise<void> {
    await this.row(issuer).getByRole('button', { name: /^Edit / }).click();
    await expect(this.heading()).toHaveText('Edit account');
  }

  /** Deletes an account from its edit screen, answering the question. */
  async deleteAccount(issuer: string): Promise<void> {
    await this.edit(issuer);
    await this.page.getByRole('button', { name: 'Delete this account…' }).click();
    await this.page.getByRole('button', { name: 'Delete', exact: true }).click();
  }

  /** The status line pinned under the list ("Copied the code for …", "Deleted … Undo"). */
  toast(): Locator {
    return this.page.locator('.toast[role=status]');
  }

  /** The colour theme menu under the list. */
  async chooseTheme(theme: 'Same as system' | 'Light' | 'Dark'): Promise<void> {
    await this.page.getByLabel('Theme').selectOption({ label: theme });
  }

  /** The page's computed background colour, e.g. "rgb(255, 255, 255)". */
  async backgroundColor(): Promise<string> {
    return this.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  }

  /** The recovery codes section of the edit screen. */
  recoveryCodes(): Locator {
    return this.page.locator('section.recovery');
  }

  /** Pastes `text` as recovery codes of the account being edited, confirming with `password`. */
  async addRecoveryCodes(text: string, password: string): Promise<void> {
    const section = this.recoveryCodes();
    await section.getByRole('button', { name: 'Add recovery codes' }).click();
    await section.getByLabel('Recovery codes to add').fill(text);
    await section.getByLabel('Master password').fill(password);
    await section.getByRole('button', { name: 'Save codes' }).click();
  }

  /** Asks to show the recovery codes of the account being edited, with `password`. */
  async showRecoveryCodes(password: string): Promise<void> {
    const section = this.recoveryCodes();
    await section.getByRole('button', { name: 'Show recovery codes' }).click();
    await section.getByLabel('Master password').fill(password);
    await section.getByRole('button', { name: 'Show recovery codes' }).click();
  }

  /** The popup's reminder to save a backup. */
  backupReminder(): Locator {
    return this.page.locator('.backup-reminder');
  }
}
