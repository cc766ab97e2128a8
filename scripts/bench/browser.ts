/**
 * The in-browser sections of the bench: unlock and vault (issue 3) and popup paint (issue 6).
 * Both run in one Chromium with the PRODUCTION build loaded unpacked, because the popup paint
 * needs the accounts the vault section adds. Requests go from an extension page exactly as the
 * popup sends them (`chrome.runtime.sendMessage` with a `twofold` envelope).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { argon2id } from 'hash-wasm';
import { launchTwofold } from '../../tests/e2e/support/launch';
import { median, ms, p95, ratio, table } from './stats';
import { EMPTY_PAGE, EMPTY_SELECTOR, writeEmptyExtension } from './empty-extension';

const PASSWORD = 'correct horse battery staple';
const RUNS = 5;
/**
 * Popup openings per row and worker starts (issue 15): enough for a median and a p95 that hold
 * still on a shared 2-core machine (BENCH_POPUP_RUNS overrides, at least 3).
 */
const POPUP_RUNS = Math.max(3, Number(process.env.BENCH_POPUP_RUNS) || 15);
const START_RUNS = Math.max(3, Number(process.env.BENCH_POPUP_RUNS) || 25);
const UNLOCK_BUDGET_MS = 500;
const PAINT_BUDGET_MS = 100;
/** Issue 15: the popup's codes with the worker stopped first, and the worker's start. */
const COLD_PAINT_BUDGET_MS = 250;
const WORKER_START_BUDGET_MS = 30;
/** No request should take this long; a stuck background fails the section instead of hanging it. */
const REQUEST_TIMEOUT_MS = 20_000;
/** The whole browser run; past this the browser is closed and the sections report what they have. */
const BROWSER_TIMEOUT_MS = 300_000;
/** How long one popup open may take to show what it waits for. */
const PAINT_TIMEOUT_MS = 10_000;

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

interface AccountForm {
  kind: 'totp';
  issuer: string;
  label: string;
  secret: string;
  algorithm: 'SHA1';
  digits: number;
  period: number;
  counter: number;
}

export interface BrowserSections {
  vault: boolean;
  popup: boolean;
}

/** Markdown per section; an `error` when the section (or a step it needs) failed. */
export interface SectionOutput {
  body: string;
  error?: string;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Account number `i`: a distinct 160-bit secret derived from the index. */
function accountForm(i: number): AccountForm {
  const secret = base32(new TextEncoder().encode(`bench-account-${String(i).padStart(6, '0')}`));
  return { kind: 'totp', issuer: `Bench ${i}`, label: `user${i}@example.com`, secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 };
}

function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

/** Sends one request from `page` and times the round trip there. Throws on a failed reply. */
async function request(page: Page, name: string, args?: unknown): Promise<{ ms: number; value: unknown }> {
  const { elapsed, reply } = await page.evaluate(
    async ({ name, args, timeoutMs }) => {
      const started = performance.now();
      const reply: unknown = await Promise.race([
        chrome.runtime.sendMessage({ channel: 'twofold', name, args }),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`${name}: no reply within ${timeoutMs} ms`)), timeoutMs)),
      ]);
      return { elapsed: performance.now() - started, reply };
    },
    { name, args, timeoutMs: REQUEST_TIMEOUT_MS },
  );
  if (!isReply(reply)) throw new Error(`${name}: no reply from the background (${JSON.stringify(reply)})`);
  if (!reply.ok) throw new Error(`${name} failed: ${reply.error.code}: ${reply.error.message}`);
  return { ms: elapsed, value: reply.value };
}

/** Adds accounts `from`…`to - 1` one request at a time; the time of each add, in order. */
async function addAccounts(page: Page, from: number, to: number): Promise<number[]> {
  const forms: AccountForm[] = [];
  for (let i = from; i < to; i++) forms.push(accountForm(i));
  return page.evaluate(async ({ forms, timeoutMs }) => {
    const times: number[] = [];
    for (const form of forms) {
      const started = performance.now();
      const reply = (await Promise.race([
        chrome.runtime.sendMessage({ channel: 'twofold', name: 'addAccount', args: { form } }),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`addAccount: no reply within ${timeoutMs} ms`)), timeoutMs)),
      ])) as { ok: boolean; error?: { message: string } } | undefined;
      times.push(performance.now() - started);
      if (!reply?.ok) throw new Error(`addAccount (${form.issuer}) failed: ${reply?.error?.message ?? 'no reply'}`);
    }
    return times;
  }, { forms, timeoutMs: REQUEST_TIMEOUT_MS });
}

/** A list of `count` setup links (accounts numbered from 100,000, apart from the vault's). */
function importText(count: number): string {
  return Array.from({ length: count }, (_, i) => {
    const { issuer, label, secret } = accountForm(100_000 + i);
    return `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(label)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;
  }).join('\n');
}

/**
 * Status requests sent one after another while an import preview of `text` is read (issue 12:
 * the background keeps answering during a large import): each one's time, counted only when it
 * came back before the preview, and the preview's own time.
 */
async function statusDuringImport(page: Page, text: string): Promise<{ during: number[]; preview: number }> {
  return page.evaluate(
    async ({ text, timeoutMs }) => {
      const started = performance.now();
      let done = false;
      const preview = chrome.runtime.sendMessage({ channel: 'twofold', name: 'previewImport', args: { text } }).then((reply: { ok?: boolean; error?: { message: string } } | undefined) => {
        done = true;
        if (!reply?.ok) throw new Error(`previewImport failed: ${reply?.error?.message ?? 'no reply'}`);
        return performance.now() - started;
      });
      const during: number[] = [];
      while (!done && performance.now() - started < timeoutMs) {
        const sent = performance.now();
        await chrome.runtime.sendMessage({ channel: 'twofold', name: 'getStatus' });
        if (!done) during.push(performance.now() - sent);
      }
      return { during, preview: await preview };
    },
    { text, timeoutMs: REQUEST_TIMEOUT_MS },
  );
}

async function accountCount(page: Page): Promise<number> {
  const { value } = await request(page, 'listAccounts');
  const accounts = (value as { accounts?: unknown[] }).accounts;
  return Array.isArray(accounts) ? accounts.length : -1;
}

interface PaintMarks {
  /** Navigation start → DOMContentLoaded end (the popup's module has run). */
  dcl: number;
  /** First contentful paint (the header / "Opening…"). */
  fcp: number;
  /** The awaited element is in the DOM (with its text). */
  rendered: number;
  /** The next animation frame after that: the frame that paints it. */
  frame: number;
  /** How many code rows were in the DOM at `rendered`. */
  rows: number;
}

interface BenchWindow {
  __twofoldPaint?: { rendered: number; frame: number; rows: number };
}

/** The init script that records when `selector` first shows text, into `window.__twofoldPaint`. */
function paintProbe(selector: string): string {
  return `(() => {
  const observer = new MutationObserver(() => {
    if (window.__twofoldPaint) return;
    const hit = document.querySelector(${JSON.stringify(selector)});
    if (!hit || !(hit.textContent || '').trim()) return;
    const marks = { rendered: performance.now(), frame: -1, rows: document.querySelectorAll('li.account button.code').length };
    window.__twofoldPaint = marks;
    observer.disconnect();
    requestAnimationFrame(() => { marks.frame = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;
}

/**
 * Opens popup.html in a new tab and records, from navigation start, when `selector` first
 * appears with text (a MutationObserver installed before the page's own scripts run).
 */
async function openPopup(context: BrowserContext, url: string, selector: string): Promise<PaintMarks> {
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    // A string, not a function: tsx would wrap inner functions in a `__name` helper the page lacks.
    await page.addInitScript({ content: paintProbe(selector) });
    await page.goto(url);
    try {
      await page.waitForFunction(() => ((window as unknown as BenchWindow).__twofoldPaint?.frame ?? -1) >= 0, undefined, {
        timeout: PAINT_TIMEOUT_MS,
      });
    } catch {
      const shown = await page.evaluate(() => (document.getElementById('app')?.textContent ?? '').slice(0, 300)).catch(() => '?');
      throw new Error(
        `The popup did not show \`${selector}\` within ${PAINT_TIMEOUT_MS / 1000} s. ` +
          `Page errors: ${pageErrors.length > 0 ? pageErrors.map((e) => JSON.stringify(e)).join(', ') : 'none'}. ` +
          `It showed: ${JSON.stringify(shown)}`,
      );
    }
    return await page.evaluate(() => {
      const marks = (window as unknown as BenchWindow).__twofoldPaint!;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        dcl: nav?.domContentLoadedEventEnd ?? Number.NaN,
        fcp: fcp?.startTime ?? Number.NaN,
        rendered: marks.rendered,
        frame: marks.frame,
        rows: marks.rows,
      };
    });
  } finally {
    await page.close();
  }
}

/**
 * `POPUP_RUNS` opens of `url` after one warm-up. With `beforeEach`, it runs before every counted open
 * (e.g. stopping the service worker, for the popup as it opens after the browser let it sleep).
 */
async function paintRuns(context: BrowserContext, url: string, selector: string, beforeEach?: () => Promise<void>): Promise<PaintMarks[]> {
  await openPopup(context, url, selector); // warm-up, not counted (first load of the page's files)
  const runs: PaintMarks[] = [];
  for (let i = 0; i < POPUP_RUNS; i++) {
    await beforeEach?.();
    runs.push(await openPopup(context, url, selector));
  }
  return runs;
}

/**
 * The platform's floor: a static extension page (no script, no request) with one code row in
 * its HTML. It is added to a copy of the build the bench loads, never to the build itself.
 */
const FLOOR_PAGE = 'bench-floor.html';
const FLOOR_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head>
<body><ul><li class="account"><button class="code">123 456</button></li></ul></body></html>`;

/** A copy of the build at `dir` with the floor page; removed by the caller. */
function copyWithFloorPage(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'twofold-bench-ext-'));
  cpSync(dir, copy, { recursive: true });
  writeFileSync(join(copy, FLOOR_PAGE), FLOOR_HTML);
  return copy;
}

/** The vault's KDF parameters (DESIGN.md, utils/vault/vault-format.ts DEFAULT_KDF). */
const KDF = { memorySize: 65_536, iterations: 3, parallelism: 1, hashLength: 32 };

interface HashWasmGlobal {
  hashwasm?: {
    argon2id(options: typeof KDF & { password: string; salt: Uint8Array; outputType: 'binary' }): Promise<Uint8Array>;
  };
}

/**
 * Argon2id alone, in `page`: the same library (hash-wasm's standalone build from
 * node_modules) and parameters as the vault, evaluated through DevTools. One warm-up run
 * (WebAssembly compile) is not counted.
 */
async function argon2InPage(page: Page, runs: number): Promise<number[]> {
  const file = createRequire(import.meta.url).resolve('hash-wasm/dist/argon2.umd.min.js');
  await page.evaluate(readFileSync(file, 'utf8'));
  return page.evaluate(
    async ({ kdf, runs }) => {
      const lib = (globalThis as unknown as HashWasmGlobal).hashwasm;
      if (!lib) throw new Error('hash-wasm did not load in the page');
      const times: number[] = [];
      for (let i = 0; i <= runs; i++) {
        const salt = crypto.getRandomValues(new Uint8Array(16));
        const started = performance.now();
        await lib.argon2id({ ...kdf, password: 'correct horse battery staple', salt, outputType: 'binary' });
        if (i > 0) times.push(performance.now() - started);
      }
      return times;
    },
    { kdf: KDF, runs },
  );
}

/** The same Argon2id in Node (this process), for the machine's speed. */
async function argon2InNode(runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const started = performance.now();
    await argon2id({ ...KDF, password: PASSWORD, salt, outputType: 'binary' });
    if (i > 0) times.push(performance.now() - started);
  }
  return times;
}

async function timedRuns(runs: number, once: () => Promise<number>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  return times;
}

const medP95 = (values: number[]) => `${ms(median(values))} / ${ms(p95(values))}`;

/** One status request from `page` to its extension's worker, timed there (ms). */
async function ping(page: Page): Promise<number> {
  return page.evaluate(async (timeoutMs) => {
    const started = performance.now();
    await Promise.race([
      chrome.runtime.sendMessage({ channel: 'twofold', name: 'getStatus' }),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`getStatus: no reply within ${timeoutMs} ms`)), timeoutMs)),
    ]);
    return performance.now() - started;
  }, REQUEST_TIMEOUT_MS);
}

interface VersionsUpdated {
  versions: { runningStatus: string; scriptURL: string }[];
}

/** How long a stopped worker is left before it is woken: a person never opens the popup the moment it stopped. */
const AFTER_STOP_MS = 50;

/**
 * Stops the extension's service worker (as Chromium does to an idle one) from one DevTools session
 * kept for the whole run, and waits {@link AFTER_STOP_MS}. The e2e tests' stopServiceWorker opens
 * and closes a tab for each stop, and the request timed right after it raced that tab's closing,
 * which moved the worker start by 10-20 ms from run to run.
 */
async function workerStopper(context: BrowserContext, extensionId: string): Promise<{ stop: () => Promise<void> }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  return {
    async stop() {
      const stopped = new Promise<void>((resolve, reject) => {
        const onUpdate = (event: VersionsUpdated) => {
          const ours = event.versions.filter((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
          if (ours.length === 0 || !ours.every((v) => v.runningStatus === 'stopped')) return;
          clearTimeout(timer);
          cdp.off('ServiceWorker.workerVersionUpdated', onUpdate);
          resolve();
        };
        const timer = setTimeout(() => {
          cdp.off('ServiceWorker.workerVersionUpdated', onUpdate);
          reject(new Error('The service worker did not stop.'));
        }, 15_000);
        cdp.on('ServiceWorker.workerVersionUpdated', onUpdate);
      });
      await cdp.send('ServiceWorker.stopAllWorkers');
      await stopped;
      await new Promise((resolve) => setTimeout(resolve, AFTER_STOP_MS));
    },
  };
}

/**
 * The worker's start as a page sees it: a status request right after the worker was stopped
 * (start + the request) and one to the running worker (the request alone), `START_RUNS` pairs.
 * `start` holds each pair's difference (cold less the warm request just before it), so the
 * median and p95 of the start itself can be printed, not only a difference of medians.
 */
async function workerStartRuns(stopWorker: () => Promise<void>, page: Page): Promise<{ cold: number[]; warm: number[]; start: number[] }> {
  const cold: number[] = [];
  const warm: number[] = [];
  const start: number[] = [];
  await ping(page);
  for (let i = 0; i < START_RUNS; i++) {
    const w = await ping(page);
    await stopWorker();
    const c = await ping(page);
    warm.push(w);
    cold.push(c);
    start.push(c - w);
  }
  return { cold, warm, start };
}

interface FloorRuns {
  paintWarm: PaintMarks[];
  paintCold: PaintMarks[];
  start: { cold: number[]; warm: number[]; start: number[] };
}

/** The same openings and worker starts against an empty extension, in a browser of its own. */
async function emptyExtensionRuns(): Promise<FloorRuns> {
  const dir = writeEmptyExtension();
  const launched = await launchTwofold({ extensionPath: dir });
  const { context, extensionId } = launched;
  try {
    const url = `chrome-extension://${extensionId}/${EMPTY_PAGE}`;
    const stopper = await workerStopper(context, extensionId);
    const paintWarm = await paintRuns(context, url, EMPTY_SELECTOR);
    const paintCold = await paintRuns(context, url, EMPTY_SELECTOR, stopper.stop);
    const driver = await context.newPage();
    await driver.goto(url);
    const start = await workerStartRuns(stopper.stop, driver);
    return { paintWarm, paintCold, start };
  } finally {
    await context.close().catch(() => undefined);
    rmSync(launched.userDataDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchBrowser(dir: string, which: BrowserSections): Promise<{ vault?: SectionOutput; popup?: SectionOutput }> {
  const vaultRows: string[][] = [];
  const accountRows: string[][] = [];
  const paintRows: string[][] = [];
  const coldRows: string[][] = [];
  const startRows: string[][] = [];
  const notes: string[] = [];
  let failure: { section: 'vault' | 'popup'; message: string } | undefined;
  let step: 'vault' | 'popup' = 'vault';
  let popupError: string | undefined;

  const extensionCopy = copyWithFloorPage(dir);
  const launched = await launchTwofold({ extensionPath: extensionCopy });
  const { context, extensionId } = launched;
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  let timedOut = false;
  const watchdog = setTimeout(() => {
    timedOut = true;
    void context.close().catch(() => undefined);
  }, BROWSER_TIMEOUT_MS);
  try {
    // The driver page: popup.html opened while the vault is new. It stays on its setup screen
    // (which has no timers) because it asks for the status only once, so it adds no work.
    const driver = await context.newPage();
    await driver.goto(popupUrl);
    const stopper = await workerStopper(context, extensionId);

    /** Time of each addAccount, by the number of accounts before it. */
    const addTimes: number[] = [];
    const growTo = async (n: number) => {
      const from = addTimes.length;
      addTimes.push(...(await addAccounts(driver, from, n)));
    };
    const lockUnlock = async () => {
      await request(driver, 'lock');
      return (await request(driver, 'unlock', { password: PASSWORD })).ms;
    };

    step = 'vault';
    const setup = await request(driver, 'setupVault', { password: PASSWORD, confirm: PASSWORD });
    let unlock0: number[] = [];
    let kdfBaseline = Number.NaN;
    if (which.vault) {
      unlock0 = await timedRuns(RUNS, lockUnlock);
      const kdfPage = await argon2InPage(driver, RUNS);
      const kdfNode = await argon2InNode(3);
      vaultRows.push(['Argon2id alone in the same page (hash-wasm, m 64 MiB t 3 p 1): KDF baseline', String(kdfPage.length), ms(median(kdfPage)), ms(p95(kdfPage)), ratio(median(kdfPage), UNLOCK_BUDGET_MS)]);
      vaultRows.push(['Argon2id alone in Node (same library and parameters; machine reference)', String(kdfNode.length), ms(median(kdfNode)), ms(p95(kdfNode)), ratio(median(kdfNode), UNLOCK_BUDGET_MS)]);
      vaultRows.push(['setupVault (Argon2id + new data key + encrypt + store)', '1', ms(setup.ms), '', ratio(setup.ms, UNLOCK_BUDGET_MS)]);
      vaultRows.push(['unlock, 0 accounts (KDF-dominated: Argon2id + unwrap + empty decrypt)', String(RUNS), ms(median(unlock0)), ms(p95(unlock0)), ratio(median(unlock0), UNLOCK_BUDGET_MS)]);
      vaultRows.push(['↳ unlock 0 minus Argon2id alone in the page (messaging, unwrap, storage; ≈ 0 is within noise)', '', ms(median(unlock0) - median(kdfPage)), '', '']);
      kdfBaseline = median(kdfPage);
    }

    /** Each row's next-frame times, by its label. */
    const framesOf = new Map<string, number[]>();
    const paint = async (n: number, selector: string, label: string, baseline?: number, how: { url?: string; beforeEach?: () => Promise<void> } = {}) => {
      const runs = await paintRuns(context, how.url ?? popupUrl, selector, how.beforeEach);
      const rendered = runs.map((r) => r.rendered);
      const frame = runs.map((r) => r.frame);
      framesOf.set(label, frame);
      const rows = runs.map((r) => r.rows);
      paintRows.push([
        label,
        String(POPUP_RUNS),
        ms(median(runs.map((r) => r.dcl))),
        ms(median(runs.map((r) => r.fcp))),
        medP95(rendered),
        medP95(frame),
        n > 0 ? String(Math.min(...rows)) : '–',
        ratio(median(frame), PAINT_BUDGET_MS),
        baseline === undefined ? '1.00× (baseline)' : ratio(median(frame), baseline),
      ]);
      return median(frame);
    };

    if (which.popup) {
      // A popup that fails to paint ends the popup section only: the vault steps go on.
      let paintError: string | undefined;
      const tryPaint = async (...args: Parameters<typeof paint>) => {
        if (paintError !== undefined) return Number.NaN;
        try {
          return await paint(...args);
        } catch (error) {
          paintError = error instanceof Error ? error.message : String(error);
          return Number.NaN;
        }
      };
      const floor = await tryPaint(1, 'li.account button.code', 'static extension page, one row in its HTML (platform floor)', undefined, {
        url: `chrome-extension://${extensionId}/${FLOOR_PAGE}`,
      });
      await tryPaint(0, '#empty-title', '0 (empty state)', floor);
      await growTo(20);
      await tryPaint(20, 'li.account button.code', '20', floor);
      await growTo(200);
      await tryPaint(200, 'li.account button.code', '200', floor);
      const coldLabel = '200, service worker stopped before each open (cold)';
      const cold = await tryPaint(200, 'li.account button.code', coldLabel, floor, {
        beforeEach: stopper.stop,
      });
      const coldFrames = framesOf.get(coldLabel) ?? [];
      popupError = paintError;

      // Issue 15: the cold opening and the worker's start, each beside an empty extension's.
      const start = await workerStartRuns(stopper.stop, driver);
      const empty = await emptyExtensionRuns();
      const emptyColdFrames = empty.paintCold.map((r) => r.frame);
      const emptyWarmFrames = empty.paintWarm.map((r) => r.frame);
      const emptyCold = median(emptyColdFrames);
      const emptyWarm = median(emptyWarmFrames);
      coldRows.push(
        ['Twofold popup, 200 accounts, worker stopped before each open', String(POPUP_RUNS), medP95(coldFrames), ratio(cold, COLD_PAINT_BUDGET_MS), ratio(cold, emptyCold)],
        ['empty extension: its page asks its stopped worker once, then shows one row (floor)', String(POPUP_RUNS), medP95(emptyColdFrames), ratio(emptyCold, COLD_PAINT_BUDGET_MS), '1.00× (floor)'],
        ['empty extension, worker running (for reference)', String(POPUP_RUNS), medP95(emptyWarmFrames), '', ratio(emptyWarm, emptyCold)],
      );
      const twofoldStart = median(start.start);
      const emptyStart = median(empty.start.start);
      startRows.push(
        ['Twofold: status request after a worker stop', String(START_RUNS), medP95(start.cold), '', ''],
        ['Twofold: status request, worker running', String(START_RUNS), medP95(start.warm), '', ''],
        ['**Twofold worker start** (each stop less the running request before it)', String(START_RUNS), medP95(start.start), ratio(twofoldStart, WORKER_START_BUDGET_MS), ratio(twofoldStart, emptyStart)],
        ['empty extension: request after a worker stop', String(START_RUNS), medP95(empty.start.cold), '', ''],
        ['empty extension: request, worker running', String(START_RUNS), medP95(empty.start.warm), '', ''],
        ['empty extension worker start (floor)', String(START_RUNS), medP95(empty.start.start), ratio(emptyStart, WORKER_START_BUDGET_MS), '1.00× (floor)'],
      );
    }

    if (which.vault) {
      step = 'vault';
      await growTo(500);
      const listed = await accountCount(driver);
      if (listed !== 500) notes.push(`listAccounts returned ${listed} accounts after adding 500.`);
      const first50 = addTimes.slice(0, 50);
      const last50 = addTimes.slice(450, 500);

      const unlock500 = await timedRuns(RUNS, lockUnlock);
      vaultRows.push(['unlock, 500 accounts', String(RUNS), ms(median(unlock500)), ms(p95(unlock500)), ratio(median(unlock500), UNLOCK_BUDGET_MS)]);
      const decrypt = median(unlock500) - median(unlock0);
      vaultRows.push(['↳ decrypt + list 500 accounts (difference of medians)', '', ms(decrypt), '', ratio(decrypt, UNLOCK_BUDGET_MS)]);
      const decryptFastest = Math.min(...unlock500) - Math.min(...unlock0);
      vaultRows.push(['↳ the same, difference of the fastest runs (less sensitive to machine load)', '', ms(decryptFastest), '', ratio(decryptFastest, UNLOCK_BUDGET_MS)]);
      vaultRows.push(['↳ unlock 500 / unlock 0', '', ratio(median(unlock500), median(unlock0)), '', '']);
      vaultRows.push(['↳ unlock 500 / Argon2id alone in the page', '', ratio(median(unlock500), kdfBaseline), '', '']);

      const statusWarm = await timedRuns(RUNS, async () => (await request(driver, 'getStatus')).ms);
      const statusDuringImportTimes: number[] = [];
      const listWarm = await timedRuns(RUNS, async () => (await request(driver, 'listAccounts')).ms);
      const listCold: number[] = [];
      const statusCold: number[] = [];
      const listAfterStart: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        await stopper.stop();
        listCold.push((await request(driver, 'listAccounts')).ms);
        await stopper.stop();
        statusCold.push((await request(driver, 'getStatus')).ms);
        listAfterStart.push((await request(driver, 'listAccounts')).ms);
      }
      // Issue 12: the same request while a 4,999-account import preview is read in the helper's worker.
      await request(driver, 'previewImport', { text: importText(10) }); // warm-up: the helper and its worker start
      const importRuns = await timedRuns(3, async () => {
        const { during, preview } = await statusDuringImport(driver, importText(4999));
        statusDuringImportTimes.push(...during);
        return preview;
      });
      accountRows.push(['getStatus, warm worker (messaging baseline)', String(RUNS), medP95(statusWarm), '1.00× (baseline)']);
      accountRows.push([
        'getStatus while a 4,999-account import preview is read (sent back to back; answered before the preview)',
        String(statusDuringImportTimes.length),
        statusDuringImportTimes.length > 0 ? medP95(statusDuringImportTimes) : 'none answered before the preview',
        statusDuringImportTimes.length > 0 ? ratio(median(statusDuringImportTimes), median(statusWarm)) : '',
      ]);
      accountRows.push(['↳ the 4,999-account import preview itself (for reference)', String(importRuns.length), medP95(importRuns), '']);
      accountRows.push(['listAccounts, 500 accounts, warm worker', String(RUNS), medP95(listWarm), ratio(median(listWarm), median(statusWarm))]);
      accountRows.push(['getStatus after a worker stop (worker start baseline)', String(RUNS), medP95(statusCold), '1.00× (baseline)']);
      accountRows.push(['listAccounts right after that (decrypt + codes, worker running)', String(RUNS), medP95(listAfterStart), ratio(median(listAfterStart), median(statusCold))]);
      accountRows.push(['listAccounts after a worker stop (cold: start + decrypt + codes)', String(RUNS), medP95(listCold), ratio(median(listCold), median(statusCold))]);
      accountRows.push(['addAccount, the 1st–50th account (baseline)', '50', medP95(first50), '1.00× (baseline)']);
      accountRows.push(['addAccount, the 451st–500th account', '50', medP95(last50), ratio(median(last50), median(first50))]);
      accountRows.push(['adding 500 accounts one by one (total)', String(addTimes.length), ms(addTimes.reduce((a, b) => a + b, 0)), '']);
    }
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    failure = { section: step, message: timedOut ? `Gave up after ${BROWSER_TIMEOUT_MS / 1000} s (browser closed).\n${message}` : message };
  } finally {
    clearTimeout(watchdog);
    await context.close().catch(() => undefined);
    rmSync(launched.userDataDir, { recursive: true, force: true });
    rmSync(extensionCopy, { recursive: true, force: true });
  }

  const failureFor = (section: 'vault' | 'popup') =>
    failure === undefined ? undefined : failure.section === section ? failure.message : `stopped: a ${failure.section} step failed first (${failure.message.split('\n')[0]})`;
  const out: { vault?: SectionOutput; popup?: SectionOutput } = {};
  if (which.vault) {
    const parts: string[] = [];
    if (vaultRows.length > 0) {
      parts.push(table(['measure', 'runs', 'median', 'p95', 'vs budget 500 ms'], vaultRows));
    }
    if (accountRows.length > 0) {
      parts.push(table(['measure (500 accounts unless said)', 'runs', 'median / p95', 'vs baseline'], accountRows));
    }
    parts.push(...notes);
    out.vault = { body: parts.join('\n\n'), error: failureFor('vault') };
  }
  if (which.popup) {
    const body =
      paintRows.length > 0
        ? table(
            ['accounts', 'opens', 'DOMContentLoaded', 'first paint', 'codes in DOM med / p95', 'next frame med / p95', 'rows', 'vs 100 ms budget', 'vs platform floor'],
            paintRows,
          )
        : '';
    const parts = [body];
    if (coldRows.length > 0) {
      parts.push(
        'Cold opening (issue 15): the next frame after the codes are in the DOM, median, worker stopped before each open.',
        table(['opening', 'opens', 'next frame median', 'vs 250 ms budget', 'vs empty extension'], coldRows),
      );
    }
    if (startRows.length > 0) {
      parts.push(
        "Worker start (issue 15): a page's status request right after the worker was stopped, less the same request to the running worker.",
        table(['measure', 'runs', 'median / p95', 'vs 30 ms budget', 'vs empty extension'], startRows),
      );
    }
    out.popup = { body: parts.filter(Boolean).join('\n\n'), error: popupError ?? failureFor('popup') };
  }
  return out;
}
