/**
 * The popup's own requests (issue 6): the active tab's site, pin, order, edit, delete with
 * undo, and showing a secret after the master password is typed again.
 */
import { browser, type Browser } from 'wxt/browser';
import type { AccountEntry } from '@/utils/otp/account';
import type { AccountEdit } from '@/utils/messages';
import { toAccountView } from '@/utils/accounts/account-views';
import { checkAccountEdit, EditProblem, hostOfTypedSite, MAX_SITES, type EditCheck } from '@/utils/accounts/check-account-edit';
import { toOtpauthUri } from '@/utils/otp/to-otpauth-uri';
import { DraftBounds } from '@/utils/otp/draft-rules';
import { InvalidInputError, NotFoundError, TwofoldError, ErrorCode } from '@/utils/errors';
import { msg, type LocalMessage } from '@/utils/i18n/local-message';
import type { VaultService } from './vault-service';
import type { PageHandlers, PageRequest } from './router';
import type { SiteLookup } from './site-lookup';

export type PopupRequestName =
  | 'getActiveSite' | 'setPinned' | 'reorderAccounts' | 'updateAccount' | 'deleteAccountWithUndo' | 'restoreAccount'
  | 'revealSecret';

/** How long a deleted account can be put back (ms), as the popup offers it. */
export const UNDO_WINDOW_MS = 10_000;
/** Extra time the background keeps it, for a popup whose undo click is on its way (ms). */
const UNDO_GRACE_MS = 5_000;

export interface PopupDeps {
  now: () => number;
  setTimer: (run: () => void, ms: number) => unknown;
}

const defaultDeps: PopupDeps = { now: Date.now, setTimer: (run, ms) => setTimeout(run, ms) };

/**
 * Each typed site as a registrable domain (`https://www.amazon.co.uk/x` → `amazon.co.uk`), or
 * null, looked up before the (synchronous) edit check reads them.
 */
async function sitesOf(typed: readonly string[], sites: SiteLookup): Promise<(text: string) => string | null> {
  const hosts = typed.map(hostOfTypedSite);
  const urls = hosts.map((host) => (host === null ? '' : `https://${host.includes(':') ? `[${host}]` : host}/`));
  const found = await sites.registrableDomains(urls);
  const byText = new Map(typed.map((text, i) => [text, found[i] ?? null]));
  return (text) => byText.get(text) ?? null;
}

/** The words for an edit problem (the popup shows its own translation before asking). */
function editError(check: Extract<EditCheck, { ok: false }>): InvalidInputError {
  const messages: Record<EditProblem, LocalMessage> = {
    [EditProblem.NameMissing]: msg('editNameMissing'),
    [EditProblem.NameTooLong]: msg('editNameTooLong', DraftBounds.maxNameLength),
    [EditProblem.SiteInvalid]: msg('editSiteInvalid', check.site ?? ''),
    [EditProblem.TooManySites]: msg('editTooManySites', MAX_SITES),
    [EditProblem.IconInvalid]: msg('editIconInvalid'),
  };
  return new InvalidInputError(messages[check.problem], { field: check.field });
}

/**
 * The popup's page request handlers. Deleted accounts wait in memory (never in storage) for
 * {@link UNDO_WINDOW_MS} plus a little grace, then are dropped; a service-worker restart in
 * that window drops them too (the undo then says the account cannot be brought back), and so
 * does a lock: a locked Twofold holds no secret in memory.
 */
export function createPopupHandlers(vault: VaultService, sites: SiteLookup, deps: PopupDeps = defaultDeps): PageHandlers<PopupRequestName> {
  const deleted = new Map<string, { entry: AccountEntry; until: number }>();
  vault.onEvent((event) => {
    if (event.type === 'locked') deleted.clear();
  });

  function forget(id: string, until: number) {
    if (deleted.get(id)?.until === until) deleted.delete(id);
  }

  function changeOne<R>(id: string, change: (entry: AccountEntry, entries: AccountEntry[]) => R, request?: PageRequest): Promise<R> {
    return vault.update((entries) => {
      const entry = entries.find((e) => e.id === id);
      if (!entry) throw new NotFoundError();
      const result = change(entry, entries);
      return { entries, result };
    }, request);
  }

  return {
    async getActiveSite({ tabId }) {
      let tab: Browser.tabs.Tab | undefined;
      try {
        tab = tabId === undefined ? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0] : await browser.tabs.get(tabId);
      } catch {
        tab = undefined;
      }
      const page = tab?.url ? await sites.pageSite(tab.url) : null;
      if (page?.kind === 'insecure') return { site: null, insecureSite: page.site };
      return { site: page?.kind === 'site' ? page.site : null };
    },

    setPinned({ id, pinned }, request) {
      return changeOne(id, (entry) => {
        entry.pinned = Boolean(pinned);
        entry.updatedAt = deps.now();
        return toAccountView(entry);
      }, request);
    },

    async reorderAccounts({ ids }, request) {
      if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) throw new InvalidInputError(msg('errOrderNotList'));
      await vault.update((entries) => {
        const rank = new Map(ids.map((id, i) => [id, i]));
        const ordered = [...entries].sort((a, b) =>
          (rank.get(a.id) ?? ids.length + a.order) - (rank.get(b.id) ?? ids.length + b.order) || a.createdAt - b.createdAt);
        ordered.forEach((entry, i) => {
          entry.order = i;
        });
        return { entries, result: undefined };
      }, request);
    },

    async updateAccount(edit: AccountEdit, request) {
      const typedSites = Array.isArray(edit.sites) ? edit.sites.map(String) : [];
      const check = checkAccountEdit(
        { issuer: String(edit.issuer ?? ''), label: String(edit.label ?? ''), sites: typedSites, icon: edit.icon },
        await sitesOf(typedSites, sites),
      );
      if (!check.ok) throw editError(check);
      const { icon, ...names } = check.value;
      return changeOne(edit.id, (entry) => {
        Object.assign(entry, names, { updatedAt: deps.now() });
        if (icon === undefined) delete entry.icon;
        else entry.icon = icon;
        return toAccountView(entry);
      }, request);
    },

    async deleteAccountWithUndo({ id }, request) {
      const entry = await vault.update((entries) => {
        const found = entries.find((e) => e.id === id);
        if (!found) throw new NotFoundError();
        return { entries: entries.filter((e) => e.id !== id), result: found };
      }, request);
      const undoUntil = deps.now() + UNDO_WINDOW_MS;
      const until = undoUntil + UNDO_GRACE_MS;
      deleted.set(id, { entry, until });
      deps.setTimer(() => forget(id, until), UNDO_WINDOW_MS + UNDO_GRACE_MS);
      return { undoUntil };
    },

    async restoreAccount({ id }, request) {
      const kept = deleted.get(id);
      if (!kept || kept.until < deps.now()) {
        deleted.delete(id);
        throw new TwofoldError(ErrorCode.NotFound, msg('errUndoExpired'));
      }
      const view = await vault.update((entries) => {
        if (entries.some((e) => e.id === id)) return { entries, result: toAccountView(kept.entry) };
        return { entries: [...entries, kept.entry], result: toAccountView(kept.entry) };
      }, request);
      deleted.delete(id);
      return view;
    },

    async revealSecret({ id, password }) {
      await vault.verifyPassword(password);
      const entry = (await vault.entries()).find((e) => e.id === id);
      if (!entry) throw new NotFoundError();
      return { secret: entry.secret, uri: toOtpauthUri(entry) };
    },
  };
}
