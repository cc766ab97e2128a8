// Code evaluated inside the extension (service worker, extension pages) uses `chrome`.
import type { browser } from 'wxt/browser';

declare global {
  const chrome: typeof browser;
}
