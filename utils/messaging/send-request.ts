/**
 * The pages' side of the protocol: a typed request to the background that always resolves
 * to a Result (a dead background or a refused message becomes a failed Result too).
 *
 * Uses the browser's own `browser`/`chrome` object (`@wxt-dev/browser`), not the
 * webextension-polyfill behind `wxt/browser`: the popup's first request goes out from a tiny
 * script before the rest of the popup has loaded (components/popup/opening.ts).
 */
import { browser } from '@wxt-dev/browser';
import { t } from '../i18n/message';
import type { ArgsOf, Envelope, ReplyOf, RequestName, Result } from '../messages';

export async function sendRequest<K extends RequestName>(
  name: K,
  ...rest: ArgsOf<K> extends void ? [] : [ArgsOf<K>]
): Promise<Result<ReplyOf<K>>> {
  const envelope: Envelope<K> = { channel: 'twofold', name, args: rest[0] as ArgsOf<K> };
  try {
    const reply = (await browser.runtime.sendMessage(envelope)) as Result<ReplyOf<K>> | undefined;
    if (reply && typeof reply === 'object' && 'ok' in reply) return reply;
  } catch {
    // Falls through to the failure below: the background did not answer.
  }
  // Worded here, from the browser's catalogue: there is no background to word it.
  return { ok: false, error: { code: 'internal', message: t('errNoAnswer') } };
}
