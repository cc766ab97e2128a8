import { describe, expect, it } from 'vitest';
import { InvalidInputError, InvalidSecretError } from '../errors';
import { type AccountDraft } from './account';
import { type DraftInput, validateDraft } from './validate-draft';

const S = 'JBSWY3DPEHPK3PXP';
const draft = (fields: Partial<AccountDraft>): AccountDraft => ({
  kind: 'totp',
  issuer: '',
  label: '',
  secret: S,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  ...fields,
});

// prettier-ignore
const accepted: { why: string; input: DraftInput; expected: AccountDraft }[] = [
  { why: 'only a name and a key: defaults', input: { issuer: 'Amazon', secret: 'jbsw y3dp ehpk 3pxp' }, expected: draft({ issuer: 'Amazon' }) },
  { why: 'names are trimmed', input: { issuer: '  Amazon ', label: ' me@example.com\n', secret: S }, expected: draft({ issuer: 'Amazon', label: 'me@example.com' }) },
  { why: 'label alone is enough', input: { label: 'me', secret: S }, expected: draft({ label: 'me' }) },
  { why: 'numbers as strings from text inputs', input: { issuer: 'A', secret: S, kind: 'TOTP', algorithm: 'sha512', digits: '8', period: ' 60 ' }, expected: draft({ issuer: 'A', algorithm: 'SHA512', digits: 8, period: 60 }) },
  { why: 'numbers from number inputs', input: { issuer: 'A', secret: S, digits: 7, period: 45 }, expected: draft({ issuer: 'A', digits: 7, period: 45 }) },
  { why: 'blank fields mean defaults', input: { issuer: 'A', secret: S, kind: '', algorithm: '', digits: '', period: ' ', counter: '' }, expected: draft({ issuer: 'A' }) },
  { why: 'HOTP: counter read, period fixed', input: { kind: 'hotp', issuer: 'A', secret: S, counter: '256', period: '999999' }, expected: draft({ kind: 'hotp', issuer: 'A', counter: 256 }) },
  { why: 'HOTP: blank counter is 0', input: { kind: 'hotp', issuer: 'A', secret: S }, expected: draft({ kind: 'hotp', issuer: 'A' }) },
  { why: 'HOTP: largest counter', input: { kind: 'hotp', issuer: 'A', secret: S, counter: Number.MAX_SAFE_INTEGER }, expected: draft({ kind: 'hotp', issuer: 'A', counter: Number.MAX_SAFE_INTEGER }) },
  { why: 'TOTP: counter ignored', input: { issuer: 'A', secret: S, counter: 'junk' }, expected: draft({ issuer: 'A' }) },
  { why: 'Steam: fixed parameters whatever the form says', input: { kind: 'steam', issuer: 'Steam', secret: S, digits: 8, period: 60, algorithm: 'SHA256' }, expected: draft({ kind: 'steam', issuer: 'Steam', digits: 5 }) },
  { why: 'names of exactly 200 characters', input: { issuer: 'i'.repeat(200), label: '🐱'.repeat(200), secret: S }, expected: draft({ issuer: 'i'.repeat(200), label: '🐱'.repeat(200) }) },
  { why: 'broken UTF-16 is repaired', input: { issuer: 'A\uD800B', secret: S }, expected: draft({ issuer: 'A\uFFFDB' }) },
];

describe('validateDraft accepts what the form holds', () => {
  it.each(accepted)('$why', ({ input, expected }) => {
    expect(validateDraft(input)).toEqual(expected);
    expect(validateDraft(expected)).toEqual(expected); // idempotent
  });
});

// prettier-ignore
const rejected: { why: string; input: DraftInput; field: string; message: string }[] = [
  { why: 'no name at all', input: { issuer: ' ', label: '', secret: S }, field: 'issuer', message: 'Give the account a name so you can tell it apart.' },
  { why: 'service name too long', input: { issuer: 'i'.repeat(201), secret: S }, field: 'issuer', message: 'The service name is too long (201 characters; the limit is 200).' },
  { why: 'account name too long', input: { issuer: 'A', label: 'l'.repeat(300), secret: S }, field: 'label', message: 'The account name is too long (300 characters' },
  { why: 'empty key', input: { issuer: 'A', secret: '' }, field: 'secret', message: 'The key is empty' },
  { why: 'no key', input: { issuer: 'A' }, field: 'secret', message: 'The key is empty' },
  { why: 'key with 0', input: { issuer: 'A', secret: 'JBSWY3DPEHPK3PX0' }, field: 'secret', message: 'Did you mean “O”?' },
  { why: 'key of impossible length', input: { issuer: 'A', secret: 'JBSWY3DPE' }, field: 'secret', message: '9 characters' },
  { why: 'unknown kind', input: { kind: 'motp', issuer: 'A', secret: S }, field: 'kind', message: '“motp” is not one of them' },
  { why: 'unknown algorithm', input: { issuer: 'A', secret: S, algorithm: 'MD5' }, field: 'algorithm', message: 'SHA1, SHA256 and SHA512' },
  { why: '5 digits for TOTP', input: { issuer: 'A', secret: S, digits: 5 }, field: 'digits', message: '6, 7 or 8 digits' },
  { why: '9 digits as text', input: { issuer: 'A', secret: S, digits: '9' }, field: 'digits', message: '“9”' },
  { why: 'fractional digits', input: { issuer: 'A', secret: S, digits: 6.5 }, field: 'digits', message: '6, 7 or 8 digits' },
  { why: 'period 0', input: { issuer: 'A', secret: S, period: 0 }, field: 'period', message: 'at least 1 second' },
  { why: 'period as words', input: { issuer: 'A', secret: S, period: '30 seconds' }, field: 'period', message: 'whole number of seconds' },
  { why: 'period over a day', input: { issuer: 'A', secret: S, period: 90_000 }, field: 'period', message: 'at most 86400 seconds' },
  { why: 'NaN period', input: { issuer: 'A', secret: S, period: Number.NaN }, field: 'period', message: 'whole number of seconds' },
  { why: 'negative counter', input: { kind: 'hotp', issuer: 'A', secret: S, counter: -1 }, field: 'counter', message: 'whole number from 0' },
  { why: 'counter beyond 2^53 − 1', input: { kind: 'hotp', issuer: 'A', secret: S, counter: '9007199254740993' }, field: 'counter', message: 'whole number from 0' },
  // Issue 12: the form trims spaces around a number, but a sign or another notation is refused.
  { why: 'period with a plus sign', input: { issuer: 'A', secret: S, period: '+30' }, field: 'period', message: 'got “+30”' },
  { why: 'counter in hexadecimal', input: { kind: 'hotp', issuer: 'A', secret: S, counter: '0x1' }, field: 'counter', message: 'whole number' },
  { why: 'digits in full-width', input: { issuer: 'A', secret: S, digits: '８' }, field: 'digits', message: '“８”' },
  { why: 'ß in the key (never SS)', input: { issuer: 'A', secret: 'JBSWY3DPEHPK3PXß' }, field: 'secret', message: '“ß” (U+00DF) at position 16' },
  { why: 'a name of 100,000 spaces is refused before any tidying', input: { issuer: ' '.repeat(100_000), secret: S }, field: 'issuer', message: 'The service name is too long (100000 characters; the limit is 200).' },
  { why: 'a key of 100,000 characters is refused before it is read', input: { issuer: 'A', secret: '='.repeat(100_000) }, field: 'secret', message: 'The key is too long (100000 characters' },
];

describe('validateDraft says which field is wrong', () => {
  it.each(rejected)('$why → $field', ({ input, field, message }) => {
    let caught: unknown;
    try {
      validateDraft(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect(caught).toMatchObject({ field, code: 'invalid-input' });
    expect((caught as Error).message).toContain(message);
  });

  it('keeps the secret error as the cause', () => {
    try {
      validateDraft({ issuer: 'A', secret: '1' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).cause).toBeInstanceOf(InvalidSecretError);
    }
  });
});
