// Lint: mostly to keep the boundaries of shared/STYLE.md true.
import tseslint from 'typescript-eslint';

const browserGlobals = ['window', 'document', 'navigator', 'location', 'chrome', 'browser', 'localStorage'];
const noBrowserImports = {
  paths: [
    { name: 'wxt/browser', message: 'The pure core must not use browser APIs: take what you need as a parameter.' },
    { name: 'wxt/utils/storage', message: 'The pure core must not touch storage.' },
    { name: 'webextension-polyfill', message: 'The pure core must not use browser APIs.' },
  ],
  patterns: [{ group: ['node:*'], message: 'The pure core runs in the browser too: no Node built-ins.' }],
};

export default tseslint.config(
  { ignores: ['.output/**', '.output-e2e/**', '.wxt/**', '.cache/**', 'node_modules/**', 'test-results/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.base],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // What ships in the extension: no eval in any form (MV3's CSP forbids it anyway).
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'utils/**/*.ts'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // The pure core: no browser, no DOM, no Node (it is unit-tested in Node and runs in the worker).
    files: ['utils/otp/**/*.ts', 'utils/vault/**/*.ts', 'utils/qr/**/*.ts', 'utils/fields/**/*.ts', 'utils/site/**/*.ts', 'utils/accounts/**/*.ts', 'utils/import/**/*.ts', 'utils/backup/**/*.ts', 'utils/sync/**/*.ts'],
    ignores: ['**/*.test.ts', 'utils/otp/fuzz-helpers.ts', 'utils/sync/sync-test-helpers.ts'],
    rules: {
      'no-restricted-imports': ['error', noBrowserImports],
      'no-restricted-globals': ['error', ...browserGlobals],
    },
  },
  {
    // Words for the person are catalogue messages (msg() in utils/i18n/local-message.ts), shown
    // in the user's language: no error is given a sentence written here.
    files: ['utils/**/*.ts', 'entrypoints/background/**/*.ts'],
    ignores: ['**/*.test.ts', 'utils/sync/sync-test-helpers.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: 'NewExpression[callee.name=/Error$/][callee.name!=/^(Error|RangeError|TypeError)$/] > :matches(Literal[value=/ /], TemplateLiteral).arguments',
        message: 'Write the sentence in public/_locales/en/messages.json and pass msg(key, …) instead.',
      }],
    },
  },
  {
    // Views never render markup from a string (the build also turns Preact's raw-HTML path into
    // text: see wxt.config.ts).
    files: ['components/**/*.tsx', 'entrypoints/**/*.tsx'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: 'JSXAttribute[name.name="dangerouslySetInnerHTML"]',
        message: 'Twofold renders no markup from strings: build the elements instead.',
      }],
    },
  },
  {
    // Content scripts never import vault code or the background.
    files: ['entrypoints/autofill/**/*.ts', 'entrypoints/fill-agent/**/*.ts', 'entrypoints/region-select/**/*.ts', 'utils/fields-dom/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/utils/vault', '**/utils/vault/**', '@/utils/vault', '@/utils/vault/**'], message: 'Content scripts never see vault code.' },
          { group: ['**/background/**', '@/entrypoints/background/**'], message: 'Content scripts talk to the background by messages only.' },
          { group: ['**/utils/otp/**', '@/utils/otp/**'], message: 'Content scripts receive codes, never secrets or the code generator.' },
        ],
      }],
    },
  },
  {
    // Extension pages never write storage directly: they ask the background.
    files: ['components/**/*.tsx', 'components/**/*.ts', 'entrypoints/popup/**', 'entrypoints/options/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'wxt/utils/storage', message: 'Pages ask the background; only it writes storage.' }],
        patterns: [{ group: ['**/background/**', '@/entrypoints/background/**', '@/utils/vault', '@/utils/vault/*', '!@/utils/vault/password-policy'], message: 'Pages use messages, not vault code (the password policy is shared so forms can explain it).' }],
      }],
    },
  },
);
