/**
 * Routes messages to handlers after checking who sent them, from `sender` only:
 * page requests are served to the extension's own pages; content requests to this
 * extension's content scripts in a web page frame, and each handler gets that sender.
 */
import type { Browser } from 'wxt/browser';
import {
  isContentEnvelope,
  isEnvelope,
  type ArgsOf,
  type ContentArgsOf,
  type ContentReplyOf,
  type ContentRequestName,
  type ReplyOf,
  type RequestName,
  type Result,
} from '@/utils/messages';
import { ErrorCode, ForbiddenError, TwofoldError } from '@/utils/errors';
import { msg } from '@/utils/i18n/local-message';
import type { Translate } from '@/utils/i18n/localize';
import { browserTranslate, userText } from './user-text';

export type MessageSender = Browser.runtime.MessageSender;

/** What a page request carries besides its arguments: the write's operation id (Envelope.op). */
export interface PageRequest {
  op?: string;
}

/**
 * Handlers for page requests; each module provides some of them. The writes in
 * RECORDED_WRITES (utils/messaging/send-request.ts) pass `request` on to VaultService.update, which stores its operation id.
 */
export type PageHandlers<K extends RequestName = RequestName> = {
  [P in K]: (args: ArgsOf<P>, request?: PageRequest) => Promise<ReplyOf<P>>;
};

/** Handlers for content-script requests, given the (checked) sender frame. */
export type ContentHandlers<K extends ContentRequestName = ContentRequestName> = {
  [P in K]: (args: ContentArgsOf<P>, sender: ContentSender) => Promise<ContentReplyOf<P>>;
};

/** A content script's sender after checking: it has a tab, a frame and a web URL. */
export interface ContentSender {
  tabId: number;
  frameId: number;
  /** The frame's URL as the browser reports it. */
  url: string;
}

export interface ExtensionIdentity {
  extensionId: string;
  /** e.g. `chrome-extension://<id>/` */
  extensionOrigin: string;
}

/** True when the message comes from one of this extension's own pages (popup, options). */
export function isExtensionPage(sender: MessageSender, identity: ExtensionIdentity): boolean {
  return sender.id === identity.extensionId && typeof sender.url === 'string' && sender.url.startsWith(identity.extensionOrigin);
}

/** The checked content-script sender, or null when the message is not from one in a web page. */
export function toContentSender(sender: MessageSender, identity: ExtensionIdentity): ContentSender | null {
  if (sender.id !== identity.extensionId || !sender.tab || typeof sender.tab.id !== 'number') return null;
  const url = sender.url;
  if (typeof url !== 'string' || url.startsWith(identity.extensionOrigin)) return null;
  return { tabId: sender.tab.id, frameId: sender.frameId ?? 0, url };
}

/**
 * Page requests that only show state, sent when a page opens or on a timer (the popup reloads
 * its list when the codes change; the options page polls sync's status): they are not something
 * the person did, so they do not hold off auto-lock.
 */
export const PASSIVE_PAGE_REQUESTS: ReadonlySet<RequestName> = new Set<RequestName>([
  'getStatus', 'getSettings', 'listAccounts', 'getActiveSite', 'getSyncStatus', 'operationLanded',
]);

/**
 * `handlers`, each of the others followed by `noteUse` (the person's own action in Twofold's
 * pages: opening the popup, unlocking, an edit, a fill, a reveal), whatever its outcome. Only
 * extension pages reach page handlers; content scripts, which any page can make talk, never do.
 */
export function withUserActivity(handlers: PageHandlers, noteUse: () => unknown): PageHandlers {
  const wrapped: Record<string, (args: never, request?: PageRequest) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers) as [RequestName, (args: never, request?: PageRequest) => Promise<unknown>][]) {
    wrapped[name] = PASSIVE_PAGE_REQUESTS.has(name)
      ? handler
      : (args, request) => Promise.resolve().then(() => handler(args, request)).finally(() => void noteUse());
  }
  return wrapped as unknown as PageHandlers;
}

/** How the router words failures. */
export interface RouterOptions {
  /** The catalogue in the user's language; the browser's by default. */
  translate?: Translate;
}

/**
 * Makes the `runtime.onMessage` listener. Messages that are not ours get no reply
 * (`undefined`), so other listeners may answer them. Failures are worded with
 * `options.translate` (see {@link toFailure}).
 */
export function createRouter(
  pageHandlers: PageHandlers,
  contentHandlers: ContentHandlers,
  identity: ExtensionIdentity,
  onError: (error: unknown) => void = console.error,
  options: RouterOptions = {},
) {
  const translate = options.translate ?? browserTranslate;
  const settle = (work: Promise<unknown>): Promise<Result<unknown>> =>
    work.then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => {
        if (!(error instanceof TwofoldError)) onError(error);
        return toFailure(error, translate);
      },
    );

  return (message: unknown, sender: MessageSender): Promise<Result<unknown>> | undefined => {
    if (isEnvelope(message)) {
      if (!isExtensionPage(sender, identity)) return Promise.resolve(toFailure(new ForbiddenError(), translate));
      const handler = pageHandlers[message.name] as (args: unknown, request: PageRequest) => Promise<unknown>;
      const request: PageRequest = message.op === undefined ? {} : { op: message.op };
      return settle(Promise.resolve().then(() => handler(message.args, request)));
    }
    if (isContentEnvelope(message)) {
      const from = toContentSender(sender, identity);
      if (!from) return Promise.resolve(toFailure(new ForbiddenError(), translate));
      const handler = contentHandlers[message.name] as (args: unknown, sender: ContentSender) => Promise<unknown>;
      return settle(Promise.resolve().then(() => handler(message.args, from)));
    }
    return undefined;
  };
}

/**
 * An error as a failed Result: our errors keep their words, in the user's language through
 * `translate` (English where it has none); others get a generic message.
 */
export function toFailure(error: unknown, translate: Translate = browserTranslate): Result<never> {
  if (error instanceof TwofoldError) {
    const field = (error as { field?: unknown }).field;
    const retryAt = (error as { retryAt?: unknown }).retryAt;
    return {
      ok: false,
      error: {
        code: error.code,
        message: userText(error.text, translate),
        ...(typeof field === 'string' ? { field } : {}),
        ...(typeof retryAt === 'number' ? { retryAt } : {}),
      },
    };
  }
  return {
    ok: false,
    error: { code: ErrorCode.Internal, message: userText(msg('errInternal'), translate) },
  };
}
