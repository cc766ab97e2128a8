import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Firefox: the test build (`.output-e2e/firefox-mv3`, made by
 * `scripts/build-e2e.mjs`) in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi
 * (Playwright's own Firefox needs a patched build, and its BiDi client needs a newer Firefox
 * than ESR). Playwright runs the tests; each test starts its own Firefox.
 */
export default defineConfig({
  testDir: 'tests/e2e-firefox',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e-firefox/support/global-setup.ts',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['./tests/e2e/support/summary-reporter.ts']],
});
