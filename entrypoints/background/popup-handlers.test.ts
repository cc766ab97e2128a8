import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AccountEntry } from '@/utils/otp/account';
import { ErrorCode, TwofoldError, WrongPasswordError } from '@/utils/errors';
import type { VaultEvent, VaultService } from './vault-service';
import { createPopupHandlers, UNDO_WINDOW_MS } from './popup-handlers';
import { inPlaceHelper } from './helper';
import { SiteLookup } from './site-lookup';

const entry = (id: string, extra: Partial<AccountEntry> = {}): AccountEntry => ({
  id, kind: 'totp', issuer: id, label: '', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 0,
  sites: [], pinned: false, order: 0, createdAt: 0, updatedAt: 0, ...extra,
});

/** The slice of VaultService the popup handlers use, over an array in memory. */
class MemoryVault {
  constructor(public stored: AccountEntry[], private password = 'right') {}
  async entries() {
    return structuredClone(this.stored);
  }
  /** The operation id each write carried (VaultService.update's tag). */
  ops: (string | undefined)[] = [];
  async update<R>(change: (entries: AccountEntry[]) => { entries: AccountEntry[]; result: R }, tag: { op?: string } = {}): Promise<R> {
    this.ops.push(tag.op);
    const next = change(structuredClone(this.stored));
    this.stored = next.entries;
    return next.result;
  }
  async verifyPassword(password: string) {
    if (password !== this.password) throw new WrongPasswordError();
  }
  private listeners: ((event: VaultEvent) => void)[] = [];
  onEvent(listener: (event: VaultEvent) => void) {
    this.listeners.push(listener);
  }
  lock() {
    for (const listener of this.listeners) listener({ type: 'locked' });
  }
}

/** A site cache that lives as long as one test. */
function memoryCache() {
  let saved: Record<string, string | null> = {};
  return { get: async () => saved, set: async (value: Record<string, string | null>) => void (saved = value) };
}

let vault: MemoryVault;
let now: number;
let timers: { run: () => void; at: number }[];
const handlers = () =>
  createPopupHandlers(vault as unknown as VaultService, new SiteLookup(inPlaceHelper(), memoryCache()), { now: () => now, setTimer: (run, ms) => timers.push({ run, at: now + ms }) });
const elapse = (ms: number) => {
  now += ms;
  for (const timer of timers.filter((t) => t.at <= now)) timer.run();
  timers = timers.filter((t) => t.at > now);
};

beforeEach(() => {
  vault = new MemoryVault([entry('a', { order: 0 }), entry('b', { order: 1 }), entry('c', { order: 2 })]);
  now = 1_000_000;
  timers = [];
});

describe('reorderAccounts', () => {
  it.each([
    { ids: ['c', 'a', 'b'], expected: { c: 0, a: 1, b: 2 } },
    { ids: ['b'], expected: { b: 0, a: 1, c: 2 } },
    { ids: ['x', 'c'], expected: { c: 0, a: 1, b: 2 } },
  ])('$ids', async ({ ids, expected }) => {
    await handlers().reorderAccounts({ ids });
    expect(Object.fromEntries(vault.stored.map((e) => [e.id, e.order]))).toEqual(expected);
  });
});

describe('updateAccount', () => {
  it('tidies names and narrows sites to registrable domains', async () => {
    const view = await handlers().updateAccount({ id: 'a', issuer: ' Amazon ', label: 'alice', sites: ['https://www.amazon.co.uk/ap/signin', 'amazon.co.uk', 'AMAZON.com'] });
    expect(view).toMatchObject({ issuer: 'Amazon', label: 'alice', sites: ['amazon.co.uk', 'amazon.com'], updatedAt: now });
    expect(vault.stored[0]).toMatchObject({ issuer: 'Amazon', sites: ['amazon.co.uk', 'amazon.com'] });
  });

  it.each([
    { edit: { issuer: '', label: '', sites: [] }, field: 'issuer' },
    { edit: { issuer: 'A', label: '', sites: ['not a site'] }, field: 'sites' },
    { edit: { issuer: 'A', label: 'x'.repeat(201), sites: [] }, field: 'label' },
  ])('refuses $field problems and changes nothing', async ({ edit, field }) => {
    await expect(handlers().updateAccount({ id: 'a', ...edit })).rejects.toMatchObject({ code: ErrorCode.InvalidInput, field });
    expect(vault.stored[0]).toEqual(entry('a'));
  });

  it('says when the account is gone', async () => {
    await expect(handlers().updateAccount({ id: 'zzz', issuer: 'A', label: '', sites: [] })).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });

  it('keeps an icon choice, and forgets it when set back to automatic', async () => {
    const chosen = await handlers().updateAccount({ id: 'a', issuer: 'Amazon', label: '', sites: [], icon: 'GitHub' });
    expect(chosen.icon).toBe('GitHub');
    expect(vault.stored[0]!.icon).toBe('GitHub');
    const automatic = await handlers().updateAccount({ id: 'a', issuer: 'Amazon', label: '', sites: [], icon: '' });
    expect(automatic).not.toHaveProperty('icon');
    expect(vault.stored[0]).not.toHaveProperty('icon');
    await expect(handlers().updateAccount({ id: 'a', issuer: 'Amazon', label: '', sites: [], icon: 'x'.repeat(61) }))
      .rejects.toMatchObject({ code: ErrorCode.InvalidInput, field: 'icon' });
  });
});

describe('deleteAccountWithUndo and restoreAccount', () => {
  it('puts back the very same entry within the undo window', async () => {
    const h = handlers();
    const before = structuredClone(vault.stored[1]);
    const { undoUntil } = await h.deleteAccountWithUndo({ id: 'b' });
    expect(undoUntil).toBe(now + UNDO_WINDOW_MS);
    expect(vault.stored.map((e) => e.id)).toEqual(['a', 'c']);
    elapse(UNDO_WINDOW_MS - 1);
    await h.restoreAccount({ id: 'b' });
    expect(vault.stored.find((e) => e.id === 'b')).toEqual(before);
    // Once restored, a second undo has nothing to bring back.
    await expect(h.restoreAccount({ id: 'b' })).rejects.toBeInstanceOf(TwofoldError);
  });

  it('forgets the entry after the window (and a little grace)', async () => {
    const h = handlers();
    await h.deleteAccountWithUndo({ id: 'b' });
    elapse(UNDO_WINDOW_MS + 60_000);
    await expect(h.restoreAccount({ id: 'b' })).rejects.toMatchObject({ code: ErrorCode.NotFound });
    expect(vault.stored.map((e) => e.id)).toEqual(['a', 'c']);
  });

  it('forgets the entry, secret and all, when Twofold locks inside the window', async () => {
    const h = handlers();
    await h.deleteAccountWithUndo({ id: 'b' });
    vault.lock();
    await expect(h.restoreAccount({ id: 'b' })).rejects.toMatchObject({ code: ErrorCode.NotFound });
    expect(vault.stored.map((e) => e.id)).toEqual(['a', 'c']);
  });
});

describe('revealSecret and setPinned', () => {
  it('shows the secret only for the right password', async () => {
    await expect(handlers().revealSecret({ id: 'a', password: 'wrong' })).rejects.toBeInstanceOf(WrongPasswordError);
    const shown = await handlers().revealSecret({ id: 'a', password: 'right' });
    expect(shown.secret).toBe('JBSWY3DPEHPK3PXP');
    expect(shown.uri).toMatch(/^otpauth:\/\/totp\/.*secret=JBSWY3DPEHPK3PXP/);
  });

  it('pins and unpins', async () => {
    expect(await handlers().setPinned({ id: 'c', pinned: true })).toMatchObject({ id: 'c', pinned: true });
    expect(vault.stored[2]!.pinned).toBe(true);
    expect(await handlers().setPinned({ id: 'c', pinned: false })).toMatchObject({ pinned: false });
  });
});

describe('getActiveSite', () => {
  it.each([
    { url: 'https://www.amazon.co.uk/ap/mfa', expected: { site: 'amazon.co.uk' } },
    { url: 'http://localhost:8765/signin', expected: { site: 'localhost' } },
    // A network attacker's copy of a real site: no site to fill, and the popup is told why.
    { url: 'http://secure.bank.example/otp', expected: { site: null, insecureSite: 'bank.example' } },
    { url: 'chrome://settings/', expected: { site: null } },
  ])('$url', async ({ url, expected }) => {
    const tab = await fakeBrowser.tabs.create({ url });
    expect(await handlers().getActiveSite({ tabId: tab.id! })).toEqual(expected);
  });
});

describe('the writes hand their operation id to the vault (see VaultService.update)', () => {
  it('setPinned, reorderAccounts, updateAccount, deleteAccountWithUndo and restoreAccount', async () => {
    const h = handlers();
    await h.setPinned({ id: 'a', pinned: true }, { op: 'op-pin-000001' });
    await h.reorderAccounts({ ids: ['b', 'a'] }, { op: 'op-order-0001' });
    await h.updateAccount({ id: 'a', issuer: 'A', label: '', sites: [] }, { op: 'op-edit-00001' });
    await h.deleteAccountWithUndo({ id: 'b' }, { op: 'op-delete-001' });
    await h.restoreAccount({ id: 'b' }, { op: 'op-restore-01' });
    expect(vault.ops).toEqual(['op-pin-000001', 'op-order-0001', 'op-edit-00001', 'op-delete-001', 'op-restore-01']);
  });
});
