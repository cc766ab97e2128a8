/**
 * Recovery codes kept with an account (shown only after the master password is typed again),
 * and the popup's reminder to save a backup.
 */
import type { AccountEntry, RecoveryCode } from '@/utils/otp/account';
import type { RecoveryCodesView } from '@/utils/messages';
import { parseRecoveryCodes, MAX_RECOVERY_CODES, MAX_RECOVERY_CODE_LENGTH } from '@/utils/accounts/parse-recovery-codes';
import { isSettingUp, isSetupFill, SETUP_WINDOW_MS, shouldRemindBackup, type BackupReminderState } from '@/utils/accounts/backup-reminder';
import { InvalidInputError, NotFoundError } from '@/utils/errors';
import { msg } from '@/utils/i18n/local-message';
import type { VaultService } from './vault-service';
import type { PageHandlers } from './router';
import { backupReminderItem, setupFillsItem } from './storage-items';

export type RecoveryRequestName =
  | 'getRecoveryCodes' | 'setRecoveryCodes' | 'markRecoveryCodeUsed' | 'getBackupReminder' | 'dismissBackupReminder';

/** How many of `codes` are not used yet. */
function leftOf(codes: readonly RecoveryCode[]): number {
  return codes.filter((c) => c.usedAt === undefined).length;
}

function toView(entry: AccountEntry): RecoveryCodesView {
  const codes = (entry.recoveryCodeList ?? []).map((c) => ({ ...c }));
  return { codes, left: leftOf(codes) };
}

/**
 * The codes already kept plus the new ones from `text` (those already kept left out).
 * @throws InvalidInputError (field "codes") for an empty list, too many or too long codes.
 */
export function addRecoveryCodes(existing: readonly RecoveryCode[], text: string): RecoveryCode[] {
  const parsed = parseRecoveryCodes(typeof text === 'string' ? text : '');
  if (!parsed.ok) {
    const message = {
      'empty': msg('recoveryEmpty'),
      'too-many': msg('recoveryTooMany', MAX_RECOVERY_CODES),
      'too-long': msg('recoveryTooLong', MAX_RECOVERY_CODE_LENGTH),
    }[parsed.problem];
    throw new InvalidInputError(message, { field: 'codes' });
  }
  const kept = new Set(existing.map((c) => c.code));
  const merged = [...existing, ...parsed.codes.filter((code) => !kept.has(code)).map((code) => ({ code }))];
  if (merged.length > MAX_RECOVERY_CODES) {
    throw new InvalidInputError(msg('errRecoveryCodesFull', MAX_RECOVERY_CODES), { field: 'codes' });
  }
  return merged;
}

/**
 * Records an encrypted backup of `accountCount` accounts at `now` (ms since the epoch): the
 * reminder stays away until five more accounts are added.
 */
export async function recordBackup(accountCount: number, now: number): Promise<void> {
  const state = await backupReminderItem.getValue();
  await backupReminderItem.setValue({ ...state, lastBackupAt: now, accountsAtLastBackup: accountCount });
}

/**
 * Notes a code handed to a page for `account` at `now` (ms since the epoch): its setup fill, or a
 * sign-in fill, after which the backup reminder may come (utils/accounts/backup-reminder.ts).
 */
export async function recordFill(account: Pick<AccountEntry, 'id' | 'createdAt'>, now: number): Promise<void> {
  const fills = await setupFillsItem.getValue();
  if (isSetupFill(account.createdAt, fills[account.id] !== undefined, now)) {
    // Only accounts still inside their setup window need remembering.
    const kept = Object.fromEntries(Object.entries(fills).filter(([, createdAt]) => now - createdAt < SETUP_WINDOW_MS));
    await setupFillsItem.setValue({ ...kept, [account.id]: account.createdAt });
    return;
  }
  const state = readReminderState(await backupReminderItem.getValue());
  await backupReminderItem.setValue({ ...state, lastSignInFillAt: now });
}

/** The stored reminder state (for the popup's opening, which has the account count already). */
export async function loadReminderState(): Promise<BackupReminderState> {
  return readReminderState(await backupReminderItem.getValue());
}

/** The stored reminder state with anything that is not a number left out. */
function readReminderState(value: unknown): BackupReminderState {
  const state: BackupReminderState = {};
  if (typeof value !== 'object' || value === null) return state;
  const v = value as Record<string, unknown>;
  for (const key of ['lastBackupAt', 'accountsAtLastBackup', 'reminderDismissedAt', 'accountsAtDismissal', 'lastSignInFillAt'] as const) {
    const n = v[key];
    if (typeof n === 'number' && Number.isFinite(n)) state[key] = n;
  }
  return state;
}

/** Recovery-code and backup-reminder handlers over one vault service. */
export function createRecoveryHandlers(vault: VaultService, now: () => number = Date.now): PageHandlers<RecoveryRequestName> {
  /** The master password typed again, under the unlock delay. */
  async function reenter(password: unknown): Promise<void> {
    if (typeof password !== 'string' || password === '') {
      throw new InvalidInputError(msg('confirmWithMasterPassword'), { field: 'password' });
    }
    await vault.verifyPassword(password);
  }

  async function find(id: string): Promise<AccountEntry> {
    const entry = (await vault.entries()).find((e) => e.id === id);
    if (!entry) throw new NotFoundError();
    return entry;
  }

  return {
    async getRecoveryCodes({ id, password }) {
      await vault.entries(); // Locked vaults fail here, before the password counts.
      await reenter(password);
      return toView(await find(id));
    },

    async setRecoveryCodes({ id, text, password }, request) {
      await vault.entries();
      await reenter(password);
      return vault.update((entries) => {
        const index = entries.findIndex((e) => e.id === id);
        if (index < 0) throw new NotFoundError();
        const entry = entries[index]!;
        const updated: AccountEntry = { ...entry, recoveryCodeList: addRecoveryCodes(entry.recoveryCodeList ?? [], text), updatedAt: now() };
        const next = [...entries];
        next[index] = updated;
        return { entries: next, result: toView(updated) };
      }, request);
    },

    async markRecoveryCodeUsed({ id, index, password }, request) {
      if (password !== undefined) await reenter(password);
      return vault.update((entries) => {
        const at = entries.findIndex((e) => e.id === id);
        if (at < 0) throw new NotFoundError();
        const entry = entries[at]!;
        const codes = entry.recoveryCodeList ?? [];
        if (!Number.isInteger(index) || index < 0 || index >= codes.length) {
          throw new InvalidInputError(msg('errRecoveryCodeGone'));
        }
        const time = now();
        const nextCodes = codes.map((c, i) => (i === index && c.usedAt === undefined ? { ...c, usedAt: time } : c));
        const next = [...entries];
        next[at] = { ...entry, recoveryCodeList: nextCodes, updatedAt: time };
        return { entries: next, result: { left: leftOf(nextCodes) } };
      }, request);
    },

    async getBackupReminder() {
      const entries = await vault.entries();
      const state = await loadReminderState();
      // The page is not known here: any site being set up keeps the reminder back.
      return { show: shouldRemindBackup(state, entries.length) && !isSettingUp(entries, undefined, state.lastSignInFillAt, now()) };
    },

    async dismissBackupReminder() {
      const count = (await vault.entries()).length;
      const state = readReminderState(await backupReminderItem.getValue());
      await backupReminderItem.setValue({ ...state, reminderDismissedAt: now(), accountsAtDismissal: count });
    },
  };
}
