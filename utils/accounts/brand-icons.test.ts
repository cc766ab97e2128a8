import { describe, expect, it } from 'vitest';
import { brandIconFor } from './brand-icons';

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

  it('draws dark icons on light brand colours and white on dark ones', () => {
    expect(brandIconFor('Snapchat')?.foreground).toBe('#111111');
    expect(brandIconFor('GitHub')?.foreground).toBe('#ffffff');
  });
});
