import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['utils/**/*.test.ts', 'entrypoints/**/*.test.ts', 'demo/**/*.test.{ts,mjs}', 'tests/unit/**/*.test.ts'],
    testTimeout: 20_000,
    // English words for errors and messages, which the extension gets from the browser.
    setupFiles: ['tests/unit/setup-english-catalog.ts'],
  },
});
