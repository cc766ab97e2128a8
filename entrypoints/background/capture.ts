/**
 * The visible part of a tab, as the browser captures it. (Decoding it happens in the helper,
 * entrypoints/offscreen, so that jsQR never loads into the service worker.)
 */
import { browser } from 'wxt/browser';
import { CaptureFailedError } from '@/utils/errors';
import { msg } from '@/utils/i18n/local-message';

/** Captures the visible area of the active tab of `windowId` as a PNG data URL. */
export async function captureWindow(windowId: number): Promise<string> {
  try {
    return await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  } catch (error) {
    throw new CaptureFailedError(msg('errCaptureFailed'), { cause: error });
  }
}
