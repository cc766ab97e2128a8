import { describe, expect, it } from 'vitest';
import { siteOfPattern, sitePatterns } from './site-patterns';

describe('sitePatterns', () => {
  it.each([
    { site: 'amazon.com', expected: ['https://amazon.com/*', 'https://*.amazon.com/*'] },
    { site: 'amazon.co.uk', expected: ['https://amazon.co.uk/*', 'https://*.amazon.co.uk/*'] },
    { site: 'alice.github.io', expected: ['https://alice.github.io/*', 'https://*.alice.github.io/*'] },
    { site: 'localhost', expected: ['https://localhost/*', 'http://localhost/*'] },
    { site: '127.0.0.1', expected: ['https://127.0.0.1/*', 'http://127.0.0.1/*'] },
    { site: '::1', expected: ['https://[::1]/*', 'http://[::1]/*'] },
    { site: 'cafe.com', expected: ['https://cafe.com/*', 'https://*.cafe.com/*'] },
  ])('$site', ({ site, expected }) => {
    expect(sitePatterns(site)).toEqual(expected);
    for (const pattern of expected) expect(siteOfPattern(pattern)).toBe(site);
  });

  it.each(['<all_urls>', 'https://*/*', 'http://*/*', '*://amazon.com/*', 'https://amazon.com/path/*'])(
    '%s is not a site pattern',
    (pattern) => {
      expect(siteOfPattern(pattern)).toBeNull();
    },
  );
});
