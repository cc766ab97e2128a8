/**
 * One-click fill, end to end: every fixture page of tests/fixtures/fill served under a host an
 * account is bound to gets the inline button and, on one click, the right code in the page's own
 * state (`window.__received`); negatives get neither; the same pages under a look-alike host get
 * no button and no code; the shortcut, the popup click, the chooser and the locked flow fill too.
 *
 * Fixtures are grouped per browser launch (a few tests, each walking many pages) to keep the
 * suite short on two cores.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { launchTwofold, type TwofoldBrowser } from './support/launch';
import { PopupPage } from './pages/popup-page';
import { openPopupFor } from './pages/tab-popup';
import { PASSWORD, buttonFrame, codesBetween, received, setUpWith, shortcut, tabIdOf } from './support/fill-helpers';
import { hasAccessibleName } from './support/accessibility-tree';

interface Expectation {
  expect: 'single' | 'split' | 'none';
  offer?: boolean;
  sent?: string;
  target: string;
  boxes?: number;
  lateMs?: number;
  frame?: string;
}

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'fill');
const expectations = JSON.parse(readFileSync(join(FIXTURES, 'expectations.json'), 'utf8')) as Record<string, Expectation>;
/** Pages where the inline button is offered. */
const positives = Object.entries(expectations).filter(([, e]) => e.expect !== 'none' && e.offer !== false).map(([name, e]) => ({ name, ...e }));
const negatives = Object.entries(expectations).filter(([, e]) => e.expect === 'none').map(([name]) => name);

const AMAZON = { issuer: 'Amazon', label: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP', digits: 6 };
/** For the 8-box fixture: an 8-digit account on its own site. */
const BANK = { issuer: 'Bank', label: 'alice', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', digits: 8 };
const AMAZON_HOST = 'www.amazon.com';
const BANK_HOST = 'secure.bank.example';
const LOOKALIKE_HOST = 'www.amaz0n.com';
const port = () => process.env.TWOFOLD_FIXTURE_PORT;

async function open(twofold: TwofoldBrowser, host: string, name: string): Promise<Page> {
  const page = await twofold.context.newPage();
  await page.goto(`https://${host}:${port()}/fill/${name}`);
  return page;
}

async function clickButtonAndCheck(page: Page, name: string, account: typeof AMAZON): Promise<void> {
  const frame = await buttonFrame(page);
  expect(frame, `${name}: no inline button`).not.toBeNull();
  const before = Date.now();
  await frame!.locator('twofold-fill').click();
  // Split boxes fill one by one: wait for the whole code.
  await expect.poll(async () => (await received(page))[0]?.length ?? 0, { message: `${name}: no whole code received` }).toBe(account.digits);
  const [value] = await received(page);
  // The fill waits for the next code in a step's last 3 seconds.
  expect(codesBetween(account, before - 1000, Date.now() + 1000), `${name}: wrong code`).toContain(value);
  await expect(frame!.locator('twofold-fill'), `${name}: the button stays after filling`).toHaveCount(0);
}

const half = Math.ceil(positives.length / 2);
for (const [part, slice] of [['first', positives.slice(0, half)], ['second', positives.slice(half)]] as const) {
  test(`positive fixtures (${part} half): one click on the inline button fills the right code`, async () => {
    test.setTimeout(150_000);
    const twofold = await launchTwofold();
    try {
      await setUpWith(twofold, [
        { ...AMAZON, sites: ['amazon.com'] },
        { ...BANK, sites: ['bank.example'] },
      ]);
      for (const fixture of slice) {
        const eight = fixture.boxes === 8;
        const page = await open(twofold, eight ? BANK_HOST : AMAZON_HOST, fixture.name);
        await clickButtonAndCheck(page, fixture.name, eight ? BANK : AMAZON);
        await page.close();
      }
    } finally {
      await twofold.context.close();
    }
  });
}

test('negatives get no button and no code; look-alike hosts get neither, even from the shortcut', async () => {
  test.setTimeout(150_000);
  const twofold = await launchTwofold();
  try {
    await setUpWith(twofold, [{ ...AMAZON, sites: ['amazon.com'] }]);
    for (const name of negatives) {
      const page = await open(twofold, AMAZON_HOST, name);
      expect(await buttonFrame(page, 1200), `${name}: a button appeared`).toBeNull();
      const results = await shortcut(twofold, page);
      expect(results.some((r) => r.filled), `${name}: the shortcut filled something`).toBe(false);
      expect(await received(page), `${name}: the page received something`).toEqual([]);
      await page.close();
    }
    for (const fixture of positives.filter((p) => p.boxes !== 8)) {
      const page = await open(twofold, LOOKALIKE_HOST, fixture.name);
      if (fixture.lateMs !== undefined) await page.waitForTimeout(fixture.lateMs);
      expect(await buttonFrame(page, 300), `${fixture.name} on ${LOOKALIKE_HOST}: a button appeared`).toBeNull();
      // The shortcut reaches the page through activeTab; the background refuses the code.
      const results = await shortcut(twofold, page);
      expect(results.some((r) => r.filled), `${fixture.name} on ${LOOKALIKE_HOST}: filled`).toBe(false);
      expect(await received(page), `${fixture.name} on ${LOOKALIKE_HOST}: received a code`).toEqual([]);
      // …and says why instead of nothing: the page only looks like the account's site.
      await expect.poll(() => hasAccessibleName(page, 'amaz0n.com looks like amazon.com but is a different site. Twofold does not fill codes there.'), { message: `${fixture.name} on ${LOOKALIKE_HOST}: no look-alike warning` }).toBe(true);
      await page.close();
    }
    // A site that imitates none of the accounts' sites: no account here, and the page says so.
    const other = await open(twofold, 'www.example.org', positives[0]!.name);
    expect((await shortcut(twofold, other)).some((r) => r.filled), 'filled on a site with no account').toBe(false);
    expect(await received(other)).toEqual([]);
    await expect.poll(() => hasAccessibleName(other, 'Twofold has no account for this site, so it fills nothing here.'), { message: 'silent on a site with no account' }).toBe(true);
  } finally {
    await twofold.context.close();
  }
});

test('the shortcut and the popup click fill too; the popup warns on a look-alike and asks on other sites', async () => {
  test.setTimeout(120_000);
  const twofold = await launchTwofold();
  try {
    await setUpWith(twofold, [{ ...AMAZON, sites: ['amazon.com'] }]);
    await twofold.context.grantPermissions(['clipboard-read', 'clipboard-write']);

    // Shortcut on a bound page.
    let page = await open(twofold, AMAZON_HOST, 'amazon-like.html');
    let before = Date.now();
    await shortcut(twofold, page);
    await expect.poll(() => received(page)).not.toEqual([]);
    expect(codesBetween(AMAZON, before - 1000, Date.now() + 1000)).toContain((await received(page))[0]);

    // Popup Fill on a bound page: fills and copies; the popup closes and the page says it was filled.
    page = await open(twofold, AMAZON_HOST, 'react-controlled-input.html');
    let popup = await openPopupFor(twofold, page);
    before = Date.now();
    const closed = popup.page.waitForEvent('close');
    await popup.fill('Amazon');
    await closed;
    await expect.poll(() => received(page)).not.toEqual([]);
    expect(codesBetween(AMAZON, before - 1000, Date.now() + 1000)).toContain((await received(page))[0]);
    await expect.poll(() => hasAccessibleName(page, 'Twofold filled the code.')).toBe(true);

    // Popup Fill on a look-alike: a loud warning naming the real site; Cancel fills nothing.
    page = await open(twofold, LOOKALIKE_HOST, 'amazon-like.html');
    popup = await PopupPage.openFor(twofold, await tabIdOf(twofold, page));
    await popup.fill('Amazon');
    const warning = popup.page.getByRole('alertdialog');
    await expect(warning).toContainText('Warning: this is not amazon.com');
    await expect(warning).toContainText('amaz0n.com');
    await expect(warning.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await warning.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForTimeout(500);
    expect(await received(page)).toEqual([]);
    await popup.page.close();

    // Popup Fill on an unrelated site: asks; "Fill once" fills, and only once.
    page = await open(twofold, 'intranet.example.org', 'one-time-code-single.html');
    popup = await PopupPage.openFor(twofold, await tabIdOf(twofold, page));
    await popup.fill('Amazon');
    const ask = popup.page.getByRole('alertdialog');
    await expect(ask).toContainText('not used on example.org');
    before = Date.now();
    await ask.getByRole('button', { name: 'Fill once' }).click();
    await expect.poll(() => received(page)).not.toEqual([]);
    expect(codesBetween(AMAZON, before - 1000, Date.now() + 1000)).toContain((await received(page))[0]);
    await popup.page.close();
    // The one-time grant is used up: the shortcut on that page is refused now.
    const again = await open(twofold, 'intranet.example.org', 'one-time-code-single.html');
    expect((await shortcut(twofold, again)).some((r) => r.filled)).toBe(false);
  } finally {
    await twofold.context.close();
  }
});

test('several accounts for a site open a chooser; a locked vault offers to unlock, then fills', async () => {
  test.setTimeout(120_000);
  const twofold = await launchTwofold();
  try {
    const second = { issuer: 'Amazon', label: 'bob@example.com', secret: 'KRSXG5CTMVRXEZLU', digits: 6 };
    const popup = await setUpWith(twofold, [
      { ...AMAZON, sites: ['amazon.com'] },
      { ...second, sites: ['amazon.com'] },
    ]);

    // The page shows whose sign-in it is (bob@example.com): the chooser preselects bob.
    let page = await open(twofold, AMAZON_HOST, 'username-shown.html');
    let frame = await buttonFrame(page);
    expect(frame).not.toBeNull();
    await frame!.locator('twofold-fill').click();
    await expect.poll(() => hasAccessibleName(page, 'Fill the code of')).toBe(true);
    let before = Date.now();
    await page.keyboard.press('Enter');
    await expect.poll(() => received(page)).not.toEqual([]);
    expect(codesBetween(second, before - 1000, Date.now() + 1000)).toContain((await received(page))[0]);
    await page.close();

    // Chooser: the button opens a list; focus lands on the last used account (bob), Shift+Tab
    // moves back to alice, Enter picks.
    page = await open(twofold, AMAZON_HOST, 'amazon-like.html');
    frame = await buttonFrame(page);
    expect(frame).not.toBeNull();
    await frame!.locator('twofold-fill').click();
    // The chooser opens once the background has listed the accounts: wait for it, not a timer.
    await expect.poll(() => hasAccessibleName(page, 'Fill the code of')).toBe(true);
    await page.keyboard.press('Shift+Tab');
    before = Date.now();
    await page.keyboard.press('Enter');
    await expect.poll(() => received(page)).not.toEqual([]);
    expect(codesBetween(AMAZON, before - 1000, Date.now() + 1000)).toContain((await received(page))[0]);
    await page.close();

    // Locked: the button offers to unlock; the unlock window opens for this tab; once unlocked
    // it closes and the chooser opens on the account last used here (alice); Enter fills it.
    await popup.lockNow();
    page = await open(twofold, AMAZON_HOST, 'split-6-boxes.html');
    frame = await buttonFrame(page);
    expect(frame, 'no button while locked').not.toBeNull();
    const unlockWindow = twofold.context.waitForEvent('page');
    await frame!.locator('twofold-fill').click();
    const window = new PopupPage(await unlockWindow);
    expect(window.page.url()).toContain('popup.html?tab=');
    await window.unlock(PASSWORD);
    await window.page.waitForEvent('close');
    await expect.poll(() => hasAccessibleName(page, 'Fill the code of')).toBe(true);
    before = Date.now();
    await page.keyboard.press('Enter');
    await expect.poll(() => received(page)).not.toEqual([]);
    expect(codesBetween(AMAZON, before - 1000, Date.now() + 1000)).toContain((await received(page))[0]);
  } finally {
    await twofold.context.close();
  }
});

test('explicit requests never end in silence: request-only fields, codes sent elsewhere, no field at all', async () => {
  test.setTimeout(120_000);
  const twofold = await launchTwofold();
  try {
    await setUpWith(twofold, [{ ...AMAZON, sites: ['amazon.com'] }]);
    await twofold.context.grantPermissions(['clipboard-read', 'clipboard-write']);

    // Weak evidence: no button, but the shortcut fills the field.
    let page = await open(twofold, AMAZON_HOST, 'bare-code-field.html');
    expect(await buttonFrame(page, 1200), 'a button on weak evidence').toBeNull();
    let before = Date.now();
    await shortcut(twofold, page);
    await expect.poll(() => received(page)).not.toEqual([]);
    expect(codesBetween(AMAZON, before - 1000, Date.now() + 1000)).toContain((await received(page))[0]);
    await page.close();

    // A code sent by e-mail: no button; the shortcut asks once, in place; "Fill anyway" fills.
    for (const [name, question] of [
      ['email-code-we-sent.html', 'This page asks for a code sent by e-mail. Fill the authenticator code anyway?'],
      ['sent-to-devices-split.html', 'This page asks for a code sent to another of your devices.'],
    ] as const) {
      page = await open(twofold, AMAZON_HOST, name);
      expect(await buttonFrame(page, 1200), `${name}: a button on a code sent elsewhere`).toBeNull();
      const results = await shortcut(twofold, page);
      expect(results.some((r) => r.filled), `${name}: filled without asking`).toBe(false);
      await expect.poll(() => hasAccessibleName(page, question), { message: `${name}: no question` }).toBe(true);
      expect(await received(page)).toEqual([]);
      before = Date.now();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await received(page))[0]?.length ?? 0, { message: `${name}: not filled after yes` }).toBe(6);
      expect(codesBetween(AMAZON, before - 1000, Date.now() + 1000)).toContain((await received(page))[0]);
      await page.close();
    }

    // No field on the bound site: the popup's Fill copies, says so, and so does the page; the
    // clipboard really holds the code.
    page = await open(twofold, AMAZON_HOST, 'login-no-code-field.html');
    let popup = await openPopupFor(twofold, page);
    before = Date.now();
    await popup.fill('Amazon');
    await expect(popup.page.getByRole('status').filter({ hasText: 'Code copied: paste it with Ctrl+V' })).toBeVisible();
    await expect.poll(() => hasAccessibleName(page, 'Code copied: paste it with Ctrl+V')).toBe(true);
    expect(codesBetween(AMAZON, before - 1000, Date.now() + 1000)).toContain(await popup.page.evaluate(() => navigator.clipboard.readText()));
    expect(await received(page)).toEqual([]);
    // …and goes away after a few seconds.
    await expect.poll(() => hasAccessibleName(page, 'Code copied'), { timeout: 10_000 }).toBe(false);
    await popup.page.close();

    // The clipboard refuses the popup (it needs the focus, and a browser may deny it): neither the
    // popup nor the page says the code is copied; both say plainly where to get it.
    await page.bringToFront();
    await page.evaluate(() => navigator.clipboard.writeText('left alone'));
    popup = await openPopupFor(twofold, page);
    await popup.page.evaluate(() => {
      Object.defineProperty(navigator.clipboard, 'writeText', {
        value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
      });
    });
    await popup.fill('Amazon');
    await expect(popup.page.getByRole('status').filter({ hasText: 'No field for the code on this page, and it could not be copied. Click the code in the list to copy it' })).toBeVisible();
    await expect.poll(() => hasAccessibleName(page, 'No field for the code here, and it could not be copied. Open Twofold from the toolbar')).toBe(true);
    expect(await hasAccessibleName(page, 'Code copied'), 'the page claims a copy').toBe(false);
    await expect(popup.page.getByText('Code copied')).toHaveCount(0);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('left alone');
    expect(await received(page)).toEqual([]);
    await expect.poll(() => hasAccessibleName(page, 'it could not be copied'), { timeout: 10_000 }).toBe(false);
    await popup.page.close();

    // The shortcut there: the page's agent copies the code itself, and says "copied" only when the
    // clipboard holds it.
    await page.bringToFront();
    before = Date.now();
    await shortcut(twofold, page);
    await expect.poll(() => hasAccessibleName(page, /Code copied: paste it with Ctrl\+V|it could not be copied\. Open Twofold from the toolbar/u)).toBe(true);
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    const codes = codesBetween(AMAZON, before - 1000, Date.now() + 1000);
    if (await hasAccessibleName(page, 'Code copied')) expect(codes).toContain(clipboard);
    else expect(clipboard).toBe('left alone');
    expect(await received(page)).toEqual([]);
  } finally {
    await twofold.context.close();
  }
});

test('the context menu fills exactly the field that was right-clicked', async () => {
  test.setTimeout(60_000);
  const twofold = await launchTwofold();
  try {
    await setUpWith(twofold, [{ ...AMAZON, sites: ['amazon.com'] }]);
    // Two code fields: the plan would take the authenticator one; the person right-clicks the other.
    const page = await open(twofold, AMAZON_HOST, 'sms-and-authenticator-options.html');
    await page.locator('#sms-code').click({ button: 'right' });
    await page.locator('#sms-code').focus();
    const tabId = await tabIdOf(twofold, page);
    const before = Date.now();
    // Headless Chromium draws no context menu: the test runs the menu item's listener itself.
    await twofold.serviceWorker.evaluate(async (id) => {
      const run = (globalThis as unknown as { twofoldMenu: (i: { menuItemId: string; frameId: number }, t: { id: number }) => Promise<unknown> }).twofoldMenu;
      await run({ menuItemId: 'twofold-fill', frameId: 0 }, { id });
    }, tabId);
    await expect(page.locator('#sms-code')).toHaveValue(/^\d{6}$/);
    expect(codesBetween(AMAZON, before - 1000, Date.now() + 1000)).toContain(await page.locator('#sms-code').inputValue());
    await expect(page.locator('#app-code')).toHaveValue('');
  } finally {
    await twofold.context.close();
  }
});
