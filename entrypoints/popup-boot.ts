/**
 * Runs first in popup.html (a classic script in its head): asks the background for what the
 * popup opens on while the browser is still loading the popup's modules, and applies the theme
 * the last opening used, so the first paint has the right colours. See
 * components/popup/opening.ts and theme.ts.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startOpening } from '@/components/popup/opening';
import { applyRememberedTheme } from '@/components/popup/theme';

export default defineUnlistedScript(() => {
  startOpening();
  applyRememberedTheme();
});
