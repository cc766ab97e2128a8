import { describe, expect, it } from 'vitest';
import type { HelperArgs, HelperName, HelperValue } from '@/utils/helper-messages';
import { inPlaceHelper, type Helper } from './helper';
import { SiteLookup, type SiteCacheStore } from './site-lookup';

/** The real helper work, counting the requests that reach it. */
function countingHelper(): Helper & { asked: string[][] } {
  const real = inPlaceHelper();
  const asked: string[][] = [];
  return {
    asked,
    run<N extends HelperName>(name: N, args: HelperArgs<N>): Promise<HelperValue<N>> {
      if (name === 'registrableDomains') asked.push((args as HelperArgs<'registrableDomains'>).urls);
      return real.run(name, args);
    },
  };
}

function memoryStore(saved: Record<string, string | null> = {}): SiteCacheStore & { saved: () => Record<string, string | null> } {
  return { get: async () => ({ ...saved }), set: async (value) => void (saved = { ...value }), saved: () => saved };
}

describe('SiteLookup', () => {
  it.each([
    { url: 'https://www.amazon.co.uk/ap/signin', expected: 'amazon.co.uk' },
    { url: 'https://user.github.io/x', expected: 'user.github.io' },
    { url: 'http://localhost:8765/', expected: 'localhost' },
    { url: 'https://[::1]:8443/', expected: '::1' },
    { url: 'chrome://extensions/', expected: null },
    { url: 'about:blank', expected: null },
    { url: 'not a url', expected: null },
  ])('$url → $expected, as utils/site says', async ({ url, expected }) => {
    expect(await new SiteLookup(inPlaceHelper(), memoryStore()).registrableDomain(url)).toBe(expected);
  });

  it('asks the helper once per host, and never for pages that have no site', async () => {
    const helper = countingHelper();
    const sites = new SiteLookup(helper, memoryStore());
    expect(await sites.registrableDomains(['https://a.example.com/1', 'https://a.example.com/2', 'chrome://newtab/', 'https://b.example.org/'])).toEqual([
      'example.com',
      'example.com',
      null,
      'example.org',
    ]);
    expect(await sites.registrableDomain('https://a.example.com/3')).toBe('example.com');
    expect(helper.asked).toEqual([['https://a.example.com/', 'https://b.example.org/']]);
  });

  it('keeps the answers for the next worker, which then asks nothing', async () => {
    const store = memoryStore();
    await new SiteLookup(inPlaceHelper(), store).registrableDomain('https://www.paypal.com/');
    expect(store.saved()).toEqual({ 'www.paypal.com': 'paypal.com' });
    const helper = countingHelper();
    expect(await new SiteLookup(helper, store).registrableDomain('https://www.paypal.com/signin')).toBe('paypal.com');
    expect(helper.asked).toEqual([]);
  });

  it.each([
    { url: 'https://www.amazon.com/ap/mfa', expected: { kind: 'site', site: 'amazon.com' } },
    { url: 'http://www.amazon.com/ap/mfa', expected: { kind: 'insecure', site: 'amazon.com' } },
    { url: 'http://localhost:8765/', expected: { kind: 'site', site: 'localhost' } },
    { url: 'http://127.0.0.1:8765/', expected: { kind: 'site', site: '127.0.0.1' } },
    { url: 'chrome://extensions/', expected: { kind: 'none' } },
  ])('$url may get codes as $expected.kind, whichever scheme of the host was asked first', async ({ url, expected }) => {
    const sites = new SiteLookup(inPlaceHelper(), memoryStore());
    // The cache is by host: the https answer must not make the http page a site, nor the reverse.
    const other = url.startsWith('https:') ? url.replace('https:', 'http:') : url.replace('http:', 'https:');
    await sites.pageSite(other);
    expect(await sites.pageSite(url)).toEqual(expected);
    expect(await sites.bindableSite(url)).toBe(expected.kind === 'site' ? expected.site : null);
  });

  it('names the bound site a look-alike imitates, through the helper', async () => {
    const sites = new SiteLookup(inPlaceHelper(), memoryStore());
    expect(await sites.lookalikeOf('amaz0n.com', ['amazon.com'])).toBe('amazon.com');
    expect(await sites.lookalikeOf('example.org', ['amazon.com'])).toBeNull();
  });
});
