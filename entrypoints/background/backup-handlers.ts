/**
 * Import, restore and export: reads another app's export (or a Twofold backup) into a preview,
 * holds its accounts here until the user confirms, then saves them all in one write; and writes
 * the vault's accounts out as an encrypted backup, a plain otpauth:// list or Google Authenticator
 * transfer links, each only after the master password is typed again.
 */
import type { AccountDraft, AccountEntry } from '@/utils/otp/account';
import type { ImportAccountView, ImportPreviewView, ImportProblemView, ImportRequest } from '@/utils/messages';
import { findImportDuplicates } from '@/utils/import/find-import-duplicates';
import { ImportFormat, type ImportInput, type ImportPreview, type ImportProblem } from '@/utils/import/import-types';
import {
  BACKUP_FORMAT,
  backupFileName,
  createBackup,
  migrationAlgorithmWarnings,
  migrationLeftOut,
  readBackup,
  toMigrationBatches,
  toOtpauthList,
} from '@/utils/backup';
import { sortAccounts } from '@/utils/accounts/account-views';
import { displayName } from '@/utils/accounts/display-name';
import { checkNewPassword } from '@/utils/vault/password-policy';
import { fromBase64 } from '@/utils/vault/base64';
import { InvalidInputError, VaultLockedError } from '@/utils/errors';
import { msg } from '@/utils/i18n/local-message';
import type { Translate } from '@/utils/i18n/localize';
import type { VaultService } from './vault-service';
import type { PageHandlers } from './router';
import { recordBackup } from './recovery-handlers';
import { browserTranslate, userText } from './user-text';
import type { Helper } from './helper';
import { hostOfTypedSite } from '@/utils/accounts/check-account-edit';
import type { SiteLookup } from './site-lookup';
import { PendingOffers } from './pending-offers';
import { pendingImportsItem } from './storage-items';

/** How long a preview waits for the user to confirm it. */
const PENDING_MS = 10 * 60 * 1000;

/**
 * One account to add: a draft from another app, or a whole entry from a Twofold backup, whose
 * sites, pin, creation time and any further fields (e.g. recovery codes) are kept.
 */
export type ImportItem = AccountDraft & Partial<AccountEntry>;

/** An import's accounts waiting for the person's Import. */
interface PendingImport {
  items: ImportItem[];
}

function isPendingImport(value: unknown): value is PendingImport {
  return typeof value === 'object' && value !== null && Array.isArray((value as Partial<PendingImport>).items);
}

export type BackupRequestName = 'previewImport' | 'confirmImport' | 'exportBackup' | 'exportOtpauthList' | 'exportMigrationQrs';

/**
 * Adds imported accounts after the saved ones. Accounts whose secret is already saved, or that
 * appear earlier in the same import, are left out unless `keepDuplicates`.
 * @param now ms since the epoch, for the new accounts' times.
 * @param newId makes each new account's id.
 * @returns the new entry list and how many were added and skipped; `entries` is not changed.
 */
export function mergeImport(
  entries: readonly AccountEntry[],
  items: readonly ImportItem[],
  options: { keepDuplicates: boolean; now: number; newId: () => string },
): { entries: AccountEntry[]; imported: number; skipped: number } {
  const duplicates = new Set(
    findImportDuplicates(items, entries.map((e) => ({ secret: e.secret, kind: e.kind, name: displayName(e) }))).map((d) => d.index),
  );
  let order = entries.reduce((max, e) => Math.max(max, e.order + 1), 0);
  const added: AccountEntry[] = [];
  items.forEach((item, index) => {
    if (duplicates.has(index) && !options.keepDuplicates) return;
    added.push({
      ...item,
      sites: [...(item.sites ?? [])],
      pinned: item.pinned ?? false,
      createdAt: item.createdAt ?? options.now,
      id: options.newId(),
      order: order++,
      updatedAt: options.now,
    });
  });
  return { entries: [...entries, ...added], imported: added.length, skipped: items.length - added.length };
}

/**
 * The preview's accounts as pages may see them: no secret, and the name of the account each
 * duplicates (a saved one, or an earlier one of the same import).
 */
export function toImportAccountViews(items: readonly ImportItem[], entries: readonly AccountEntry[]): ImportAccountView[] {
  const duplicates = new Map(
    findImportDuplicates(items, entries.map((e) => ({ secret: e.secret, kind: e.kind, name: displayName(e) }))).map((d) => [d.index, d]),
  );
  return items.map((item, index) => {
    const duplicate = duplicates.get(index);
    return {
      issuer: item.issuer,
      label: item.label,
      kind: item.kind,
      digits: item.digits,
      period: item.period,
      sites: [...(item.sites ?? [])],
      ...(duplicate ? { duplicateOf: duplicate.existingName, duplicateIn: duplicate.source } : {}),
    };
  });
}

/** The preview's problems as pages show them: record and reason in the user's language. */
export function toImportProblemViews(problems: readonly ImportProblem[], translate: Translate = browserTranslate): ImportProblemView[] {
  return problems.map(({ record, reason }) => ({ record: userText(record, translate), reason: userText(reason, translate) }));
}

/** The page's request as the importer's input: exactly one of text or file bytes. */
function toImportInput(args: ImportRequest): ImportInput {
  const hasText = typeof args.text === 'string';
  const hasBytes = typeof args.bytesBase64 === 'string';
  if (hasText === hasBytes) throw new InvalidInputError(msg('errChooseImportInput'));
  const fileName = typeof args.fileName === 'string' ? args.fileName : undefined;
  if (hasText) return { text: args.text, ...(fileName ? { fileName } : {}) };
  return { bytes: fromBase64(args.bytesBase64!), ...(fileName ? { fileName } : {}) };
}

/** The input's text when it is a Twofold backup file (restored with its sites kept), else null. */
function backupText(input: ImportInput): string | null {
  let text = input.text;
  if (input.bytes !== undefined) {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input.bytes);
    } catch {
      return null;
    }
  }
  const trimmed = (text ?? '').replace(/^\uFEFF/u, '').trim();
  if (!trimmed.startsWith('{')) return null;
  try {
    const json: unknown = JSON.parse(trimmed);
    return typeof json === 'object' && json !== null && (json as { format?: unknown }).format === BACKUP_FORMAT ? trimmed : null;
  } catch {
    // Cut short: importAccounts reports it as a damaged file.
    return null;
  }
}

/**
 * Reads the input into items to add and the rest of the preview: a Twofold backup here, another
 * app's export in the helper (its parsers and their crypto never load into the service worker).
 */
async function readImport(args: ImportRequest, helper: Helper): Promise<{ items: ImportItem[]; preview: Omit<ImportPreview, 'accounts'> }> {
  const input = toImportInput(args);
  const password = typeof args.password === 'string' && args.password !== '' ? args.password : undefined;
  const backup = backupText(input);
  if (backup !== null) {
    const preview = { format: ImportFormat.TwofoldBackup, problems: [] };
    if (password === undefined) return { items: [], preview: { ...preview, needsPassword: true } };
    return { items: await readBackup(backup, password), preview };
  }
  const { accounts, ...preview } = await helper.run('readImport', {
    ...(input.bytes !== undefined ? { bytesBase64: args.bytesBase64! } : { text: input.text ?? '' }),
    ...(input.fileName ? { fileName: input.fileName } : {}),
    ...(password === undefined ? {} : { password }),
  });
  return { items: accounts, preview };
}


/** The date part of an export file's name, like backupFileName's (UTC). */
const fileDate = (now: number): string => new Date(now).toISOString().slice(0, 10);

/**
 * The previewed accounts with the sites the person confirmed in the preview (suggested from
 * each issuer), for the accounts the export left without one. A suggestion is narrowed to a
 * registrable domain by the background's own lookup; one that is not a site is refused.
 */
export async function confirmedSites(
  items: readonly ImportItem[],
  sites: unknown,
  lookup: Pick<SiteLookup, 'registrableDomains'> | undefined,
): Promise<ImportItem[]> {
  if (sites === undefined || sites === null) return [...items];
  if (typeof sites !== 'object' || Array.isArray(sites)) throw new InvalidInputError(msg('editSiteInvalid', String(sites)), { field: 'sites' });
  const chosen = Object.entries(sites as Record<string, unknown>).map(([key, typed]) => ({ index: Number(key), typed: String(typed) }));
  for (const { index, typed } of chosen) {
    if (!Number.isInteger(index) || index < 0 || index >= items.length) throw new InvalidInputError(msg('errPreviewExpired'));
    if (hostOfTypedSite(typed) === null) throw new InvalidInputError(msg('editSiteInvalid', typed), { field: 'sites' });
  }
  const urls = chosen.map(({ typed }) => `https://${hostOfTypedSite(typed)}/`);
  const found = lookup ? await lookup.registrableDomains(urls) : chosen.map(({ typed }) => hostOfTypedSite(typed));
  const result = items.map((item) => ({ ...item }));
  chosen.forEach(({ index, typed }, i) => {
    const site = found[i];
    if (!site) throw new InvalidInputError(msg('editSiteInvalid', typed), { field: 'sites' });
    const item = result[index]!;
    if ((item.sites ?? []).length === 0) item.sites = [site];
  });
  return result;
}

/** Import and export handlers over one vault service. */
export function createBackupHandlers(
  vault: VaultService,
  helper: Helper,
  now: () => number = Date.now,
  siteLookup?: Pick<SiteLookup, 'registrableDomains'>,
): PageHandlers<BackupRequestName> {
  // Kept in session storage, so Import works after the worker was stopped (./pending-offers.ts).
  const pending = new PendingOffers(pendingImportsItem, isPendingImport, PENDING_MS, now);
  const unlocked = () => vault.isUnlocked();

  /** The master password typed again: refused like a wrong unlock, counted in the same delay. */
  async function reenter(masterPassword: unknown): Promise<void> {
    if (typeof masterPassword !== 'string' || masterPassword === '') {
      throw new InvalidInputError(msg('confirmWithMasterPassword'), { field: 'masterPassword' });
    }
    await vault.verifyPassword(masterPassword);
  }

  /** The saved accounts in display order; refuses an empty vault (there is nothing to export). */
  async function accountsToExport(): Promise<AccountEntry[]> {
    const entries = sortAccounts(await vault.entries());
    if (entries.length === 0) throw new InvalidInputError(msg('errNothingToExport'));
    return entries;
  }

  return {
    async previewImport(args) {
      const entries = await vault.entries(); // Locked vaults fail here, before the file is read.
      const { items, preview } = await readImport(args ?? {}, helper);
      const view: ImportPreviewView = {
        format: preview.format,
        accounts: toImportAccountViews(items, entries),
        problems: toImportProblemViews(preview.problems),
        needsPassword: preview.needsPassword === true,
        ...(preview.batches ? { batches: preview.batches } : {}),
      };
      if (items.length > 0) {
        view.token = await pending.add({ items }, unlocked);
      }
      return view;
    },

    async confirmImport({ token, keepDuplicates, sites }, request) {
      const waiting = typeof token === 'string' ? await pending.get(token) : null;
      if (waiting === null) {
        // Locking forgets what an import read: say that it is locked, not that it expired.
        if (!(await unlocked())) throw new VaultLockedError();
        throw new InvalidInputError(msg('errPreviewExpired'));
      }
      const bound = await confirmedSites(waiting.items, sites, siteLookup);
      // Taken out while saving, so a second click cannot import the same accounts twice.
      const held = await pending.take(token);
      if (held === null) throw new InvalidInputError(msg('errPreviewExpired'));
      try {
        return await vault.update((entries) => {
          const merged = mergeImport(entries, bound, { keepDuplicates: Boolean(keepDuplicates), now: now(), newId: () => crypto.randomUUID() });
          return { entries: merged.entries, result: { imported: merged.imported, skipped: merged.skipped } };
        }, request);
      } catch (error) {
        await held.restore();
        throw error;
      }
    },

    async exportBackup({ password, confirm, masterPassword }) {
      checkNewPassword(password, confirm, 'backup');
      await reenter(masterPassword);
      const entries = await accountsToExport();
      const at = now();
      const text = await createBackup(entries, password, { now: at });
      await recordBackup(entries.length, at);
      return { fileName: backupFileName(at), text, count: entries.length };
    },

    async exportOtpauthList({ masterPassword }) {
      await reenter(masterPassword);
      const entries = await accountsToExport();
      return { fileName: `twofold-accounts-${fileDate(now())}.txt`, text: toOtpauthList(entries), count: entries.length };
    },

    async exportMigrationQrs({ masterPassword }) {
      await reenter(masterPassword);
      const entries = await accountsToExport();
      return {
        uris: toMigrationBatches(entries),
        leftOut: migrationLeftOut(entries).map(({ name, reason }) => ({ name, reason: userText(reason) })),
        algorithmWarnings: migrationAlgorithmWarnings(entries).map(({ name, algorithm }) => ({ name, algorithm })),
      };
    },
  };
}
