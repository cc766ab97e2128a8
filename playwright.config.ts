import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the built extension (`.output-e2e/chrome-mv3`, made by
 * `scripts/build-e2e.mjs`) in Debian's Chromium. Each test gets a fresh profile.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/support/global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['./tests/e2e/support/summary-reporter.ts']] : [['list'], ['./tests/e2e/support/summary-reporter.ts']],
});
