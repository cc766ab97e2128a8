/**
 * "Clear the clipboard 30 s after copying, even when the popup has closed" (issue 15): a page
 * says what it copied, the background sets an alarm (which wakes it), and then the helper
 * (Chrome: the offscreen document; Firefox: the event page) empties the clipboard, but only if
 * it still holds that text, so nothing copied since is lost. Only a hash of the copied text is
 * kept, in `storage.session`. Without the optional `clipboardRead` permission (asked when the
 * setting is turned on) nothing is cleared: the clipboard cannot be checked.
 */
import { browser } from 'wxt/browser';
import type { PageHandlers } from './router';
import type { Helper } from './helper';
import { clipboardPendingItem, settingsItem } from './storage-items';
import { textSha256 } from '@/utils/text-sha256';

/** How long a copied code stays in the clipboard (ms); the popup says the same. */
export const CLEAR_AFTER_MS = 30_000;
export const CLIPBOARD_ALARM = 'twofold-clear-clipboard';

export function createClipboardClearing(helper: Helper, now: () => number = Date.now) {
  const page: PageHandlers<'clipboardCopied'> = {
    async clipboardCopied({ text }) {
      if (typeof text !== 'string' || text === '' || text.length > 1024) return { clearsAt: null };
      if ((await settingsItem.getValue()).clearClipboardInBackground !== true) return { clearsAt: null };
      const clearsAt = now() + CLEAR_AFTER_MS;
      await clipboardPendingItem.setValue({ sha256: await textSha256(text), clearsAt });
      await browser.alarms.create(CLIPBOARD_ALARM, { when: clearsAt });
      return { clearsAt };
    },
  };

  /** The alarm's work: clears the clipboard if it still holds what was copied. */
  async function onAlarm(name: string): Promise<void> {
    if (name !== CLIPBOARD_ALARM) return;
    const pending = await clipboardPendingItem.getValue();
    await clipboardPendingItem.removeValue();
    if (!pending || !(await browser.permissions.contains({ permissions: ['clipboardRead'] }))) return;
    await helper.run('clearClipboard', { sha256: pending.sha256 });
  }

  return { page, onAlarm };
}
