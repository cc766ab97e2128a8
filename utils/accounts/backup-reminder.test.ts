import { describe, expect, it } from 'vitest';
import { shouldRemindBackup, type BackupReminderState } from './backup-reminder';

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
