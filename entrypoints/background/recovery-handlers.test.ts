import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETUP_WINDOW_MS } from '@/utils/accounts/backup-reminder';
import { loadReminderState, recordFill } from './recovery-handlers';

const MINUTE = 60_000;
const ADDED = 1_000 * MINUTE;

describe('recordFill', () => {
  beforeEach(() => fakeBrowser.reset());

  it('takes the first fill after adding as the setup fill and the next as the sign-in', async () => {
    await recordFill({ id: 'shop', createdAt: ADDED }, ADDED + 2 * MINUTE);
    expect((await loadReminderState()).lastSignInFillAt).toBeUndefined();
    await recordFill({ id: 'shop', createdAt: ADDED }, ADDED + 9 * MINUTE);
    expect((await loadReminderState()).lastSignInFillAt).toBe(ADDED + 9 * MINUTE);
  });

  it('takes an old account’s first fill as a sign-in, keeping what else the reminder knows', async () => {
    await fakeBrowser.storage.local.set({ backupReminder: { lastBackupAt: 5, accountsAtLastBackup: 2 } });
    await recordFill({ id: 'old', createdAt: ADDED }, ADDED + SETUP_WINDOW_MS);
    expect(await loadReminderState()).toEqual({ lastBackupAt: 5, accountsAtLastBackup: 2, lastSignInFillAt: ADDED + SETUP_WINDOW_MS });
  });

  it('remembers setup fills only within their window', async () => {
    await recordFill({ id: 'a', createdAt: ADDED }, ADDED + MINUTE);
    await recordFill({ id: 'b', createdAt: ADDED + SETUP_WINDOW_MS }, ADDED + SETUP_WINDOW_MS + MINUTE);
    expect(await fakeBrowser.storage.session.get('setupFills')).toEqual({ setupFills: { b: ADDED + SETUP_WINDOW_MS } });
  });
});
