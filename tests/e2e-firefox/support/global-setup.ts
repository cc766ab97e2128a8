import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServers } from '../../e2e/support/global-setup';
import { firefoxExtensionPath } from './firefox';

/** The Chromium suite's loopback servers (fixture pages, demo shop), for Firefox. */
export default async function globalSetup() {
  if (!existsSync(join(firefoxExtensionPath, 'manifest.json'))) {
    throw new Error('The Firefox test build is missing: run `node scripts/build-e2e.mjs` (npm run test:e2e:firefox does).');
  }
  return startTestServers();
}
