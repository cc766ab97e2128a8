import { describe, expect, it } from 'vitest';
import { ImportFailure } from '../errors';
import type { AccountDraft } from '../otp/account';
import { isBitwardenExport, parseBitwarden } from './parse-bitwarden';
import { draft as baseDraft, englishProblems, SECRET_A, SECRET_B } from './import-test-helpers';

type Json = Record<string, unknown>;

/** A login item as Bitwarden's unencrypted JSON export writes it. */
const login = (name: string, username: string | null, totp: string | null): Json => ({
  id: `00000000-0000-0000-0000-${String(name.length).padStart(12, '0')}`,
  organizationId: null,
  folderId: null,
  type: 1,
  reprompt: 0,
  name,
  notes: null,
  favorite: false,
  login: { uris: [{ match: null, uri: 'https://example.com' }], username, password: 'hunter2', totp },
  collectionIds: null,
});

const exportFile = (items: Json[]): Json => ({ encrypted: false, folders: [], items });

/** The shared test draft with this file's default names. */
const draft = (fields: Partial<AccountDraft>): AccountDraft => baseDraft({ issuer: '', label: '', ...fields });

describe('parseBitwarden', () => {
  it.each([
    { name: 'a bare secret → TOTP SHA1 6/30, item name and username', item: login('GitHub', 'alice', 'jbsw y3dp ehpk 3pxp'), expected: draft({ issuer: 'GitHub', label: 'alice' }) },
    {
      name: 'an otpauth link keeps its own names and parameters',
      item: login('My bank', 'carol', `otpauth://totp/Bank:carol?secret=${SECRET_B}&issuer=Bank&digits=8&period=60&algorithm=SHA256`),
      expected: draft({ issuer: 'Bank', label: 'carol', secret: SECRET_B, digits: 8, period: 60, algorithm: 'SHA256' }),
    },
    { name: 'an otpauth link without an issuer takes the item name', item: login('Shop', 'dave', `otpauth://totp/dave?secret=${SECRET_A}`), expected: draft({ issuer: 'Shop', label: 'dave' }) },
    { name: 'an otpauth link without names takes the item’s', item: login('Forum', 'erin', `otpauth://totp/?secret=${SECRET_A}`), expected: draft({ issuer: 'Forum', label: 'erin' }) },
    { name: 'steam://SECRET → Steam Guard', item: login('Steam', 'gamer', `steam://${SECRET_B}`), expected: draft({ kind: 'steam', issuer: 'Steam', label: 'gamer', secret: SECRET_B, digits: 5 }) },
  ])('$name', ({ item, expected }) => {
    expect(parseBitwarden(exportFile([item]))).toEqual({ accounts: [expected], problems: [] });
  });

  it('passes over items without a TOTP and lists unusable ones with reasons', () => {
    const file = exportFile([
      login('Plain password', 'x', null),
      { type: 2, name: 'A secure note', secureNote: { type: 0 } },
      login('Broken', 'y', 'not a key!'),
      login('Broken link', 'z', 'otpauth://totp/X:z?digits=6'),
      login('Good', 'w', SECRET_A),
    ]);
    expect(isBitwardenExport(file)).toBe(true);
    const result = parseBitwarden(file);
    expect(result.accounts).toEqual([draft({ issuer: 'Good', label: 'w' })]);
    expect(englishProblems(result.problems)).toEqual([
      { record: 'item 3 (Broken: y)', reason: expect.stringContaining('“!”') },
      { record: 'item 4 (Broken link: z)', reason: expect.stringContaining('does not contain a setup key') },
    ]);
  });

  it('refuses an encrypted export with a message saying how to export', () => {
    const file = { encrypted: true, passwordProtected: true, salt: 'c2FsdA==', kdfType: 0, kdfIterations: 600000, encKeyValidation_DO_NOT_EDIT: '2.x|y|z', data: '2.a|b|c' };
    expect(isBitwardenExport(file)).toBe(true);
    expect(() => parseBitwarden(file)).toThrow(expect.objectContaining({ failure: ImportFailure.Unsupported, message: expect.stringContaining('“.json”') }));
  });
});
