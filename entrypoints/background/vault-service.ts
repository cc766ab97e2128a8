/**
 * The vault's only owner: setup, unlock, lock, and every write, in one serialized queue.
 *
 * State of truth lives in storage (the ciphertext in `local`, the data key in `session`);
 * the decrypted entries kept here are only a cache, rebuilt after a service-worker restart.
 */
import { browser } from 'wxt/browser';
import {
  createVault,
  unlockVault,
  openVault,
  sealVault,
  changeVaultPassword,
  readVaultFile,
  validateVaultFile,
  type VaultFile,
} from '@/utils/vault';
import { checkNewPassword } from '@/utils/vault/password-policy';
import { fromBase64, toBase64 } from '@/utils/vault/base64';
import type { AccountEntry } from '@/utils/otp/account';
import type { Settings, VaultStatus } from '@/utils/messages';
import {
  OperationRepeatedError,
  StorageFailedError,
  TooManyAttemptsError,
  VaultDamagedError,
  VaultLockedError,
  VaultMissingError,
  ErrorCode,
  TwofoldError,
} from '@/utils/errors';
import { unlockDelayMs } from '@/utils/accounts/unlock-backoff';
import { msg } from '@/utils/i18n/local-message';
import { readOperationIds, withOperationId } from '@/utils/accounts/operation-ids';
import { FORGOTTEN_ON_LOCK, dataKeyItem, settingsItem, unlockFailuresItem, vaultItem, vaultOpsItem } from './storage-items';
import { removeItems, setItems } from './storage-item';
import { userText } from './user-text';

const AUTO_LOCK_ALARM = 'twofold-auto-lock';

/**
 * What the vault tells listeners (the sync service) after it happened. `unlocked` and
 * `passwordChanged` carry the password, because sync wraps its own key with it and the password
 * exists nowhere else.
 */
export type VaultEvent =
  | { type: 'written' }
  | { type: 'unlocked'; password: string }
  | { type: 'passwordChanged'; password: string }
  | { type: 'locked' };

/** A page's write: its operation id (utils/messages.ts, Envelope.op), when the page sent one. */
export interface WriteTag {
  op?: string;
}

interface Cache {
  /** The stored file's checksum: it changes with every write, restore or password change. */
  checksum: string;
  entries: AccountEntry[];
}

export class VaultService {
  private queue: Promise<unknown> = Promise.resolve();
  /** Every check of the master password (unlock, re-entry, password change), one at a time. */
  private passwordQueue: Promise<unknown> = Promise.resolve();
  private cache: Cache | null = null;
  private readonly listeners: ((event: VaultEvent) => void)[] = [];
  /** How many times the vault was locked since the worker started (see touch). */
  private lockCount = 0;
  /**
   * The stored vault as this service last read or wrote it (it is the vault's only writer), so
   * that answering the popup does not read and check the whole file from storage each time.
   * Dropped whenever storage reports a change to it.
   */
  private storedCopy: { value: unknown; checked: boolean; file?: VaultFile } | null = null;
  /** Counts writes and reported changes, so a read that raced one is not kept as the copy. */
  private storedGeneration = 0;

  constructor() {
    vaultItem.watch(() => {
      this.storedGeneration += 1;
      this.storedCopy = null;
    });
  }

  /** The copy kept here when it is of `stored` (the value just read), else null. */
  private copyOf(stored: unknown) {
    return this.storedCopy !== null && this.storedCopy.value === stored ? this.storedCopy : null;
  }

  /** `stored` read as a vault file (fields checked, not the checksum), once per stored copy. */
  private validated(stored: unknown): VaultFile {
    const copy = this.copyOf(stored);
    if (copy?.file) return copy.file;
    const file = validateVaultFile(stored);
    if (copy) copy.file = file;
    return file;
  }

  /** The stored vault file (unchecked), from the copy kept here when there is one. */
  private async storedVault(): Promise<unknown> {
    if (this.storedCopy !== null) return this.storedCopy.value;
    const generation = this.storedGeneration;
    const value = await vaultItem.getValue();
    if (generation === this.storedGeneration) this.storedCopy = { value, checked: false };
    return value;
  }

  /** Calls `listener` after each successful setup, unlock, write, password change and lock. */
  onEvent(listener: (event: VaultEvent) => void): void {
    this.listeners.push(listener);
  }

  /** A listener's failure is its own: it never undoes or fails the vault operation. */
  private emit(event: VaultEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error(error);
      }
    }
  }

  /** Whether the vault is unlocked now (see status). */
  async isUnlocked(): Promise<boolean> {
    return (await this.status()).state === 'unlocked';
  }

  /** Which screen the user should see. Never throws for a damaged vault: it reports it. */
  async status(): Promise<VaultStatus> {
    // Both reads at once: the first status after the worker started waits for one storage round
    // trip, not two in a row (issue 15: worker start).
    const [stored, dataKey] = await Promise.all([this.storedVault(), dataKeyItem.getValue()]);
    if (stored == null) return { state: 'new' };
    try {
      // The checksum is checked once per stored file, not on every popup opening.
      const copy = this.copyOf(stored);
      if (!copy?.checked) {
        await readVaultFile(stored);
        if (copy) copy.checked = true;
      }
    } catch (error) {
      if (error instanceof VaultDamagedError) return { state: 'damaged', message: userText(error.text) };
      throw error;
    }
    if (dataKey) return { state: 'unlocked' };
    const failures = await unlockFailuresItem.getValue();
    const retryAt = failures.lastAt + unlockDelayMs(failures.count);
    return retryAt > Date.now() ? { state: 'locked', retryAt } : { state: 'locked' };
  }

  /** First run: creates the vault with `password` and leaves it unlocked. */
  async setup(password: string, confirm: string): Promise<void> {
    checkNewPassword(password, confirm);
    await this.serialized(async () => {
      if ((await this.storedVault()) != null) {
        throw new TwofoldError(ErrorCode.VaultExists, msg('errVaultExists'));
      }
      const { file, dataKey } = await createVault<AccountEntry>(password, []);
      await this.write(file);
      await dataKeyItem.setValue(toBase64(dataKey));
      this.cache = { checksum: file.checksum, entries: [] };
    });
    await this.touch();
    this.emit({ type: 'unlocked', password });
  }

  /** Opens the vault with the master password; wrong passwords grow a delay. */
  async unlock(password: string): Promise<void> {
    const stored = await this.storedVault();
    if (stored == null) throw new VaultMissingError();
    const { dataKey, entries, file } = await this.withBackoff(() => unlockVault<AccountEntry>(stored, password));
    await dataKeyItem.setValue(toBase64(dataKey));
    this.cache = { checksum: file.checksum, entries };
    await this.touch();
    this.emit({ type: 'unlocked', password });
  }

  /**
   * Checks `password` against the stored vault's master password, for actions that ask for it
   * again (exports). Counts towards the same growing delay as unlock; changes nothing else.
   * @throws WrongPasswordError; TooManyAttemptsError while the delay runs; InvalidInputError
   *   (field "password") when empty; VaultMissingError; VaultDamagedError.
   */
  async verifyPassword(password: string): Promise<void> {
    const stored = await this.storedVault();
    if (stored == null) throw new VaultMissingError();
    const { dataKey } = await this.withBackoff(() => unlockVault<AccountEntry>(stored, password));
    dataKey.fill(0);
  }

  /**
   * Runs a check of the master password under the growing delay: refused while the delay
   * runs, a wrong password counts, a right one resets the count. Unlock, re-entry (reveal,
   * export, sync) and password change share one queue, so no mix of them, sent all at once,
   * guesses faster than the delay allows.
   */
  private withBackoff<R>(attempt: () => Promise<R>): Promise<R> {
    const run = this.passwordQueue.then(() => this.tryPassword(attempt));
    this.passwordQueue = run.catch(() => undefined);
    return run;
  }

  /**
   * One password check. The try is counted as a failure before Argon2 starts, so a check the
   * browser cuts short (the worker stopped) still counts; a right password clears the count,
   * and an error that is not about the password (a damaged vault) puts the count back.
   */
  private async tryPassword<R>(attempt: () => Promise<R>): Promise<R> {
    const failures = await unlockFailuresItem.getValue();
    const now = Date.now();
    const retryAt = failures.lastAt + unlockDelayMs(failures.count);
    if (retryAt > now) throw new TooManyAttemptsError(retryAt, now);
    const count = failures.count + 1;
    await unlockFailuresItem.setValue({ count, lastAt: now });
    let result: R;
    try {
      result = await attempt();
    } catch (error) {
      if (error instanceof TwofoldError && error.code === ErrorCode.WrongPassword) {
        // The delay runs from the end of the check, however long Argon2 took.
        await unlockFailuresItem.setValue({ count, lastAt: Date.now() });
      } else {
        await unlockFailuresItem.setValue(failures);
      }
      throw error;
    }
    await unlockFailuresItem.setValue({ count: 0, lastAt: 0 });
    return result;
  }

  /** Forgets the data key, the decrypted cache and the secrets waiting in session storage (scans not yet saved). */
  async lock(): Promise<void> {
    this.lockCount += 1;
    this.cache = null;
    await removeItems(FORGOTTEN_ON_LOCK);
    await browser.alarms.clear(AUTO_LOCK_ALARM);
    this.emit({ type: 'locked' });
  }

  /**
   * The decrypted entries (a copy the caller may change). Throws VaultLockedError / VaultDamagedError.
   * Reading is not activity: the fill scripts read on every page load, and a page must not be
   * able to keep the vault open (see noteUse).
   */
  async entries(): Promise<AccountEntry[]> {
    const { entries } = await this.load();
    return entries;
  }

  /**
   * Applies `change` to the entries and saves the result, one write at a time. A change that
   * throws, or a write the browser refuses, leaves the stored vault as it was. With `tag.op`,
   * the operation id is stored in the same storage write as the change (see operationLanded),
   * and a change whose id is stored already is not made again.
   * @throws OperationRepeatedError when `tag.op` was recorded before.
   */
  async update<R>(change: (entries: AccountEntry[]) => { entries: AccountEntry[]; result: R }, tag: WriteTag = {}): Promise<R> {
    const result = await this.serialized(async () => {
      const ops = tag.op === undefined ? undefined : readOperationIds(await vaultOpsItem.getValue());
      if (tag.op !== undefined && ops?.includes(tag.op)) throw new OperationRepeatedError();
      const { file, dataKey, entries } = await this.load();
      const next = change(entries);
      const sealed = await sealVault(file, dataKey, next.entries);
      await this.write(sealed, tag.op === undefined ? undefined : withOperationId(ops ?? [], tag.op));
      this.cache = { checksum: sealed.checksum, entries: next.entries };
      return next.result;
    });
    // Stored: the reply says so whatever a listener does. Not activity by itself either (sync
    // and a counter fill write too); the person's own edits are noted by whoever serves them.
    this.emit({ type: 'written' });
    return result;
  }

  /**
   * Whether the write tagged `op` (see update) is stored. Asked after every write queued before
   * it is done, so the answer is final: a write of a stopped worker either reached storage or
   * never will.
   */
  operationLanded(op: string): Promise<boolean> {
    return this.serialized(async () => readOperationIds(await vaultOpsItem.getValue()).includes(op));
  }

  /** Re-wraps the data key under a new password; entries stay as they are. */
  async changePassword(oldPassword: string, newPassword: string, confirm: string): Promise<void> {
    checkNewPassword(newPassword, confirm);
    await this.serialized(async () => {
      const stored = await this.storedVault();
      if (stored == null) throw new VaultMissingError();
      const file = await this.withBackoff(() => changeVaultPassword(stored, oldPassword, newPassword));
      await this.write(file);
    });
    this.emit({ type: 'passwordChanged', password: newPassword });
  }

  /** Changes settings in the write queue, so two pages changing them at once lose nothing. */
  async updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
    const next = await this.serialized(async () => {
      const updated = change(await settingsItem.getValue());
      await settingsItem.setValue(updated);
      return updated;
    });
    // A new auto-lock time applies from now (and an edit is the person's own doing).
    await this.noteUse();
    return next;
  }

  /**
   * Restarts the auto-lock countdown after something the person did (opening the popup, an
   * edit, a fill they asked for), when the vault is unlocked. Never rejects: a reply tells what
   * happened to the vault, not whether the timer moved.
   */
  noteUse(): Promise<void> {
    const since = this.lockCount;
    return (async () => {
      if (await dataKeyItem.getValue()) await this.touch(since);
    })().catch((error: unknown) => console.error(error));
  }

  /**
   * Restarts the auto-lock countdown after vault use (no-op when set to never). `since` is the
   * lock count when the use began: a use that a lock overtook sets no alarm, so none outlives it.
   */
  async touch(since = this.lockCount): Promise<void> {
    const { autoLockMinutes } = await settingsItem.getValue();
    if (since !== this.lockCount) return;
    if (autoLockMinutes > 0) await browser.alarms.create(AUTO_LOCK_ALARM, { delayInMinutes: autoLockMinutes });
    else await browser.alarms.clear(AUTO_LOCK_ALARM);
    if (since !== this.lockCount) await browser.alarms.clear(AUTO_LOCK_ALARM);
  }

  /** True for the alarm this service sets. */
  isAutoLockAlarm(name: string): boolean {
    return name === AUTO_LOCK_ALARM;
  }

  private async load() {
    const stored = await this.storedVault();
    if (stored == null) throw new VaultMissingError();
    const keyText = await dataKeyItem.getValue();
    if (!keyText) throw new VaultLockedError();
    const file = this.validated(stored);
    const dataKey = fromBase64(keyText);
    if (this.cache && this.cache.checksum === file.checksum) {
      return { file, dataKey, entries: this.cache.entries.map((e) => ({ ...e, sites: [...e.sites] })) };
    }
    let entries: AccountEntry[];
    try {
      entries = await openVault<AccountEntry>(file, dataKey);
    } catch (error) {
      // The stored vault no longer fits the key in memory (restored or replaced): lock.
      if (error instanceof VaultLockedError) await this.lock();
      throw error;
    }
    this.cache = { checksum: file.checksum, entries };
    return { file, dataKey, entries: entries.map((e) => ({ ...e, sites: [...e.sites] })) };
  }

  /** Stores `file`, and with it `ops` (the new operation id list) in the same storage write. */
  private async write(file: unknown, ops?: string[]): Promise<void> {
    try {
      this.storedGeneration += 1;
      if (ops === undefined) await vaultItem.setValue(file);
      // One `storage.local.set` of both keys: the id is stored exactly when the change is.
      else await setItems([{ item: vaultItem, value: file }, { item: vaultOpsItem, value: ops }]);
      this.storedGeneration += 1;
      this.storedCopy = { value: file, checked: true };
    } catch (error) {
      throw new StorageFailedError(error);
    }
  }

  private serialized<R>(task: () => Promise<R>): Promise<R> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
