/**
 * Enrollment: scan the active tab, an area of it, an image or pasted text for setup codes,
 * hold what was found until the user confirms, then save it bound to the tab's site.
 */
import { browser } from 'wxt/browser';
import type { AccountDraft, AccountEntry } from '@/utils/otp/account';
import type { AccountView, ScanReport } from '@/utils/messages';
import { interpretQrTexts, type InterpretedScan, type ScanSource } from '@/utils/qr/interpret-qr-texts';
import { findDuplicate, toAccountView } from '@/utils/accounts/account-views';
import { displayName } from '@/utils/accounts/display-name';
import { CaptureFailedError, DuplicateAccountError, InvalidInputError, TwofoldError, VaultLockedError } from '@/utils/errors';
import { msg } from '@/utils/i18n/local-message';
import type { VaultService } from './vault-service';
import type { ContentHandlers, PageHandlers, PageRequest } from './router';
import type { CaptureCrop } from '@/utils/helper-messages';
import { captureWindow } from './capture';
import type { Helper } from './helper';
import type { SiteLookup } from './site-lookup';
import { userText } from './user-text';
import { PendingOffers } from './pending-offers';
import { pendingScansItem, regionRequestsItem } from './storage-items';

/** How long a scan waits for the user to confirm it. */
const PENDING_MS = 10 * 60 * 1000;
/** The longest pasted text accepted. */
const MAX_TEXT = 64 * 1024;

/** A scan's accounts waiting for Save, and the site they will be bound to. */
interface PendingScan {
  drafts: AccountDraft[];
  site?: string;
}

function isPendingScan(value: unknown): value is PendingScan {
  if (typeof value !== 'object' || value === null) return false;
  const scan = value as Partial<PendingScan>;
  return Array.isArray(scan.drafts) && (scan.site === undefined || typeof scan.site === 'string');
}

type ScanRequestName = 'scanTab' | 'scanImage' | 'scanText' | 'startRegionSelect' | 'confirmScan';

/**
 * The scan handlers over one vault service. Images are decoded by the `helper` (jsQR never loads
 * into the service worker) and tabs' sites looked up through `sites`. What a scan found waits in
 * session storage (./pending-offers.ts), so Save works after the worker was stopped and started.
 */
export function createScanHandlers(vault: VaultService, helper: Helper, sites: SiteLookup, now: () => number = Date.now) {
  const pending = new PendingOffers(pendingScansItem, isPendingScan, PENDING_MS, now);
  const unlocked = () => vault.isUnlocked();

  /**
   * Notes (`at` a time) or forgets (`at` undefined) the person's "Select an area" on `tabId`;
   * returns when it was noted before, if it was. Requests older than the scan window go too.
   */
  async function regionRequest(tabId: number, at?: number): Promise<number | undefined> {
    const stored = await regionRequestsItem.getValue();
    const before = stored[String(tabId)];
    const kept = Object.fromEntries(Object.entries(stored).filter(([tab, time]) => tab !== String(tabId) && typeof time === 'number' && now() - time <= PENDING_MS));
    if (at !== undefined) kept[String(tabId)] = at;
    await regionRequestsItem.setValue(Object.keys(kept).length > 0 ? kept : null);
    return typeof before === 'number' ? before : undefined;
  }

  async function report(found: InterpretedScan, site: string | undefined): Promise<ScanReport> {
    const entries = await vault.entries();
    const token = await pending.add({ drafts: found.drafts, ...(site ? { site } : {}) }, unlocked);
    return {
      token,
      accounts: found.drafts.map((draft) => {
        const duplicate = findDuplicate(entries, draft.secret, draft.kind);
        return {
          issuer: draft.issuer,
          label: draft.label,
          kind: draft.kind,
          ...(duplicate ? { duplicateOf: displayName(duplicate) } : {}),
        };
      }),
      ...(site ? { site } : {}),
      notes: [...found.warnings, ...found.notes].map((note) => userText(note)),
      ...(found.batch ? { batch: found.batch } : {}),
    };
  }

  async function targetTab(tabId?: number) {
    const tab = tabId !== undefined
      ? await browser.tabs.get(tabId).catch(() => undefined)
      : (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
    if (!tab || tab.id === undefined) throw new CaptureFailedError(msg('errNoPageToScan'));
    const site = tab.url ? ((await sites.bindableSite(tab.url)) ?? undefined) : undefined;
    return { id: tab.id, windowId: tab.windowId, site, active: tab.active };
  }

  async function scanPixels(dataUrl: string, source: ScanSource, crop?: CaptureCrop) {
    return interpretQrTexts(await helper.run('decodeQr', { dataUrl, ...(crop ? { crop } : {}) }), source);
  }

  /** Saves a pending scan's accounts; duplicates only when the user said so. */
  async function save(scan: PendingScan, allowDuplicate: boolean, request?: PageRequest): Promise<AccountView[]> {
    return vault.update((entries) => {
      const saved: AccountEntry[] = [];
      for (const draft of scan.drafts) {
        const duplicate = findDuplicate([...entries, ...saved], draft.secret, draft.kind);
        if (duplicate && !allowDuplicate) {
          if (scan.drafts.length === 1) throw new DuplicateAccountError(displayName(duplicate), duplicate.id);
          continue;
        }
        const at = now();
        saved.push({
          ...draft,
          id: crypto.randomUUID(),
          sites: scan.site ? [scan.site] : [],
          pinned: false,
          order: entries.length + saved.length,
          createdAt: at,
          updatedAt: at,
        });
      }
      return { entries: [...entries, ...saved], result: saved.map(toAccountView) };
    }, request);
  }

  const page: PageHandlers<ScanRequestName> = {
    async scanTab({ tabId }) {
      const tab = await targetTab(tabId);
      if (!tab.active) throw new CaptureFailedError(msg('errScanInactiveTab'));
      await vault.entries(); // Locked vaults fail here, before anything is captured.
      const found = await scanPixels(await captureWindow(tab.windowId), 'page');
      return report(found, tab.site);
    },

    async scanImage({ dataUrl }) {
      await vault.entries();
      if (typeof dataUrl !== 'string') throw new InvalidInputError(msg('errChooseImage'));
      return report(await scanPixels(dataUrl, 'image'), undefined);
    },

    async scanText({ text }) {
      await vault.entries();
      if (typeof text !== 'string' || text.trim() === '') throw new InvalidInputError(msg('errPasteLinkFirst'), { field: 'text' });
      if (text.length > MAX_TEXT) throw new InvalidInputError(msg('errPastedTextTooLong'), { field: 'text' });
      // Split on line breaks, then trim: /\s*\n\s*/ is quadratic on a long run of spaces.
      const lines = text.split(/\r\n|\r|\n/u).map((l) => l.trim()).filter(Boolean);
      return report(interpretQrTexts(lines, 'text'), undefined);
    },

    async startRegionSelect({ tabId }) {
      const tab = await targetTab(tabId);
      await vault.entries();
      await regionRequest(tab.id, now());
      try {
        await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/region-select.js'] });
      } catch (error) {
        await regionRequest(tab.id);
        throw new CaptureFailedError(msg('errCannotDrawOnPage'), { cause: error });
      }
    },

    async confirmScan({ token, allowDuplicate }, request) {
      const scan = typeof token === 'string' ? await pending.get(token) : null;
      if (scan === null) {
        // Locking forgets what scans found: say so, rather than that the scan expired.
        if (!(await unlocked())) throw new VaultLockedError(msg('errScanForgottenLocked'));
        throw new InvalidInputError(msg('errScanExpired'));
      }
      const saved = await save(scan, Boolean(allowDuplicate), request);
      await pending.remove(token);
      return { saved };
    },
  };

  const content: ContentHandlers<'regionSelected'> = {
    async regionSelected({ rect, viewportWidth }, sender) {
      const requestedAt = await regionRequest(sender.tabId);
      // Only the overlay the user opened from the popup may ask for a capture, once.
      if (requestedAt === undefined || now() - requestedAt > PENDING_MS || sender.frameId !== 0) {
        return { ok: false, message: userText(msg('regionAskAgain')) };
      }
      if (!rect) return { ok: false, message: userText(msg('regionCancelled')) };
      try {
        const tab = await targetTab(sender.tabId);
        const found = await scanPixels(await captureWindow(tab.windowId), 'region', { rect, viewportWidth });
        const saved = await save({ drafts: found.drafts, ...(tab.site ? { site: tab.site } : {}) }, false);
        const names = saved.map((a) => displayName(a)).join(', ');
        return { ok: true, message: userText(tab.site ? msg('regionSavedFor', names, tab.site) : msg('regionSaved', names)) };
      } catch (error) {
        if (error instanceof TwofoldError) return { ok: false, message: userText(error.text) };
        throw error;
      }
    },
  };

  return { page, content };
}
