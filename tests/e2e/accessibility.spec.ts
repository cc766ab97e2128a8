import { test, expect } from './fixtures';
import { expectAccessible } from './support/axe';

const PASSWORD = 'correct horse battery';

test('the popup screens have no serious accessibility violations', async ({ openPopup }) => {
  const popup = await openPopup();
  await expect(popup.heading()).toHaveText('Welcome to Twofold');
  await expectAccessible(popup.page, 'popup: set up');

  await popup.setUp('short', 'other');
  await expect(popup.page.locator('.field--error')).not.toHaveCount(0);
  await expectAccessible(popup.page, 'popup: set up with an error');

  await popup.setUp(PASSWORD);
  await expect(popup.page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  await expectAccessible(popup.page, 'popup: empty list');

  await popup.addAccount({ issuer: 'Amazon', label: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' });
  await popup.addAccount({ issuer: 'PayPal', label: 'alice.paypal@example.com', secret: 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF' });
  await expect(popup.rows()).toHaveCount(2);
  await expectAccessible(popup.page, 'popup: account list');

  await popup.search().fill('no such account');
  await expect(popup.rows()).toHaveCount(0);
  await expectAccessible(popup.page, 'popup: search without a match');
  await popup.search().fill('');

  await popup.deleteAccount('PayPal');
  await expect(popup.toast().getByRole('button', { name: 'Undo' })).toBeVisible();
  await expectAccessible(popup.page, 'popup: deleted, with undo');
  await popup.toast().getByRole('button', { name: 'Undo' }).click();
  await expect(popup.rows()).toHaveCount(2);

  await popup.chooseTheme('Dark');
  await expectAccessible(popup.page, 'popup: account list, dark theme chosen', ['light']);
  await popup.chooseTheme('Light');
  await expectAccessible(popup.page, 'popup: account list, light theme chosen', ['dark']);
  await popup.chooseTheme('Same as system');

  await popup.edit('Amazon');
  await expectAccessible(popup.page, 'popup: edit');
  await popup.page.getByRole('button', { name: 'Delete this account…' }).click();
  await expectAccessible(popup.page, 'popup: edit, asking whether to delete');
  await popup.page.getByRole('button', { name: 'Cancel' }).last().click();
  await popup.page.getByRole('button', { name: 'Show setup key…' }).click();
  await popup.page.getByLabel('Master password').fill(PASSWORD);
  await popup.page.getByRole('button', { name: 'Show key', exact: true }).click();
  await expect(popup.page.locator('[data-secret]')).toBeVisible();
  await expectAccessible(popup.page, 'popup: edit, secret key shown');
  await popup.page.getByRole('button', { name: 'Cancel' }).click();
  await expect(popup.rows()).toHaveCount(2);

  await popup.lockNow();
  await expectAccessible(popup.page, 'popup: unlock');
  await popup.unlock('not my password');
  await expect(popup.page.getByRole('alert')).toContainText('That password is not right');
  await expectAccessible(popup.page, 'popup: unlock with an error');
});
