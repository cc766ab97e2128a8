/**
 * Keeps the vault in step with `storage.sync` (docs/sync-format.md): runs the pure sync core
 * (utils/sync) over the browser's sync area and the vault service, when sync is on and the vault
 * is unlocked. Rounds run one at a time; a local write pushes after a short pause, a change
 * arriving in the sync area pulls at once.
 *
 * The sync key lives in memory while unlocked, and in `storage.local` sealed under the vault's
 * data key, so a service-worker restart or a later unlock needs no second Argon2id run.
 */
import { browser, type Browser } from 'wxt/browser';
import type { AccountEntry } from '@/utils/otp/account';
import type { SyncStatus } from '@/utils/messages';
import {
  SYNC_KEYS,
  isSyncKey,
  openOrCreateSyncKey,
  openSyncKeyLocally,
  readSyncHeader,
  rewrapSyncKey,
  runSyncRound,
  sameEntries,
  sealSyncKeyLocally,
  type SyncArea,
  type SyncKeyHolder,
  type SyncLocal,
  type SyncSnapshot,
} from '@/utils/sync';
import { fromBase64 } from '@/utils/vault/base64';
import { InvalidInputError, SyncFailure, SyncUnreadableError, TwofoldError, VaultLockedError } from '@/utils/errors';
import { msg } from '@/utils/i18n/local-message';
import type { VaultEvent, VaultService } from './vault-service';
import { dataKeyItem, syncEnabledItem, syncKeyItem, syncSnapshotItem, syncStatusItem } from './storage-items';
import { userText } from './user-text';

/** Pause after a local write before pushing: bursts of edits become one write (Chrome allows 120 a minute). */
export const PUSH_DELAY_MS = 3000;

/** The browser's own sync area, as the sync core wants it. */
export const browserSyncArea: SyncArea = {
  getAll: () => browser.storage.sync.get(null),
  set: (items) => browser.storage.sync.set(items),
  remove: (keys) => browser.storage.sync.remove(keys),
};

/** Thrown inside a vault update to leave the vault unwritten when it changed during a round. */
class EntriesChangedMeanwhile extends Error {}

/** Runs sync rounds for one background. */
export class SyncService {
  private key: SyncKeyHolder | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private pushTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly vault: VaultService,
    private readonly area: SyncArea = browserSyncArea,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether sync is on and how the last round went. */
  async status(): Promise<SyncStatus> {
    const enabled = await syncEnabledItem.getValue();
    if (!enabled) return { enabled };
    return { enabled, ...(await syncStatusItem.getValue()) };
  }

  /**
   * Turns sync on: `password` must be this vault's master password (one master password on every
   * computer), and opens the synced copy when there is one, or starts it. Then runs a first round,
   * whose outcome the returned status reports.
   * @throws WrongPasswordError / TooManyAttemptsError from the vault check, the sync core's
   *   WrongPasswordError when the synced copy was made with another password, SyncUnreadableError
   *   when it cannot be read, VaultLockedError. Nothing is written on any of them.
   */
  async enable(password: string): Promise<SyncStatus> {
    await this.vault.entries();
    await this.vault.verifyPassword(password);
    await this.serialized(async () => {
      const opened = await openOrCreateSyncKey(await this.area.getAll(), password);
      await this.keep({ syncKey: opened.syncKey, header: opened.header });
      // A snapshot from an earlier time sync was on would read later changes as deletions.
      await syncSnapshotItem.removeValue();
      await syncStatusItem.setValue({});
      await syncEnabledItem.setValue(true);
    });
    await this.serialized(() => this.round());
    return this.status();
  }

  /** Turns sync off here; the synced copy stays in `storage.sync` for the other computers. */
  async disable(): Promise<SyncStatus> {
    await this.serialized(async () => {
      this.forget();
      await syncEnabledItem.setValue(false);
      await syncKeyItem.removeValue();
      await syncSnapshotItem.removeValue();
      await syncStatusItem.removeValue();
    });
    return this.status();
  }

  /**
   * Replaces the synced copy with this computer's accounts, keeping the sync key (the way out of
   * a lasting "damaged"): removes Twofold's items from `storage.sync`, then pushes afresh.
   * @throws VaultLockedError; a TwofoldError when sync is off.
   */
  async reset(): Promise<SyncStatus> {
    await this.serialized(async () => {
      if (!(await syncEnabledItem.getValue())) throw new InvalidInputError(msg('errSyncOff'));
      await this.loadKey();
      const keys = Object.keys(await this.area.getAll()).filter(isSyncKey);
      if (keys.length > 0) await this.area.remove(keys);
      await this.round();
    });
    return this.status();
  }

  /** Reacts to the vault: push after writes, open the key on unlock, re-wrap it on a password change, forget it on lock. */
  handleVaultEvent(event: VaultEvent): void {
    switch (event.type) {
      case 'written':
        this.schedulePush();
        break;
      case 'unlocked':
        void this.serialized(() => this.afterUnlock(event.password));
        break;
      case 'passwordChanged':
        void this.serialized(() => this.afterPasswordChange(event.password));
        break;
      case 'locked':
        this.forget();
        break;
    }
  }

  /** `storage.onChanged` listener: a change to Twofold's synced items runs a round. */
  handleStorageChange(changes: Record<string, Browser.storage.StorageChange>, areaName: string): void {
    if (areaName !== 'sync' || !Object.keys(changes).some(isSyncKey)) return;
    // An incomplete copy is left as it is; the rest of the write arrives as further changes.
    void this.serialized(() => this.round());
  }

  private schedulePush(): void {
    clearTimeout(this.pushTimer);
    this.pushTimer = setTimeout(() => void this.serialized(() => this.round()), PUSH_DELAY_MS);
  }

  private forget(): void {
    clearTimeout(this.pushTimer);
    this.pushTimer = undefined;
    this.key?.syncKey.fill(0);
    this.key = null;
  }

  /** One round, when sync is on and the vault unlocked; its outcome goes to the stored status. */
  private async round(): Promise<void> {
    if (!(await syncEnabledItem.getValue()) || !(await dataKeyItem.getValue())) return;
    let accounts: number | undefined;
    try {
      const key = await this.loadKey();
      const local: SyncLocal = {
        entries: () => this.vault.entries(),
        replace: (expected, next) => this.replaceEntries(expected, next),
        loadSnapshot: () => this.loadSnapshot(),
        saveSnapshot: async (snapshot) => {
          accounts = snapshot.ids.length;
          await syncSnapshotItem.setValue(snapshot);
        },
      };
      const report = await runSyncRound({ area: this.area, local, key, now: this.now });
      await syncStatusItem.setValue({ lastSyncedAt: this.now(), accounts, ...(report.full ? { error: userText(report.full.text) } : {}) });
    } catch (error) {
      if (error instanceof VaultLockedError) return;
      if (!(error instanceof TwofoldError)) console.error(error);
      const previous = await syncStatusItem.getValue();
      await syncStatusItem.setValue({ ...previous, error: messageOf(error) });
    }
  }

  /** The vault is written only if it still holds what the round read. */
  private async replaceEntries(expected: readonly AccountEntry[], next: AccountEntry[]): Promise<boolean> {
    try {
      await this.vault.update((current) => {
        if (!sameEntries(current, expected)) throw new EntriesChangedMeanwhile();
        return { entries: next, result: undefined };
      });
      return true;
    } catch (error) {
      if (error instanceof EntriesChangedMeanwhile) return false;
      throw error;
    }
  }

  private async loadSnapshot(): Promise<SyncSnapshot | null> {
    const stored = await syncSnapshotItem.getValue();
    if (stored == null) return null;
    // A snapshot that does not parse is dropped rather than trusted: without one, a round only
    // adds (nothing is read as deleted), which is the safe way to recover.
    const valid =
      Array.isArray(stored.ids) && stored.ids.every((id) => typeof id === 'string') &&
      Array.isArray(stored.tombstones) &&
      stored.tombstones.every((t) => typeof t?.id === 'string' && typeof t?.deletedAt === 'number') &&
      typeof stored.orderChangedAt === 'number';
    return valid ? stored : null;
  }

  /**
   * The sync key: in memory, else opened from `storage.local` with the data key.
   * @throws VaultLockedError while locked; SyncUnreadableError (KeyChanged) when none is kept
   *   or it no longer opens (the master password is needed: unlock again).
   */
  private async loadKey(): Promise<SyncKeyHolder> {
    if (this.key !== null) return this.key;
    const dataKeyText = await dataKeyItem.getValue();
    if (!dataKeyText) throw new VaultLockedError();
    const stored = await syncKeyItem.getValue();
    if (stored == null) throw passwordNeededError();
    try {
      const header = await readSyncHeader(stored.header);
      const syncKey = await openSyncKeyLocally(stored.sealed, fromBase64(dataKeyText));
      if (stored.sealed.keyId !== header.keyId) throw passwordNeededError();
      this.key = { syncKey, header };
      return this.key;
    } catch (error) {
      throw passwordNeededError(error);
    }
  }

  /** Keeps the key in memory and sealed in `storage.local`. */
  private async keep(key: SyncKeyHolder): Promise<void> {
    const dataKeyText = await dataKeyItem.getValue();
    if (!dataKeyText) throw new VaultLockedError();
    const sealed = await sealSyncKeyLocally(key.syncKey, key.header.keyId, fromBase64(dataKeyText));
    await syncKeyItem.setValue({ sealed, header: key.header });
    this.key = key;
  }

  /**
   * After an unlock: the kept key, unless there is none or the synced copy now uses another key
   * (sync was started again elsewhere); then the password opens the synced copy. Then a round.
   */
  private async afterUnlock(password: string): Promise<void> {
    if (!(await syncEnabledItem.getValue())) return;
    try {
      const items = await this.area.getAll();
      const remoteKeyId = keyIdOf(items[SYNC_KEYS.header]);
      let key: SyncKeyHolder | null = null;
      try {
        key = await this.loadKey();
      } catch (error) {
        // Not kept or not opening: the password typed just now can open the synced copy instead.
        if (!(error instanceof SyncUnreadableError)) throw error;
      }
      if (key === null || (remoteKeyId !== null && remoteKeyId !== key.header.keyId)) {
        const opened = await openOrCreateSyncKey(items, password);
        if (!opened.created) await syncSnapshotItem.removeValue();
        this.forget();
        await this.keep({ syncKey: opened.syncKey, header: opened.header });
      }
    } catch (error) {
      if (!(error instanceof TwofoldError)) console.error(error);
      const previous = await syncStatusItem.getValue();
      await syncStatusItem.setValue({ ...previous, error: messageOf(error) });
      return;
    }
    await this.round();
  }

  /** After a password change: the same sync key wrapped under the new password; only the header is pushed. */
  private async afterPasswordChange(password: string): Promise<void> {
    if (!(await syncEnabledItem.getValue()) || !(await dataKeyItem.getValue())) return;
    try {
      const key = await this.loadKey();
      const header = await rewrapSyncKey(key.header, key.syncKey, password);
      await this.keep({ syncKey: key.syncKey, header });
      const remote = keyIdOf((await this.area.getAll())[SYNC_KEYS.header]);
      // Only over our own key's header: another key means sync was started again elsewhere.
      if (remote === header.keyId) await this.area.set({ [SYNC_KEYS.header]: header });
      else if (remote === null) await this.round();
    } catch (error) {
      if (!(error instanceof TwofoldError)) console.error(error);
      const previous = await syncStatusItem.getValue();
      await syncStatusItem.setValue({ ...previous, error: messageOf(error) });
    }
  }

  private serialized<R>(task: () => Promise<R>): Promise<R> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function passwordNeededError(cause?: unknown): SyncUnreadableError {
  if (cause instanceof SyncUnreadableError && cause.failure === SyncFailure.KeyChanged) return cause;
  return new SyncUnreadableError(SyncFailure.KeyChanged, msg('errSyncPasswordNeeded'), cause === undefined ? undefined : { cause });
}

/** The `keyId` of a synced header as stored, or null when there is none to read. */
function keyIdOf(header: unknown): string | null {
  if (typeof header !== 'object' || header === null) return null;
  const keyId = (header as { keyId?: unknown }).keyId;
  return typeof keyId === 'string' ? keyId : null;
}

/**
 * What the sync status says about a failed round, in the user's language at the time it failed
 * (the status is stored, so it keeps that language).
 */
function messageOf(error: unknown): string {
  return userText(error instanceof TwofoldError ? error.text : msg('errSyncFailed'));
}
