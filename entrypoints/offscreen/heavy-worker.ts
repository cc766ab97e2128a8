/**
 * A dedicated worker for the helper's heavy requests (QR decoding, reading another app's export
 * with its key derivation). Extension pages share one main thread with the offscreen document
 * (and, on Firefox, with the event page): work done there would freeze the popup or the options
 * page while it runs, so it runs here instead.
 */
import { runHeavy, type HeavyCall } from './heavy-work';

self.addEventListener('message', (event: MessageEvent<HeavyCall & { id: number }>) => {
  const { id, name, args } = event.data;
  void runHeavy({ name, args } as HeavyCall).then((reply) => self.postMessage({ id, reply }));
});
