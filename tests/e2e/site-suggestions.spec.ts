/**
 * Every account knows its site (issue 13): the add form offers the tab's site or the issuer's
 * (from the 2FA Directory table), an import suggests a site per account that the person
 * confirms.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { TwofoldBrowser } from './support/launch';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';

const PASSWORD = 'correct horse battery';
const SECRET = 'JBSWY3DPEHPK3PXP';

/** Sets Twofold up and waits until it is (the vault is created after a slow key derivation). */
async function setUp(openPopup: () => Promise<PopupPage>): Promise<void> {
  const popup = await openPopup();
  await popup.setUp(PASSWORD);
  await expect(popup.page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
}

async function tabIdOf(twofold: TwofoldBrowser, page: Page): Promise<number> {
  const url = page.url();
  return twofold.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({})).find((tab) => tab.url === u)?.id ?? -1, url);
}

/** The popup acting on `page`'s tab, as the toolbar button would open it there. */
async function popupFor(twofold: TwofoldBrowser, page: Page): Promise<PopupPage> {
  const popup = await twofold.context.newPage();
  await popup.goto(`chrome-extension://${twofold.extensionId}/popup.html?tab=${await tabIdOf(twofold, page)}`);
  return new PopupPage(popup);
}

test('the add form offers the tab’s site, then the issuer’s, and saves what the person leaves there', async ({ twofold, openPopup, pageOn }) => {
  await setUp(openPopup);
  const shop = await pageOn('www.amazon.de', '/blank.html');
  const popup = await popupFor(twofold, shop);
  await (await popup.openAddPanel()).getByRole('button', { name: 'Type a setup key' }).click();
  const site = popup.page.getByLabel('Site where you sign in');

  await expect(site).toHaveValue('amazon.de');
  // Amazon's own site list holds amazon.de: the tab's site stays.
  await popup.page.getByLabel('Service').fill('Amazon');
  await expect(site).toHaveValue('amazon.de');
  // Another service: its site from the table.
  await popup.page.getByLabel('Service').fill('GitHub');
  await expect(site).toHaveValue('github.com');

  // Something that is not a site is refused at the field, and nothing is saved.
  await site.fill('not a site');
  await popup.page.getByLabel('Setup key').fill(SECRET);
  await popup.page.getByRole('button', { name: 'Save account' }).click();
  await expect(popup.page.locator('#site-error')).toHaveText('“not a site” is not a site name. Write it like amazon.com.');
  expect(await popup.accounts()).toHaveLength(0);

  // What was typed is narrowed to the registrable domain; the person's edit is kept as typed.
  await site.fill('https://www.github.com/settings');
  await popup.page.getByLabel('Service').fill('GitHub, Inc.');
  await expect(site).toHaveValue('https://www.github.com/settings');
  await popup.page.getByRole('button', { name: 'Save account' }).click();
  await expect.poll(async () => (await popup.accounts()).map((a) => a.sites)).toEqual([['github.com']]);
});

test('an import suggests each account’s site; the person’s choice is what is saved, and Sites shows it at once', async ({ twofold, openPopup }) => {
  await setUp(openPopup);
  const options = await OptionsPage.open(twofold);
  await options.pasteImport([
    `otpauth://totp/GitHub:alice?secret=${SECRET}&issuer=GitHub`,
    'otpauth://totp/Amazon:alice?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF&issuer=Amazon',
    'otpauth://totp/Corner%20Shop:alice?secret=GEZDGNBVGY3TQOJQ&issuer=Corner%20Shop',
  ].join('\n'));
  await expect(options.previewRows()).toHaveCount(3);
  const github = options.importPreview().getByRole('checkbox', { name: 'Use GitHub on github.com' });
  const amazon = options.importPreview().getByRole('checkbox', { name: 'Use Amazon on amazon.com' });
  await expect(github).toBeChecked();
  await expect(amazon).toBeChecked();
  await expect(options.previewRows().nth(2)).toContainText('—');
  await amazon.uncheck();
  await options.importButton().click();
  await expect(options.importDone()).toContainText('Imported 3 accounts');

  // The Sites section, drawn before the import, lists the new site without a reload.
  await expect(options.sitesSection().locator('li.site-group')).toHaveCount(1);
  await expect(options.boundSites('GitHub (alice)')).toContainText('github.com');
  const popup = await openPopup();
  const sites = Object.fromEntries((await popup.accounts()).map((a) => [a.issuer, a.sites]));
  expect(sites).toEqual({ GitHub: ['github.com'], Amazon: [], 'Corner Shop': [] });
});
