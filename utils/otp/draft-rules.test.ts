import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OtpKind } from './account';
import { findControlCharacter, normalizeName, quote, readAlgorithm, readCounter, readDigits, readPeriod, splitLabel, truncateName } from './draft-rules';
import { trimPasted } from './trim-pasted';

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

describe('control characters in names are found, with their 1-based position in characters', () => {
  const rows = [
    { text: 'Acme', found: null },
    { text: 'Evil\u0000Corp', found: { character: '\u0000', position: 5 } },
    { text: '🐱\tx', found: { character: '\t', position: 2 } },
    { text: 'a\u007F', found: { character: '\u007F', position: 2 } },
    { text: '\u009Fa', found: { character: '\u009F', position: 1 } },
    { text: 'a\u2029', found: { character: '\u2029', position: 2 } },
    { text: 'no-break\u00A0space and zero\u200Bwidth are not control characters', found: null },
  ];
  it.each(rows)('findControlCharacter($text)', ({ text, found }) => {
    expect(findControlCharacter(text)).toEqual(found);
  });
});

describe('numbers and algorithms are read exactly as given (callers trim form values)', () => {
  const rows = [
    { why: 'plain decimal', read: () => readPeriod('30'), ok: true },
    { why: 'leading zero', read: () => readPeriod('030'), ok: true },
    { why: 'a number from a number input', read: () => readDigits(8, OtpKind.Totp), ok: true },
    { why: 'empty', read: () => readPeriod(''), ok: false },
    { why: 'a space before', read: () => readPeriod(' 30'), ok: false },
    { why: 'a space after', read: () => readDigits('6 ', OtpKind.Totp), ok: false },
    { why: 'a plus sign', read: () => readPeriod('+30'), ok: false },
    { why: 'hexadecimal', read: () => readCounter('0x1'), ok: false },
    { why: 'exponent', read: () => readCounter('1e3'), ok: false },
    { why: 'Arabic-Indic digits', read: () => readPeriod('٣٠'), ok: false },
    { why: 'algorithm with a space', read: () => readAlgorithm(' SHA1'), ok: false },
    { why: 'algorithm in lower case', read: () => readAlgorithm('sha256'), ok: true },
  ];
  it.each(rows)('$why', ({ read, ok }) => {
    expect(read().ok).toBe(ok);
  });
});

describe('trimPasted trims copy-and-paste leftovers at the ends only, in linear time', () => {
  const rows = [
    { text: '  otpauth://x \r\n', trimmed: 'otpauth://x' },
    { text: '\uFEFF\u200B otpauth://x\u200B\u00A0', trimmed: 'otpauth://x' },
    { text: '\u200B \u200B \u200Bx\u200B \u200B', trimmed: 'x' },
    { text: 'a \u200B b', trimmed: 'a \u200B b' },
    { text: '\u200B\u200B', trimmed: '' },
    { text: ' '.repeat(100_000), trimmed: '' },
  ];
  it.each(rows)('trimPasted($text)', ({ text, trimmed }) => {
    expect(trimPasted(text)).toBe(trimmed);
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
