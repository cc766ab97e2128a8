/**
 * What the helper does for the background (utils/helper-messages.ts): in the offscreen document
 * on Chrome, in the event page itself on Firefox. Each request loads the code it needs only
 * when it comes (jsQR and the public suffix list are the biggest parts of Twofold).
 */
import type { HelperArgs, HelperName, HelperReply, HelperValue } from '@/utils/helper-messages';
import { ErrorCode, TwofoldError } from '@/utils/errors';

type Work = { [N in HelperName]: (args: HelperArgs<N>) => Promise<HelperValue<N>> };

const work: Work = {
  async decodeQr({ dataUrl, crop }) {
    const [{ pixelsFromDataUrl }, { decodeQrCodes }] = await Promise.all([import('./pixels'), import('@/utils/qr/decode-qr-codes')]);
    return decodeQrCodes(await pixelsFromDataUrl(dataUrl, crop)).map((hit) => hit.text);
  },

  async registrableDomains({ urls }) {
    const { registrableDomain } = await import('@/utils/site/registrable-domain');
    return urls.map((url) => registrableDomain(url));
  },

  async lookalikeOf({ host, sites }) {
    const { lookalikeOf } = await import('@/utils/site/lookalike');
    return lookalikeOf(host, sites);
  },

  async clearClipboard({ code, checkFirst }) {
    const { emptyClipboard, readClipboardText } = await import('./clipboard');
    if (checkFirst && readClipboardText() !== code) return false;
    return emptyClipboard();
  },
};

/** Runs one request; failures become results that keep a Twofold error's code and words. */
export async function runHelper<N extends HelperName>(name: N, args: HelperArgs<N>): Promise<HelperReply<N>> {
  try {
    return { ok: true, value: await (work[name] as (args: HelperArgs<N>) => Promise<HelperValue<N>>)(args) };
  } catch (error) {
    if (error instanceof TwofoldError) return { ok: false, error: { code: error.code, text: error.text } };
    return { ok: false, error: { code: ErrorCode.Internal, detail: error instanceof Error ? error.message : String(error) } };
  }
}
