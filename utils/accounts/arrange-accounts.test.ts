import { describe, expect, it } from 'vitest';
import { arrangeAccounts, isSameGroup, matchesQuery, moveNextTo, type Arrangeable } from './arrange-accounts';

const account = (id: string, extra: Partial<Arrangeable> = {}): Arrangeable => ({
  id, issuer: id, label: '', sites: [], pinned: false, order: 0, createdAt: 0, ...extra,
});

describe('matchesQuery', () => {
  const amazon = account('a', { issuer: 'Amazon', label: 'alice@example.com', sites: ['amazon.co.uk'] });
  const unicode = account('u', { issuer: 'Ünïcode Bank', label: 'ålice' });
  it.each([
    { query: '', who: amazon, expected: true },
    { query: '   ', who: amazon, expected: true },
    { query: 'amaz', who: amazon, expected: true },
    { query: 'AMAZON', who: amazon, expected: true },
    { query: 'alice@', who: amazon, expected: true },
    { query: 'co.uk', who: amazon, expected: true },
    { query: 'amazon alice', who: amazon, expected: true },
    { query: 'amazon bob', who: amazon, expected: false },
    { query: 'paypal', who: amazon, expected: false },
    { query: 'unicode', who: unicode, expected: true },
    { query: 'ünï', who: unicode, expected: true },
    { query: 'alice', who: unicode, expected: true },
  ])('"$query" → $expected', ({ query, who, expected }) => {
    expect(matchesQuery(who, query)).toBe(expected);
  });
});

describe('arrangeAccounts', () => {
  const list = [
    account('c', { order: 2 }),
    account('a', { order: 0 }),
    account('p', { order: 5, pinned: true }),
    account('s', { order: 3, sites: ['amazon.com'] }),
    account('b', { order: 1, createdAt: 5 }),
    account('b0', { order: 1, createdAt: 1 }),
  ];
  const ids = (rows: Arrangeable[]) => rows.map((r) => r.id);
  it.each([
    { site: null, query: '', expected: ['p', 'a', 'b0', 'b', 'c', 's'] },
    { site: 'amazon.com', query: '', expected: ['s', 'p', 'a', 'b0', 'b', 'c'] },
    { site: 'example.org', query: '', expected: ['p', 'a', 'b0', 'b', 'c', 's'] },
    { site: 'amazon.com', query: 'b', expected: ['b0', 'b'] },
  ])('site $site, query "$query"', ({ site, query, expected }) => {
    expect(ids(arrangeAccounts(list, { site, query }))).toEqual(expected);
  });

  it('groups: pinned and on-site status must match', () => {
    expect(isSameGroup(account('x'), account('y'), null)).toBe(true);
    expect(isSameGroup(account('x', { pinned: true }), account('y'), null)).toBe(false);
    expect(isSameGroup(account('x', { sites: ['a.com'] }), account('y'), 'a.com')).toBe(false);
    expect(isSameGroup(account('x', { sites: ['a.com'] }), account('y'), 'b.com')).toBe(true);
  });
});

describe('moveNextTo', () => {
  it.each([
    { order: ['a', 'b', 'c', 'd'], id: 'b', target: 'c', expected: ['a', 'c', 'b', 'd'] },
    { order: ['a', 'b', 'c', 'd'], id: 'c', target: 'b', expected: ['a', 'c', 'b', 'd'] },
    { order: ['a', 'b', 'c', 'd'], id: 'a', target: 'd', expected: ['b', 'c', 'd', 'a'] },
    { order: ['a', 'b', 'c', 'd'], id: 'd', target: 'a', expected: ['d', 'a', 'b', 'c'] },
    { order: ['a', 'b', 'c', 'd'], id: 'b', target: 'b', expected: ['a', 'b', 'c', 'd'] },
    { order: ['a', 'b', 'c', 'd'], id: 'x', target: 'b', expected: ['a', 'b', 'c', 'd'] },
  ])('$id onto $target', ({ order, id, target, expected }) => {
    expect(moveNextTo(order, id, target)).toEqual(expected);
  });
});
