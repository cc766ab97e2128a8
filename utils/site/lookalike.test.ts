import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodePunycode, editDistance, lookalikeOf, skeleton, toUnicodeHost } from './lookalike';

const BOUND = ['amazon.com', 'paypal.com', 'google.com', 'github.com', 'hp.com', 'microsoft.com'];

describe('lookalikeOf', () => {
  it.each([
    // Digit and homoglyph swaps
    { host: 'amaz0n.com', expected: 'amazon.com' },
    { host: 'www.amaz0n.com', expected: 'amazon.com' },
    { host: 'paypa1.com', expected: 'paypal.com' },
    { host: 'paypai.com', expected: 'paypal.com' },
    { host: 'g00gle.com', expected: 'google.com' },
    { host: 'rnicrosoft.com', expected: 'microsoft.com' },
    { host: 'github.corn', expected: 'github.com' }, // "corn" is no public suffix, yet "github" shows
    // Same name under another public suffix
    { host: 'amazon.de', expected: 'amazon.com' },
    { host: 'paypal.co', expected: 'paypal.com' },
    // Punycode look-alikes (Cyrillic а, о; Latin ö)
    { host: domainToASCII('аmazon.com'), expected: 'amazon.com' },
    { host: domainToASCII('pаypal.com'), expected: 'paypal.com' },
    { host: domainToASCII('gооgle.com'), expected: 'google.com' },
    { host: 'xn--amazn-mua.com', expected: 'amazon.com' },
    // The bound name inside another registrable domain
    { host: 'amazon.com.evil.net', expected: 'amazon.com' },
    { host: 'www.amazon.com.evil.net', expected: 'amazon.com' },
    { host: 'amazon-login.com', expected: 'amazon.com' },
    { host: 'secure-paypal.net', expected: 'paypal.com' },
    { host: 'signin.paypa1-secure.com', expected: 'paypal.com' },
    // Small edits on the label
    { host: 'amazom.com', expected: 'amazon.com' },
    { host: 'amzaon.com', expected: 'amazon.com' },
    { host: 'gogle.com', expected: 'google.com' },
    { host: 'microsfot.com', expected: 'microsoft.com' },
    { host: 'micros0ft-support.com', expected: 'microsoft.com' },
    // Not look-alikes
    { host: 'amazon.com', expected: null },
    { host: 'www.amazon.com', expected: null },
    { host: 'example.com', expected: null },
    { host: 'evil.net', expected: null },
    { host: 'ebay.com', expected: null },
    { host: 'hq.com', expected: null }, // "hp" is too short for an edit or an embedding
    { host: 'shp.com', expected: null },
    { host: 'gitlab.com', expected: null },
    { host: 'localhost', expected: null },
    { host: '127.0.0.1', expected: null },
  ])('$host imitates $expected', ({ host, expected }) => {
    expect(lookalikeOf(host, BOUND)).toBe(expected);
  });

  it('finds nothing when no site is bound', () => {
    expect(lookalikeOf('amaz0n.com', [])).toBeNull();
  });

  it('prefers an exact look-alike over an edit of another bound site', () => {
    expect(lookalikeOf('paypa1.com', ['paypals.com', 'paypal.com'])).toBe('paypal.com');
  });
});

describe('skeleton', () => {
  it.each([
    // i, l and 1 all fold to l; 0 to o.
    { input: 'amaz0n', expected: 'amazon' },
    { input: 'paypa1', expected: 'paypal' },
    { input: 'PAYPAI', expected: 'paypal' },
    { input: 'аmazon', expected: 'amazon' },
    { input: 'amazön', expected: 'amazon' },
    { input: 'rnicrosoft', expected: 'mlcrosoft' },
    { input: 'amazon-login', expected: 'amazonlogln' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(skeleton(input)).toBe(expected);
  });
});

describe('decodePunycode', () => {
  it.each([
    // RFC 3492 section 7.1 sample (A) Arabic (Egyptian) and (L) 3<nen>B<gumi><kinpachi><sensei>
    { input: 'egbpdaj6bu4bxfgehfvwxn', expected: '\u0644\u064a\u0647\u0645\u0627\u0628\u062a\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064a\u061f' },
    { input: '3B-ww4c5e180e575a65lsy2b', expected: '3\u5e74B\u7d44\u91d1\u516b\u5148\u751f' },
    { input: 'mazon-3ve', expected: 'аmazon' },
    { input: 'bcher-kva', expected: 'bücher' },
  ])('$input', ({ input, expected }) => {
    expect(decodePunycode(input)).toBe(expected);
  });

  it('rejects malformed input', () => {
    expect(decodePunycode('abc-!!')).toBeNull();
  });

  it('decodes only xn-- labels of a host', () => {
    expect(toUnicodeHost('www.xn--bcher-kva.example')).toBe('www.bücher.example');
  });
});

describe('editDistance', () => {
  it.each([
    { a: 'amazon', b: 'amazon', expected: 0 },
    { a: 'amazom', b: 'amazon', expected: 1 },
    { a: 'amzaon', b: 'amazon', expected: 1 },
    { a: 'amazonx', b: 'amazon', expected: 1 },
    { a: 'kitten', b: 'sitting', expected: 3 },
    { a: 'a', b: 'abcdef', expected: 3 }, // capped at max + 1
  ])('$a ↔ $b', ({ a, b, expected }) => {
    expect(editDistance(a, b, 2)).toBe(expected);
  });
});
