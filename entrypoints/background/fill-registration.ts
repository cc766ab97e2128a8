/**
 * The inline button's reach: the small detector (entrypoints/autofill) is registered at
 * runtime for exactly the bound sites the user gave Twofold access to (an optional host
 * permission per site, asked from the popup). A site no account is bound to any more loses
 * both its registration and its permission.
 */
import { browser } from 'wxt/browser';
import type { VaultService } from './vault-service';
import { VaultLockedError, VaultMissingError } from '@/utils/errors';
import { siteOfPattern, sitePatterns } from '@/utils/fields/site-patterns';

/** Id of the runtime-registered detector. */
export const AUTOFILL_SCRIPT_ID = 'twofold-autofill';
/** The built detector, see entrypoints/autofill/index.ts. */
export const AUTOFILL_SCRIPT_FILE = 'autofill.js';

/** Whether the user gave Twofold access to `site` (every pattern of it). */
export async function hasSiteAccess(site: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: sitePatterns(site) });
  } catch {
    return false;
  }
}

let running: Promise<void> = Promise.resolve();
/** The run queued behind the current one, not started yet: later calls share it. */
let pending: Promise<void> | null = null;

/**
 * Brings the registration and the per-site permissions in line with the bound sites. While the
 * vault is locked the bound sites are unknown: the registration stays as it is, and only follows
 * permissions the user removed (the browser already stopped injecting there).
 * One run at a time. Calls made while a run waits to start share that run, which reads the state
 * as it is when it starts: a burst of vault writes (200 accounts added one by one, a sync round)
 * costs one more run, not one run of storage and scripting calls per write. The promise settles
 * after a run that started after the call. Never throws (failures are logged).
 */
export function syncFillRegistration(vault: VaultService): Promise<void> {
  if (pending) return pending;
  const run = running
    .then(() => {
      pending = null;
      return sync(vault);
    })
    .catch((error: unknown) => console.error('Twofold: fill registration', error));
  pending = run;
  running = run;
  return run;
}

async function sync(vault: VaultService): Promise<void> {
  let sites: string[] | null = null;
  try {
    sites = [...new Set((await vault.entries()).flatMap((e) => e.sites))];
  } catch (error) {
    if (!(error instanceof VaultLockedError) && !(error instanceof VaultMissingError)) throw error;
  }
  const [existing] = await browser.scripting.getRegisteredContentScripts({ ids: [AUTOFILL_SCRIPT_ID] });
  if (sites === null) {
    if (existing === undefined) return;
    sites = [...new Set((existing.matches ?? []).map(siteOfPattern).filter((s): s is string => s !== null))];
  } else {
    await dropStalePermissions(new Set(sites));
  }
  const permitted: string[] = [];
  for (const site of sites) if (await hasSiteAccess(site)) permitted.push(site);
  const matches = permitted.sort().flatMap(sitePatterns);

  if (matches.length === 0) {
    if (existing !== undefined) await browser.scripting.unregisterContentScripts({ ids: [AUTOFILL_SCRIPT_ID] });
    return;
  }
  if (existing !== undefined && sameList(existing.matches ?? [], matches)) return;
  const script = {
    id: AUTOFILL_SCRIPT_ID,
    js: [AUTOFILL_SCRIPT_FILE],
    matches,
    allFrames: true,
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  if (existing !== undefined) await browser.scripting.unregisterContentScripts({ ids: [AUTOFILL_SCRIPT_ID] });
  try {
    // about:blank and srcdoc frames written by the page get the detector too (Chrome 119+).
    await browser.scripting.registerContentScripts([{ ...script, matchOriginAsFallback: true } as typeof script]);
  } catch {
    await browser.scripting.registerContentScripts([script]);
  }
}

/** Removes our per-site permissions of sites no account is bound to any more. */
async function dropStalePermissions(bound: ReadonlySet<string>): Promise<void> {
  const granted = (await browser.permissions.getAll()).origins ?? [];
  const stale = granted.filter((pattern) => {
    const site = siteOfPattern(pattern);
    return site !== null && !bound.has(site);
  });
  if (stale.length === 0) return;
  try {
    await browser.permissions.remove({ origins: stale });
  } catch {
    // Required permissions (the test build's <all_urls>) cannot be removed; nothing to do.
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);
}
