import { describe, expect, it } from 'vitest';
import type { AccountEntry } from '@/utils/otp/account';
import { ErrorCode, TwofoldError } from '@/utils/errors';
import type { VaultService } from './vault-service';
import { createVaultHandlers } from './vault-handlers';
import { registrableDomain } from '@/utils/site/registrable-domain';

/** The slice of VaultService addAccount uses, over an array in memory. */
class MemoryVault {
  stored: AccountEntry[] = [];
  /** The operation id each write carried (VaultService.update's tag). */
  ops: (string | undefined)[] = [];
  onEvent() {}
  async update<R>(change: (entries: AccountEntry[]) => { entries: AccountEntry[]; result: R }, tag: { op?: string } = {}): Promise<R> {
    this.ops.push(tag.op);
    const next = change(structuredClone(this.stored));
    this.stored = next.entries;
    return next.result;
  }
}

/** The background's site lookup, done here in Node with the same public-suffix rules. */
const sites = { registrableDomains: async (urls: readonly string[]) => urls.map(registrableDomain) };
const handlers = (vault: MemoryVault) => createVaultHandlers(vault as unknown as VaultService, Date.now, sites);

const form = { kind: 'totp', issuer: 'Amazon', label: 'alice', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: '6', period: '30', counter: '0' };

describe('addAccount: the sites typed in the add form', () => {
  it.each([
    { sites: undefined, expected: [] },
    { sites: [], expected: [] },
    { sites: ['amazon.com'], expected: ['amazon.com'] },
    { sites: ['https://www.amazon.co.uk/ap/signin'], expected: ['amazon.co.uk'] },
    { sites: ['www.amazon.de', 'AMAZON.DE'], expected: ['amazon.de'] },
    { sites: ['localhost'], expected: ['localhost'] },
  ])('$sites → $expected', async ({ sites, expected }) => {
    const vault = new MemoryVault();
    const { account } = await handlers(vault).addAccount({ form, sites });
    expect(account.sites).toEqual(expected);
    expect(vault.stored[0]!.sites).toEqual(expected);
  });

  it.each([['amazon'], ['amazon .com'], ['javascript:alert(1)']])('refuses %s, naming the field, and saves nothing', async (typed) => {
    const vault = new MemoryVault();
    const error = await handlers(vault).addAccount({ form, sites: [typed] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TwofoldError);
    expect(error).toMatchObject({ code: ErrorCode.InvalidInput, field: 'sites' });
    expect((error as Error).message).toContain('is not a site name');
    expect(vault.stored).toEqual([]);
  });
});

describe('the writes hand their operation id to the vault (see VaultService.update)', () => {
  it('addAccount, nextHotpCode and deleteAccount', async () => {
    const vault = new MemoryVault();
    const h = handlers(vault);
    const { account } = await h.addAccount({ form: { ...form, kind: 'hotp' } }, { op: 'op-add-00000001' });
    await h.nextHotpCode({ id: account.id }, { op: 'op-next-0000001' });
    await h.deleteAccount({ id: account.id }, { op: 'op-delete-00001' });
    expect(vault.ops).toEqual(['op-add-00000001', 'op-next-0000001', 'op-delete-00001']);
  });
});
