/**
 * The background's reach into a tab's frames for filling: which site a sender frame belongs to,
 * and injecting and calling the fill agent (entrypoints/fill-agent) there.
 */
import { browser } from 'wxt/browser';
import { FILL_AGENT_GLOBAL, type FillAgentApi, type FillNowRequest, type FillNowResult, type NoFieldRequest } from '@/utils/fields-dom/fill-agent-api';
import type { ContentSender } from './router';
import type { SiteLookup } from './site-lookup';

/** The built fill agent, see entrypoints/fill-agent/index.ts. */
export const FILL_AGENT_FILE = '/fill-agent.js';

const INHERITING_URL = /^about:(?:blank|srcdoc)(?:[?#]|$)/u;

/**
 * The registrable domain of the sender's frame, or null when it belongs to no site or is not
 * served securely (an `http:` frame other than this computer's: see `pageSite`).
 *
 * The frame's URL comes from the browser (`sender`). `about:blank` and `about:srcdoc` frames
 * written by a page have no site in their URL: they belong to the origin that created them,
 * which only the frame knows; it is read in the extension's isolated world of that frame, where
 * page scripts cannot reach.
 */
export async function frameSite(sender: ContentSender, sites: SiteLookup): Promise<string | null> {
  const direct = await sites.bindableSite(sender.url);
  if (direct !== null || !INHERITING_URL.test(sender.url)) return direct;
  try {
    const [probe] = await browser.scripting.executeScript({
      target: { tabId: sender.tabId, frameIds: [sender.frameId] },
      func: () => self.origin,
    });
    return typeof probe?.result === 'string' ? await sites.bindableSite(probe.result) : null;
  } catch {
    return null;
  }
}

/** Frames of a tab to reach: some by id, or all of them. */
export type FrameTarget = { tabId: number; frameIds?: number[] };

function injectionTarget(target: FrameTarget) {
  return target.frameIds === undefined
    ? { tabId: target.tabId, allFrames: true }
    : { tabId: target.tabId, frameIds: target.frameIds };
}

/**
 * Loads the fill agent into the target frames that do not have it yet.
 * Throws what `scripting.executeScript` throws (no access to the tab).
 */
export async function injectFillAgent(target: FrameTarget): Promise<void> {
  const present = await browser.scripting.executeScript({
    target: injectionTarget(target),
    func: (name: string) => name in globalThis,
    args: [FILL_AGENT_GLOBAL],
  });
  const missing = present.filter((p) => p.result !== true).map((p) => p.frameId);
  if (missing.length === 0) return;
  await browser.scripting.executeScript({
    target: { tabId: target.tabId, frameIds: missing },
    files: [FILL_AGENT_FILE],
  });
}

/** Per frame, whether the agent there sees a code field now. */
export async function framesWithField(target: FrameTarget): Promise<number[]> {
  await injectFillAgent(target);
  const results = await browser.scripting.executeScript({
    target: injectionTarget(target),
    func: (name: string) => {
      const agent = (globalThis as unknown as Record<string, FillAgentApi | undefined>)[name];
      return agent?.hasField() ?? false;
    },
    args: [FILL_AGENT_GLOBAL],
  });
  return results.filter((r) => r.result === true).map((r) => r.frameId);
}

/**
 * Asks the agent in each target frame to fill (it asks the background for the code of its own
 * frame, so the trust check stays in the content handler). Resolves with each frame's result.
 */
export async function fillInFrames(target: FrameTarget, request: FillNowRequest): Promise<FillNowResult[]> {
  await injectFillAgent(target);
  const results = await browser.scripting.executeScript({
    target: injectionTarget(target),
    func: async (name: string, req: FillNowRequest): Promise<FillNowResult> => {
      const agent = (globalThis as unknown as Record<string, FillAgentApi | undefined>)[name];
      return agent === undefined ? { filled: false, reason: 'no-field' } : agent.fillNow(req);
    },
    args: [FILL_AGENT_GLOBAL, request],
  });
  return results.map((r) => (r.result as FillNowResult | undefined) ?? { filled: false, reason: 'no-field' });
}

/**
 * Never silent: after an explicit request found no field in any frame, the agent of one frame
 * (the top one, or the right-clicked one) copies the code unless the popup tried, and says on
 * the page what came of it. Resolves true when the code is on the clipboard. Throws what `executeScript` throws.
 */
export async function noFieldIn(tabId: number, frameId: number, request: NoFieldRequest): Promise<boolean> {
  await injectFillAgent({ tabId, frameIds: [frameId] });
  const [result] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    func: async (name: string, req: NoFieldRequest): Promise<boolean> => {
      const agent = (globalThis as unknown as Record<string, FillAgentApi | undefined>)[name];
      return agent === undefined ? false : agent.noField(req);
    },
    args: [FILL_AGENT_GLOBAL, request],
  });
  return result?.result === true;
}
