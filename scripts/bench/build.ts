/**
 * Makes sure the production Chromium build (`.output/chrome-mv3`) exists and is not older than
 * the sources, building it with `npx wxt build` when needed. A failed build must not leave the
 * bench without any build: WXT empties its output folder before building, so the previous
 * build is copied aside first and put back when the new one fails.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BuildState {
  dir: string;
  /** What happened, in a sentence for the report. */
  note: string;
  /** True when the sources changed after the build used (its rebuild failed). */
  stale: boolean;
}

/** What WXT builds from (tests excluded). */
const SOURCES = ['entrypoints', 'components', 'utils', 'public', 'assets', 'wxt.config.ts', 'package.json'];

function newestSource(root: string): { path: string; mtimeMs: number } {
  let newest = { path: '', mtimeMs: 0 };
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
      return;
    }
    if (/\.(test|spec)\.tsx?$/.test(path)) return;
    if (stat.mtimeMs > newest.mtimeMs) newest = { path, mtimeMs: stat.mtimeMs };
  };
  for (const s of SOURCES) visit(join(root, s));
  return newest;
}

function lastLines(text: string, n: number): string {
  // Strip colour codes so the report stays readable.
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
  return plain.trim().split('\n').slice(-n).join('\n');
}

export function ensureBuild(root: string): BuildState {
  const dir = join(root, '.output', 'chrome-mv3');
  const manifest = join(dir, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const newest = newestSource(root);
  if (built > 0 && built >= newest.mtimeMs) {
    return { dir, note: `Build up to date (${new Date(built).toISOString()}).`, stale: false };
  }

  const backup = join(root, '.cache', 'bench-previous-build');
  rmSync(backup, { recursive: true, force: true });
  if (built > 0) cpSync(dir, backup, { recursive: true, preserveTimestamps: true });

  const why = built > 0 ? `older than ${newest.path.slice(root.length + 1)}` : 'missing';
  process.stderr.write(`Bench: the production build is ${why}; running npx wxt build…\n`);
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.TWOFOLD_E2E;
  const started = performance.now();
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: root, env, encoding: 'utf8' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status === 0 && existsSync(manifest)) {
    rmSync(backup, { recursive: true, force: true });
    return { dir, note: `Built with npx wxt build (${seconds} s) because the build was ${why}.`, stale: false };
  }

  const output = lastLines(`${result.stdout ?? ''}\n${result.stderr ?? ''}`, 12);
  if (existsSync(backup)) {
    rmSync(dir, { recursive: true, force: true });
    cpSync(backup, dir, { recursive: true, preserveTimestamps: true });
    rmSync(backup, { recursive: true, force: true });
    return {
      dir,
      note: `npx wxt build FAILED, so the previous build (${new Date(built).toISOString()}, ${why}) was restored and measured. Build output:\n\n\`\`\`\n${output}\n\`\`\``,
      stale: true,
    };
  }
  throw new Error(`No production build at ${dir} and npx wxt build failed:\n${output}`);
}

/**
 * A private copy of the build for the bench to load and measure, so that a rebuild by someone
 * else in the same tree while the bench runs cannot change files under a running browser.
 */
export function snapshotBuild(dir: string): { dir: string; remove: () => void } {
  const parent = mkdtempSync(join(tmpdir(), 'twofold-bench-build-'));
  const copy = join(parent, 'chrome-mv3');
  cpSync(dir, copy, { recursive: true, preserveTimestamps: true });
  return { dir: copy, remove: () => rmSync(parent, { recursive: true, force: true }) };
}
