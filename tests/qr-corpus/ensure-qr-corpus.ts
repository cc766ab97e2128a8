/**
 * The QR corpus on disk: screenshots of the enrollment pages in `corpus-cases.ts`, rendered in
 * headless Chromium (playwright-core) and cached under `.cache/qr-corpus/` with a manifest.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { buildCorpusCases, type CorpusCase, type CorpusCaseSpec } from './corpus-cases';
import { renderEnrollmentPage } from './render-enrollment-page';
import { chromiumPath, launchArgs } from '../../scripts/chromium.mjs';

export type { CorpusCase } from './corpus-cases';

/** Bump whenever the cases, the page markup or the capture settings change: the cache is rebuilt. */
export const GENERATOR_VERSION = 9;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where the corpus lives (gitignored). */
export const QR_CORPUS_DIR = join(ROOT, '.cache', 'qr-corpus');

interface Manifest {
  generatorVersion: number;
  generatedAt: string;
  generationMs: number;
  cases: CorpusCase[];
}


async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    if (manifest.generatorVersion !== GENERATOR_VERSION) return undefined;
    if (!manifest.cases.every((c) => existsSync(join(dir, c.file)))) return undefined;
    return manifest;
  } catch {
    return undefined;
  }
}

/**
 * Runs in the page: scrolls so every code is in view (a user scrolls to the code before
 * scanning; a cut-off case stays put), then returns each code's box in CSS px, main code first.
 */
// A string, not a function: tsx/esbuild would wrap a function with helpers the page lacks.
const PLACE_CODES_IN_VIEW = `(() => {
  const els = [...document.querySelectorAll('.setup-qr, .other-qr')];
  const cutOff = els.some((el) => el.closest('[style*="position:absolute"]'));
  const rects = () => els.map((el) => el.getBoundingClientRect());
  if (!cutOff && els.length) {
    const top = Math.min(...rects().map((r) => r.top));
    const bottom = Math.max(...rects().map((r) => r.bottom));
    if (top < 0 || bottom > innerHeight) window.scrollBy(0, top - Math.max(0, (innerHeight - (bottom - top)) / 2));
  }
  return rects().map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }));
})()`;

async function captureCase(page: Page, spec: CorpusCaseSpec, dir: string): Promise<CorpusCase> {
  await page.setContent(await renderEnrollmentPage(spec), { waitUntil: 'load' });
  const boxes = await page.evaluate<Array<{ x: number; y: number; width: number; height: number }>>(PLACE_CODES_IN_VIEW);
  const { width: vw, height: vh } = spec.viewport;
  if (spec.layout !== 'cut-off' && boxes.some((b) => b.y < 0 || b.x < 0 || b.x + b.width > vw || b.y + b.height > vh)) {
    throw new Error(`Corpus case ${spec.id}: a QR code does not fit in the viewport`);
  }
  const file = `${spec.id}.${spec.format === 'jpeg' ? 'jpg' : 'png'}`;
  await page.screenshot({
    path: join(dir, file),
    type: spec.format,
    ...(spec.format === 'jpeg' ? { quality: spec.quality ?? 80 } : {}),
    animations: 'disabled',
    caret: 'hide',
  });
  const dpr = spec.deviceScaleFactor;
  return {
    ...spec,
    file,
    captureWidth: Math.round(vw * dpr),
    captureHeight: Math.round(vh * dpr),
    qrBounds: boxes.map((b) => ({
      x: Math.round(b.x * dpr),
      y: Math.round(b.y * dpr),
      width: Math.round(b.width * dpr),
      height: Math.round(b.height * dpr),
    })),
  };
}

/**
 * Returns the corpus directory and its cases, generating the screenshots first when they are
 * missing or were made by another GENERATOR_VERSION (about 25 s on two cores).
 * Throws when Chromium cannot be launched (set CHROMIUM_PATH if it is not /usr/bin/chromium).
 */
export async function ensureQrCorpus(): Promise<{ dir: string; cases: CorpusCase[]; generationMs?: number }> {
  const dir = QR_CORPUS_DIR;
  const cached = await readManifest(dir);
  if (cached) return { dir, cases: cached.cases };

  const started = performance.now();
  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const specs = buildCorpusCases();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: launchArgs,
  });
  const cases: CorpusCase[] = new Array<CorpusCase>(specs.length);
  try {
    // One page per capture geometry, reused for all its cases; three workers keep two cores
    // busy while screenshots travel over the DevTools protocol.
    const groups = new Map<string, number[]>();
    specs.forEach((s, index) => {
      const key = `${s.viewport.width}x${s.viewport.height}@${s.deviceScaleFactor}`;
      groups.set(key, [...(groups.get(key) ?? []), index]);
    });
    const queue = [...groups.values()].sort((a, b) => b.length - a.length);
    const worker = async () => {
      for (let group = queue.shift(); group; group = queue.shift()) {
        const first = specs[group[0]!]!;
        const context = await browser.newContext({ viewport: first.viewport, deviceScaleFactor: first.deviceScaleFactor });
        try {
          const page = await context.newPage();
          for (const index of group) cases[index] = await captureCase(page, specs[index]!, tmp);
        } finally {
          await context.close();
        }
      }
    };
    await Promise.all([worker(), worker(), worker()]);
  } finally {
    await browser.close();
  }
  const generationMs = Math.round(performance.now() - started);
  const manifest: Manifest = { generatorVersion: GENERATOR_VERSION, generatedAt: new Date().toISOString(), generationMs, cases };
  await writeFile(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 1));
  await rm(dir, { recursive: true, force: true });
  await mkdir(dirname(dir), { recursive: true });
  await rename(tmp, dir);
  return { dir, cases, generationMs };
}
