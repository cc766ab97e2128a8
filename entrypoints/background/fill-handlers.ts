/**
 * One-click fill, the background's part: codes for content scripts (only for the sender frame's
 * own site), the popup's "fill into this tab", and the triggers (keyboard command, context menu).
 *
 * The content scripts never see a secret: they get one code, for an account bound to the
 * registrable domain of their frame as `sender` reports it, or one the user just allowed there.
 */
import { browser, type Browser } from 'wxt/browser';
import type { AccountEntry } from '@/utils/otp/account';
import type { FillAccounts, FillOutcome, FillTarget } from '@/utils/messages';
import type { FillNowRequest, FillNowResult } from '@/utils/fields-dom/fill-agent-api';
import { displayName } from '@/utils/accounts/display-name';
import { FillInsecurePageError, FillLookalikeError, FillNeedsConfirmationError, FillNotAllowedError, NotFoundError, VaultLockedError } from '@/utils/errors';
import { msg } from '@/utils/i18n/local-message';
import type { VaultService } from './vault-service';
import type { ContentHandlers, PageHandlers } from './router';
import { dataKeyItem, fillLastUsedItem, settingsItem } from './storage-items';
import { FillGrants } from './fill-grants';
import { codeToFill } from './fill-code';
import { fillInFrames, frameSite, framesWithField, injectFillAgent, noFieldIn, type FrameTarget } from './fill-frames';
import { syncFillRegistration } from './fill-registration';
import { userText } from './user-text';
import { recordFill } from './recovery-handlers';
import type { SiteLookup } from './site-lookup';

/** Content requests of the fill feature. */
export type FillContentRequestName = 'fillAccounts' | 'fillCode' | 'fillLoadAgent' | 'fillUnlock';

/** The keyboard command's name in the manifest (wxt.config.ts). */
export const FILL_COMMAND = 'fill-code';
/** The context menu item's id. */
export const FILL_MENU_ID = 'twofold-fill';
/** How long a content script's unlock request waits for the user (ms). */
const UNLOCK_WAIT_MS = 3 * 60_000;

export interface FillDeps {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

const defaultDeps: FillDeps = {
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The fill handlers: page requests from the popup, content requests from the fill scripts. */
export function createFillHandlers(
  vault: VaultService,
  sites: SiteLookup,
  deps: FillDeps = defaultDeps,
): { page: PageHandlers<'checkFillTarget' | 'fillActiveTab'>; content: ContentHandlers<FillContentRequestName> } {
  const grants = new FillGrants(deps.now);
  const unlockWaits = new UnlockWaits();

  /** The tab a popup request is about, with its URL and site, or why there is none. */
  async function targetTab(
    tabId: number | undefined,
  ): Promise<{ tab: Browser.tabs.Tab & { id: number }; url: string; site: string } | { reason: string; insecure?: string }> {
    let tab: Browser.tabs.Tab | undefined;
    try {
      tab = tabId === undefined ? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0] : await browser.tabs.get(tabId);
    } catch {
      tab = undefined;
    }
    if (tab?.id === undefined) return { reason: userText(msg('fillNoTab')) };
    const url = tab.url ?? '';
    const page = await sites.pageSite(url);
    if (page.kind === 'none') return { reason: userText(msg('fillWebPagesOnly')) };
    // A plain-http page can be read and rewritten on the way: no code, even for a bound site.
    if (page.kind === 'insecure') return { reason: userText(msg('fillInsecurePage', page.site)), insecure: page.site };
    return { tab: tab as Browser.tabs.Tab & { id: number }, url, site: page.site };
  }

  async function findEntry(id: string): Promise<{ entry: AccountEntry; entries: AccountEntry[] }> {
    const entries = await vault.entries();
    const entry = entries.find((e) => e.id === id);
    if (!entry) throw new NotFoundError();
    return { entry, entries };
  }

  async function checkTarget(id: string, tabId: number | undefined): Promise<{ target: FillTarget; tabId?: number }> {
    const { entry, entries } = await findEntry(id);
    const found = await targetTab(tabId);
    if ('reason' in found) {
      return { target: found.insecure !== undefined ? { state: 'insecure', site: found.insecure, reason: found.reason } : { state: 'unavailable', reason: found.reason } };
    }
    let frames: number[];
    try {
      frames = await framesWithField({ tabId: found.tab.id });
    } catch {
      // No access to the tab (a browser page, a store page, or no activeTab grant).
      return { target: { state: 'unavailable', reason: userText(msg('fillCannotReach')) } };
    }
    // On the account's own site an explicit request never ends in silence: with no field, the
    // page says the code is copied (see fillActiveTab).
    if (entry.sites.includes(found.site)) return { target: { state: 'bound', site: found.site }, tabId: found.tab.id };
    if (frames.length === 0) return { target: { state: 'unavailable', reason: userText(msg('fillNoCodeField')) } };
    const host = new URL(found.url).hostname;
    const lookalike = (await sites.lookalikeOf(host, entry.sites)) ?? (await sites.lookalikeOf(host, entries.flatMap((e) => e.sites)));
    return {
      target: { state: 'unbound', site: found.site, ...(lookalike !== null ? { lookalikeOf: lookalike } : {}) },
      tabId: found.tab.id,
    };
  }

  const page: PageHandlers<'checkFillTarget' | 'fillActiveTab'> = {
    async checkFillTarget({ id, tabId }) {
      return (await checkTarget(id, tabId)).target;
    },

    async fillActiveTab({ id, tabId, confirmed, bindSite, copied }) {
      const { target, tabId: tab } = await checkTarget(id, tabId);
      if (target.state === 'insecure') throw new FillInsecurePageError(target.site);
      if (target.state === 'unavailable' || tab === undefined) return { filled: false, outcome: 'unavailable' };
      if (target.state === 'unbound') {
        // No answer makes a look-alike safe: it is bound deliberately (settings, or a scan there).
        if (target.lookalikeOf !== undefined) throw new FillLookalikeError(target.site, target.lookalikeOf);
        if (!confirmed && !bindSite) throw new FillNeedsConfirmationError(target.site);
        if (bindSite) {
          await vault.update((entries) => {
            const entry = entries.find((e) => e.id === id);
            if (!entry) throw new NotFoundError();
            if (!entry.sites.includes(target.site)) entry.sites = [...entry.sites, target.site];
            entry.updatedAt = deps.now();
            return { entries, result: undefined };
          });
        } else {
          grants.grant(tab, target.site, id);
        }
      }
      // The popup closes after a fill: the page confirms it.
      const results = await fillInFrames({ tabId: tab }, { accountId: id, confirm: true });
      const outcome = outcomeOf(results);
      if (outcome !== 'copied') return { filled: outcome === 'filled', outcome };
      // No field anywhere: the page says whether the popup got the code onto the clipboard.
      await noFieldIn(tab, 0, { copied: copied === true }).catch(() => false);
      return { filled: false, outcome };
    },
  };

  const content: ContentHandlers<FillContentRequestName> = {
    async fillAccounts(_args, sender): Promise<FillAccounts> {
      const site = await frameSite(sender, sites);
      if (site === null) return { locked: false, accounts: [] };
      let entries: AccountEntry[];
      try {
        entries = await vault.entries();
      } catch (error) {
        if (error instanceof VaultLockedError) return { locked: true };
        throw error;
      }
      const lastUsed = (await fillLastUsedItem.getValue())[site];
      const accounts = entries.filter((e) => e.sites.includes(site)).map((e) => ({ id: e.id, name: displayName(e), label: e.label }));
      // No account here: a look-alike of a bound site is told so, loudly, instead of "no account".
      const bound = accounts.length === 0 ? entries.flatMap((e) => e.sites) : [];
      const real = bound.length > 0 ? await sites.lookalikeOf(hostOf(sender.url) || site, bound) : null;
      return {
        locked: false,
        accounts,
        ...(lastUsed !== undefined ? { lastUsed } : {}),
        ...(real !== null ? { lookalike: userText(msg('errFillLookalike', site, real)) } : {}),
      };
    },

    async fillCode({ accountId }, sender) {
      const site = await frameSite(sender, sites);
      if (site === null) throw new FillNotAllowedError(null);
      const { entry } = await findEntry(String(accountId));
      if (!entry.sites.includes(site) && !grants.take(sender.tabId, site, entry.id)) throw new FillNotAllowedError(site);
      const code = await codeToFill(entry, deps);
      if (entry.sites.includes(site)) {
        const lastUsed = await fillLastUsedItem.getValue();
        if (lastUsed[site] !== entry.id) await fillLastUsedItem.setValue({ ...lastUsed, [site]: entry.id });
      }
      // A fill is always asked for: the inline button (in a closed shadow root, out of the page's
      // reach), the popup, the shortcut or the menu. Loading the agent or listing accounts is not.
      void vault.noteUse();
      // The backup reminder waits for the first sign-in fill after a site's setup (a note that
      // could not be written must not cost the person the fill).
      await recordFill(entry, deps.now()).catch(() => undefined);
      if (entry.kind === 'hotp') {
        // A counter code is used up once typed: the next fill (and the popup) move on.
        await vault.update((entries) => {
          const saved = entries.find((e) => e.id === entry.id);
          if (saved && saved.counter === entry.counter) saved.counter += 1;
          return { entries, result: undefined };
        });
      }
      const { autoSubmit } = await settingsItem.getValue();
      return autoSubmit === true ? { code, submit: true } : { code };
    },

    async fillLoadAgent(_args, sender) {
      const site = await frameSite(sender, sites);
      if (site === null) return { loaded: false };
      try {
        const entries = await vault.entries();
        if (!entries.some((e) => e.sites.includes(site))) return { loaded: false };
      } catch (error) {
        // Locked: the detector runs only on bound sites, so the button may offer to unlock.
        if (!(error instanceof VaultLockedError)) throw error;
      }
      await injectFillAgent({ tabId: sender.tabId, frameIds: [sender.frameId] });
      return { loaded: true };
    },

    async fillUnlock(_args, sender) {
      if (await vault.isUnlocked()) return { unlocked: true };
      return { unlocked: await unlockWaits.wait(sender.tabId) };
    },
  };

  return { page, content };
}

/**
 * The unlock window opened for content scripts: one at a time, shared by every frame that
 * asks, closed once the vault is unlocked.
 */
class UnlockWaits {
  private pending: Promise<boolean> | null = null;
  private windowId: number | undefined;

  async wait(tabId: number): Promise<boolean> {
    if (this.pending !== null) {
      if (this.windowId !== undefined) await browser.windows.update(this.windowId, { focused: true }).catch(() => undefined);
      return this.pending;
    }
    this.pending = this.open(tabId).finally(() => {
      this.pending = null;
      this.windowId = undefined;
    });
    return this.pending;
  }

  private async open(tabId: number): Promise<boolean> {
    const unlocked = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => done(false), UNLOCK_WAIT_MS);
      const unwatch = dataKeyItem.watch((key) => {
        if (key) done(true);
      });
      const onRemoved = (id: number) => {
        if (id === this.windowId) done(false);
      };
      browser.windows.onRemoved.addListener(onRemoved);
      function done(value: boolean) {
        clearTimeout(timer);
        unwatch();
        browser.windows.onRemoved.removeListener(onRemoved);
        resolve(value);
      }
    });
    // The popup page, in a small window, knowing which tab to fill when a code is clicked.
    const created = await browser.windows.create({
      url: browser.runtime.getURL(`/popup.html?tab=${tabId}`),
      type: 'popup',
      width: 380,
      height: 600,
      focused: true,
    });
    this.windowId = created?.id;
    const result = await unlocked;
    if (result && this.windowId !== undefined) await browser.windows.remove(this.windowId).catch(() => undefined);
    return result;
  }
}

/**
 * What came of a fill in a tab's frames: filled somewhere; a frame asks or offers a choice (or
 * waits for the unlock, or was refused: it said so itself); or no frame had a field.
 */
function outcomeOf(results: readonly FillNowResult[]): Exclude<FillOutcome, 'unavailable'> {
  if (results.some((r) => r.filled)) return 'filled';
  if (results.some((r) => r.reason !== undefined && r.reason !== 'no-field' && r.reason !== 'no-account')) return 'asking';
  return 'copied';
}

/**
 * Fills the site's code into a tab from a trigger (shortcut, context menu). When no frame has a
 * field, the agent of `noticeFrame` copies the code and says so on the page.
 */
async function fillFromTrigger(target: FrameTarget, request: FillNowRequest, noticeFrame = 0): Promise<FillNowResult[]> {
  try {
    const results = await fillInFrames(target, request);
    if (outcomeOf(results) === 'copied') await noFieldIn(target.tabId, noticeFrame, {});
    return results;
  } catch (error) {
    // No access to this tab (browser pages, the web store): nothing to fill there.
    console.warn('Twofold: cannot fill this tab', error);
    return [];
  }
}

/**
 * Wires the fill triggers and the inline button's registration: the keyboard command, the
 * context menu item on editable fields, and re-syncing the runtime-registered detector when
 * permissions, accounts or the lock state change.
 */
export function registerFillTriggers(vault: VaultService): void {
  const onCommand = async (command: string, tab?: Browser.tabs.Tab): Promise<FillNowResult[]> => {
    if (command !== FILL_COMMAND) return [];
    // Only the browser runs a command: the person pressed the keys.
    void vault.noteUse();
    const id = tab?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
    return id === undefined ? [] : fillFromTrigger({ tabId: id }, {});
  };
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
  // The same handler, reachable from the service worker's console and the end-to-end tests
  // (a headless browser has no window to press a browser shortcut in). Only this extension's
  // own contexts can see the worker's global object.
  Object.assign(globalThis, { twofoldCommand: onCommand });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: FILL_MENU_ID, title: browser.i18n.getMessage('contextMenuFill'), contexts: ['editable'] }, () => {
      // A duplicate id after an update is harmless; reading lastError keeps the console quiet.
      void browser.runtime.lastError;
    });
    void syncFillRegistration(vault);
  });
  // The context menu fills exactly the field that was right-clicked (the focused one), in its frame.
  const onMenu = async (info: { menuItemId: string | number; frameId?: number }, tab?: { id?: number }): Promise<FillNowResult[]> => {
    if (info.menuItemId !== FILL_MENU_ID || tab?.id === undefined) return [];
    void vault.noteUse();
    return fillFromTrigger({ tabId: tab.id, frameIds: [info.frameId ?? 0] }, { focusedField: true }, info.frameId ?? 0);
  };
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenu(info, tab));
  Object.assign(globalThis, { twofoldMenu: onMenu });

  const sync = () => void syncFillRegistration(vault);
  browser.runtime.onStartup.addListener(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  // Accounts changed (a site added or removed, an account deleted) or the vault was unlocked.
  browser.storage.onChanged.addListener((changes, area) => {
    if ((area === 'local' && 'vault' in changes) || (area === 'session' && 'dataKey' in changes)) sync();
  });
}

/** The host name of a frame's URL ('' for about:blank and the like). */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
