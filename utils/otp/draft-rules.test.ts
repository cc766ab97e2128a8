import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeName, quote, splitLabel, truncateName } from './draft-rules';

describe('splitLabel (otpauth labels and Google Authenticator names)', () => {
  // prettier-ignore
  const rows = [
    { label: 'alice@example.com', hint: '', issuer: '', account: 'alice@example.com', conflict: false },
    { label: 'Example:alice', hint: '', issuer: 'Example', account: 'alice', conflict: false },
    { label: 'Example: alice', hint: '', issuer: 'Example', account: 'alice', conflict: false },
    { label: ' Example :  alice ', hint: '', issuer: 'Example', account: 'alice', conflict: false },
    { label: 'alice', hint: 'Example', issuer: 'Example', account: 'alice', conflict: false },
    { label: 'Example:alice', hint: 'Example', issuer: 'Example', account: 'alice', conflict: false },
    { label: 'example:alice', hint: 'Example', issuer: 'Example', account: 'alice', conflict: false },
    { label: 'Foo:alice', hint: 'Bar', issuer: 'Bar', account: 'alice', conflict: true },
    { label: 'A:B:x', hint: 'A:B', issuer: 'A:B', account: 'x', conflict: false },
    { label: 'A:x:y', hint: 'A', issuer: 'A', account: 'x:y', conflict: false },
    { label: ':x:y', hint: '', issuer: '', account: 'x:y', conflict: false },
    { label: ':x', hint: 'Acme', issuer: 'Acme', account: 'x', conflict: false },
    { label: '', hint: '', issuer: '', account: '', conflict: false },
    { label: 'Acme:', hint: 'Acme', issuer: 'Acme', account: '', conflict: false },
  ];
  it.each(rows)('"$label" with issuer "$hint" → "$issuer" / "$account"', ({ label, hint, issuer, account, conflict }) => {
    expect(splitLabel(label, hint)).toEqual({ issuer, label: account, conflict });
  });
});

describe('names', () => {
  const rows = [
    { raw: '  Amazon  ', name: 'Amazon' },
    { raw: 'Line\nbreak\ttab', name: 'Line break tab' },
    { raw: 'lone \uDC00 surrogate', name: 'lone \uFFFD surrogate' },
    { raw: '🐱 pair kept', name: '🐱 pair kept' },
  ];
  it.each(rows)('normalizeName($raw)', ({ raw, name }) => {
    expect(normalizeName(raw)).toBe(name);
  });

  it('cuts at 200 code points, never inside a surrogate pair', () => {
    expect(truncateName('🐱'.repeat(250))).toBe('🐱'.repeat(200));
    expect(truncateName('short')).toBe('short');
  });

  it('quotes values for messages, cut at 40 characters', () => {
    expect(quote('MD5')).toBe('“MD5”');
    expect(quote('x'.repeat(100))).toBe(`“${'x'.repeat(40)}…”`);
  });
});

describe('boundaries: the OTP core runs in a service worker and in Node', () => {
  const folder = dirname(fileURLToPath(import.meta.url));
  const sources = readdirSync(folder).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'fuzz-helpers.ts');
  // ../i18n/local-message only names catalogue messages (keys and substitutions): no catalogue, no browser.
  it.each(sources)('%s imports only otpauth, ../errors, ../i18n/local-message and its neighbours, and no browser or DOM global', (file) => {
    const text = readFileSync(join(folder, file), 'utf8');
    for (const [, from] of text.matchAll(/from\s+'([^']+)'/gu)) {
      const allowed = ['otpauth', '../errors', '../i18n/local-message'].includes(from ?? '');
      expect(allowed || /^\.\/[a-z0-9-]+$/u.test(from ?? ''), `${file} imports ${from}`).toBe(true);
    }
    expect(text).not.toMatch(/\b(?:window|document|browser|chrome|navigator|localStorage)\s*\./u);
  });
});
