import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * The end-to-end test build (TWOFOLD_E2E=1) differs from the shipped one in one way only:
 * it holds host permissions, because a headless browser cannot click the toolbar icon to
 * grant `activeTab`. It is written to its own folder so it can never be zipped by mistake.
 */
const isE2eBuild = process.env.TWOFOLD_E2E === '1';

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: isE2eBuild ? '.output-e2e' : '.output',
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: 'Twofold Authenticator',
    description:
      'Two-step verification codes: scan the setup QR code from the page, keep secrets encrypted, fill codes in one click.',
    permissions: ['storage', 'activeTab', 'alarms', 'idle', 'scripting'],
    ...(isE2eBuild ? { host_permissions: ['<all_urls>'] } : {}),
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Twofold' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'twofold@twofold.example', strict_min_version: '115.0' },
          },
        }
      : {}),
  }),
});
