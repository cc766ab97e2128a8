/**
 * The English catalogue (about 110 KB) is bundled nowhere: the browser's i18n falls back to
 * English by itself, so only unit tests give it to ./localize.ts (tests/unit/setup-english-catalog.ts).
 * Extension pages and content scripts read messages through the browser (./t.ts, ./message.ts)
 * and do not even reach ./localize.ts, which words the background's messages.
 * This follows the value imports from each page and content-script entry, as a bundler would
 * (type-only imports are left out: they vanish from the bundle).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const catalogue = 'public/_locales/en/messages.json';
const wording = 'utils/i18n/localize.ts';

const entries = [
  'entrypoints/popup/main.tsx',
  'entrypoints/options/main.tsx',
  'entrypoints/autofill/index.ts',
  'entrypoints/fill-agent/index.ts',
  'entrypoints/region-select/index.ts',
];

/** `import … from`, `export … from` and `import(…)` specifiers that bring code along. */
function valueImports(source: string): string[] {
  const found: string[] = [];
  for (const [, kind, spec] of source.matchAll(/^\s*(import|export)\s+(?!type\s)[^;'"]*?from\s*['"]([^'"]+)['"]/gmu)) {
    if (kind && spec) found.push(spec);
  }
  for (const [, spec] of source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gmu)) if (spec) found.push(spec);
  // `typeof import('…')` is a type and brings nothing along.
  for (const [, spec] of source.matchAll(/(?<!typeof\s+)\bimport\(\s*['"]([^'"]+)['"]\s*\)/gu)) if (spec) found.push(spec);
  return found;
}

/** The repository file a specifier names (relative or `@/`), or null for a package. */
function resolve(spec: string, from: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = join(root, spec.slice(2));
  else if (spec.startsWith('.')) base = join(dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && /\.(tsx?|json)$/u.test(candidate)) return candidate;
  }
  return null;
}

/** Every repository file reachable from `entry`, with the chain that reached it. */
function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[join(root, entry), [entry]]]);
  const queue = [join(root, entry)];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (file.endsWith('.json')) continue;
    for (const spec of valueImports(readFileSync(file, 'utf8'))) {
      const target = resolve(spec, file);
      if (target === null || seen.has(target)) continue;
      seen.set(target, [...seen.get(file)!, relative(root, target)]);
      queue.push(target);
    }
  }
  return seen;
}

describe('the English catalogue stays out of the extension', () => {
  it.each(entries)('%s does not import it, directly or through utils/i18n/localize.ts', (entry) => {
    const files = reachable(entry);
    for (const target of [catalogue, wording]) {
      expect(files.get(join(root, target))?.join(' → '), target).toBeUndefined();
    }
  });

  it.each(['entrypoints/background/index.ts', 'entrypoints/offscreen/main.ts'])('%s words messages without it', (entry) => {
    const files = reachable(entry);
    expect(files.has(join(root, wording))).toBe(true);
    expect(files.get(join(root, catalogue))?.join(' → '), catalogue).toBeUndefined();
  });

  it('the walk does find it from the unit tests’ setup, so it is looking', () => {
    expect(reachable('tests/unit/setup-english-catalog.ts').has(join(root, catalogue))).toBe(true);
  });
});
