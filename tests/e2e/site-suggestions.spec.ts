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
import { expectAccessible } from './support/axe';

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

test('on a listed site without an account the popup says it accepts authenticator apps; once an account is bound there it does not', async ({ twofold, openPopup, pageOn }) => {
  await setUp(openPopup);
  const github = await pageOn('www.github.com', '/blank.html');
  const setup = await popupFor(twofold, github);
  // Another site's account: the popup on github.com is the one for a site without its account.
  await setup.saveBoundAccount({ issuer: 'Amazon', label: 'alice', secret: SECRET, sites: ['amazon.com'] });
  await setup.page.close();

  const before = await popupFor(twofold, github);
  await expect(before.page.getByRole('heading', { name: 'Add this site’s account' })).toBeVisible();
  const hint = before.addPanel().getByTestId('site-support');
  await expect(hint).toContainText('GitHub accepts sign-in codes from an authenticator app like Twofold.');
  const link = hint.getByRole('link', { name: 'How to turn it on' });
  await expect(link).toHaveAttribute('href', /^https:\/\/docs\.github\.com\//u);
  await expect(link).toHaveAttribute('target', '_blank');
  await expectAccessible(before.page, 'popup: a site that accepts authenticator apps');
  await before.saveBoundAccount({ issuer: 'GitHub', label: 'alice', secret: 'GEZDGNBVGY3TQOJQ', sites: ['github.com'] });
  await before.page.close();

  // With GitHub's account bound: its row with Fill first, the ways to add folded, and no hint
  // in them when they are opened.
  const after = await popupFor(twofold, github);
  await expect(after.fillButton('GitHub')).toBeVisible();
  const panel = await after.openAddPanel();
  await expect(panel.getByRole('button', { name: 'Scan QR code on this page' })).toBeVisible();
  await expect(after.page.getByTestId('site-support')).toHaveCount(0);
  await expect(after.page.getByText('accepts sign-in codes from an authenticator app')).toHaveCount(0);
});
