/**
 * The always-on part of one-click fill, registered at runtime (scripting.registerContentScripts)
 * on the sites the user bound and gave access to, in all frames. It stays tiny: it only looks
 * for something that may be a code field — now, and in nodes added later (batched) — and then
 * asks the background to load the full filler (entrypoints/fill-agent) into this frame, and
 * stops. On a page with no candidate it only keeps a cheap, batched watch.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ScriptContext } from '@/utils/fields-dom/script-context';
import { isExtensionAlive, sendContentRequest } from '@/utils/messaging/send-content-request';
import { mayHoldCodeField } from './quick-detect';

// Mutations are looked at in batches, at most this often (ms).
const BATCH_MS = 250;

export default defineUnlistedScript(() => {
  main(new ScriptContext('autofill', isExtensionAlive));
});

/**
 * Looks for a candidate field now, or watches for one; loads the fill agent when one shows up.
 * Exported for the bench, which runs it in a plain page.
 */
export function main(ctx: ScriptContext): void {
  ctx.takeOver();
  if (mayHoldCodeField(document, document)) {
    void load(ctx);
    return;
  }
  watch(ctx);
}

/** Watches for added nodes (single-page apps, late fields) and checks them in batches. */
function watch(ctx: ScriptContext): void {
  let added: Element[] = [];
  let scheduled = false;
  const observer = ctx.observe(document, { childList: true, subtree: true }, (records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) added.push(node as Element);
    }
    if (scheduled || added.length === 0) return;
    scheduled = true;
    ctx.setTimeout(() => {
      scheduled = false;
      const batch = added;
      added = [];
      if (batch.some((el) => el.isConnected && (el.localName === 'input' || mayHoldCodeField(el, document)))) {
        // An added lone input is checked with the whole page, for its label and headings.
        if (mayHoldCodeField(document, document)) {
          observer.disconnect();
          void load(ctx);
        }
      }
    }, BATCH_MS);
  });
}

async function load(ctx: ScriptContext): Promise<void> {
  await sendContentRequest('fillLoadAgent');
  // Loaded (the agent takes over from here), or not wanted here (no account for this frame's
  // site), or refused: either way this detector's work is done.
  ctx.abort();
}
