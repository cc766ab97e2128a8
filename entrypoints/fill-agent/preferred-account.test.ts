import { describe, expect, it } from 'vitest';
import { preferredAccount } from './preferred-account';

const ALICE = { id: 'a', name: 'Amazon (alice@example.com)', label: 'alice@example.com' };
const BOB = { id: 'b', name: 'Amazon (bob@example.com)', label: 'bob@example.com' };
const AL = { id: 'c', name: 'Amazon (al)', label: 'al' };
const BOBBY = { id: 'd', name: 'Bank (bob)', label: 'bob' };

describe('preferredAccount', () => {
  it.each([
    { why: 'the e-mail the page shows', accounts: [ALICE, BOB], text: 'Signed in as BOB@example.com', lastUsed: 'a', expected: 'b' },
    { why: 'the page shows nobody: the last used here', accounts: [ALICE, BOB], text: 'Enter the code', lastUsed: 'b', expected: 'b' },
    { why: 'nobody shown, nothing used yet: none (the first)', accounts: [ALICE, BOB], text: 'Enter the code', lastUsed: undefined, expected: undefined },
    { why: 'a last used account no longer on the site', accounts: [ALICE, BOB], text: '', lastUsed: 'gone', expected: undefined },
    { why: 'labels shorter than 3 characters are not matched', accounts: [AL, BOB], text: 'Sign in to your global account', lastUsed: undefined, expected: undefined },
    { why: 'the longest label shown wins', accounts: [BOBBY, BOB], text: 'bob@example.com', lastUsed: undefined, expected: 'b' },
    { why: 'a username typed in the page', accounts: [ALICE, BOB], text: 'Sign in  alice@example.com', lastUsed: 'b', expected: 'a' },
  ])('$why', ({ accounts, text, lastUsed, expected }) => {
    expect(preferredAccount(accounts, text, lastUsed)).toBe(expected);
  });
});
