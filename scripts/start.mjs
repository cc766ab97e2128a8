// `npm start`: builds Twofold, serves the local demo shop and opens Chromium with the
// extension loaded on the shop's home page. Ctrl+C (or closing the browser) stops both.
//
//   PORT=8765            the shop's port
//   TWOFOLD_HEADLESS=1   no window (for machines without a display; the script then only
//                        checks that everything starts and exits after a few seconds)
//
// What can go wrong for a newcomer is said in words, before the build where it can be checked
// first (a busy port, no display, no Chromium), and never as a stack trace.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(import.meta.dirname, '..');
const extensionPath = join(root, '.output', 'chrome-mv3');
const headless = process.env.TWOFOLD_HEADLESS === '1';
const underXvfb = process.env.TWOFOLD_UNDER_XVFB === '1';

/** A problem the person can fix: said plainly, then exit without a stack trace. */
class StartProblem extends Error {}

function fail(lines) {
  throw new StartProblem(lines.join('\n'));
}

/** The port from $PORT (default 8765), or a StartProblem saying how to write it. */
function chosenPort() {
  const raw = process.env.PORT ?? '8765';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    fail([`PORT=${raw} is not a port number. Use a whole number from 1024 to 65535, for example:`, '  PORT=8766 npm start']);
  }
  return port;
}

/** Resolves when nothing listens on `port` at 127.0.0.1; a StartProblem naming it otherwise. */
function checkPortFree(port) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => {
      if (error.code === 'EADDRINUSE') {
        reject(new StartProblem([
          `Port ${port} is already in use: another program (perhaps an earlier \`npm start\`) is listening on it.`,
          `Stop that program, or pick another port for the demo shop, for example:`,
          `  PORT=${port === 65535 ? 8766 : port + 1} npm start`,
        ].join('\n')));
      } else if (error.code === 'EACCES') {
        reject(new StartProblem([`Port ${port} needs administrator rights here. Pick a port from 1024 up, for example:`, '  PORT=8765 npm start'].join('\n')));
      } else {
        reject(error);
      }
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** Whether `command` is on the PATH. */
function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

/** Whether a window can be shown (always on macOS and Windows; on Linux an X or Wayland display). */
function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Runs this script again inside xvfb-run (a virtual display) and exits with its status. */
function rerunUnderXvfb() {
  console.log('No display found (DISPLAY is not set), so Chromium runs in a virtual display (xvfb-run).');
  console.log('Nobody can see that window, so this only checks that everything starts, then stops. To try Twofold,');
  console.log('run `npm start` in a desktop session (or with X forwarding: ssh -X).\n');
  const child = spawn('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
    env: { ...process.env, TWOFOLD_UNDER_XVFB: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main() {
  const port = chosenPort();
  await checkPortFree(port);

  if (!headless && !underXvfb && !hasDisplay()) {
    if (onPath('xvfb-run')) return rerunUnderXvfb();
    fail([
      'No display found (DISPLAY is not set), so Chromium cannot open a window here.',
      'Either run `npm start` in a desktop session (or over ssh -X), or check that everything starts',
      'without a window:',
      '  TWOFOLD_HEADLESS=1 npm start',
      '(With xvfb installed, `apt-get install -y xvfb`, npm start runs in a virtual display by itself.)',
    ]);
  }

  const { chromiumPath, launchArgs } = await import('./chromium.mjs');
  let executablePath;
  try {
    executablePath = chromiumPath();
  } catch (error) {
    fail([error instanceof Error ? error.message : String(error)]);
  }

  try {
    execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
  } catch {
    fail(['The build failed (its messages are above). Fix what it says, then run npm start again.']);
  }

  const { startShop } = await import('../demo/shop-server.mjs');
  let shop;
  try {
    shop = await startShop({ port, host: '127.0.0.1' });
  } catch (error) {
    // Taken while the build ran.
    if (error?.code === 'EADDRINUSE') await checkPortFree(port);
    throw error;
  }
  const shopUrl = shop.url.replace('127.0.0.1', 'localhost');
  console.log(`\nDemo shop: ${shopUrl}`);

  const { chromium } = await import('@playwright/test');
  let context;
  try {
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'twofold-start-')), {
      executablePath,
      headless,
      viewport: null,
      args: [...launchArgs, `--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`],
    });
  } catch (error) {
    await shop.close();
    const first = String(error instanceof Error ? error.message : error).split('\n').find((line) => line.trim()) ?? '';
    fail([
      `Chromium (${executablePath}) did not start: ${first.replace(/^.*?: /, '')}`,
      /display|X server/i.test(first)
        ? 'It needs a display: run npm start in a desktop session, or TWOFOLD_HEADLESS=1 npm start to check without a window.'
        : 'Check that this Chromium starts on its own, or point CHROMIUM_PATH at another Chromium or Chrome.',
    ]);
  }
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(shopUrl);
  if (!headless && !underXvfb) {
    console.log('Chromium is open with Twofold loaded. Pin the Twofold icon from the puzzle-piece menu, then:');
    console.log('  1. Sign up in the shop and turn on two-step verification.');
    console.log('  2. Click the Twofold icon, choose a master password, and add the account.');
    console.log('Press Ctrl+C here to stop.\n');
  }

  async function stop() {
    await context.close().catch(() => {});
    await shop.close();
    process.exit(0);
  }
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  context.on('close', stop);
  if (headless || underXvfb) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    console.log(`Check passed: Twofold's service worker runs (${worker.url()}), the shop page is “${await page.title()}”.`);
    await stop();
  }
}

try {
  await main();
} catch (error) {
  if (error instanceof StartProblem) {
    console.error(`\n${error.message}`);
  } else {
    console.error(`\nnpm start stopped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    console.error('If this keeps happening, run `npm ci` again; set TWOFOLD_DEBUG=1 to see where it happened.');
    if (process.env.TWOFOLD_DEBUG === '1') console.error(error);
  }
  process.exit(1);
}
