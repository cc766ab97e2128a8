/**
 * The popup's colour theme: the system's (`prefers-color-scheme`) unless the user chose light or
 * dark (Settings.theme). Applied as `data-theme` on the root element; style.css does the rest.
 */
import type { Theme } from '@/utils/messages';

export { readTheme } from '@/utils/theme';

/** Sets the theme on the document. */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
