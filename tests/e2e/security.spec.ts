/**
 * The security promises, each tried the way an attacker would: a plain-http copy of a bound site
 * (a network attacker's page), a look-alike site, and a page forging the fill scripts' signals.
 * What counts is what the page itself received (`window.__received`) and what the vault kept.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { launchTwofold, type TwofoldBrowser } from './support/launch';
import { PopupPage } from './pages/popup-page';
import { serviceWorkerStopper } from './support/service-worker';
import { hasAccessibleName } from './support/accessibility-tree';
import { PASSWORD, buttonFrame, codesBetween, received, setUpWith, shortcut, tabIdOf } from './support/fill-helpers';

const BANK = { issuer: 'Bank', label: 'alice', secret: 'JBSWY3DPEHPK3PXP', digits: 6 };
const BANK_SITE = 'bank.example';
const FILL_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'fill');
const fixturePort = () => process.env.TWOFOLD_FIXTURE_PORT;

/** The fill fixtures over plain http (what a network attacker serves in place of the real site). */
async function startPlainHttpServer(): Promise<{ port: number; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/fill\//u, '/');
    if (path.includes('..')) return void res.writeHead(400).end();
    readFile(join(FILL_FIXTURES, path)).then(
      (body) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, server };
}

/** A popup request sent as the popup sends it, with the reply as it comes back. */
async function pageRequest(popup: PopupPage, name: string, args: unknown): Promise<{ ok: boolean; error?: { message: string } }> {
  return popup.page.evaluate(([n, a]) => chrome.runtime.sendMessage({ channel: 'twofold', name: n, args: a }), [name, args] as const);
}

test('an http: copy of a bound site gets no code from the button, the shortcut or the popup, and the popup says why', async () => {
  test.setTimeout(120_000);
  const plain = await startPlainHttpServer();
  const twofold = await launchTwofold();
  try {
    const popup = await setUpWith(twofold, [{ ...BANK, sites: [BANK_SITE] }]);
    await twofold.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await twofold.context.newPage();
    await page.goto(`http://secure.${BANK_SITE}:${plain.port}/fill/one-time-code-single.html`);
    expect(page.url()).toMatch(/^http:/u);

    expect(await buttonFrame(page, 1500), 'a button appeared on the http page').toBeNull();
    expect((await shortcut(twofold, page)).some((r) => r.filled), 'the shortcut filled').toBe(false);

    // The popup neither shows the site as this account's nor offers Fill; it says why in place,
    // in plain words (no "http://" shown to people).
    const tabPopup = await PopupPage.openFor(twofold, await tabIdOf(twofold, page));
    await expect(tabPopup.row('Bank')).toBeVisible();
    await expect(tabPopup.row('Bank').getByText('on this site')).toHaveCount(0);
    await expect(tabPopup.fillButton('Bank')).toHaveCount(0);
    const why = tabPopup.page.locator('.insecure-page');
    await expect(why).toHaveText(`This page of ${BANK_SITE} is not secure, so Twofold won’t fill a code here. Open the site’s secure page instead.`);
    await expect(why).not.toContainText('http');
    // Enter in the search box (the keyboard's Fill) copies the code and says again why it did not fill.
    await tabPopup.page.getByRole('searchbox').press('Enter');
    await expect(tabPopup.page.locator('.toast')).toContainText('is not secure, so Twofold won’t fill a code here');
    await expect(tabPopup.page.getByRole('alertdialog')).toHaveCount(0);

    // Even a request that says "the user agreed, bind it" gets nothing there.
    const { id } = (await popup.accounts())[0]!;
    const tabId = await tabIdOf(twofold, page);
    for (const answer of [{}, { confirmed: true }, { bindSite: true }]) {
      const reply = await pageRequest(tabPopup, 'fillActiveTab', { id, tabId, ...answer });
      expect(reply.ok, JSON.stringify(answer)).toBe(false);
      expect(reply.error?.message).toContain(`This page of ${BANK_SITE} is not secure`);
    }
    await page.waitForTimeout(500);
    expect(await received(page)).toEqual([]);
    expect((await popup.accounts())[0]!.sites).toEqual([BANK_SITE]);

    // The same page over https is the bound site, and fills.
    const secure = await twofold.context.newPage();
    await secure.goto(`https://secure.${BANK_SITE}:${fixturePort()}/fill/one-time-code-single.html`);
    const before = Date.now();
    expect((await shortcut(twofold, secure)).some((r) => r.filled)).toBe(true);
    expect(codesBetween(BANK, before - 1000, Date.now() + 1000)).toContain((await received(secure))[0]);
  } finally {
    await twofold.context.close();
    await new Promise((resolve) => plain.server.close(resolve));
  }
});

test('a look-alike of a bound site gets no code and cannot be bound in one click', async () => {
  test.setTimeout(120_000);
  const twofold = await launchTwofold();
  try {
    const popup = await setUpWith(twofold, [{ ...BANK, sites: [BANK_SITE] }]);
    await twofold.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await twofold.context.newPage();
    await page.goto(`https://secure.bank-example-login.com:${fixturePort()}/fill/one-time-code-single.html`);
    const tabId = await tabIdOf(twofold, page);

    expect(await buttonFrame(page, 1500)).toBeNull();
    expect((await shortcut(twofold, page)).some((r) => r.filled)).toBe(false);

    // The popup warns, names the real site, offers only Cancel, and says how to bind on purpose.
    const tabPopup = await PopupPage.openFor(twofold, tabId);
    await tabPopup.fill('Bank');
    const warning = tabPopup.page.getByRole('alertdialog');
    await expect(warning).toContainText(`Warning: this is not ${BANK_SITE}`);
    await expect(warning).toContainText("under Sites in Twofold's settings");
    await expect(warning.getByRole('button')).toHaveText(['Cancel']);

    // Requests that skip the popup's question are refused by the background too.
    const { id } = (await popup.accounts())[0]!;
    for (const answer of [{ confirmed: true }, { bindSite: true }, { confirmed: true, bindSite: true }]) {
      const reply = await pageRequest(tabPopup, 'fillActiveTab', { id, tabId, ...answer });
      expect(reply.ok, JSON.stringify(answer)).toBe(false);
      expect(reply.error?.message).toContain(`looks like ${BANK_SITE} but is a different site`);
    }
    // Nothing was bound and nothing granted: the shortcut still gets nothing.
    expect((await popup.accounts())[0]!.sites).toEqual([BANK_SITE]);
    expect((await shortcut(twofold, page)).some((r) => r.filled)).toBe(false);
    await page.waitForTimeout(500);
    expect(await received(page)).toEqual([]);
  } finally {
    await twofold.context.close();
  }
});

test("a page that forges the fill scripts' start signal keeps its button, and the button still fills", async ({ twofold }) => {
  test.setTimeout(90_000);
  await setUpWith(twofold, [{ ...BANK, sites: [BANK_SITE] }]);
  const page = await twofold.context.newPage();
  await page.goto(`https://secure.${BANK_SITE}:${fixturePort()}/fill/one-time-code-single.html`);
  const frame = await buttonFrame(page);
  expect(frame, 'no inline button').not.toBeNull();

  // The page's own script sends every variant of the signal it can see or guess.
  await page.evaluate(() => {
    for (const name of ['fill-agent', 'autofill']) {
      const type = `twofold:started:${name}`;
      window.dispatchEvent(new Event(type));
      for (const detail of [undefined, null, '', 'x', 'abc123', 0, {}, { token: 'x' }]) window.dispatchEvent(new CustomEvent(type, { detail }));
      document.dispatchEvent(new CustomEvent(type, { detail: 'x', bubbles: true }));
    }
  });
  await page.waitForTimeout(500);
  await expect(page.locator('twofold-fill')).toHaveCount(1);
  const before = Date.now();
  await page.locator('twofold-fill').click();
  await expect.poll(async () => (await received(page))[0]?.length ?? 0).toBe(BANK.digits);
  expect(codesBetween(BANK, before - 1000, Date.now() + 1000)).toContain((await received(page))[0]);
});

interface DomNode {
  nodeName: string;
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * Presses Twofold's own buttons of class `className` (inside the closed shadow roots of its
 * elements in `page`) from the page's own world: `element.click()` and a synthetic click, what a
 * page script could do if it ever held them (a browser bug, a leaked reference). The test reaches
 * them through DevTools, which sees closed roots. Returns how many buttons it pressed.
 */
async function pressFromPage(page: Page, className: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const buttons: number[] = [];
    const walk = (node: DomNode, inTwofold: boolean): void => {
      const ours = inTwofold || node.nodeName.startsWith('TWOFOLD-');
      const attributes = node.attributes ?? [];
      const classIndex = attributes.indexOf('class');
      if (ours && node.nodeName === 'BUTTON' && classIndex >= 0 && attributes[classIndex + 1] === className) buttons.push(node.backendNodeId);
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child, ours);
    };
    walk(root, false);
    for (const backendNodeId of buttons) {
      const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId })) as { object: { objectId: string } };
      await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: "function () { this.click(); this.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })); }",
      });
    }
    return buttons.length;
  } finally {
    await cdp.detach();
  }
}

test("a page's own script cannot make the inline button fill or open its chooser; the person's click and keys still do", async ({ twofold }) => {
  test.setTimeout(120_000);
  const second = { issuer: 'Bank', label: 'bob', secret: 'KRSXG5CTMVRXEZLU', digits: 6 };
  await setUpWith(twofold, [{ ...BANK, sites: [BANK_SITE] }, { ...second, sites: [BANK_SITE] }]);
  const page = await twofold.context.newPage();
  await page.goto(`https://secure.${BANK_SITE}:${fixturePort()}/fill/hostile-synthetic-events.html`);
  expect(await buttonFrame(page), 'no inline button').not.toBeNull();
  const chooserOpen = () => hasAccessibleName(page, 'Fill the code of');
  // What the background did for the page: it notes each account it gave a code for.
  const lastFills = () => twofold.serviceWorker.evaluate(async () => (await chrome.storage.session.get('fillLastUsed')).fillLastUsed ?? {});
  const attack = () => page.evaluate(() => (window as unknown as { __attack: () => number }).__attack());

  // Synthetic pointer, mouse and key events and element.click() on Twofold's host, on what lies
  // under its button, on the focused element and on the field.
  expect(await attack(), 'the page sent nothing').toBeGreaterThan(20);
  // The same, run inside a click the person really made on the page's own button.
  await page.getByRole('button', { name: 'Show my offer' }).click();
  expect(await page.evaluate(() => (window as unknown as { __forwarded?: number }).__forwarded ?? 0)).toBeGreaterThan(20);
  await page.waitForTimeout(1000);
  expect(await chooserOpen(), 'the chooser opened for the page').toBe(false);
  expect(await received(page)).toEqual([]);
  expect(await lastFills()).toEqual({});
  // Even holding Twofold's button itself, the page's clicks are not the person's.
  expect(await pressFromPage(page, 'fill'), 'no button to press').toBe(1);
  await page.waitForTimeout(1000);
  expect(await chooserOpen(), 'the page opened the chooser from inside').toBe(false);

  // The person's click opens the chooser (two accounts here), focus on its first entry.
  await page.locator('twofold-fill').click();
  await expect.poll(chooserOpen).toBe(true);
  // The page now tries the chooser's entries: synthetic clicks and keys on the host while an
  // entry has the focus, then on the field.
  expect(await attack()).toBeGreaterThan(20);
  // And pressing the entries themselves, from inside.
  expect(await pressFromPage(page, 'pick')).toBe(2);
  await page.waitForTimeout(1000);
  expect(await received(page)).toEqual([]);
  expect(await lastFills()).toEqual({});

  // The person: click the button again (the page moved the focus away), Enter on the entry.
  await page.locator('twofold-fill').click();
  await expect.poll(chooserOpen).toBe(true);
  const before = Date.now();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await received(page))[0]?.length ?? 0).toBe(BANK.digits);
  const code = (await received(page))[0]!;
  expect([...codesBetween(BANK, before - 1000, Date.now() + 1000), ...codesBetween(second, before - 1000, Date.now() + 1000)]).toContain(code);
  expect(Object.keys(await lastFills())).toEqual([BANK_SITE]);
});

/** Sends `requests` at once from `popup` and returns each reply's error code, or 'ok'. */
async function burst(popup: PopupPage, requests: { name: string; args: unknown }[]): Promise<string[]> {
  return popup.page.evaluate(async (list) => {
    const replies = await Promise.all(list.map((r) => chrome.runtime.sendMessage({ channel: 'twofold', name: r.name, args: r.args }).catch(() => undefined)));
    return replies.map((reply: { ok?: boolean; error?: { code?: string } } | undefined) => (reply?.ok ? 'ok' : (reply?.error?.code ?? 'no-answer')));
  }, requests);
}

test('36 wrong passwords sent at once are tried no faster than the delay allows, and the right one waits too', async ({ twofold }) => {
  test.setTimeout(120_000);
  const popup = await setUpWith(twofold, [{ ...BANK, sites: [BANK_SITE] }]);
  const { id } = (await popup.accounts())[0]!;
  // While unlocked, every way of typing the master password again: unlock, reveal, change.
  const guesses = Array.from({ length: 36 }, (_, i) =>
    [
      { name: 'unlock', args: { password: `guess ${i}` } },
      { name: 'revealSecret', args: { id, password: `guess ${i}` } },
      { name: 'changePassword', args: { oldPassword: `guess ${i}`, newPassword: 'another long password', confirm: 'another long password' } },
    ][i % 3]!,
  );
  const codes = await burst(popup, guesses);
  expect(codes.filter((c) => c === 'wrong-password')).toHaveLength(3);
  expect(codes.filter((c) => c === 'too-many-attempts')).toHaveLength(33);
  const failures = await twofold.serviceWorker.evaluate(async () => (await chrome.storage.local.get('unlockFailures')).unlockFailures as { count: number });
  expect(failures.count).toBe(3);

  // The right password is refused until the delay has passed, then accepted.
  const [early] = await burst(popup, [{ name: 'revealSecret', args: { id, password: PASSWORD } }]);
  expect(early).toBe('too-many-attempts');
  await popup.page.waitForTimeout(1200);
  const [late] = await burst(popup, [{ name: 'revealSecret', args: { id, password: PASSWORD } }]);
  expect(late).toBe('ok');
});

test('a page that keeps reloading a framed bound site does not keep the vault unlocked', async ({ twofold }) => {
  test.setTimeout(150_000);
  const popup = await setUpWith(twofold, [{ ...BANK, sites: [BANK_SITE] }]);
  // The shortest auto-lock a person can choose.
  expect((await pageRequest(popup, 'setSettings', { autoLockMinutes: 1 })).ok).toBe(true);
  await popup.page.close();
  const alarm = () => twofold.serviceWorker.evaluate(async () => (await chrome.alarms.get('twofold-auto-lock'))?.scheduledTime ?? null);
  await expect.poll(alarm).not.toBeNull();
  const lockAt = (await alarm())!;

  // An attacker's page frames the bound site's code page and reloads the frame every 2 s; each
  // load runs the detector and the fill agent, which ask the background for the accounts.
  const framer = await twofold.context.newPage();
  await framer.goto(`https://attacker.example:${fixturePort()}/fill/one-time-code-single.html`);
  const frameUrl = `https://secure.${BANK_SITE}:${fixturePort()}/fill/one-time-code-single.html`;
  await framer.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    document.body.append(frame);
    setInterval(() => { frame.src = `${src}?${Date.now()}`; }, 2000);
  }, frameUrl);
  // The framed site gets its button (so its requests do reach the background)…
  await expect.poll(async () => framer.frames().length).toBeGreaterThan(1);
  await expect.poll(async () => {
    for (const f of framer.frames()) if ((await f.locator('twofold-fill').count().catch(() => 0)) > 0) return true;
    return false;
  }, { timeout: 10_000 }).toBe(true);
  // …but the auto-lock time does not move, and the vault locks on time.
  await framer.waitForTimeout(8000);
  expect(await alarm()).toBe(lockAt);
  const status = () => twofold.serviceWorker.evaluate(async () => Boolean((await chrome.storage.session.get('dataKey')).dataKey));
  await expect.poll(status, { timeout: Math.max(5000, lockAt - Date.now() + 15_000), intervals: [1000] }).toBe(false);
  expect(Date.now()).toBeGreaterThanOrEqual(lockAt - 1000);
});

/** One write of the burst below, and how to tell from the stored accounts whether it is there. */
type BurstWrite =
  | { kind: 'add'; issuer: string; secret: string }
  | { kind: 'rename'; id: string; issuer: string }
  | { kind: 'pin'; id: string }
  | { kind: 'delete'; id: string };

/** A distinct valid text key for account number `n` (16 base32 letters). */
function keyNumber(n: number): string {
  const b32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return `JBSWY3DPEHPK${[15, 10, 5, 0].map((shift) => b32[(n >> shift) & 31]).join('')}`;
}

test('the worker stopped in the middle of a burst of writes: every reply says what is stored, nothing is written twice, and the popup shows the stored list', async ({ twofold }) => {
  test.setTimeout(150_000);
  const popup = await setUpWith(twofold, []);
  // Accounts to rename, pin and delete, added one by one (each reply awaited).
  const existing = await popup.page.evaluate(async (keys) => {
    const request = (globalThis as unknown as { twofoldRequest: (name: string, args: unknown) => Promise<{ ok: boolean; value?: { account: { id: string } } }> }).twofoldRequest;
    const ids: string[] = [];
    for (const [i, secret] of keys.entries()) {
      const reply = await request('addAccount', { form: { kind: 'totp', issuer: `Old ${i}`, label: '', secret, algorithm: 'SHA1', digits: '6', period: '30', counter: '0' } });
      if (!reply.ok) throw new Error(JSON.stringify(reply));
      ids.push(reply.value!.account.id);
    }
    return ids;
  }, Array.from({ length: 90 }, (_, i) => keyNumber(i)));

  // 180 writes at once, interleaved: adds, renames, pins and deletes.
  const writes: BurstWrite[] = [];
  for (let i = 0; i < 90; i++) {
    writes.push({ kind: 'add', issuer: `Burst ${i}`, secret: keyNumber(1000 + i) });
    const id = existing[i]!;
    writes.push(i < 30 ? { kind: 'rename', id, issuer: `Renamed ${i}` } : i < 60 ? { kind: 'pin', id } : { kind: 'delete', id });
  }
  const stopper = await serviceWorkerStopper(twofold.context, twofold.extensionId);
  try {
    await popup.page.evaluate((list) => {
      const request = (globalThis as unknown as { twofoldRequest: (name: string, args: unknown) => Promise<{ ok: boolean; error?: { code: string } }> }).twofoldRequest;
      const sent = list.map((w) => {
        if (w.kind === 'add') return request('addAccount', { form: { kind: 'totp', issuer: w.issuer, label: '', secret: w.secret, algorithm: 'SHA1', digits: '6', period: '30', counter: '0' } });
        if (w.kind === 'rename') return request('updateAccount', { id: w.id, issuer: w.issuer, label: '', sites: [] });
        if (w.kind === 'pin') return request('setPinned', { id: w.id, pinned: true });
        return request('deleteAccount', { id: w.id });
      });
      (globalThis as unknown as { burst: Promise<string[]> }).burst = Promise.all(sent.map((p) => p.then((r) => (r.ok ? 'ok' : r.error!.code))));
    }, writes);
    // Stop the worker once some of the burst is stored, well before all of it is.
    const storedOps = () => popup.page.evaluate(async () => ((await chrome.storage.local.get('vaultOps')).vaultOps as string[] | undefined)?.length ?? 0);
    await expect.poll(storedOps, { intervals: [5] }).toBeGreaterThanOrEqual(90 + 10);
    await stopper.stop();
  } finally {
    await stopper.dispose();
  }
  const replies = await popup.page.evaluate(() => (globalThis as unknown as { burst: Promise<string[]> }).burst);

  // The truth, from the vault itself.
  const listing = await popup.page.evaluate(async () => {
    const request = (globalThis as unknown as { twofoldRequest: (name: string) => Promise<{ ok: boolean; value: { accounts: { id: string; issuer: string; pinned: boolean }[] } }> }).twofoldRequest;
    return (await request('listAccounts')).value.accounts;
  });
  const byId = new Map(listing.map((a) => [a.id, a]));
  const stored = (w: BurstWrite): boolean => {
    if (w.kind === 'add') return listing.some((a) => a.issuer === w.issuer);
    if (w.kind === 'rename') return byId.get(w.id)?.issuer === w.issuer;
    if (w.kind === 'pin') return byId.get(w.id)?.pinned === true;
    return !byId.has(w.id);
  };
  const tally = { ok: 0, 'saved-unanswered': 0, 'not-saved': 0 } as Record<string, number>;
  writes.forEach((w, i) => {
    const reply = replies[i]!;
    tally[reply] = (tally[reply] ?? 0) + 1;
    // Only three answers: stored (with or without its reply) or certainly not stored.
    expect(['ok', 'saved-unanswered', 'not-saved'], `write ${i} (${w.kind})`).toContain(reply);
    expect(stored(w), `write ${i} (${w.kind}) replied ${reply}`).toBe(reply !== 'not-saved');
  });
  // Nothing written twice: one account per added name.
  for (let i = 0; i < 90; i++) expect(listing.filter((a) => a.issuer === `Burst ${i}`).length).toBeLessThanOrEqual(1);
  // The stop came in the middle: some writes were stored, some were not.
  expect(tally.ok).toBeGreaterThan(0);
  expect(tally['not-saved']).toBeGreaterThan(0);
  test.info().annotations.push({ type: 'replies', description: JSON.stringify(tally) });

  // The popup that sent them shows the stored list, and says when a write was saved without its reply.
  await expect.poll(async () => (await popup.page.locator('.account__issuer').allTextContents()).sort())
    .toEqual(listing.map((a) => a.issuer).sort());
  if (tally['saved-unanswered']! > 0) await expect(popup.page.getByText('Saved. Twofold restarted before it could confirm it.')).toBeVisible();
  await expect(popup.page.getByRole('alert')).toHaveCount(0);
});
