import { describe, expect, it } from 'vitest';
import { pasteShortcut } from './paste-shortcut';

describe('pasteShortcut', () => {
  it.each([
    { platform: 'MacIntel', expected: '⌘V' },
    { platform: 'macOS', expected: '⌘V' },
    { platform: 'iPad', expected: '⌘V' },
    { platform: 'Win32', expected: 'Ctrl+V' },
    { platform: 'Linux x86_64', expected: 'Ctrl+V' },
    { platform: 'CrOS', expected: 'Ctrl+V' },
    { platform: '', expected: 'Ctrl+V' },
  ])('$platform → $expected', ({ platform, expected }) => {
    expect(pasteShortcut(platform, 'Ctrl+V')).toBe(expected);
  });

  it('writes Ctrl+V as the keyboard labels it', () => {
    expect(pasteShortcut('Win32', 'Strg+V')).toBe('Strg+V');
    expect(pasteShortcut('MacIntel', 'Strg+V')).toBe('⌘V');
  });
});
