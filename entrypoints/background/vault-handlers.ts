/**
 * Handlers for requests from the extension's own pages (popup, options). Each returns the
 * reply value or throws a TwofoldError; the router turns that into a Result.
 */
import type { AccountEntry } from '@/utils/otp/account';
import { isOperationId, type PageProtocol } from '@/utils/messages';
import { parseOtpauthUri } from '@/utils/otp/parse-otpauth-uri';
import { validateDraft } from '@/utils/otp/validate-draft';
import { CodeViewMemo, findDuplicate, sortAccounts, toAccountView, toCodeView } from '@/utils/accounts/account-views';
import { displayName } from '@/utils/accounts/display-name';
import { DuplicateAccountError, InvalidInputError, NotFoundError } from '@/utils/errors';
import { msg } from '@/utils/i18n/local-message';
import { MAX_SITES, hostOfTypedSite } from '@/utils/accounts/check-account-edit';
import type { SiteLookup } from './site-lookup';
import type { VaultService } from './vault-service';
import { settingsItem } from './storage-items';
import type { PageHandlers } from './router';
import { userText } from './user-text';

export type VaultRequestName =
  | 'getStatus' | 'setupVault' | 'unlock' | 'lock' | 'changePassword' | 'listAccounts' | 'addAccount'
  | 'deleteAccount' | 'nextHotpCode' | 'getSettings' | 'setSettings' | 'operationLanded';

/** The vault's page request handlers: status, lock state, accounts and settings. */
export function createVaultHandlers(
  vault: VaultService,
  now: () => number = Date.now,
  sites?: Pick<SiteLookup, 'registrableDomains'>,
): PageHandlers<VaultRequestName> {
  const codes = new CodeViewMemo();
  vault.onEvent((event) => {
    if (event.type === 'locked') codes.clear();
  });
  return {
    getStatus: () => vault.status(),
    setupVault: ({ password, confirm }) => vault.setup(password, confirm),
    unlock: ({ password }) => vault.unlock(password),
    lock: () => vault.lock(),
    changePassword: ({ oldPassword, newPassword, confirm }) => vault.changePassword(oldPassword, newPassword, confirm),

    async listAccounts() {
      const entries = sortAccounts(await vault.entries());
      const at = now();
      return { accounts: entries.map(toAccountView), codes: codes.views(entries, at), now: at };
    },

    async addAccount(args, request) {
      const { draft, warnings } = readDraft(args);
      const bound = await readSites(args.sites ?? [], sites);
      return vault.update((entries) => {
        const duplicate = findDuplicate(entries, draft.secret, draft.kind);
        if (duplicate && !args.allowDuplicate) throw new DuplicateAccountError(displayName(duplicate), duplicate.id);
        const at = now();
        const entry: AccountEntry = {
          ...draft,
          id: crypto.randomUUID(),
          sites: bound,
          pinned: false,
          order: entries.reduce((max, e) => Math.max(max, e.order + 1), 0),
          createdAt: at,
          updatedAt: at,
        };
        return { entries: [...entries, entry], result: { account: toAccountView(entry), warnings: warnings.map((w) => userText(w)) } };
      }, request);
    },

    async deleteAccount({ id }, request) {
      await vault.update((entries) => {
        if (!entries.some((e) => e.id === id)) throw new NotFoundError();
        return { entries: entries.filter((e) => e.id !== id), result: undefined };
      }, request);
    },

    async operationLanded({ op }) {
      if (!isOperationId(op)) throw new InvalidInputError(msg('errInternal'));
      return { landed: await vault.operationLanded(op) };
    },

    async nextHotpCode({ id }, request) {
      return vault.update((entries) => {
        const entry = entries.find((e) => e.id === id);
        if (!entry) throw new NotFoundError();
        if (entry.kind !== 'hotp') throw new InvalidInputError(msg('errNotHotp'));
        entry.counter += 1;
        entry.updatedAt = now();
        return { entries, result: toCodeView(entry, now()) };
      }, request);
    },

    getSettings: () => settingsItem.getValue(),

    setSettings(patch) {
      return vault.updateSettings((current) => {
        const next = { ...current };
        if (patch.autoLockMinutes !== undefined) {
          const minutes = patch.autoLockMinutes;
          if (!Number.isInteger(minutes) || minutes < 0 || minutes > 24 * 60) {
            throw new InvalidInputError(msg('errAutoLockRange'), { field: 'autoLockMinutes' });
          }
          next.autoLockMinutes = minutes;
        }
        if (patch.lockOnSystemLock !== undefined) next.lockOnSystemLock = Boolean(patch.lockOnSystemLock);
        if (patch.theme !== undefined) {
          if (patch.theme !== 'system' && patch.theme !== 'light' && patch.theme !== 'dark') {
            throw new InvalidInputError(msg('errThemeUnknown'), { field: 'theme' });
          }
          next.theme = patch.theme;
        }
        if (patch.autoSubmit !== undefined) next.autoSubmit = Boolean(patch.autoSubmit);
        if (patch.clearClipboardInBackground !== undefined) next.clearClipboardInBackground = Boolean(patch.clearClipboardInBackground);
        return next;
      });
    },
  };
}

/** The draft an add request carries, validated whatever its source. */
/**
 * The sites a new account is bound to, as registrable domains (the add form's field holds what
 * the person typed: `www.amazon.de`, `https://…`); a name that is not a site is refused. Without
 * a lookup (no public-suffix list at hand) only a site already given as a host is accepted.
 */
async function readSites(typed: readonly unknown[], lookup: Pick<SiteLookup, 'registrableDomains'> | undefined): Promise<string[]> {
  if (!Array.isArray(typed)) throw new InvalidInputError(msg('editSiteInvalid', String(typed)), { field: 'sites' });
  if (typed.length > MAX_SITES) throw new InvalidInputError(msg('editTooManySites', MAX_SITES), { field: 'sites' });
  const texts = typed.map(String);
  const hosts = texts.map(hostOfTypedSite);
  const bad = texts.find((_, i) => hosts[i] === null);
  if (bad !== undefined) throw new InvalidInputError(msg('editSiteInvalid', bad.trim()), { field: 'sites' });
  const urls = hosts.map((host) => `https://${host!.includes(':') ? `[${host}]` : host}/`);
  const found = lookup ? await lookup.registrableDomains(urls) : hosts;
  const refused = texts.find((_, i) => !found[i]);
  if (refused !== undefined) throw new InvalidInputError(msg('editSiteInvalid', refused.trim()), { field: 'sites' });
  return [...new Set(found as string[])];
}

function readDraft(args: PageProtocol['addAccount']['args']) {
  const sources = [args.form, args.uri, args.draft].filter((s) => s !== undefined);
  if (sources.length !== 1) throw new InvalidInputError(msg('errOneDraftSource'));
  if (args.uri !== undefined) return parseOtpauthUri(args.uri);
  return { draft: validateDraft((args.form ?? args.draft)!), warnings: [] };
}
