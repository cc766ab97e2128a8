/**
 * `npm run bench`: Twofold's figures against the budgets in DESIGN.md and against a plain
 * baseline, as markdown (printed, and written to .cache/bench-report.md). It never asserts:
 * a section that fails prints its error and the others still run.
 *
 * BENCH_ONLY=sizes,vault,popup,qr,content picks sections (default: all).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleSizes, formatSizeRows, type SizeRow } from './bench/bundle-sizes';
import { ensureBuild, snapshotBuild, type BuildState } from './bench/build';
import { benchBrowser, type SectionOutput } from './bench/browser';
import { kb, ms, ratio, table } from './bench/stats';
import type { BenchRow } from './bench-qr';

const root = join(import.meta.dirname, '..');
const SECTIONS = ['sizes', 'vault', 'popup', 'qr', 'content'] as const;
type Section = (typeof SECTIONS)[number];

/** The best-known open-source peer (DESIGN.md), gzip. */
const PEER_POPUP_GZIP = 187 * 1024;
const PEER_CONTENT_GZIP = 92 * 1024;
/** The background with its static chunks when issue 15 was filed (minified). */
const BACKGROUND_BEFORE_MIN = 721 * 1024;

function chosenSections(): Set<Section> {
  const raw = process.env.BENCH_ONLY?.trim();
  if (!raw) return new Set(SECTIONS);
  const asked = raw.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = asked.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) process.stderr.write(`BENCH_ONLY: ignoring unknown section(s) ${unknown.join(', ')} (known: ${SECTIONS.join(', ')})\n`);
  return new Set(SECTIONS.filter((s) => asked.includes(s)));
}

const report: string[] = [];
function emit(text: string) {
  console.log(`${text}\n`);
  report.push(text);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function section(title: string, what: string, run: () => string | undefined, error?: string): string {
  const parts = [`## ${title}`, `_What this measures: ${what}_`];
  try {
    const body = run();
    if (body) parts.push(body);
  } catch (e) {
    error = describe(e);
  }
  if (error) parts.push(`**Section failed:**\n\n\`\`\`\n${error}\n\`\`\``);
  return parts.join('\n\n');
}

function emitSection(title: string, what: string, run: () => string | undefined, error?: string) {
  emit(section(title, what, run, error));
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

function sizesBody(build: BuildState): string {
  const rows = bundleSizes(build.dir);
  const popup = rows.find((r) => r.entry === 'popup');
  // Everything that runs in web pages: manifest/registered content scripts and injected scripts.
  const contents = rows.filter((r) => r.entry.startsWith('content script') || r.entry.startsWith('injected script'));
  const peer: string[][] = [];
  peer.push(
    popup
      ? ['popup (all files loaded at open)', kb(popup.gzipBytes), kb(PEER_POPUP_GZIP), ratio(popup.gzipBytes, PEER_POPUP_GZIP)]
      : ['popup', 'missing from the build', kb(PEER_POPUP_GZIP), 'n/a'],
  );
  if (contents.length === 0) {
    peer.push(['content script', 'none in the build', kb(PEER_CONTENT_GZIP), 'n/a']);
  } else if (contents.length > 1) {
    const all = contents.reduce((sum, c) => sum + c.gzipBytes, 0);
    for (const c of contents) peer.push([c.entry, kb(c.gzipBytes), kb(PEER_CONTENT_GZIP), ratio(c.gzipBytes, PEER_CONTENT_GZIP)]);
    peer.push(['all page scripts together', kb(all), kb(PEER_CONTENT_GZIP), ratio(all, PEER_CONTENT_GZIP)]);
  } else {
    for (const c of contents) peer.push([c.entry, kb(c.gzipBytes), kb(PEER_CONTENT_GZIP), ratio(c.gzipBytes, PEER_CONTENT_GZIP)]);
  }
  const lines = [build.note, formatSizeRows(rows), 'Against the best-known open-source peer (DESIGN.md), gzip:', table(['what', 'Twofold', 'peer', 'Twofold / peer'], peer)];
  const background = rows.find((r) => r.entry.startsWith('background'));
  if (background) {
    lines.push(
      `The background (issue 15): ${kb(background.minifiedBytes)} minified, ${ratio(background.minifiedBytes, BACKGROUND_BEFORE_MIN)} of the ` +
        `${kb(BACKGROUND_BEFORE_MIN)} it was before QR decoding, the public suffix list, the import parsers and the English catalogue left it. ` +
        `Its files: ${background.files.join(', ')}.`,
    );
  }
  if (popup) lines.push(`The popup's files at open: ${popup.files.join(', ')}.`);
  const onDemand = rows.filter((r: SizeRow) => r.entry.startsWith('on demand'));
  if (onDemand.length > 0) lines.push(`On-demand chunks (not loaded at open): ${onDemand.map((r) => `${r.entry.replace('on demand: ', '')} ${kb(r.gzipBytes)} gzip`).join(', ')}.`);
  return lines.join('\n\n');
}

function formatQr(rows: BenchRow[]): string {
  return table(
    ['capture', 'cases', 'found: Twofold', 'found: jsQR', 'Twofold med / p95', 'jsQR med / p95', 'speedup (budget ≥ 3×)', 'p95 / jsQR p95 (budget ≤ 0.5× overall)', 'not slower than jsQR'],
    rows.map((r) => [
      r.capture,
      String(r.cases),
      `${(r.twofoldRate * 100).toFixed(0)}%`,
      `${(r.baselineRate * 100).toFixed(0)}%`,
      `${ms(r.twofoldMedianMs)} / ${ms(r.twofoldP95Ms)}`,
      `${ms(r.baselineMedianMs)} / ${ms(r.baselineP95Ms)}`,
      `${r.speedup.toFixed(1)}×`,
      `${r.p95Ratio.toFixed(2)}×`,
      r.notSlower ? 'yes' : 'NO',
    ]),
  );
}

function hasBenchContentScript(value: unknown): value is { benchContentScript: () => Promise<string> } {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>).benchContentScript === 'function';
}

async function main(): Promise<number> {
  const started = performance.now();
  const sections = chosenSections();
  let exitCode = 0;
  const load = loadavg().map((l) => l.toFixed(1)).join(' / ');
  emit(
    `# Twofold bench\n\n${new Date().toISOString()} · sections: ${[...sections].join(', ')} · Node ${process.version} · ` +
      `${cpus().length} CPUs, load average ${load} (1/5/15 min) at start: timings on a shared machine vary from run to run.`,
  );

  let build: BuildState | undefined;
  let buildError: string | undefined;
  let popupSection: string | undefined;
  let removeSnapshot = () => {};
  if (sections.has('sizes') || sections.has('vault') || sections.has('popup')) {
    try {
      build = ensureBuild(root);
      const snapshot = snapshotBuild(build.dir);
      removeSnapshot = snapshot.remove;
      build = { ...build, dir: snapshot.dir };
    } catch (error) {
      buildError = describe(error);
      exitCode = 1;
    }
  }
  const noBuild = `No production build: ${buildError ?? 'unknown'}`;

  if (sections.has('sizes')) {
    const t = performance.now();
    emitSection(
      '1. Bundle sizes (production build .output/chrome-mv3)',
      'bytes of each entrypoint as shipped (minified) and gzip -9, the popup counted with every chunk it imports statically, against the budgets (popup ≤ 60 KB gzip, content scripts ≤ 10 KB minified each) and the peer.',
      () => (build ? `${sizesBody(build)}\n\n(${seconds(t)})` : undefined),
      build ? undefined : noBuild,
    );
  }

  if (sections.has('vault') || sections.has('popup')) {
    const t = performance.now();
    let outputs: { vault?: SectionOutput; popup?: SectionOutput } = {};
    let error: string | undefined = build ? undefined : noBuild;
    if (build) {
      try {
        outputs = await benchBrowser(build.dir, { vault: sections.has('vault'), popup: sections.has('popup') });
      } catch (e) {
        error = describe(e);
      }
    }
    const stale = build?.stale ? '\n\n**Measured on a stale build** (see section 1).' : '';
    if (sections.has('vault')) {
      emitSection(
        '2. Unlock and vault in Chromium (issue 3)',
        'round trips from an extension page to the background of the production build: unlock = Argon2id (m 64 MiB, t 3, p 1) + unwrap + decrypt; the empty-vault unlock is the KDF baseline, the difference is the cost of 500 accounts. Budget: unlock ≤ 0.5 s.',
        () => (outputs.vault?.body ? `${outputs.vault.body}${stale}\n\n(browser sections together: ${seconds(t)})` : undefined),
        error ?? outputs.vault?.error,
      );
    }
    if (sections.has('popup')) {
      // Printed last, to keep the numbering of the sections.
      popupSection = section(
        '5. Popup paint time (issue 6)',
        'popup.html opened in a new tab of the unlocked vault; ms from navigation start until the first code row is in the DOM with its code, and until the next animation frame (when it is painted); median and p95 of 15 opens per row after one warm-up (BENCH_POPUP_RUNS to change; worker starts: 25 pairs). Baseline: the platform floor, a static extension page whose one code row is in its HTML (no script, no request to the background). The cold row stops the service worker before each open, as the browser does after 30 s idle: worker start + decrypt + codes. Budget: codes painted ≤ 100 ms with 200 accounts (warm worker).',
        () => (outputs.popup?.body ? `${outputs.popup.body}${stale}\n\nLoad average after the browser sections: ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min).` : undefined),
        error ?? outputs.popup?.error,
      );
    }
  }

  if (sections.has('qr')) {
    const t = performance.now();
    let body: string | undefined;
    let error: string | undefined;
    try {
      const { benchQr } = await import('./bench-qr');
      body = `${formatQr(await benchQr())}\n\n(${seconds(t)}; CPU time, fastest of ${process.env.QR_BENCH_RUNS ?? 2} runs per capture, in Node)`;
    } catch (e) {
      error = describe(e);
    }
    emitSection(
      '3. QR decode from a captured tab',
      "Twofold's decodeQrCodes against plain jsQR on the full capture (the baseline) over the browser-rendered corpus: share of captures fully decoded, CPU time per capture, and the speedup (budget: every setup QR found, ≥ 3× faster; p95 at most half of plain jsQR's; no row slower than plain jsQR).",
      () => body,
      error,
    );
  }

  if (sections.has('content')) {
    const t = performance.now();
    const file = join(root, 'scripts', 'bench', 'content-script.ts');
    let body: string | undefined;
    let error: string | undefined;
    if (!existsSync(file)) {
      body = 'Not measured yet: scripts/bench/content-script.ts does not exist.';
    } else {
      try {
        const mod: unknown = await import(pathToFileURL(file).href);
        if (!hasBenchContentScript(mod)) throw new Error('scripts/bench/content-script.ts does not export benchContentScript().');
        const text = (await mod.benchContentScript()).trim();
        // Plain text (not markdown tables) is fenced so that the report still renders.
        const isMarkdown = /^\s*[|#]/m.test(text);
        body = `${isMarkdown ? text : `\`\`\`\n${text}\n\`\`\``}\n\n(${seconds(t)})`;
      } catch (e) {
        error = describe(e);
      }
    }
    emitSection(
      '4. Content script',
      'the autofill content script: size and a field-detection pass (budget ≤ 10 KB minified, a pass ≤ 5 ms on a 5,000-element page), as scripts/bench/content-script.ts reports it.',
      () => body,
      error,
    );
  }

  removeSnapshot();
  if (popupSection) emit(popupSection);
  emit(`_Total bench time: ${seconds(started)}._`);
  try {
    mkdirSync(join(root, '.cache'), { recursive: true });
    writeFileSync(join(root, '.cache', 'bench-report.md'), `${report.join('\n\n')}\n`);
    console.log('Report written to .cache/bench-report.md');
  } catch (error) {
    console.error(`Could not write .cache/bench-report.md: ${describe(error)}`);
  }
  return exitCode;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(describe(error));
  return 0;
});
