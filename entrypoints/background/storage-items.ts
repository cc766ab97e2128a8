/**
 * Every storage key Twofold uses, declared once (./storage-item.ts: read only when asked). Only
 * the background reads or writes these.
 *
 * - `local:vault`: the encrypted vault file (utils/vault), written whole on every change.
 * - `local:vaultOps`: the ids of the latest page writes, stored with the vault they changed.
 * - `session:dataKey`: the unwrapped data key while unlocked (memory only, trusted contexts
 *   only), so a service-worker restart keeps the vault open and a browser restart locks it.
 * - `local:unlockFailures`: wrong-password bookkeeping for the growing delay.
 * - `local:settings`: preferences.
 * - `local:syncEnabled`, `local:syncKey`, `local:syncSnapshot`, `local:syncStatus`: sync
 *   (docs/sync-format.md): whether it is on, the sync key sealed under the data key with the
 *   header that wraps it, what the last round saw (no secrets), and how the last round went.
 * - `local:backupReminder`: when the last backup was saved and the reminder dismissed (counts only).
 * - `session:clipboardPending`: the hash of a copied code the background clears 30 s later.
 * - `session:siteCache`: host name → registrable domain, as the helper looked them up
 *   (./site-lookup.ts), so the service worker needs no public suffix list of its own.
 * - `session:fillLastUsed`: the account last filled on each site (memory only, see below).
 * - `session:setupFills`: accounts added lately that had their setup fill (ids and times only).
 * - `session:pendingScans`: what a scan found, until the person saves it (./pending-offers.ts);
 *   holds secrets, so session only, and locking removes it with the data key.
 * - `session:pendingImports`: an import's accounts until the person confirms it, the same way.
 * - `session:regionRequests`: the tabs where the person opened "Select an area", and when.
 */
import { defineItem } from './storage-item';
import type { Settings } from '@/utils/messages';
import type { LocalSyncKey, SyncHeader, SyncSnapshot } from '@/utils/sync';
import type { BackupReminderState } from '@/utils/accounts/backup-reminder';

export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 15, lockOnSystemLock: true };

/** The stored vault as read: unknown until utils/vault has validated it. */
export const vaultItem = defineItem<unknown>('local:vault');

/**
 * The operation ids (utils/messages.ts, Envelope.op) of the latest recorded writes, oldest
 * first, written in the same `storage.local.set` as the vault they changed: an id is here
 * exactly when its change is stored. Ids only (no names, no secrets). Read it with
 * `readOperationIds`, which drops anything that is not an id.
 */
export const vaultOpsItem = defineItem<unknown>('local:vaultOps');

/** Host names already looked up in the public suffix list, and their sites (null: none). */
export const siteCacheItem = defineItem<Record<string, string | null>>('session:siteCache');

/** A copied code to clear from the clipboard (./clipboard-clear.ts): its SHA-256 only, and when. */
export const clipboardPendingItem = defineItem<{ sha256: string; clearsAt: number }>('session:clipboardPending');

/** Base64 of the 256-bit data key; present exactly while unlocked. */
export const dataKeyItem = defineItem<string>('session:dataKey');

export interface UnlockFailures {
  count: number;
  /** ms since epoch of the last wrong password. */
  lastAt: number;
}
export const unlockFailuresItem = defineItem<UnlockFailures>('local:unlockFailures', {
  fallback: { count: 0, lastAt: 0 },
});

export const settingsItem = defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });

/** Sync is opt-in: off until the user turns it on in the options page. */
export const syncEnabledItem = defineItem<boolean>('local:syncEnabled', { fallback: false });

/**
 * The sync key sealed under the vault's data key (`sealSyncKeyLocally`), so an unlock after a
 * browser restart needs no second Argon2id run; and the header that wraps it (no secret), so a
 * round can rewrite the synced copy even when the synced header is missing or damaged.
 */
export interface StoredSyncKey {
  sealed: LocalSyncKey;
  header: SyncHeader;
}
export const syncKeyItem = defineItem<StoredSyncKey>('local:syncKey');

/** What the last round merged (ids, tombstones, order time), to notice local deletes and reorders. */
export const syncSnapshotItem = defineItem<SyncSnapshot>('local:syncSnapshot');

/** How the last round went, for the options page (survives service-worker restarts). */
export interface SyncStatusRecord {
  /** ms since the epoch of the last round that completed. */
  lastSyncedAt?: number;
  /** The last round's user-facing error, cleared by the next round that completes. */
  error?: string;
  /** Accounts in the synced copy after the last round. */
  accounts?: number;
}
export const syncStatusItem = defineItem<SyncStatusRecord>('local:syncStatus', { fallback: {} });

/**
 * One-click fill: the account last filled on each site (registrable domain → account id), which
 * the page's chooser preselects when the page does not show whose sign-in it is. Kept in session
 * memory only: on disk, site → account would tell which sites have accounts, which the vault
 * otherwise keeps encrypted. A browser restart forgets it, as it locks the vault.
 */
export const fillLastUsedItem = defineItem<Record<string, string>>('session:fillLastUsed', { fallback: {} });

/**
 * Backups and the popup's reminder to save one (utils/accounts/backup-reminder.ts): when the
 * last encrypted backup was exported and the last "Not now", with the account counts then.
 */
export const backupReminderItem = defineItem<BackupReminderState>('local:backupReminder', { fallback: {} });

/**
 * Accounts filled once within their setup window (account id → its createdAt): their next fill
 * is a sign-in (utils/accounts/backup-reminder.ts `isSetupFill`). Memory only, like the list of
 * last fills.
 */
export const setupFillsItem = defineItem<Record<string, number>>('session:setupFills', { fallback: {} });

/**
 * Scans waiting for the person's Save (token → { value: { drafts, site }, expires }): secrets in
 * memory only, read through ./pending-offers.ts, which checks their shape. Removed with the data key.
 */
export const pendingScansItem = defineItem<Record<string, unknown>>('session:pendingScans', { fallback: {} });

/** Imports waiting for the person's Import (token → { value: { items }, expires }), as scans above. */
export const pendingImportsItem = defineItem<Record<string, unknown>>('session:pendingImports', { fallback: {} });

/** The session items that hold secrets: locking removes them all, in one call. */
export const FORGOTTEN_ON_LOCK = [dataKeyItem, pendingScansItem, pendingImportsItem] as const;

/**
 * Tabs where the person opened "Select an area" (tab id → ms since the epoch): the overlay may
 * ask for one capture there. Kept here, not in the worker's memory, because the person may take
 * longer to drag than Chrome keeps an idle worker (30 s).
 */
export const regionRequestsItem = defineItem<Record<string, number>>('session:regionRequests', { fallback: {} });
