/**
 * The rest of the extension in German (issue 6): the options page, the manifest's command, the
 * inline fill button on a page and the select-an-area overlay. The last two live in closed
 * shadow roots, which no page script (nor Playwright's selectors) can enter, so they are read
 * the way a screen reader meets them: from Chromium's accessibility tree.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import { openPopupFor } from './pages/tab-popup';
import { launchTwofold, type TwofoldBrowser } from './support/launch';
import { expectAccessible } from './support/axe';
import { accessibleNodes, hasAccessibleName } from './support/accessibility-tree';

const PASSWORD = 'correct horse battery';
const AMAZON = { issuer: 'Amazon', label: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP', sites: ['amazon.com'] };
const LINKS = [
  'otpauth://totp/GitHub:octocat?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=GitHub',
  'otpauth://totp/Slack:alice?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF&issuer=Slack',
].join('\n');

/** Sets Twofold up in German from the popup, with Amazon bound to amazon.com. */
async function setUpInGerman(twofold: TwofoldBrowser): Promise<PopupPage> {
  const popup = new PopupPage(await twofold.context.newPage());
  await popup.page.goto(`chrome-extension://${twofold.extensionId}/popup.html`);
  await popup.page.getByLabel('Master-Passwort').fill(PASSWORD);
  await popup.page.getByLabel('Noch einmal eingeben').fill(PASSWORD);
  await popup.page.getByRole('button', { name: 'Mit Twofold beginnen' }).click();
  await expect(popup.page.getByRole('heading', { name: 'Noch keine Konten' })).toBeVisible();
  await popup.saveBoundAccount(AMAZON);
  return popup;
}

test('in German: the options page, the fill button and the select-an-area overlay speak German', async () => {
  test.setTimeout(120_000);
  const twofold = await launchTwofold({ lang: 'de' });
  try {
    const options = await OptionsPage.open(twofold);
    await expect(options.heading()).toHaveText('Twofold ist noch nicht eingerichtet');
    await expect(options.page.getByRole('heading', { name: 'Was gespeichert wird und wie' })).toBeVisible();

    await setUpInGerman(twofold);
    await options.page.reload();
    await expect(options.heading()).toHaveText('Twofold-Einstellungen');
    await expect(options.page).toHaveTitle('Twofold-Einstellungen');
    expect(await options.page.evaluate(() => document.documentElement.lang)).toBe('de');

    // Security: German labels, and times written the German way.
    const autoLock = options.page.getByLabel('Automatisch sperren nach');
    await expect(autoLock.locator('option')).toContainText(['1 Minute', '5 Minuten', '15 Minuten', '4 Stunden', 'Nie']);
    await autoLock.selectOption({ label: '5 Minuten' });
    await expect(options.savedStatus('auto-lock')).toHaveText('Gespeichert');
    await expect(options.page.getByRole('checkbox', { name: 'Sperren, wenn mein Computer gesperrt wird' })).toBeVisible();
    await expect(options.page.getByRole('button', { name: 'Passwort ändern' })).toBeVisible();

    // The manifest's command is described in German, here and in the browser.
    const commands = await twofold.serviceWorker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'fill-code')?.description).toBe('Anmeldecode in diese Seite einfügen');
    await expect(options.page.locator('.shortcuts li').filter({ hasText: 'Anmeldecode in diese Seite einfügen' })).toHaveCount(1);

    // Export: an empty master password is refused in German, beside its box.
    const backup = options.page.getByRole('form', { name: 'Verschlüsselte Sicherungsdatei' });
    await backup.getByRole('button', { name: 'Sicherung herunterladen' }).click();
    await expect(backup.locator('.error')).toHaveText('Geben Sie zur Bestätigung Ihr Master-Passwort ein.');

    // Import: the preview, its counts and the result, in German.
    await options.page.getByLabel('Oder fügen Sie den exportierten Text ein').fill(LINKS);
    await options.page.getByRole('button', { name: 'Eingefügten Text lesen' }).click();
    const preview = options.page.getByRole('region', { name: '2 Konten in einer Liste von Einrichtungslinks gefunden' });
    await expect(preview).toBeVisible();
    await expect(preview.getByRole('columnheader')).toHaveText(['Dienst', 'Konto', 'Art', 'Website', 'Status']);
    await expect(preview.locator('tbody tr').first()).toContainText('Zeit, 6 Stellen, 30 s');
    await expectAccessible(options.page, 'options (de): import preview');
    await preview.getByRole('button', { name: '2 Konten importieren' }).click();
    await expect(options.page.getByRole('region', { name: 'Import' }).getByRole('status').filter({ hasText: 'importiert' }))
      .toHaveText('2 Konten importiert.');

    // The inline fill button on a bound site: its accessible name is German.
    const port = process.env.TWOFOLD_FIXTURE_PORT;
    const page = await twofold.context.newPage();
    await page.goto(`https://www.amazon.com:${port}/fill/amazon-like.html`);
    await expect(page.locator('twofold-fill')).toHaveCount(1);
    await expect.poll(async () => (await accessibleNodes(page)).filter((n) => n.role === 'button').map((n) => n.name))
      .toContain('Anmeldecode einfügen (Twofold)');

    // Never silent, in German: the shortcut on a page with no code field says so on the page
    // (Strg, as German keyboards label Ctrl; where to get the code when the page cannot take the clipboard).
    const noField = await twofold.context.newPage();
    await noField.goto(`https://www.amazon.com:${port}/fill/login-no-code-field.html`);
    const tabId = await twofold.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, noField.url());
    await twofold.serviceWorker.evaluate(async (id) => {
      const run = (globalThis as unknown as { twofoldCommand: (c: string, t: { id: number }) => Promise<unknown> }).twofoldCommand;
      await run('fill-code', { id });
    }, tabId);
    await expect.poll(() => hasAccessibleName(noField, /Code kopiert: Fügen Sie ihn mit Strg\+V ein\.|Hier gibt es kein Feld für den Code, und er konnte nicht kopiert werden\./u)).toBe(true);
    await noField.close();

    // Select an area: the overlay's bar, its instructions and its Cancel button are German.
    const scanPage = await twofold.context.newPage();
    await scanPage.goto(`https://www.amazon.com:${port}/scan/amazon-setup.html`);
    const popup = await openPopupFor(twofold, scanPage);
    // The page's site has an account (imported above): the ways to add one are behind one button.
    await popup.page.getByRole('button', { name: 'Konto hinzufügen', exact: true }).click();
    const closed = popup.page.waitForEvent('close');
    await popup.page.getByRole('button', { name: 'Bereich auswählen' }).click();
    await closed;
    await expect(scanPage.locator('twofold-overlay')).toHaveCount(1);
    await expect.poll(async () => (await accessibleNodes(scanPage)).filter((n) => n.name !== '').map((n) => `${n.role}: ${n.name}`))
      .toEqual(expect.arrayContaining([
        'dialog: Twofold: QR-Code auswählen',
        'button: Abbrechen',
        expect.stringMatching(/Ziehen Sie über den QR-Code, um ihn zu scannen\./),
      ]));
    await scanPage.keyboard.press('Escape');
    await expect(scanPage.locator('twofold-overlay')).toHaveCount(0);
  } finally {
    await twofold.context.close();
  }
});
