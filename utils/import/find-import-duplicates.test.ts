import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../otp/account';
import { draft as baseDraft, SECRET_A, SECRET_B } from './import-test-helpers';
import { findImportDuplicates } from './find-import-duplicates';

/** The shared test draft with this file's default names. */
const draft = (fields: Partial<AccountDraft>): AccountDraft => baseDraft({ issuer: 'X', label: 'x', ...fields });

describe('findImportDuplicates', () => {
  it.each([
    {
      name: 'same secret and kind as a saved account',
      drafts: [draft({ issuer: 'GitHub', label: 'alice' }), draft({ secret: SECRET_B })],
      existing: [{ secret: SECRET_A, kind: 'totp' as const, name: 'GitHub: alice' }],
      expected: [{ index: 0, existingName: 'GitHub: alice', source: 'vault' }],
    },
    {
      name: 'same secret, another kind, is not a duplicate',
      drafts: [draft({ kind: 'hotp' })],
      existing: [{ secret: SECRET_A, kind: 'totp' as const, name: 'GitHub: alice' }],
      expected: [],
    },
    {
      name: 'secrets are compared in canonical form',
      drafts: [draft({})],
      existing: [{ secret: 'jbsw y3dp-ehpk 3pxp====', kind: 'totp' as const, name: 'Saved' }],
      expected: [{ index: 0, existingName: 'Saved', source: 'vault' }],
    },
    {
      name: 'twice in the same import: the later one is marked',
      drafts: [draft({ issuer: 'One' }), draft({ secret: SECRET_B }), draft({ issuer: 'Again' })],
      existing: [],
      expected: [{ index: 2, existingName: 'One: x', source: 'import' }],
    },
  ])('$name', ({ drafts, existing, expected }) => {
    expect(findImportDuplicates(drafts, existing)).toEqual(expected);
  });
});
