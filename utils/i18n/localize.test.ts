import { describe, expect, it } from 'vitest';
import { formatMessage, inEnglish, localize, type Translate } from './localize';
import { msg, plural } from './local-message';

describe('formatMessage fills a catalogue entry as chrome.i18n.getMessage does', () => {
  const entry = (message: string, ...contents: string[]) => ({
    message,
    placeholders: Object.fromEntries(contents.map((content, i) => [`p${i + 1}`, { content }])),
  });

  it.each([
    { why: 'named placeholders, in any letter case', entry: entry('$P1$ and $p2$', '$1', '$2'), subs: ['a', 'b'], expected: 'a and b' },
    { why: 'placeholders in another order than $1, $2', entry: entry('$P2$ before $P1$', '$1', '$2'), subs: ['a', 'b'], expected: 'b before a' },
    { why: 'a placeholder used twice', entry: entry('$P1$, $P1$', '$1'), subs: ['x'], expected: 'x, x' },
    { why: 'a missing substitution becomes empty', entry: entry('[$P1$]', '$1'), subs: [], expected: '[]' },
    { why: '$$ is a dollar sign', entry: entry('$$5 for $P1$', '$1'), subs: ['you'], expected: '$5 for you' },
    { why: 'a substitution is inserted as it is, $ and all', entry: entry('got $P1$', '$1'), subs: ['$1 $$'], expected: 'got $1 $$' },
    { why: 'an undeclared $name$ stays', entry: entry('$NOPE$'), subs: [], expected: '$NOPE$' },
  ])('$why', ({ entry: e, subs, expected }) => {
    expect(formatMessage(e, subs)).toBe(expected);
  });

  it('gives "" for an entry that does not exist', () => {
    expect(formatMessage(undefined, [])).toBe('');
  });
});

describe('localize', () => {
  const german: Record<string, string> = {
    errDuplicateAccount: 'Schon gespeichert als „$1“.',
    accountNumbered: 'Konto $1',
  };
  const translate: Translate = (key, subs) => (german[key] ?? '').replace(/\$(\d)/gu, (_, n: string) => subs[Number(n) - 1] ?? '');

  it('words a message through the translator', () => {
    expect(localize(msg('errDuplicateAccount', 'GitHub'), translate)).toBe('Schon gespeichert als „GitHub“.');
  });

  it('localizes substitutions that are messages themselves first', () => {
    expect(localize(msg('errDuplicateAccount', msg('accountNumbered', 3)), translate)).toBe('Schon gespeichert als „Konto 3“.');
  });

  it('falls back to English, message by message, where the translator has nothing', () => {
    expect(localize(msg('errMigrationAccountNoKey', msg('accountNumbered', 2)), translate)).toBe(
      'Konto 2 in this export has no key, so none of the accounts were imported.',
    );
  });

  it('shows a plain string as it is', () => {
    expect(localize('As it is.', translate)).toBe('As it is.');
  });

  it('writes numbers given to msg in decimal in English, and as the user’s locale does when worded for them', () => {
    expect(inEnglish(msg('errKeyLength', 9))).toMatch(/^The key has 9 characters/u);
    expect(inEnglish(msg('errLinkTooLong', 12_345, 4_096))).toContain('(12345 characters; the limit is 4096)');
    const german = new Intl.NumberFormat('de');
    // Nested messages get their numbers formatted too.
    expect(localize(msg('errDuplicateAccount', msg('accountNumbered', 1_500)), () => '', (n) => german.format(n))).toContain('1.500');
    expect(localize(msg('errLinkTooLong', 12_345, 4_096), () => '', (n) => german.format(n))).toContain('(12.345 characters; the limit is 4.096)');
  });

  it('picks the _one form for 1 and _other for the rest', () => {
    expect(plural('errTooManyAttempts', 1)).toBe('errTooManyAttempts_one');
    expect(plural('errTooManyAttempts', 2)).toBe('errTooManyAttempts_other');
    expect(inEnglish(msg(plural('errTooManyAttempts', 1), 1))).toBe('Too many wrong passwords. Try again in 1 second.');
  });
});
