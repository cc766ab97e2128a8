import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';

/**
 * Twofold never renders markup from a string, so Preact's one way to do it,
 * `dangerouslySetInnerHTML`, is turned into plain text in the bundle (and forbidden in our code
 * by ESLint): no page of the extension has an innerHTML sink left, and Firefox's add-on linter
 * (`web-ext lint`, as AMO runs it) has nothing to warn about. The build fails if Preact's code
 * no longer has the expected shape, rather than silently keeping the sink.
 */
function preactWithoutRawHtml(): Plugin {
  const sink = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;
  return {
    name: 'twofold:preact-without-raw-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.module\.js$/.test(id)) return null;
      const found = code.match(sink) ?? [];
      if (found.length !== 1) this.error(`Expected one dangerouslySetInnerHTML sink in Preact, found ${found.length}.`);
      return { code: code.replace(sink, '($1.textContent=$2.__html)'), map: null };
    },
  };
}

/**
 * The end-to-end test build (TWOFOLD_E2E=1) differs from the shipped one in one way only:
 * it holds host permissions, because a headless browser cannot click the toolbar icon to
 * grant `activeTab`. It is written to its own folder so it can never be zipped by mistake.
 */
const isE2eBuild = process.env.TWOFOLD_E2E === '1';

export default defineConfig({
  imports: false,
  // Firefox too gets Manifest V3 (WXT's default for Firefox is still MV2).
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: isE2eBuild ? '.output-e2e' : '.output',
  vite: () => ({
    plugins: [preactWithoutRawHtml(), preact()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    // Translated: public/_locales/<lang>/messages.json.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `offscreen` (Chrome only; Firefox has no such API and its event page does the work): the
    // helper document that decodes QR codes and clears the clipboard outside the service worker
    // (entrypoints/background/helper.ts). Neither it nor `clipboardWrite` shows a warning.
    permissions: [
      'storage', 'activeTab', 'alarms', 'idle', 'scripting', 'contextMenus', 'clipboardWrite',
      ...(browser === 'firefox' ? [] : ['offscreen']),
      // The test build holds it from the start: a headless browser cannot answer the prompt.
      ...(isE2eBuild ? ['clipboardRead'] : []),
    ],
    // Asked when "clear the clipboard after 30 s" is turned on, to check that the clipboard still
    // holds the copied code before emptying it.
    optional_permissions: isE2eBuild ? [] : ['clipboardRead'],
    // One-click fill: the inline button runs on the sites the user bound, each granted on its own
    // (asked from the popup); nothing on hosts at install.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'fill-code': {
        // Alt+Shift+F is free in Chrome, Edge and Firefox; on macOS Option+Shift+F types "Ï",
        // so Control+Shift+F there. Users can change it on the browser's shortcuts page.
        suggested_key: { default: 'Alt+Shift+F', mac: 'MacCtrl+Shift+F' },
        description: '__MSG_commandFillCode__',
      },
    },
    ...(isE2eBuild ? { host_permissions: ['<all_urls>'] } : {}),
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140 (an ESR): optional_host_permissions in MV3 and data_collection_permissions.
            // The id is Twofold's for good (a GUID: no domain we would have to own): Firefox keys
            // the add-on's storage, storage.sync included, and AMO's listing by it.
            gecko: {
              id: '{b10934e4-78bf-4f97-8b14-cbebc20609a2}',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android learned data_collection_permissions in 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
