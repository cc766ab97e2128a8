/**
 * The fill fixtures, end to end in a real Chromium: collect → plan → fill on every page of
 * `tests/fixtures/fill/`, checked against `expectations.json` and against what each page's own
 * state received (`window.__received`, written by the page's own script: most share
 * `report.js`). `expect` is what an explicit request plans; `offer: false` marks the pages where
 * the inline button must not appear (weak evidence, or a code sent elsewhere: `sent`).
 */

import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchArgs } from '../../scripts/chromium.mjs';
import { explainReasons } from '../../utils/fields/explain-reasons';
import type { Reason } from '../../utils/fields/plan-fill';

const ROOT = resolve(__dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/fill');

interface Expectation {
  /** What an explicit request (popup, shortcut, context menu) plans. */
  expect: 'single' | 'split' | 'none';
  /** False: no inline button here, only an explicit request fills (default true for positives). */
  offer?: boolean;
  /** The page asks for a code sent this way (an explicit request asks before filling). */
  sent?: 'sms' | 'email' | 'call' | 'device' | 'message';
  /** CSS selector of the field, or of the first box (searched through open shadow roots). */
  target: string;
  boxes?: number;
  /** The page adds its field this long after load. */
  lateMs?: number;
  /** The field is inside this iframe. */
  frame?: string;
}

const expectations = JSON.parse(readFileSync(join(FIXTURES, 'expectations.json'), 'utf8')) as Record<string, Expectation>;
const pages = readdirSync(FIXTURES).filter((f) => f.endsWith('.html')).sort();

describe('fill fixtures: conventions', () => {
  it('gives every fixture page an expectation', () => {
    expect(pages.filter((p) => !(p in expectations))).toEqual([]);
  });
  it('gives every expectation a fixture page', () => {
    expect(Object.keys(expectations).filter((name) => !pages.includes(name))).toEqual([]);
  });
  it('has at least 25 positive and 10 negative pages', () => {
    const kinds = Object.values(expectations).map((e) => e.expect);
    expect(kinds.filter((k) => k !== 'none').length).toBeGreaterThanOrEqual(25);
    expect(kinds.filter((k) => k === 'none').length).toBeGreaterThanOrEqual(10);
  });
  it('has a page for every family of issue 11', () => {
    const all = Object.values(expectations);
    expect(all.filter((e) => e.sent !== undefined).map((e) => e.sent)).toEqual(expect.arrayContaining(['sms', 'email', 'device']));
    expect(all.some((e) => e.expect !== 'none' && e.offer === false && e.sent === undefined)).toBe(true);
  });
  it.each(Object.entries(expectations))('%s: well-formed expectation', (_name, e) => {
    expect(['single', 'split', 'none']).toContain(e.expect);
    if (e.expect !== 'none') expect(e.target).not.toBe('');
    if (e.expect === 'split') expect(e.boxes).toBeGreaterThanOrEqual(4);
    if (e.sent !== undefined) expect(e.offer).toBe(false);
    if (e.expect === 'none') expect(e.offer ?? false).toBe(false);
  });
  it('every page that shares the report script names what it watches correctly', () => {
    for (const page of pages) {
      const html = readFileSync(join(FIXTURES, page), 'utf8');
      const tag = /<script src="report\.js"([^>]*)><\/script>/u.exec(html);
      if (tag === null) continue;
      const e = expectations[page]!;
      // A code sent elsewhere records every input; a positive watches its field.
      if (e.expect !== 'none' && e.sent === undefined) expect(tag[1], page).toMatch(e.expect === 'split' ? /data-boxes=/u : /data-field=/u);
    }
  });
});

/** What the in-page probe reports. */
interface ProbeResult {
  kind: 'single' | 'split' | 'none';
  /** The inline button would be offered. */
  offered: boolean;
  sent: string | null;
  boxes: number;
  targetFound: boolean;
  targetIsFirst: boolean;
  reasons: Reason[];
  received: string;
  /** What the always-on detector (entrypoints/autofill) says: it must never miss a real field. */
  quick: boolean;
}

const PROBE_ENTRY = `
import { collectFields, collectPageContext } from './utils/fields-dom/collect-fields';
import { THRESHOLD, isOffered, planFill } from './utils/fields/plan-fill';
import { fillPlan } from './utils/fields-dom/fill-fields';
import { mayHoldCodeField } from './entrypoints/autofill/quick-detect';
globalThis.__twofold = { collectFields, collectPageContext, planFill, isOffered, request: THRESHOLD.request, fillPlan, mayHoldCodeField };
`;

// Runs in the page: collect + plan, and compare the planned field with the expected target.
const PROBE = `(target) => {
  const tf = globalThis.__twofold;
  const deepQuery = (root, selector) => {
    const hit = root.querySelector(selector);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        const inner = deepQuery(el.shadowRoot, selector);
        if (inner) return inner;
      }
    }
    return null;
  };
  const { fields, elements } = tf.collectFields(document);
  const plan = tf.planFill(fields, tf.collectPageContext(document), tf.request);
  globalThis.__twofoldLast = { plan, elements };
  const wanted = target ? deepQuery(document, target) : null;
  const first = plan === null ? null : plan.kind === 'single' ? elements[plan.index] : elements[plan.indices[0]];
  return {
    kind: plan === null ? 'none' : plan.kind,
    offered: plan !== null && tf.isOffered(plan),
    sent: plan === null ? null : plan.sentElsewhere ?? null,
    boxes: plan !== null && plan.kind === 'split' ? plan.indices.length : 0,
    targetFound: wanted !== null,
    targetIsFirst: wanted !== null && wanted === first,
    reasons: plan === null ? [] : plan.reasons,
    received: String(globalThis.__received),
    quick: tf.mayHoldCodeField(document, document),
  };
}`;

const FILL = `async (code) => {
  const { plan, elements } = globalThis.__twofoldLast;
  globalThis.__twofold.fillPlan(plan, elements, code);
  // Let pages that re-render after a task settle.
  await new Promise((r) => setTimeout(r, 20));
  return String(globalThis.__received);
}`;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
};

describe('fill fixtures: in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let origin = '';
  let bundle = '';

  beforeAll(async () => {
    const result = await build({
      stdin: { contents: PROBE_ENTRY, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      format: 'iife',
      target: 'chrome120',
      minify: true,
      write: false,
    });
    bundle = result.outputFiles[0]!.text;
    console.log(`detection + fill bundle: ${(bundle.length / 1024).toFixed(1)} KB minified`);

    server = createServer((req, res) => {
      const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
      if (name.includes('/') || name.includes('..')) {
        res.writeHead(404).end();
        return;
      }
      try {
        const body = readFileSync(join(FIXTURES, name));
        res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(name)] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: launchArgs,
    });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  });

  it.each(Object.entries(expectations))('%s', async (name, e) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/${name}`, { waitUntil: 'load' });
      if (e.lateMs !== undefined) await page.waitForTimeout(e.lateMs);
      let frame: Frame = page.mainFrame();
      if (e.frame !== undefined) {
        const handle = await page.waitForSelector(e.frame);
        const child = await handle.contentFrame();
        if (child === null) throw new Error(`${e.frame} has no frame`);
        await child.waitForLoadState('load');
        frame = child;
      }
      await frame.evaluate(bundle);
      const probe = (await frame.evaluate(`(${PROBE})(${JSON.stringify(e.target)})`)) as ProbeResult;
      expect(probe.received).toBe('');
      if (e.expect === 'none') {
        expect(probe.kind, `planned: ${explainReasons(probe.reasons).join('; ')}`).toBe('none');
        return;
      }
      expect(probe.kind, explainReasons(probe.reasons).join('; ')).toBe(e.expect);
      expect(probe.offered, `offer: ${explainReasons(probe.reasons).join('; ')}`).toBe(e.offer ?? true);
      expect(probe.sent ?? undefined, explainReasons(probe.reasons).join('; ')).toBe(e.sent);
      expect(probe.quick, 'the always-on detector misses this field').toBe(true);
      expect(probe.targetFound, `target ${e.target} not in page`).toBe(true);
      expect(probe.targetIsFirst, `planned another field: ${explainReasons(probe.reasons).join('; ')}`).toBe(true);
      if (e.expect === 'split') expect(probe.boxes).toBe(e.boxes);
      const code = e.boxes === 8 ? '12345678' : '123456';
      const received = (await frame.evaluate(`(${FILL})(${JSON.stringify(code)})`)) as string;
      expect(received).toBe(code);
    } finally {
      await context.close();
    }
  });
});
