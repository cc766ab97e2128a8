import { describe, expect, it } from 'vitest';
import { bindableSite, pageSite, registrableDomain } from './registrable-domain';

describe('registrableDomain', () => {
  it.each([
    { url: 'https://www.amazon.com/ap/mfa', expected: 'amazon.com' },
    { url: 'https://www.amazon.co.uk/', expected: 'amazon.co.uk' },
    { url: 'https://accounts.google.com/signin/v2/challenge/totp', expected: 'google.com' },
    { url: 'https://login.microsoftonline.com/common/SAS/ProcessAuth', expected: 'microsoftonline.com' },
    { url: 'https://alice.github.io/app', expected: 'alice.github.io' },
    { url: 'https://WWW.PayPal.COM./signin', expected: 'paypal.com' },
    { url: 'https://www.amazon.com.evil.net/', expected: 'evil.net' },
    { url: 'https://xn--amazn-mua.com/', expected: 'xn--amazn-mua.com' },
    { url: 'https://www.amazon.com:8443/x', expected: 'amazon.com' },
    { url: 'http://localhost:8765/', expected: 'localhost' },
    { url: 'http://shop.localhost:8765/', expected: 'localhost' },
    { url: 'http://127.0.0.1:8765/', expected: '127.0.0.1' },
    { url: 'http://[::1]:8765/', expected: '::1' },
  ])('$url is bound as $expected', ({ url, expected }) => {
    expect(registrableDomain(url)).toBe(expected);
  });

  it.each(['chrome://extensions', 'about:blank', 'file:///tmp/x.html', 'chrome-extension://abc/popup.html', 'data:text/html,x', 'not a url', ''])(
    '%s belongs to no site',
    (url) => {
      expect(registrableDomain(url)).toBeNull();
    },
  );
});

describe('pageSite', () => {
  it.each([
    { url: 'https://www.amazon.com/ap/mfa', expected: { kind: 'site', site: 'amazon.com' } },
    { url: 'HTTPS://WWW.AMAZON.COM/', expected: { kind: 'site', site: 'amazon.com' } },
    { url: 'http://www.amazon.com/ap/mfa', expected: { kind: 'insecure', site: 'amazon.com' } },
    { url: 'http://amazon.com:443/', expected: { kind: 'insecure', site: 'amazon.com' } },
    { url: 'http://192.168.1.1/', expected: { kind: 'insecure', site: '192.168.1.1' } },
    { url: 'http://localhost.evil.net/', expected: { kind: 'insecure', site: 'evil.net' } },
    { url: 'http://127.0.0.1.nip.io/', expected: { kind: 'insecure', site: 'nip.io' } },
    { url: 'http://localhost:8765/', expected: { kind: 'site', site: 'localhost' } },
    { url: 'http://shop.localhost:8765/', expected: { kind: 'site', site: 'localhost' } },
    { url: 'http://127.0.0.1:8765/', expected: { kind: 'site', site: '127.0.0.1' } },
    { url: 'http://127.1.2.3/', expected: { kind: 'site', site: '127.1.2.3' } },
    { url: 'http://[::1]:8765/', expected: { kind: 'site', site: '::1' } },
    { url: 'ftp://www.amazon.com/', expected: { kind: 'none' } },
    { url: 'chrome://extensions', expected: { kind: 'none' } },
    { url: 'about:blank', expected: { kind: 'none' } },
  ])('$url is $expected.kind', ({ url, expected }) => {
    expect(pageSite(url)).toEqual(expected);
    expect(bindableSite(url)).toBe(expected.kind === 'site' ? expected.site : null);
  });
});
