import { describe, expect, it } from 'vitest';
import { StorageFailedError, VaultLockedError, VaultMissingError } from '@/utils/errors';
import type { AccountListing, AccountView, VaultStatus } from '@/utils/messages';
import { createPopupOpenHandler, type OpeningParts } from './popup-open';

const account: AccountView = {
  id: 'a', kind: 'totp', issuer: 'GitHub', label: 'alice', algorithm: 'SHA1', digits: 6, period: 30, counter: 0,
  sites: [], pinned: false, order: 0, createdAt: 1, updatedAt: 1,
};
const listing: AccountListing = { accounts: [account], codes: [{ id: 'a', code: '123456', validUntil: 30_000 }], now: 1 };

/** Parts that answer like the background's handlers for a vault in `state`. */
function parts(state: VaultStatus, over: Partial<OpeningParts> = {}): OpeningParts & { asked: { tabId?: number }[] } {
  const asked: { tabId?: number }[] = [];
  const open = state.state === 'unlocked';
  return {
    asked,
    getStatus: async () => state,
    getSettings: async () => ({ autoLockMinutes: 15, lockOnSystemLock: true, theme: 'dark' }),
    listAccounts: async () => {
      if (state.state === 'new') throw new VaultMissingError();
      if (!open) throw new VaultLockedError();
      return listing;
    },
    getActiveSite: async (args) => {
      asked.push(args);
      return { site: 'github.com' };
    },
    // No backup saved yet: the reminder is due from the first account.
    reminderState: async () => ({}),
    ...over,
  };
}

describe('openPopup', () => {
  it('answers an unlocked vault with its list, the tab’s site and the reminder, in one reply', async () => {
    const from = parts({ state: 'unlocked' });
    const opening = await createPopupOpenHandler(from).openPopup({ tabId: 7 });
    expect(opening).toEqual({ status: { state: 'unlocked' }, theme: 'dark', unlocked: { listing, site: 'github.com', remindBackup: true } });
    expect(from.asked).toEqual([{ tabId: 7 }]);
  });

  it.each<VaultStatus>([{ state: 'new' }, { state: 'locked' }, { state: 'locked', retryAt: 5 }, { state: 'damaged', message: 'm' }])(
    'answers a vault that is $state with its status and theme only',
    async (status) => {
      const opening = await createPopupOpenHandler(parts(status)).openPopup({});
      expect(opening).toEqual({ status, theme: 'dark' });
    },
  );

  it('judges the reminder by the listed accounts: not after a "Not now" with no account added since', async () => {
    const from = parts({ state: 'unlocked' }, { reminderState: async () => ({ reminderDismissedAt: 5, accountsAtDismissal: 1 }) });
    expect((await createPopupOpenHandler(from).openPopup({})).unlocked?.remindBackup).toBe(false);
  });

  it('keeps the reminder back on the site an account was just added for, until a sign-in fill', async () => {
    const added = 1_000_000;
    const fresh: AccountListing = { ...listing, accounts: [{ ...account, sites: ['github.com'], createdAt: added }] };
    const tenMinutesLater = () => added + 10 * 60_000;
    const during = parts({ state: 'unlocked' }, { listAccounts: async () => fresh });
    expect((await createPopupOpenHandler(during, tenMinutesLater).openPopup({})).unlocked?.remindBackup).toBe(false);
    const elsewhere = parts({ state: 'unlocked' }, { listAccounts: async () => fresh, getActiveSite: async () => ({ site: 'example.org' }) });
    expect((await createPopupOpenHandler(elsewhere, tenMinutesLater).openPopup({})).unlocked?.remindBackup).toBe(true);
    const signedIn = parts({ state: 'unlocked' }, { listAccounts: async () => fresh, reminderState: async () => ({ lastSignInFillAt: added + 5 * 60_000 }) });
    expect((await createPopupOpenHandler(signedIn, tenMinutesLater).openPopup({})).unlocked?.remindBackup).toBe(true);
  });

  it('reads a theme saved before themes existed as the system’s', async () => {
    const from = parts({ state: 'locked' }, { getSettings: async () => ({ autoLockMinutes: 0, lockOnSystemLock: false }) });
    expect((await createPopupOpenHandler(from).openPopup({})).theme).toBe('system');
  });

  it('gives the status alone when the vault locks between the parts, so the popup asks again', async () => {
    const from = parts({ state: 'unlocked' }, { listAccounts: async () => Promise.reject(new VaultLockedError()) });
    expect(await createPopupOpenHandler(from).openPopup({})).toEqual({ status: { state: 'unlocked' }, theme: 'dark' });
  });

  it('leaves a list that failed for the popup to ask for again (its own request shows why)', async () => {
    const from = parts({ state: 'unlocked' }, { listAccounts: async () => Promise.reject(new StorageFailedError(new Error('quota'))) });
    expect(await createPopupOpenHandler(from).openPopup({})).toEqual({ status: { state: 'unlocked' }, theme: 'dark' });
  });

  it('fails as a whole only when the status itself cannot be had', async () => {
    const broken = new StorageFailedError(new Error('quota'));
    const from = parts({ state: 'unlocked' }, { getStatus: async () => Promise.reject(broken) });
    await expect(createPopupOpenHandler(from).openPopup({})).rejects.toBe(broken);
  });
});
