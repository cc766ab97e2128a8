import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issuerKey, readIssuerSites, serviceOfSite, suggestSite } from './issuer-sites';
import { registrableDomain } from './registrable-domain';

const data: unknown = JSON.parse(readFileSync(join(import.meta.dirname, 'issuer-sites.json'), 'utf8'));
const table = readIssuerSites(data);
const toSite = (host: string) => registrableDomain(`https://${host}/`);

describe('the issuer → site table (issuer-sites.json)', () => {
  it('keeps every row of the generated file, each with sites and an https setup page or none', () => {
    const rows = (data as { rows: unknown[] }).rows;
    expect(rows.length).toBeGreaterThan(1000);
    expect(table.services).toHaveLength(rows.length);
    for (const service of table.services) {
      for (const site of service.sites) expect(site, service.name).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      if (service.setupUrl !== undefined) expect(service.setupUrl, service.name).toMatch(/^https:\/\//);
    }
  });

  it('names its source and licence', () => {
    expect((data as { source: string }).source).toMatch(/2factorauth\/twofactorauth.*MIT/);
    expect(readFileSync(join(import.meta.dirname, 'issuer-sites-LICENSE.md'), 'utf8')).toMatch(/The MIT License/);
  });
});

describe('issuerKey', () => {
  it.each([
    { name: 'PayPal', expected: 'paypal' },
    { name: 'PayPal, Inc.', expected: 'paypal' },
    { name: 'paypal', expected: 'paypal' },
    { name: 'Amazon Web Services', expected: 'amazonwebservices' },
    { name: 'Société Générale', expected: 'societegenerale' },
    { name: 'AT&T', expected: 'atandt' },
    { name: 'Foo GmbH', expected: 'foo' },
    { name: 'Co', expected: 'co' },
    { name: '  ', expected: '' },
  ])('$name → $expected', ({ name, expected }) => {
    expect(issuerKey(name)).toBe(expected);
  });
});

describe('suggestSite', () => {
  it.each([
    // The name as the directory writes it, and as issuers write it.
    { issuer: 'Amazon', expected: 'amazon.com' },
    { issuer: 'amazon', expected: 'amazon.com' },
    { issuer: 'GitHub', expected: 'github.com' },
    { issuer: 'Github, Inc.', expected: 'github.com' },
    { issuer: 'PayPal', expected: 'paypal.com' },
    { issuer: 'Dropbox', expected: 'dropbox.com' },
    { issuer: 'Amazon Web Services', expected: 'amazon.com' },
    { issuer: 'Epic Games', expected: 'epicgames.com' },
    // Either half of a name in brackets.
    { issuer: 'X', expected: 'x.com' },
    { issuer: 'Twitter', expected: 'x.com' },
    // A brand the directory lists only by product, through its site.
    { issuer: 'Google', expected: 'google.com' },
    { issuer: 'Microsoft', expected: 'microsoft.com' },
    // The first word, when the whole name is unknown.
    { issuer: 'Google Workspace', expected: 'google.com' },
    { issuer: 'Amazon Seller Central', expected: 'amazon.com' },
    // An issuer that is a host name is its own site.
    { issuer: 'amazon.com', expected: 'amazon.com' },
    { issuer: 'www.amazon.co.uk', expected: 'amazon.co.uk' },
    { issuer: 'https://login.example.org/', expected: 'example.org' },
    // Nothing to go on.
    { issuer: '', expected: null },
    { issuer: 'My Corner Shop', expected: null },
    { issuer: 'The Zzyzx Company', expected: null },
    { issuer: 'Zzyzx', expected: null },
  ])('$issuer → $expected', ({ issuer, expected }) => {
    expect(suggestSite(issuer, table, toSite)).toBe(expected);
  });

  it('without a public-suffix list, a host issuer loses only its www.', () => {
    expect(suggestSite('www.Example.com', table)).toBe('example.com');
    expect(suggestSite('shop.example.co.uk', table)).toBe('shop.example.co.uk');
  });

  it('says nothing where two services of one name live on different sites', () => {
    const clash = readIssuerSites({ rows: [['Acme', 'acme.com', ''], ['ACME', 'acme.de', ''], ['Other', 'other.com', '']] });
    expect(suggestSite('Acme', clash)).toBeNull();
    expect(suggestSite('Other', clash)).toBe('other.com');
  });

  it('leaves out rows that are not [name, sites, setup page]', () => {
    const odd = readIssuerSites({ rows: [['A', 'a.com'], [1, 'b.com', ''], ['', 'c.com', ''], ['D', '', ''], ['E', 'e.com', 'http://e.com/2fa']] });
    expect(odd.services).toEqual([{ name: 'E', sites: ['e.com'], setupUrl: undefined }]);
    expect(readIssuerSites(null).services).toEqual([]);
  });
});

describe('serviceOfSite', () => {
  it.each([
    { site: 'amazon.com', name: 'Amazon' },
    { site: 'amazon.de', name: 'Amazon' },
    { site: 'github.com', name: 'GitHub' },
    { site: 'twitter.com', name: 'X (Twitter)' },
    { site: 'GitHub.com', name: 'GitHub' },
    { site: 'zzyzx-not-a-service.com', name: null },
  ])('$site → $name', ({ site, name }) => {
    expect(serviceOfSite(site, table)?.name ?? null).toBe(name);
  });

  it('gives the page where the authenticator app is turned on', () => {
    expect(serviceOfSite('github.com', table)?.setupUrl).toMatch(/^https:\/\/docs\.github\.com\//);
  });
});
