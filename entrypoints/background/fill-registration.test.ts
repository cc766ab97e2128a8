import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import type { AccountEntry } from '@/utils/otp/account';
import { AUTOFILL_SCRIPT_ID, syncFillRegistration } from './fill-registration';
import type { VaultService } from './vault-service';

/** The browser's registered scripts and granted sites, as far as the registration uses them. */
function fakeScripting(granted: string[]) {
  let registered: { id: string; matches?: string[] }[] = [];
  const registrations: string[][] = [];
  vi.spyOn(browser.scripting, 'getRegisteredContentScripts').mockImplementation(async () => registered as never);
  vi.spyOn(browser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
    registered = scripts.map((s) => ({ id: s.id, matches: s.matches }));
    registrations.push(scripts[0]?.matches ?? []);
  });
  vi.spyOn(browser.scripting, 'unregisterContentScripts').mockImplementation(async () => {
    registered = [];
  });
  vi.spyOn(browser.permissions, 'getAll').mockImplementation(async () => ({ origins: granted.map((site) => `https://*.${site}/*`) }));
  vi.spyOn(browser.permissions, 'contains').mockImplementation(async ({ origins }) =>
    (origins ?? []).every((pattern) => granted.some((site) => pattern.includes(site))));
  vi.spyOn(browser.permissions, 'remove').mockImplementation(async () => true);
  return { registrations };
}

/** A vault whose accounts are bound to `sites()`, counting how often the registration read it. */
function vaultBoundTo(sites: () => string[]) {
  let reads = 0;
  const vault = {
    async entries() {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return sites().map((site) => ({ sites: [site] }) as AccountEntry);
    },
  } as unknown as VaultService;
  return { vault, reads: () => reads };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('syncFillRegistration', () => {
  it('registers the fill script on the bound sites the person allowed', async () => {
    const { registrations } = fakeScripting(['amazon.com']);
    const { vault } = vaultBoundTo(() => ['amazon.com', 'paypal.com']);
    await syncFillRegistration(vault);
    expect(registrations).toHaveLength(1);
    expect(registrations[0]!.join(' ')).toContain('amazon.com');
    expect(registrations[0]!.join(' ')).not.toContain('paypal.com');
    expect(await browser.scripting.getRegisteredContentScripts({ ids: [AUTOFILL_SCRIPT_ID] })).toHaveLength(1);
  });

  it('runs a burst of calls (one per vault write) as one run more, which sees the state as it ends', async () => {
    const { registrations } = fakeScripting(['amazon.com', 'paypal.com']);
    let bound = ['amazon.com'];
    const { vault, reads } = vaultBoundTo(() => bound);
    const first = syncFillRegistration(vault);
    await new Promise((resolve) => setTimeout(resolve, 1)); // the first run is reading the vault
    // 200 accounts added one by one meanwhile.
    const burst: Promise<void>[] = [];
    for (let i = 0; i < 200; i++) burst.push(syncFillRegistration(vault));
    bound = ['amazon.com', 'paypal.com'];
    await Promise.all([first, ...burst]);
    expect(reads()).toBe(2);
    expect(registrations.at(-1)!.join(' ')).toContain('paypal.com');
  });

  it('runs calls made before a run starts as that one run', async () => {
    fakeScripting(['amazon.com']);
    const { vault, reads } = vaultBoundTo(() => ['amazon.com']);
    await Promise.all(Array.from({ length: 20 }, () => syncFillRegistration(vault)));
    expect(reads()).toBe(1);
  });

  it('settles each call only after a run that started after it', async () => {
    const { registrations } = fakeScripting(['amazon.com', 'paypal.com']);
    let bound = ['amazon.com'];
    const { vault, reads } = vaultBoundTo(() => bound);
    await syncFillRegistration(vault);
    const running = syncFillRegistration(vault);
    await new Promise((resolve) => setTimeout(resolve, 1)); // that run has started reading
    bound = ['paypal.com'];
    await syncFillRegistration(vault);
    await running;
    expect(reads()).toBe(3);
    expect(registrations.at(-1)!.join(' ')).toContain('paypal.com');
    expect(registrations.at(-1)!.join(' ')).not.toContain('amazon.com');
  });
});
