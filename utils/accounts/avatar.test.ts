import { describe, expect, it } from 'vitest';
import { AVATAR_COLORS, avatarColor, avatarLetter } from './avatar';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('avatarLetter', () => {
  it.each([
    { issuer: 'amazon', label: '', expected: 'A' },
    { issuer: '', label: 'bob@example.com', expected: 'B' },
    { issuer: '  ünïcode', label: '', expected: 'Ü' },
    { issuer: '😀 Smile', label: '', expected: '😀' },
    { issuer: '', label: '', expected: '?' },
  ])('$issuer / $label → $expected', ({ issuer, label, expected }) => {
    expect(avatarLetter({ issuer, label })).toBe(expected);
  });
});

describe('avatarColor', () => {
  it('is stable and ignores case and surrounding spaces', () => {
    expect(avatarColor('Amazon')).toBe(avatarColor(' amazon '));
    expect(avatarColor('Amazon')).toBe(avatarColor('AMAZON'));
  });

  it('spreads common issuers over several colours', () => {
    const names = ['Amazon', 'Google', 'Microsoft', 'Apple', 'Slack', 'PayPal', 'GitHub', 'Dropbox', 'Steam', 'Bank'];
    expect(new Set(names.map(avatarColor)).size).toBeGreaterThanOrEqual(5);
  });

  it.each(AVATAR_COLORS.map((color) => ({ color })))('$color keeps white letters at WCAG AA contrast', ({ color }) => {
    const ratio = (1 + 0.05) / (luminance(color) + 0.05);
    expect(ratio).toBeGreaterThanOrEqual(4.5);
  });
});
