import type { Ui } from './ui';

/** An account as the background lists it to the popup (no secret). */
export interface ListedAccount {
  issuer: string;
  label: string;
  sites: string[];
  id: string;
}

/**
 * What a user does in the popup, over any browser's Ui: Chromium's PopupPage and the Firefox
 * suite both walk these steps, so both browsers are driven by the same labels and requests.
 */
export class PopupSteps {
  constructor(readonly ui: Ui) {}

  async setUp(password: string, confirm = password): Promise<void> {
    await this.ui.fill('Master password', password);
    await this.ui.fill('Type it again', confirm);
    await this.ui.click('Start using Twofold');
  }

  async unlock(password: string): Promise<void> {
    await this.ui.fill('Master password', password);
    await this.ui.click('Unlock');
  }

  async lockNow(): Promise<void> {
    await this.ui.click('Lock now');
    await this.ui.waitFor('h1:not(.visually-hidden)', 'Twofold is locked');
  }

  /**
   * Opens the ways to add an account where they are folded behind "Add account" (a site with its
   * account, a browser page); elsewhere (an empty vault, a site without its account) they show.
   */
  async openAddPanel(): Promise<void> {
    const folded = await this.ui.evaluate(() => document.querySelector('button.add-toggle[aria-expanded="false"]') !== null, undefined);
    if (folded) await this.ui.click('Add account');
    await this.ui.waitFor('#add-panel');
  }

  /** Adds an account by its setup key in the add form (opened from the add panel unless open), bound to `site` or to none. */
  async addAccount(account: { issuer: string; label?: string; secret: string; site?: string }): Promise<void> {
    const formOpen = await this.ui.evaluate(
      () => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Save account'),
      undefined,
    );
    if (!formOpen) {
      await this.openAddPanel();
      await this.ui.click('Type a setup key');
    }
    await this.ui.fill('Service', account.issuer);
    if (account.label) await this.ui.fill('Account name (optional)', account.label);
    // The form offers a site (the tab's, or the issuer's); tests bind only the site they name.
    await this.ui.fill('Site where you sign in', account.site ?? '');
    await this.ui.fill('Setup key', account.secret);
    await this.ui.click('Save account');
  }

  /** Scans the page the popup acts on and waits for the outcome to show. */
  async scanPage(): Promise<void> {
    await this.openAddPanel();
    await this.ui.click('Scan QR code on this page');
    await this.ui.waitFor('.notice-box, .warning, .preview');
  }

  /** Accounts as the background reports them (no secrets), via the popup's own channel. */
  accounts(): Promise<ListedAccount[]> {
    return this.ui.evaluate(async () => {
      const reply = (await chrome.runtime.sendMessage({ channel: 'twofold', name: 'listAccounts' })) as { value: { accounts: ListedAccount[] } };
      return reply.value.accounts;
    }, undefined);
  }

  /**
   * Saves an account bound to `sites`, the way enrollment from a tab does (the add form has no
   * site field): through the same request the form sends. Returns the background's reply.
   */
  saveBoundAccount(account: { issuer: string; label?: string; secret: string; digits?: number; sites: string[] }): Promise<{ ok: boolean }> {
    return this.ui.evaluate(
      ({ issuer, label, secret, digits, sites }) =>
        chrome.runtime.sendMessage({
          channel: 'twofold',
          name: 'addAccount',
          args: {
            form: { kind: 'totp', issuer, label: label ?? '', secret, algorithm: 'SHA1', digits: digits ?? 6, period: 30, counter: 0 },
            sites,
            allowDuplicate: true,
          },
        }) as Promise<{ ok: boolean }>,
      account,
    );
  }

  /** The code the row of `issuer` shows (without the grouping space), once the row is there. */
  async codeOf(issuer: string): Promise<string> {
    await this.ui.waitFor('li.account .account__issuer', issuer);
    return this.ui.evaluate(
      (name) =>
        [...document.querySelectorAll('li.account')]
          .find((row) => row.querySelector('.account__issuer')?.textContent?.includes(name))
          ?.querySelector('button.code')
          ?.getAttribute('data-code') ?? '',
      issuer,
    );
  }
}
