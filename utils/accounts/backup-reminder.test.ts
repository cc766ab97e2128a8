import { describe, expect, it } from 'vitest';
import { isSettingUp, isSetupFill, SETUP_WINDOW_MS, shouldRemindBackup, type BackupReminderState, type SetupAccount } from './backup-reminder';

const rows: { name: string; state: BackupReminderState; accounts: number; expected: boolean }[] = [
  { name: 'empty vault, never backed up', state: {}, accounts: 0, expected: false },
  { name: 'first account, never backed up', state: {}, accounts: 1, expected: true },
  { name: 'dismissed at 1 account, still 1', state: { reminderDismissedAt: 10, accountsAtDismissal: 1 }, accounts: 1, expected: false },
  { name: 'dismissed at 1, now 5 (4 more)', state: { reminderDismissedAt: 10, accountsAtDismissal: 1 }, accounts: 5, expected: false },
  { name: 'dismissed at 1, now 6 (5 more)', state: { reminderDismissedAt: 10, accountsAtDismissal: 1 }, accounts: 6, expected: true },
  { name: 'backed up at 3, now 7', state: { lastBackupAt: 20, accountsAtLastBackup: 3 }, accounts: 7, expected: false },
  { name: 'backed up at 3, now 8', state: { lastBackupAt: 20, accountsAtLastBackup: 3 }, accounts: 8, expected: true },
  { name: 'backed up at 3, now 2 (deleted some)', state: { lastBackupAt: 20, accountsAtLastBackup: 3 }, accounts: 2, expected: false },
  {
    name: 'dismissed before the last backup: the backup counts',
    state: { reminderDismissedAt: 10, accountsAtDismissal: 6, lastBackupAt: 20, accountsAtLastBackup: 3 }, accounts: 8, expected: true,
  },
  {
    name: 'dismissed after the backup was due',
    state: { lastBackupAt: 20, accountsAtLastBackup: 3, reminderDismissedAt: 30, accountsAtDismissal: 8 }, accounts: 12, expected: false,
  },
  {
    name: 'five more after that dismissal',
    state: { lastBackupAt: 20, accountsAtLastBackup: 3, reminderDismissedAt: 30, accountsAtDismissal: 8 }, accounts: 13, expected: true,
  },
];

describe('shouldRemindBackup', () => {
  it.each(rows)('$name', ({ state, accounts, expected }) => {
    expect(shouldRemindBackup(state, accounts)).toBe(expected);
  });
});

const MINUTE = 60_000;
const ADDED = 1_000 * MINUTE;
const shop: SetupAccount = { sites: ['demo-shop.com'], createdAt: ADDED };
const older: SetupAccount = { sites: ['github.com'], createdAt: ADDED - 90 * MINUTE };

const setupRows: {
  name: string; accounts: SetupAccount[]; site: string | null | undefined; lastSignInFillAt?: number; now: number; expected: boolean;
}[] = [
  { name: 'on the site, just after the scan', accounts: [older, shop], site: 'demo-shop.com', now: ADDED + MINUTE, expected: true },
  { name: 'on the site, after the setup fill (no sign-in yet)', accounts: [shop], site: 'demo-shop.com', lastSignInFillAt: ADDED - MINUTE, now: ADDED + 5 * MINUTE, expected: true },
  { name: 'on the site, after a sign-in fill', accounts: [shop], site: 'demo-shop.com', lastSignInFillAt: ADDED + 5 * MINUTE, now: ADDED + 6 * MINUTE, expected: false },
  { name: 'on the site, once the setup window is over', accounts: [shop], site: 'demo-shop.com', now: ADDED + SETUP_WINDOW_MS, expected: false },
  { name: 'on another site', accounts: [shop], site: 'github.com', now: ADDED + MINUTE, expected: false },
  { name: 'on a browser page', accounts: [shop], site: null, now: ADDED + MINUTE, expected: false },
  { name: 'page not known: any recent account counts', accounts: [older, shop], site: undefined, now: ADDED + MINUTE, expected: true },
  { name: 'page not known, only old accounts', accounts: [older], site: undefined, now: ADDED + MINUTE, expected: false },
  { name: 'an empty vault', accounts: [], site: 'demo-shop.com', now: ADDED, expected: false },
];

describe('isSettingUp', () => {
  it.each(setupRows)('$name', ({ accounts, site, lastSignInFillAt, now, expected }) => {
    expect(isSettingUp(accounts, site, lastSignInFillAt, now)).toBe(expected);
  });
});

const fillRows: { name: string; filledBefore: boolean; now: number; expected: boolean }[] = [
  { name: 'first fill right after adding: the setup fill', filledBefore: false, now: ADDED + 2 * MINUTE, expected: true },
  { name: 'second fill soon after: a sign-in', filledBefore: true, now: ADDED + 10 * MINUTE, expected: false },
  { name: 'first fill a day later: a sign-in', filledBefore: false, now: ADDED + 24 * 60 * MINUTE, expected: false },
  { name: 'first fill as the window closes: a sign-in', filledBefore: false, now: ADDED + SETUP_WINDOW_MS, expected: false },
];

describe('isSetupFill', () => {
  it.each(fillRows)('$name', ({ filledBefore, now, expected }) => {
    expect(isSetupFill(ADDED, filledBefore, now)).toBe(expected);
  });
});
