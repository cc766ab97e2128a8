import type { Theme } from './messages';

/** A stored theme value as a Theme; anything else (settings saved before themes existed) is `system`. */
export function readTheme(value: unknown): Theme {
  return value === 'light' || value === 'dark' ? value : 'system';
}
