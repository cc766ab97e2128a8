/**
 * Routes messages to handlers after checking who sent them. Page requests are served only
 * to the extension's own pages, identified by `sender` (never by anything in the message).
 */
import type { Browser } from 'wxt/browser';
import { isEnvelope, type Result, type RequestName, type ArgsOf, type ReplyOf } from '@/utils/messages';
import { ErrorCode, ForbiddenError, TwofoldError } from '@/utils/errors';

type AnyHandlers = { [K in RequestName]: (args: ArgsOf<K>) => Promise<ReplyOf<K>> };

/** True when the message comes from one of this extension's own pages (popup, options). */
export function isExtensionPage(sender: Browser.runtime.MessageSender, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/**
 * Makes the `runtime.onMessage` listener. Messages that are not ours get no reply
 * (`undefined`), so other listeners may answer them.
 */
export function createRouter(
  handlers: AnyHandlers,
  identity: { extensionId: string; extensionOrigin: string },
  onError: (error: unknown) => void = console.error,
) {
  return (message: unknown, sender: Browser.runtime.MessageSender): Promise<Result<unknown>> | undefined => {
    if (!isEnvelope(message)) return undefined;
    if (!isExtensionPage(sender, identity.extensionId, identity.extensionOrigin)) {
      return Promise.resolve(toFailure(new ForbiddenError()));
    }
    const handler = handlers[message.name] as (args: unknown) => Promise<unknown>;
    return handler(message.args).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => {
        if (!(error instanceof TwofoldError)) onError(error);
        return toFailure(error);
      },
    );
  };
}

/** An error as a failed Result: our errors keep their message; others get a generic one. */
export function toFailure(error: unknown): Result<never> {
  if (error instanceof TwofoldError) {
    const field = (error as { field?: unknown }).field;
    const retryAt = (error as { retryAt?: unknown }).retryAt;
    return {
      ok: false,
      error: {
        code: error.code,
        message: error.message,
        ...(typeof field === 'string' ? { field } : {}),
        ...(typeof retryAt === 'number' ? { retryAt } : {}),
      },
    };
  }
  return {
    ok: false,
    error: { code: ErrorCode.Internal, message: 'Something went wrong inside Twofold. Nothing was changed; try again.' },
  };
}
