/**
 * The content scripts' side of the protocol: a typed request to the background that always
 * resolves to a Result.
 */
import { browser } from 'wxt/browser';
import type { ContentArgsOf, ContentEnvelope, ContentReplyOf, ContentRequestName, Result } from '../messages';
import { ErrorCode } from '../errors';

export async function sendContentRequest<K extends ContentRequestName>(
  name: K,
  args: ContentArgsOf<K>,
): Promise<Result<ContentReplyOf<K>>> {
  const envelope: ContentEnvelope<K> = { channel: 'twofold-content', name, args };
  try {
    const reply = (await browser.runtime.sendMessage(envelope)) as Result<ContentReplyOf<K>> | undefined;
    if (reply && typeof reply === 'object' && 'ok' in reply) return reply;
  } catch {
    // Falls through: the extension was reloaded or its background did not answer.
  }
  return { ok: false, error: { code: ErrorCode.Internal, message: 'Twofold did not answer. Reload the page and try again.' } };
}
