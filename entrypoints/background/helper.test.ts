import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { HELPER_CHANNEL, type HelperEnvelope } from '@/utils/helper-messages';
import { ErrorCode, TwofoldError } from '@/utils/errors';
import { msg } from '@/utils/i18n/local-message';
import { runHelper } from '../offscreen/helper-work';
import { LINGER_MS, offscreenHelper } from './helper';

/** Chrome's offscreen API as far as the helper uses it, recording what it was asked to do. */
function fakeOffscreen() {
  let open = false;
  const calls: string[] = [];
  const api = {
    Reason: { WORKERS: 'WORKERS', BLOBS: 'BLOBS', CLIPBOARD: 'CLIPBOARD' },
    hasDocument: async () => open,
    createDocument: async (params: { url: string; reasons: string[] }) => {
      calls.push(`create ${params.url} ${params.reasons.join('+')}`);
      open = true;
    },
    closeDocument: async () => {
      calls.push('close');
      open = false;
    },
  };
  return { api: api as unknown as typeof Browser.offscreen, calls, isOpen: () => open };
}

/** The document's side: the real helper work, reached only while the document is open. */
function documentSend(isOpen: () => boolean) {
  const sent: HelperEnvelope[] = [];
  const send = async (envelope: HelperEnvelope) => {
    sent.push(envelope);
    if (!isOpen()) throw new Error('Could not establish connection. Receiving end does not exist.');
    return runHelper(envelope.name, envelope.args);
  };
  return { send, sent };
}

describe('offscreenHelper', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens the document for a request, answers through it, and closes it once no request came for a while', async () => {
    const offscreen = fakeOffscreen();
    const { send, sent } = documentSend(offscreen.isOpen);
    const helper = offscreenHelper(offscreen.api, send);
    expect(await helper.run('registrableDomains', { urls: ['https://www.amazon.co.uk/'] })).toEqual(['amazon.co.uk']);
    expect(await helper.run('lookalikeOf', { host: 'amaz0n.com', sites: ['amazon.com'] })).toBe('amazon.com');
    expect(offscreen.calls).toEqual(['create offscreen.html WORKERS+BLOBS+CLIPBOARD']);
    expect(sent.map((e) => [e.channel, e.name])).toEqual([[HELPER_CHANNEL, 'registrableDomains'], [HELPER_CHANNEL, 'lookalikeOf']]);

    await vi.advanceTimersByTimeAsync(LINGER_MS - 1);
    expect(offscreen.isOpen()).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(offscreen.calls).toEqual(['create offscreen.html WORKERS+BLOBS+CLIPBOARD', 'close']);

    expect(await helper.run('registrableDomains', { urls: ['https://example.org/'] })).toEqual(['example.org']);
    expect(offscreen.calls).toEqual(['create offscreen.html WORKERS+BLOBS+CLIPBOARD', 'close', 'create offscreen.html WORKERS+BLOBS+CLIPBOARD']);
  });

  it('uses a document an earlier worker left open', async () => {
    const offscreen = fakeOffscreen();
    await offscreen.api.createDocument({ url: 'offscreen.html', reasons: [], justification: '' });
    offscreen.calls.length = 0;
    const helper = offscreenHelper(offscreen.api, documentSend(offscreen.isOpen).send);
    expect(await helper.run('registrableDomains', { urls: ['https://a.b.example.com/'] })).toEqual(['example.com']);
    expect(offscreen.calls).toEqual([]);
  });

  it("raises the helper's own error with its code and words", async () => {
    const offscreen = fakeOffscreen();
    const helper = offscreenHelper(offscreen.api, async () => ({ ok: false, error: { code: ErrorCode.CaptureFailed, text: msg('errNotAnImage') } }));
    const failure = helper.run('decodeQr', { dataUrl: 'data:text/plain,hi' });
    await expect(failure).rejects.toBeInstanceOf(TwofoldError);
    await expect(failure).rejects.toMatchObject({ code: ErrorCode.CaptureFailed, text: { key: 'errNotAnImage' } });
  });

  it('says an unexpected failure is internal', async () => {
    const offscreen = fakeOffscreen();
    const helper = offscreenHelper(offscreen.api, async () => ({ ok: false, error: { code: ErrorCode.Internal, detail: 'boom' } }));
    await expect(helper.run('registrableDomains', { urls: [] })).rejects.toMatchObject({ code: ErrorCode.Internal });
  });
});
