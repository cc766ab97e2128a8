/**
 * The helper's heavy requests, as they run inside ./heavy-worker.ts: each loads its code (jsQR,
 * the import parsers and their crypto) the first time it is asked for.
 */
import type { HelperArgs, HelperReply, HelperValue } from '@/utils/helper-messages';
import { toHelperFailure } from './helper-failure';

/** The requests that run in the worker. */
export type HeavyName = 'decodeQr' | 'readImport';
export type HeavyCall = { [N in HeavyName]: { name: N; args: HelperArgs<N> } }[HeavyName];

const work: { [N in HeavyName]: (args: HelperArgs<N>) => Promise<HelperValue<N>> } = {
  async decodeQr({ dataUrl, crop }) {
    const [{ pixelsFromDataUrl }, { decodeQrCodes }] = await Promise.all([import('./pixels'), import('@/utils/qr/decode-qr-codes')]);
    return decodeQrCodes(await pixelsFromDataUrl(dataUrl, crop)).map((hit) => hit.text);
  },

  async readImport({ text, bytesBase64, fileName, password }) {
    const [{ importAccounts }, { fromBase64 }] = await Promise.all([import('@/utils/import'), import('@/utils/vault/base64')]);
    const input = bytesBase64 !== undefined ? { bytes: fromBase64(bytesBase64) } : { text: text ?? '' };
    return importAccounts({ ...input, ...(fileName ? { fileName } : {}) }, password === undefined ? {} : { password });
  },
};

/** Runs one heavy request; failures become results (see ./helper-failure.ts). */
export async function runHeavy(call: HeavyCall): Promise<HelperReply> {
  try {
    const run = work[call.name] as (args: HeavyCall['args']) => Promise<HelperValue<HeavyName>>;
    return { ok: true, value: await run(call.args) };
  } catch (error) {
    return toHelperFailure(error);
  }
}
