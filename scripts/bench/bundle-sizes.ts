import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SizeRow {
  entry: string;
  minifiedBytes: number;
  gzipBytes: number;
  /** Budget in bytes and what it applies to ('min' or 'gzip'), from shared/DESIGN.md. */
  budget?: { bytes: number; of: 'min' | 'gzip' };
}

const BUDGETS: Record<string, SizeRow['budget']> = {
  popup: { bytes: 60 * 1024, of: 'gzip' },
  'content script (each)': { bytes: 10 * 1024, of: 'min' },
};

function sizeOf(files: string[]): { minifiedBytes: number; gzipBytes: number } {
  const buffers = files.map((f) => readFileSync(f));
  const all = Buffer.concat(buffers);
  return { minifiedBytes: all.length, gzipBytes: gzipSync(all, { level: 9 }).length };
}

/** Files an HTML entrypoint loads up front: its scripts, module preloads and stylesheets. */
function staticAssetsOf(dir: string, html: string): string[] {
  const text = readFileSync(join(dir, html), 'utf8');
  const refs = [...text.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return [join(dir, html), ...refs.map((r) => join(dir, r))];
}

/**
 * Minified and gzip size of each entrypoint of a production build (`.output/chrome-mv3`).
 * Chunks loaded on demand (e.g. the QR decoder) are listed on their own.
 */
export function bundleSizes(dir: string): SizeRow[] {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No build at ${dir}: run npm run build first.`);
  const rows: SizeRow[] = [];
  const counted = new Set<string>();
  const add = (entry: string, files: string[], budget?: SizeRow['budget']) => {
    files.forEach((f) => counted.add(f));
    rows.push({ entry, ...sizeOf(files), budget });
  };
  add('background', [join(dir, 'background.js')]);
  for (const html of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const name = html.replace(/\.html$/, '');
    add(name, staticAssetsOf(dir, html), BUDGETS[name]);
  }
  const scripts = join(dir, 'content-scripts');
  if (existsSync(scripts)) {
    for (const f of readdirSync(scripts).filter((f) => f.endsWith('.js'))) {
      add(`content script ${f}`, [join(scripts, f)], BUDGETS['content script (each)']);
    }
  }
  const chunks = join(dir, 'chunks');
  if (existsSync(chunks)) {
    for (const f of readdirSync(chunks)) {
      const file = join(chunks, f);
      if (!counted.has(file) && statSync(file).isFile()) add(`on demand: ${f}`, [file]);
    }
  }
  return rows;
}

export function formatSizeRows(rows: SizeRow[]): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const lines = ['| entry | minified | gzip | budget | within |', '| --- | ---: | ---: | --- | --- |'];
  for (const r of rows) {
    const budget = r.budget ? `${kb(r.budget.bytes)} ${r.budget.of}` : '';
    const within = r.budget ? ((r.budget.of === 'gzip' ? r.gzipBytes : r.minifiedBytes) <= r.budget.bytes ? 'yes' : 'NO') : '';
    lines.push(`| ${r.entry} | ${kb(r.minifiedBytes)} | ${kb(r.gzipBytes)} | ${budget} | ${within} |`);
  }
  return lines.join('\n');
}
