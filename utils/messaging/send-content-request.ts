/**
 * The content scripts' side of the protocol (utils/messages.ts, `ContentProtocol`): a typed
 * request to the background that always resolves to a Result.
 *
 * Uses the browser's own `browser`/`chrome` object (`@wxt-dev/browser`), not the
 * webextension-polyfill behind `wxt/browser`, to keep the content scripts small.
 */
import { browser } from '@wxt-dev/browser';
import { t } from '../i18n/message';
import type { ContentArgsOf, ContentEnvelope, ContentReplyOf, ContentRequestName, Result } from '../messages';

/** Sends a content request; a dead background or a refused message becomes a failed Result. */
export async function sendContentRequest<K extends ContentRequestName>(
  name: K,
  ...rest: ContentArgsOf<K> extends void ? [] : [ContentArgsOf<K>]
): Promise<Result<ContentReplyOf<K>>> {
  const envelope: ContentEnvelope<K> = { channel: 'twofold-content', name, args: rest[0] as ContentArgsOf<K> };
  try {
    const reply = (await browser.runtime.sendMessage(envelope)) as Result<ContentReplyOf<K>> | undefined;
    if (reply && typeof reply === 'object' && 'ok' in reply) return reply;
  } catch {
    // Falls through: the extension was reloaded, or the background did not answer.
  }
  return { ok: false, error: { code: 'internal', message: noAnswer() } };
}

/**
 * "Twofold did not answer", from the browser's catalogue. A script whose extension was reloaded
 * or removed may have lost the extension APIs, i18n included: it says so in English then.
 */
function noAnswer(): string {
  try {
    return t('errNoAnswerReload');
  } catch {
    return 'Twofold did not answer. Reload the page and try again.';
  }
}

/** Whether this script's extension is still there (false after it was reloaded or removed). */
export function isExtensionAlive(): boolean {
  return Boolean(browser.runtime?.id);
}
