import { describe, expect, it } from 'vitest';
import { brandIconFor, brandTitles, chosenBrandIcon } from './brand-icons';

describe('brandIconFor', () => {
  it.each([
    { issuer: 'GitHub', title: 'GitHub' },
    { issuer: 'github.com', title: 'GitHub' },
    { issuer: 'Google', title: 'Google' },
    { issuer: 'Google Workspace', title: 'Google' },
    { issuer: 'PayPal', title: 'PayPal' },
    { issuer: 'Twitter', title: 'X' },
    { issuer: 'Proton Mail', title: 'Proton' },
    { issuer: 'Épic Games', title: 'Epic Games' },
    { issuer: 'Steam', title: 'Steam' },
  ])('$issuer → $title', ({ issuer, title }) => {
    expect(brandIconFor(issuer)?.title).toBe(title);
    expect(brandIconFor(issuer)?.path).toMatch(/^M/);
  });

  it.each(['Amazon', 'Bank of Example', '', '   ', 'Twofold Demo Shop', 'X Bank', 'Epic Systems'])('%s has no brand icon (letter avatar)', (issuer) => {
    expect(brandIconFor(issuer)).toBeUndefined();
  });

  it('shows the icon the user chose, the letter when they chose it, else the issuer’s', () => {
    expect(chosenBrandIcon({ issuer: 'Amazon', icon: 'GitHub' })?.title).toBe('GitHub');
    expect(chosenBrandIcon({ issuer: 'GitHub', icon: 'letter' })).toBeUndefined();
    expect(chosenBrandIcon({ issuer: 'GitHub' })?.title).toBe('GitHub');
    expect(chosenBrandIcon({ issuer: 'GitHub', icon: 'A brand no longer carried' })).toBeUndefined();
    expect(chosenBrandIcon({ issuer: 'GitHub', icon: 42 as unknown as string })?.title).toBe('GitHub');
  });

  it('lists every brand title once, in alphabetical order, each one found by its own title', () => {
    const titles = brandTitles();
    expect(titles.length).toBeGreaterThan(50);
    expect(new Set(titles).size).toBe(titles.length);
    expect([...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }))).toEqual(titles);
    for (const title of titles) expect(brandIconFor(title)?.title, title).toBe(title);
  });

  it('draws dark icons on light brand colours and white on dark ones', () => {
    expect(brandIconFor('Snapchat')?.foreground).toBe('#111111');
    expect(brandIconFor('GitHub')?.foreground).toBe('#ffffff');
  });
});
