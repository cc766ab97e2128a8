/**
 * The full filler, loaded into a frame on demand with `scripting.executeScript` — by the
 * background when the small detector (entrypoints/autofill) saw a candidate field, or when a
 * trigger (popup, shortcut, context menu) fills. It publishes its surface on the content-script
 * world's global object for the background to call; page scripts cannot see that world.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { FILL_AGENT_GLOBAL, type FillAgentApi } from '@/utils/fields-dom/fill-agent-api';
import { ScriptContext } from '@/utils/fields-dom/script-context';
import { isExtensionAlive } from '@/utils/messaging/send-content-request';
import { startFillAgent } from './fill-agent';

type AgentGlobal = Record<typeof FILL_AGENT_GLOBAL, FillAgentApi | undefined>;

export default defineUnlistedScript(() => {
  const global = globalThis as unknown as AgentGlobal;
  // Injected twice into one frame (two triggers at once): the first copy serves both.
  if (global[FILL_AGENT_GLOBAL] !== undefined) return;
  main(new ScriptContext('fill-agent', isExtensionAlive));
});

function main(ctx: ScriptContext): void {
  ctx.takeOver();
  const global = globalThis as unknown as AgentGlobal;
  const api = startFillAgent(ctx);
  global[FILL_AGENT_GLOBAL] = api;
  ctx.onInvalidated(() => {
    if (global[FILL_AGENT_GLOBAL] === api) delete global[FILL_AGENT_GLOBAL];
  });
}
