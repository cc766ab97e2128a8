import { describe, expect, it } from 'vitest';
import { addPlaceFor, popupContext } from './add-place';

const amazon = { sites: ['amazon.com'] };
const github = { sites: ['github.com'] };
const unbound = { sites: [] };

describe('addPlaceFor', () => {
  it.each([
    { what: 'an empty vault, on a site', site: 'amazon.com', accounts: [], expected: 'empty' },
    { what: 'an empty vault, on a browser page', site: null, accounts: [], expected: 'empty' },
    { what: 'the sign-in page of a bound site', site: 'amazon.com', accounts: [github, amazon], expected: 'folded' },
    { what: 'a site with no account of the user', site: 'paypal.com', accounts: [github, amazon, unbound], expected: 'site' },
    { what: 'a browser page', site: null, accounts: [github, unbound], expected: 'folded' },
  ] as const)('$what → $expected', ({ site, accounts, expected }) => {
    expect(addPlaceFor(popupContext(site, accounts))).toBe(expected);
  });
});

describe('popupContext', () => {
  it('counts the accounts bound to the site', () => {
    expect(popupContext('amazon.com', [amazon, github, { sites: ['amazon.de', 'amazon.com'] }])).toEqual({ site: 'amazon.com', total: 3, onSite: 2 });
    expect(popupContext(null, [amazon])).toEqual({ site: null, total: 1, onSite: 0 });
  });
});
