/**
 * The offscreen document (Chrome): answers the background's helper requests
 * (utils/helper-messages.ts). The background creates it when a request needs it and closes it
 * after; it answers only this extension's own background, never a content script.
 */
import { browser } from 'wxt/browser';
import { isHelperEnvelope } from '@/utils/helper-messages';
import { runHelper } from './helper-work';

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  if (!isHelperEnvelope(message) || sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
  return runHelper(message.name, message.args);
});
