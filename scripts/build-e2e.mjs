// Builds the end-to-end test flavour of the extension into .output-e2e/ (see wxt.config.ts:
// it differs from the shipped build only by host permissions, which headless tests need).
// `node scripts/build-e2e.mjs` builds for Chromium; `node scripts/build-e2e.mjs firefox` for Firefox.
import { execFileSync } from 'node:child_process';

const browsers = process.argv.length > 2 ? process.argv.slice(2) : ['chrome'];
for (const browser of browsers) {
  execFileSync('npx', ['wxt', 'build', '-b', browser], { stdio: 'inherit', env: { ...process.env, TWOFOLD_E2E: '1' } });
}
