/**
 * The popup's colour theme: the system's (`prefers-color-scheme`) unless the user chose light or
 * dark (Settings.theme). Applied as `data-theme` on the root element; style.css does the rest.
 *
 * The choice is also remembered in the page's own localStorage (it is not a secret), so the
 * popup's boot script can apply it before the first paint, even while the background is still
 * starting: no flash of the other theme.
 */
import type { Theme } from '@/utils/messages';
import { readTheme } from '@/utils/theme';

export { readTheme };

const REMEMBERED = 'twofold.theme';

/** Sets the theme on the document and remembers it for the next opening. */
export function applyTheme(theme: Theme): void {
  setTheme(theme);
  try {
    localStorage.setItem(REMEMBERED, theme);
  } catch {
    // Storage refused (a private-mode quirk): the next opening waits for the background.
  }
}

/** Applies the theme remembered by the last opening, if any (popup-boot.js, before the first paint). */
export function applyRememberedTheme(): void {
  try {
    setTheme(readTheme(localStorage.getItem(REMEMBERED)));
  } catch {
    // Nothing remembered can be read: the system's theme until the background answers.
  }
}

function setTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
