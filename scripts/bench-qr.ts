/**
 * QR-from-a-captured-tab benchmark: Twofold's `decodeQrCodes` against plain jsQR on the full
 * capture (its defaults, i.e. inversionAttempts 'attemptBoth'), over the browser-rendered corpus.
 *
 * Run: `npx tsx scripts/bench-qr.ts` (generates the corpus on first run, about 25 s).
 * QR_BENCH_RUNS (default 2) sets how many timed runs each decoder gets per capture; the
 * fastest is kept, for both alike. Times are the process's CPU time (user + system), not wall
 * time: on a machine shared with other work, waiting for a core is not the decoder's cost.
 *
 * Budgets (issue 15): overall p95 at most 0.5× plain jsQR's, and in no row a median or p95
 * above plain jsQR's.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import jsQR from 'jsqr';
import { ensureQrCorpus, type CorpusCase } from '../tests/qr-corpus/ensure-qr-corpus';
import { loadCapture, type RgbaImage } from '../tests/qr-corpus/load-capture';
import { decodeQrCodes } from '../utils/qr/decode-qr-codes';
import { quantile } from './bench/stats';

/** One line of the report: a capture geometry (or a summary over several). */
export interface BenchRow {
  /** e.g. `1920x1080@2 → 3840x2160`, or a summary label. */
  capture: string;
  cases: number;
  /** Share of cases fully right: every expected text found, no setup code in a negative. */
  twofoldRate: number;
  baselineRate: number;
  twofoldMedianMs: number;
  twofoldP95Ms: number;
  baselineMedianMs: number;
  baselineP95Ms: number;
  /** Baseline median / Twofold median (higher is better for Twofold). */
  speedup: number;
  /** Twofold p95 / baseline p95 (lower is better for Twofold). */
  p95Ratio: number;
  /** Whether Twofold's median and p95 are both at most the baseline's. */
  notSlower: boolean;
}

interface Sample {
  key: string;
  pixels: number;
  ok: boolean;
  baseOk: boolean;
  ms: number;
  baseMs: number;
}


function isRight(c: CorpusCase, texts: string[]): boolean {
  return c.expected.every((t) => texts.includes(t)) && !(c.negative && texts.some((t) => /^otpauth/i.test(t)));
}

/** Runs `fn` `runs` times; its value and the least CPU time (ms) one run took. */
function timed<T>(runs: number, fn: () => T): { value: T; ms: number } {
  let best = Number.POSITIVE_INFINITY;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t = process.cpuUsage();
    value = fn();
    const used = process.cpuUsage(t);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return { value, ms: best };
}

function summarize(capture: string, samples: Sample[]): BenchRow {
  const med = quantile(samples.map((s) => s.ms), 0.5);
  const baseMed = quantile(samples.map((s) => s.baseMs), 0.5);
  const p95 = quantile(samples.map((s) => s.ms), 0.95);
  const baseP95 = quantile(samples.map((s) => s.baseMs), 0.95);
  return {
    capture,
    cases: samples.length,
    twofoldRate: samples.filter((s) => s.ok).length / samples.length,
    baselineRate: samples.filter((s) => s.baseOk).length / samples.length,
    twofoldMedianMs: med,
    twofoldP95Ms: p95,
    baselineMedianMs: baseMed,
    baselineP95Ms: baseP95,
    speedup: baseMed / med,
    p95Ratio: p95 / baseP95,
    notSlower: med <= baseMed && p95 <= baseP95,
  };
}

/**
 * Runs both decoders over every corpus capture and returns one row per capture geometry
 * (smallest first), then summary rows: captures of 1920×1080 pixels and above, and all.
 */
export async function benchQr(): Promise<BenchRow[]> {
  const { dir, cases } = await ensureQrCorpus();
  const runs = Math.max(1, Number(process.env.QR_BENCH_RUNS ?? 2));
  const images = new Map<string, RgbaImage>();
  const load = (c: CorpusCase) => images.get(c.file) ?? loadCapture(join(dir, c.file));

  // Warm both code paths up so the first geometry is not charged for JIT compilation.
  for (const c of cases.slice(0, 3)) {
    const img = load(c);
    decodeQrCodes(img);
    jsQR(img.data, img.width, img.height);
  }

  const samples: Sample[] = [];
  for (const c of cases) {
    const img = load(c);
    const ours = timed(runs, () => decodeQrCodes(img).map((h) => h.text));
    const base = timed(runs, () => {
      const code = jsQR(img.data, img.width, img.height);
      return code ? [code.data] : [];
    });
    samples.push({
      key: `${c.viewport.width}x${c.viewport.height}@${c.deviceScaleFactor} → ${img.width}x${img.height}`,
      pixels: img.width * img.height,
      ok: isRight(c, ours.value),
      baseOk: isRight(c, base.value),
      ms: ours.ms,
      baseMs: base.ms,
    });
  }

  const keys = [...new Set(samples.map((s) => s.key))].sort(
    (a, b) => samples.find((s) => s.key === a)!.pixels - samples.find((s) => s.key === b)!.pixels || a.localeCompare(b),
  );
  const rows = keys.map((k) => summarize(k, samples.filter((s) => s.key === k)));
  rows.push(summarize('all ≥ 1920x1080 px', samples.filter((s) => s.pixels >= 1920 * 1080)));
  rows.push(summarize('all', samples));
  return rows;
}

function formatTable(rows: BenchRow[]): string {
  const head = ['capture', 'cases', 'found: twofold', 'found: jsQR', 'twofold med/p95 ms', 'jsQR med/p95 ms', 'speedup', 'p95 ratio', 'not slower'];
  const body = rows.map((r) => [
    r.capture,
    String(r.cases),
    `${(r.twofoldRate * 100).toFixed(0)}%`,
    `${(r.baselineRate * 100).toFixed(0)}%`,
    `${r.twofoldMedianMs.toFixed(0)} / ${r.twofoldP95Ms.toFixed(0)}`,
    `${r.baselineMedianMs.toFixed(0)} / ${r.baselineP95Ms.toFixed(0)}`,
    `${r.speedup.toFixed(1)}×`,
    `${r.p95Ratio.toFixed(2)}×`,
    r.notSlower ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const rows = await benchQr();
  console.log(formatTable(rows));
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s; CPU time, fastest of ${process.env.QR_BENCH_RUNS ?? 2} runs per capture)`);
}
