import { test, expect } from './fixtures';
import { openPopupFor } from './pages/tab-popup';
import { hasAccessibleName } from './support/accessibility-tree';

/**
 * The journey Twofold exists for, on the local demo shop under a real-looking host name:
 * turn on two-step verification by scanning the page, then sign in with one click.
 */
test('demo shop: enroll by scanning the setup page, then sign in with the inline button', async ({ twofold, openPopup, pageOn }) => {
  const setup = await openPopup();
  await setup.setUp('correct horse battery');
  await expect(setup.page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  await setup.page.close();

  // Sign up and open the shop's two-step verification setup page.
  const shop = await pageOn('www.demo-shop.com', '/signup', 'shop');
  await shop.locator('#email').fill('alice@example.com');
  await shop.locator('#password').fill('shop password 1');
  await shop.locator('#signup-form button[type=submit]').click();
  await shop.locator('#turn-on-two-step').click();
  await expect(shop.getByRole('heading', { name: 'Set up your authenticator app' })).toBeVisible();

  // Twofold → Scan QR code on this page → saved, bound to the shop → fill into this page.
  // The fill uses the toolbar click's activeTab grant: no browser permission prompt comes
  // first. Every permission request of Twofold's pages is counted where the test can read it.
  await twofold.context.addInitScript(() => {
    const api = (globalThis as { chrome?: { permissions?: { request?: (...args: unknown[]) => unknown } } }).chrome?.permissions;
    if (location.protocol !== 'chrome-extension:' || api?.request === undefined) return;
    const request = api.request.bind(api);
    api.request = (...args: unknown[]) => {
      localStorage.setItem('e2e:permissionRequests', String(Number(localStorage.getItem('e2e:permissionRequests') ?? '0') + 1));
      return request(...args);
    };
  });
  const popup = await openPopupFor(twofold, shop);
  await popup.scanPage();
  await expect(popup.page.getByRole('status').filter({ hasText: 'Saved Twofold Demo Shop (alice@example.com) for demo-shop.com' })).toBeVisible();
  const closed = popup.page.waitForEvent('close');
  await popup.page.getByRole('button', { name: 'Fill code into this page' }).click();
  await expect(shop.locator('#otp')).toHaveValue(/^\d{6}$/);
  // The popup closes after the fill; the page itself confirms it (Twofold's closed-shadow notice).
  await closed;
  await expect.poll(() => hasAccessibleName(shop, 'Twofold filled the code.')).toBe(true);
  const requests = await twofold.context.newPage();
  await requests.goto(`chrome-extension://${twofold.extensionId}/popup.html`);
  expect(await requests.evaluate(() => localStorage.getItem('e2e:permissionRequests')), 'a permission prompt before the fill').toBeNull();
  // The count works: a request made here is counted.
  await requests.evaluate(() => Promise.resolve(chrome.permissions.request({ origins: ['https://www.demo-shop.com/*'] })).catch(() => false));
  expect(await requests.evaluate(() => localStorage.getItem('e2e:permissionRequests'))).toBe('1');
  await requests.close();
  await shop.locator('#setup-form button[type=submit]').click();
  await expect(shop.locator('#result')).toHaveAttribute('data-result', 'accepted');
  await expect(shop.locator('#result')).toContainText('Two-step verification is on.');

  // Sign out, sign in: the shop asks for the code and the inline button fills it.
  await shop.locator('form[action="/signout"] button').first().click();
  await shop.goto(shop.url().replace(/\/[^/]*$/, '/signin'));
  await shop.locator('#email').fill('alice@example.com');
  await shop.locator('#password').fill('shop password 1');
  await shop.locator('#signin-form button[type=submit]').click();
  await expect(shop.getByText('Enter the code from your authenticator app')).toBeVisible();
  await shop.locator('twofold-fill').click();
  await expect(shop.locator('#otp')).toHaveValue(/^\d{6}$/);
  await shop.locator('#verify-form button[type=submit]').click();
  await expect(shop.locator('#result')).toHaveAttribute('data-result', 'accepted');
  await expect(shop.locator('#result')).toContainText('Welcome back, alice@example.com');

  // The same shop under a look-alike name asks for the code too, but gets no button.
  const fake = await pageOn('www.dem0-shop.com', '/signin', 'shop');
  await fake.locator('#email').fill('alice@example.com');
  await fake.locator('#password').fill('shop password 1');
  await fake.locator('#signin-form button[type=submit]').click();
  await expect(fake.getByText('Enter the code from your authenticator app')).toBeVisible();
  await fake.waitForTimeout(1500); // the detector's batching interval is 250 ms
  await expect(fake.locator('twofold-fill')).toHaveCount(0);
  await expect(fake.locator('#otp')).toHaveValue('');
});
