/**
 * The background's way to its helper (utils/helper-messages.ts): the work that would make the
 * service worker heavy (jsQR, the public suffix list, the clipboard) runs elsewhere.
 *
 * - Chrome: an offscreen document, created when a request comes and closed once no request has
 *   come for {@link LINGER_MS} (a service worker cannot `import()` a chunk on demand, and has no
 *   DOM for the clipboard).
 * - Firefox (no offscreen API): the event page runs the work itself, from chunks it imports the
 *   first time they are needed.
 *
 * @see https://developer.chrome.com/docs/extensions/reference/api/offscreen
 */
import { browser, type Browser } from 'wxt/browser';
import { HELPER_CHANNEL, type HelperArgs, type HelperEnvelope, type HelperName, type HelperReply, type HelperValue } from '@/utils/helper-messages';
import { ErrorCode, HelperError } from '@/utils/errors';
import { msg } from '@/utils/i18n/local-message';

/** Runs helper requests somewhere other than the service worker's own module graph. */
export interface Helper {
  run<N extends HelperName>(name: N, args: HelperArgs<N>): Promise<HelperValue<N>>;
}

/** How long the offscreen document stays after its last request, for the next one (ms). */
export const LINGER_MS = 5_000;
const DOCUMENT_PATH = 'offscreen.html';
/** How often a request is sent again while the new document's script is not listening yet. */
const SEND_ATTEMPTS = 20;

/** Raises a failed helper reply as the error it was (or an internal one). */
function unwrap<N extends HelperName>(reply: HelperReply<N> | undefined, name: N): HelperValue<N> {
  if (reply === undefined) throw new Error(`The helper did not answer ${name}.`);
  if (reply.ok) return reply.value;
  const { code, text, field, detail } = reply.error;
  if (text) throw new HelperError(code, text, field === undefined ? {} : { field });
  throw new HelperError(ErrorCode.Internal, msg('errInternal'), { cause: new Error(detail ?? name) });
}

/** Firefox, and unit tests: the same work in this context, each part imported when first used. */
export function inPlaceHelper(): Helper {
  return {
    async run(name, args) {
      const { runHelper } = await import('../offscreen/helper-work');
      return unwrap(await runHelper(name, args), name);
    },
  };
}

type Offscreen = typeof Browser.offscreen;

/** Chrome: the offscreen document (entrypoints/offscreen), opened on demand, closed after. */
export function offscreenHelper(
  offscreen: Offscreen,
  send: (envelope: HelperEnvelope) => Promise<unknown> = (envelope) => browser.runtime.sendMessage(envelope),
): Helper {
  let opening: Promise<void> | null = null;
  let closing: Promise<void> | null = null;
  let busy = 0;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;

  async function open(): Promise<void> {
    if (closing) await closing;
    opening ??= (async () => {
      // A document left open by an earlier run of this worker is used as it is.
      if (await offscreen.hasDocument()) return;
      await offscreen.createDocument({
        url: DOCUMENT_PATH,
        reasons: [offscreen.Reason.WORKERS, offscreen.Reason.BLOBS, offscreen.Reason.CLIPBOARD],
        justification: 'Reads QR codes from a captured tab and other apps\' exports in a worker, looks sites up in the public suffix list, and clears a copied code from the clipboard.',
      });
    })().finally(() => {
      opening = null;
    });
    await opening;
  }

  function closeLater() {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(() => {
      if (busy > 0) return;
      closing = offscreen.closeDocument().catch(() => undefined).finally(() => {
        closing = null;
      });
    }, LINGER_MS);
  }

  async function sendWhenListening(envelope: HelperEnvelope): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      try {
        const reply = await send(envelope);
        if (reply !== undefined || attempt >= SEND_ATTEMPTS) return reply;
      } catch (error) {
        // "Receiving end does not exist": the document is still loading its script.
        if (attempt >= SEND_ATTEMPTS) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  return {
    async run(name, args) {
      busy++;
      clearTimeout(closeTimer);
      try {
        await open();
        const reply = (await sendWhenListening({ channel: HELPER_CHANNEL, name, args })) as HelperReply<typeof name> | undefined;
        return unwrap(reply, name);
      } finally {
        busy--;
        if (busy === 0) closeLater();
      }
    },
  };
}

/**
 * The helper for this browser. Only Firefox's build holds the in-place helper and its `import()`:
 * Chrome's background is one classic script (see entrypoints/background/index.ts), where an
 * `import()` would pull every helper chunk into the worker.
 */
export function createHelper(): Helper {
  if (import.meta.env.FIREFOX) return inPlaceHelper();
  return offscreenHelper(browser.offscreen);
}
