import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SizeRow {
  entry: string;
  minifiedBytes: number;
  gzipBytes: number;
  /** Budget in bytes and what it applies to ('min' or 'gzip'), from shared/DESIGN.md. */
  budget?: { bytes: number; of: 'min' | 'gzip' };
  /** The files counted, relative to the build folder. */
  files: string[];
}

const BUDGETS: Record<string, SizeRow['budget']> = {
  popup: { bytes: 60 * 1024, of: 'gzip' },
  // Issue 15: the worker carries only the vault and the router (it was 721 KB).
  background: { bytes: 200 * 1024, of: 'min' },
  'content script (each)': { bytes: 10 * 1024, of: 'min' },
  // Issue 11: the fill agent is injected only when a fill is asked for, and carries the scorer.
  'fill-agent.js': { bytes: 35 * 1024, of: 'min' },
};

function sizeOf(files: string[]): { minifiedBytes: number; gzipBytes: number } {
  const buffers = files.map((f) => readFileSync(f));
  const all = Buffer.concat(buffers);
  return { minifiedBytes: all.length, gzipBytes: gzipSync(all, { level: 9 }).length };
}

/** Relative specifiers of a module's static imports (`import … from "./x.js"`, `import "./x.js"`), not `import()`. */
function staticImportsOf(code: string): string[] {
  const found = code.matchAll(/(?:^|[\s;})])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g);
  return [...found].map((m) => m[1]!);
}

/** `files` and every chunk their scripts import statically, transitively. */
function withStaticImports(files: string[]): string[] {
  const seen = new Set<string>();
  const pending = [...files].reverse();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) {
      const imports = staticImportsOf(readFileSync(file, 'utf8')).map((spec) => resolve(dirname(file), spec));
      pending.push(...imports.reverse());
    }
  }
  return [...seen];
}

/**
 * Files an HTML entrypoint loads up front: the page, its scripts, module preloads and
 * stylesheets, and every chunk those scripts import statically, transitively (dynamic
 * `import()`s, e.g. the QR decoder, are left out: they load on demand).
 */
function staticAssetsOf(dir: string, html: string): string[] {
  const text = readFileSync(join(dir, html), 'utf8');
  const refs = [...text.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => join(dir, m[1]!));
  return withStaticImports([join(dir, html), ...refs]);
}

/**
 * Minified and gzip size of each entrypoint of a production build (`.output/chrome-mv3`).
 * Chunks loaded on demand (e.g. the QR decoder) are listed on their own.
 */
export function bundleSizes(buildDir: string): SizeRow[] {
  const dir = resolve(buildDir);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No build at ${dir}: run npm run build first.`);
  const rows: SizeRow[] = [];
  const counted = new Set<string>();
  const add = (entry: string, files: string[], budget?: SizeRow['budget']) => {
    files.forEach((f) => counted.add(f));
    rows.push({ entry, ...sizeOf(files), budget, files: files.map((f) => relative(dir, f)) });
  };
  add('background (with the chunks it imports)', withStaticImports([join(dir, 'background.js')]), BUDGETS.background);
  for (const html of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const name = html.replace(/\.html$/, '');
    add(name, staticAssetsOf(dir, html), BUDGETS[name]);
  }
  // Other top-level scripts are injected into pages on demand (scripting.executeScript), so
  // they run where content scripts run and get the same budget; those an extension page loads
  // itself (popup-boot.js, in popup.html's head) are already counted with that page.
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'background.js' && !counted.has(join(dir, f)))) {
    add(`injected script ${f}`, withStaticImports([join(dir, f)]), BUDGETS[f] ?? BUDGETS['content script (each)']);
  }
  const scripts = join(dir, 'content-scripts');
  if (existsSync(scripts)) {
    for (const f of readdirSync(scripts).filter((f) => f.endsWith('.js'))) {
      add(`content script ${f}`, withStaticImports([join(scripts, f)]), BUDGETS['content script (each)']);
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
    const measured = r.budget?.of === 'gzip' ? r.gzipBytes : r.minifiedBytes;
    const within = r.budget ? `${measured <= r.budget.bytes ? 'yes' : 'NO'} (${(measured / r.budget.bytes).toFixed(2)}×)` : '';
    lines.push(`| ${r.entry} | ${kb(r.minifiedBytes)} | ${kb(r.gzipBytes)} | ${budget} | ${within} |`);
  }
  return lines.join('\n');
}
