import { describe, expect, it } from 'vitest';
import { checkAccountEdit, EditProblem, hostOfTypedSite, MAX_SITES, splitSites } from './check-account-edit';

describe('hostOfTypedSite', () => {
  it.each([
    { typed: 'amazon.com', expected: 'amazon.com' },
    { typed: ' Amazon.COM ', expected: 'amazon.com' },
    { typed: 'https://www.amazon.com/ap/signin?x=1', expected: 'www.amazon.com' },
    { typed: 'http://localhost:8765/', expected: 'localhost' },
    { typed: '127.0.0.1', expected: '127.0.0.1' },
    { typed: 'bücher.de', expected: 'xn--bcher-kva.de' },
    { typed: 'amazon', expected: null },
    { typed: 'amazon com', expected: null },
    { typed: 'not a site!', expected: null },
    { typed: 'ftp://example.com', expected: null },
    { typed: '', expected: null },
  ])('$typed → $expected', ({ typed, expected }) => {
    expect(hostOfTypedSite(typed)).toBe(expected);
  });
});

describe('splitSites', () => {
  it('splits on commas, semicolons and white space', () => {
    expect(splitSites(' amazon.com, amazon.de;\nexample.org  ')).toEqual(['amazon.com', 'amazon.de', 'example.org']);
    expect(splitSites('  ')).toEqual([]);
  });
});

describe('checkAccountEdit', () => {
  it.each([
    { input: { issuer: ' Amazon ', label: 'alice', sites: ['Amazon.com', 'amazon.com', ''] },
      expected: { ok: true, value: { issuer: 'Amazon', label: 'alice', sites: ['amazon.com'], icon: undefined } } },
    { input: { issuer: '', label: 'alice', sites: [] }, expected: { ok: true, value: { issuer: '', label: 'alice', sites: [], icon: undefined } } },
    { input: { issuer: '  ', label: '', sites: [] }, expected: { ok: false, field: 'issuer', problem: EditProblem.NameMissing } },
    { input: { issuer: 'x'.repeat(201), label: '', sites: [] }, expected: { ok: false, field: 'issuer', problem: EditProblem.NameTooLong } },
    { input: { issuer: 'A', label: 'y'.repeat(201), sites: [] }, expected: { ok: false, field: 'label', problem: EditProblem.NameTooLong } },
    { input: { issuer: 'A', label: '', sites: ['amazon.com', 'not a site'] },
      expected: { ok: false, field: 'sites', problem: EditProblem.SiteInvalid, site: 'not a site' } },
    { input: { issuer: 'A', label: '', sites: Array.from({ length: MAX_SITES + 1 }, (_, i) => `s${i}.com`) },
      expected: { ok: false, field: 'sites', problem: EditProblem.TooManySites } },
  ])('$input.issuer / $input.label', ({ input, expected }) => {
    expect(checkAccountEdit(input)).toEqual(expected);
  });

  it('uses the given site reader', () => {
    const toSite = (typed: string) => (typed === 'www.amazon.co.uk' ? 'amazon.co.uk' : null);
    expect(checkAccountEdit({ issuer: 'A', label: '', sites: ['www.amazon.co.uk'] }, toSite))
      .toEqual({ ok: true, value: { issuer: 'A', label: '', sites: ['amazon.co.uk'], icon: undefined } });
  });

  it.each([
    { icon: undefined, stored: undefined },
    { icon: '', stored: undefined },
    { icon: 'letter', stored: 'letter' },
    { icon: ' GitHub ', stored: 'GitHub' },
  ])('keeps the icon choice $icon as $stored', ({ icon, stored }) => {
    const check = checkAccountEdit({ issuer: 'A', label: '', sites: [], icon });
    expect(check).toEqual({ ok: true, value: { issuer: 'A', label: '', sites: [], icon: stored } });
  });

  it.each([42, '   ', 'x'.repeat(61), 'Git\u0000Hub', 'Git\u200bHub', { title: 'GitHub' }])('refuses the icon choice %j', (icon) => {
    expect(checkAccountEdit({ issuer: 'A', label: '', sites: [], icon })).toEqual({ ok: false, field: 'icon', problem: EditProblem.IconInvalid });
  });
});
