import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../otp/account';
import { encodeMigrationUri } from '../otp/encode-migration-uri';
import { classifyOtpauthText, parseOtpauthList } from './parse-otpauth-list';
import { draft as baseDraft, englishProblems, SECRET_A, SECRET_B } from './import-test-helpers';

const SECRET_C = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';

/** The shared test draft with this file's default names. */
const draft = (fields: Partial<AccountDraft>): AccountDraft => baseDraft({ issuer: 'Example', label: 'alice@example.com', ...fields });

describe('parseOtpauthList', () => {
  it.each([
    {
      name: 'one link a line, blank lines and # comments ignored, CRLF',
      text: `# my accounts\r\n\r\notpauth://totp/GitHub:alice?secret=${SECRET_A}&issuer=GitHub\r\n   \r\n# work\r\notpauth://hotp/Corp:bob?secret=${SECRET_B}&counter=7&digits=8\r\n`,
      accounts: [
        draft({ issuer: 'GitHub', label: 'alice', secret: SECRET_A }),
        draft({ kind: 'hotp', issuer: 'Corp', label: 'bob', secret: SECRET_B, digits: 8, counter: 7 }),
      ],
      problems: [],
    },
    {
      name: 'mixed validity: bad lines listed with reasons, the rest kept',
      text: [
        `otpauth://totp/Good:one?secret=${SECRET_A}`,
        'otpauth://totp/Bad:nosecret?issuer=Bad',
        'https://example.com/not-a-link',
        `otpauth://totp/Bad:digits?secret=${SECRET_B}&digits=9`,
        `otpauth://steam/Steam:gamer?secret=${SECRET_C}`,
      ].join('\n'),
      accounts: [
        draft({ issuer: 'Good', label: 'one' }),
        draft({ kind: 'steam', issuer: 'Steam', label: 'gamer', secret: SECRET_C, digits: 5 }),
      ],
      problems: [
        { record: 'line 2', reason: expect.stringContaining('does not contain a setup key') },
        { record: 'line 3', reason: expect.stringContaining('not a setup link') },
        { record: 'line 4', reason: expect.stringContaining('6, 7 or 8') },
      ],
    },
    {
      name: 'ente-style lines with unknown JSON parameters',
      text: `otpauth://totp/ente:me?secret=${SECRET_A}&issuer=ente&algorithm=sha1&digits=6&period=30&codeDisplay=%7B%22pinned%22%3Atrue%2C%22tags%22%3A%5B%22work%22%5D%7D\n`,
      accounts: [draft({ issuer: 'ente', label: 'me' })],
      problems: [],
    },
    {
      name: 'issue 12: each malformed line is refused with its own reason, never repaired',
      text: [
        `otpauth://totp/Good:one?secret=${SECRET_A}`,
        `otpauth://totp/bob?secret=${SECRET_B}&issuer=Evil%00Corp`,
        `otpauth://totp/Ok:two?secret=${SECRET_B}&digits=`,
        `otpauth://totp/Ok:three?secret=${SECRET_B}&period=+30`,
        `otpauth://totp/Ok:four?secret=${SECRET_B}&algorithm%=SHA256`,
        `otpauth://totp/Ok:five?secret=JBSWY3DPEHPK3PX%C3%9F`,
        `otpauth://totp/Ok:six?secret=${SECRET_C}&image=${'x'.repeat(70_000)}`,
        `${' '.repeat(100_000)}\t`,
      ].join('\n'),
      accounts: [draft({ issuer: 'Good', label: 'one' })],
      problems: [
        { record: 'line 2', reason: expect.stringContaining('control character (U+0000) at position 5') },
        { record: 'line 3', reason: expect.stringContaining('“digits” is empty') },
        { record: 'line 4', reason: expect.stringContaining('got “ 30”') },
        { record: 'line 5', reason: expect.stringContaining('“algorithm%” has a broken “%” escape') },
        { record: 'line 6', reason: expect.stringContaining('“ß” (U+00DF) at position 16') },
        { record: 'line 7', reason: expect.stringContaining('too long to be a setup link') },
      ],
    },
  ])('$name', ({ text, accounts, problems }) => {
    const result = parseOtpauthList(text);
    expect(result.accounts).toEqual(accounts);
    expect(englishProblems(result.problems)).toEqual(problems);
    expect(result.batches).toBeUndefined();
  });

  it('never echoes the secret of a refused line', () => {
    const result = parseOtpauthList('otpauth://totp/X?secret=SECRET0SECRET&digits=6');
    expect(result.problems).toHaveLength(1);
    expect(JSON.stringify(englishProblems(result.problems))).not.toContain('SECRET0SECRET');
  });
});

describe('parseOtpauthList with Google Authenticator exports', () => {
  const accounts = Array.from({ length: 5 }, (_, i) => draft({ issuer: `Service ${i + 1}`, label: `user${i + 1}`, secret: [SECRET_A, SECRET_B, SECRET_C][i % 3] }));
  const batch = (index: number, drafts: AccountDraft[], id = 4242, size = 3) => encodeMigrationUri(drafts, { index, size, id });
  const qr0 = batch(0, accounts.slice(0, 2));
  const qr1 = batch(1, accounts.slice(2, 4));
  const qr2 = batch(2, accounts.slice(4));

  it.each([
    { name: 'all three QR codes, out of order', lines: [qr2, qr0, qr1], found: [0, 1, 2], missing: [], count: 5 },
    { name: 'one QR code missing', lines: [qr0, qr2], found: [0, 2], missing: [1], count: 3 },
    { name: 'the same QR code twice counts once', lines: [qr0, qr0, qr1, qr2], found: [0, 1, 2], missing: [], count: 5 },
  ])('$name', ({ lines, found, missing, count }) => {
    const result = parseOtpauthList(lines.join('\n'));
    expect(result.batches).toEqual({ found, size: 3, missing });
    expect(result.accounts).toHaveLength(count);
    const missingProblems = englishProblems(result.problems).filter((p) => p.record === 'Google Authenticator export');
    expect(missingProblems.map((p) => p.reason)).toEqual(missing.map((i) => expect.stringContaining(`QR code ${i + 1} of 3 is missing`)));
  });

  it('keeps accounts in line order and names each record by line and account', () => {
    const result = parseOtpauthList([qr0, 'otpauth-migration://offline?data=%%%'].join('\n'));
    expect(result.accounts).toEqual(accounts.slice(0, 2));
    expect(englishProblems(result.problems)[0]).toEqual({ record: 'line 2 (Google Authenticator export)', reason: expect.stringContaining('damaged') });
  });

  it('reads a single export without batch numbers and no batches field', () => {
    const raw = encodeMigrationUri(accounts.slice(0, 1), { index: 0, size: 1, id: 1 });
    const result = parseOtpauthList(raw);
    expect(result.accounts).toEqual(accounts.slice(0, 1));
    expect(result.batches).toEqual({ found: [0], size: 1, missing: [] });
  });
});

describe('classifyOtpauthText', () => {
  it.each([
    { text: 'otpauth://totp/A?secret=JBSWY3DPEHPK3PXP', expected: 'otpauth' },
    { text: '# c\notpauth-migration://offline?data=AA', expected: 'migration' },
    { text: 'otpauth-migration://offline?data=AA\notpauth://totp/A?secret=JBSWY3DPEHPK3PXP', expected: 'otpauth' },
    { text: 'hello\nworld', expected: null },
    { text: '# otpauth://totp/A?secret=JBSWY3DPEHPK3PXP', expected: null },
  ])('$text → $expected', ({ text, expected }) => {
    expect(classifyOtpauthText(text)).toBe(expected);
  });
});
