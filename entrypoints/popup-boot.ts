/**
 * Runs first in popup.html (a classic script in its head): asks the background for what the
 * popup opens on while the browser is still loading the popup's modules. See
 * components/popup/opening.ts.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startOpening } from '@/components/popup/opening';

export default defineUnlistedScript(() => {
  startOpening();
});
