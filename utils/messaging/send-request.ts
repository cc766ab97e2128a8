/**
 * The pages' side of the protocol: a typed request to the background that always resolves
 * to a Result (a dead background or a refused message becomes a failed Result too).
 */
import { browser } from 'wxt/browser';
import type { ArgsOf, Envelope, ReplyOf, RequestName, Result } from '../messages';
import { ErrorCode } from '../errors';

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
  return {
    ok: false,
    error: { code: ErrorCode.Internal, message: 'Twofold’s background did not answer. Close this window and try again.' },
  };
}
