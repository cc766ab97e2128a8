import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { throwawayCertificate } from './tls';
import { startFixtureServer } from './fixture-server';
// The demo shop is plain JavaScript so `npm start` runs it without a build step.
import { startShop } from '../../../demo/shop-server.mjs';

const root = join(import.meta.dirname, '..', '..', '..');

/**
 * Starts the loopback servers every test shares and hands their ports to the workers
 * through the environment: the demo shop (TLS) and the fixture pages (TLS).
 * The Firefox suite (tests/e2e-firefox) starts the same servers.
 * @returns a function that stops them.
 */
export async function startTestServers(): Promise<() => Promise<void>> {
  const tls = throwawayCertificate(join(root, '.cache', 'tls'));
  const fixtures = await startFixtureServer(join(root, 'tests', 'fixtures'), tls);
  const shop = await startShop({ port: 0, host: '127.0.0.1', tls });
  process.env.TWOFOLD_FIXTURE_PORT = String(fixtures.port);
  process.env.TWOFOLD_SHOP_PORT = String(shop.port);
  return async () => {
    await fixtures.close();
    await shop.close();
  };
}

export default async function globalSetup() {
  if (!existsSync(join(root, '.output-e2e', 'chrome-mv3', 'manifest.json'))) {
    throw new Error('The test build is missing: run `node scripts/build-e2e.mjs` (npm run test:e2e does).');
  }
  return startTestServers();
}
