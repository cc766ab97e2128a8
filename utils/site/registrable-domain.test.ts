import { describe, expect, it } from 'vitest';
import { registrableDomain } from './registrable-domain';

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
