/**
 * The popup's opening request (`openPopup`: status, theme, list, site, reminder), sent as early
 * as the page allows. popup.html runs the tiny entrypoints/popup-boot.ts as a classic script in
 * its head, before the popup's modules are parsed; it starts the request and leaves the pending
 * reply on `window`. The popup takes it when its own code runs, usually with the answer already
 * there, and paints the codes in its first render.
 */
import type { PopupOpening, Result } from '@/utils/messages';
import { sendRequest } from '@/utils/messaging/send-request';

declare global {
  interface Window {
    /** The opening request popup-boot.js started, until the popup takes it. */
    twofoldOpening?: Promise<Result<PopupOpening>>;
  }
}

/**
 * The tab the popup acts on. A popup opened from the toolbar acts on the active tab; opened as
 * its own window (pop-out, tests) it is told which tab with `?tab=<id>`.
 */
export function targetTabId(): number | undefined {
  const raw = new URL(location.href).searchParams.get('tab');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}

function requestOpening(): Promise<Result<PopupOpening>> {
  const tabId = targetTabId();
  return sendRequest('openPopup', tabId === undefined ? {} : { tabId });
}

/** Starts the opening request (popup-boot.js, first thing). */
export function startOpening(): void {
  window.twofoldOpening = requestOpening();
}

/** The opening started by popup-boot.js, or a new one when it did not run. Taken once. */
export function takeOpening(): Promise<Result<PopupOpening>> {
  const started = window.twofoldOpening;
  delete window.twofoldOpening;
  return started ?? requestOpening();
}
