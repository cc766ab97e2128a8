/**
 * What the helper does for the background (utils/helper-messages.ts): in the offscreen document
 * on Chrome, in the event page itself on Firefox. Each request loads the code it needs only
 * when it comes (jsQR and the public suffix list are the biggest parts of Twofold); the heavy
 * ones run in a dedicated worker (./heavy-worker.ts) so that no extension page freezes meanwhile.
 */
import type { HelperArgs, HelperName, HelperReply, HelperValue } from '@/utils/helper-messages';
import { toHelperFailure } from './helper-failure';
import type { HeavyCall, HeavyName } from './heavy-work';

type LightName = Exclude<HelperName, HeavyName>;

const light: { [N in LightName]: (args: HelperArgs<N>) => Promise<HelperValue<N>> } = {
  async registrableDomains({ urls }) {
    const { registrableDomain } = await import('@/utils/site/registrable-domain');
    return urls.map((url) => registrableDomain(url));
  },

  async lookalikeOf({ host, sites }) {
    const { lookalikeOf } = await import('@/utils/site/lookalike');
    return lookalikeOf(host, sites);
  },

  async clearClipboard({ sha256 }) {
    const [{ emptyClipboard, readClipboardText }, { textSha256 }] = await Promise.all([import('./clipboard'), import('@/utils/text-sha256')]);
    const text = readClipboardText();
    // Something else was copied since (or the clipboard cannot be read): leave it alone.
    if (text === null || (await textSha256(text)) !== sha256) return false;
    return emptyClipboard();
  },
};

const HEAVY: ReadonlySet<HelperName> = new Set<HeavyName>(['decodeQr', 'readImport']);

/** The worker while heavy requests are running; ended when the last one is answered (it holds their memory). */
let worker: Worker | null = null;
const waiting = new Map<number, (reply: HelperReply) => void>();
let lastId = 0;

function inWorker(call: HeavyCall): Promise<HelperReply> {
  if (typeof Worker === 'undefined') {
    // Where there are no workers (Node unit tests), the same work runs here.
    return import('./heavy-work').then(({ runHeavy }) => runHeavy(call));
  }
  if (worker === null) {
    const started = new Worker(new URL('./heavy-worker.ts', import.meta.url), { type: 'module' });
    started.addEventListener('message', (event: MessageEvent<{ id: number; reply: HelperReply }>) => {
      waiting.get(event.data.id)?.(event.data.reply);
    });
    started.addEventListener('error', (event) => {
      for (const answer of waiting.values()) answer(toHelperFailure(new Error(event.message || 'The helper worker failed.')));
    });
    worker = started;
  }
  const id = ++lastId;
  const running = worker;
  return new Promise<HelperReply>((resolve) => {
    waiting.set(id, (reply) => {
      waiting.delete(id);
      if (waiting.size === 0 && worker === running) {
        running.terminate();
        worker = null;
      }
      resolve(reply);
    });
    running.postMessage({ id, ...call });
  });
}

/** Runs one request; failures become results that keep a Twofold error's code and words. */
export async function runHelper<N extends HelperName>(name: N, args: HelperArgs<N>): Promise<HelperReply<N>> {
  if (HEAVY.has(name)) return (await inWorker({ name, args } as HeavyCall)) as HelperReply<N>;
  try {
    const run = light[name as LightName] as (args: HelperArgs<N>) => Promise<HelperValue<N>>;
    return { ok: true, value: await run(args) };
  } catch (error) {
    return toHelperFailure(error) as HelperReply<N>;
  }
}
