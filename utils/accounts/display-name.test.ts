import { describe, expect, it } from 'vitest';
import { displayName } from './display-name';

describe('displayName', () => {
  it.each([
    { issuer: 'Amazon', label: 'alice@example.com', expected: 'Amazon (alice@example.com)' },
    { issuer: 'Amazon', label: '', expected: 'Amazon' },
    { issuer: '', label: 'alice@example.com', expected: 'alice@example.com' },
    // Brackets inside brackets read badly: a colon joins them instead.
    { issuer: 'Amazon', label: 'alice (shopping)', expected: 'Amazon: alice (shopping)' },
    { issuer: 'Bank (EU)', label: 'alice', expected: 'Bank (EU): alice' },
    // A label that repeats the issuer adds nothing.
    { issuer: 'GitHub', label: 'github', expected: 'GitHub' },
    { issuer: ' Slack ', label: ' alice ', expected: 'Slack (alice)' },
    { issuer: '', label: '', expected: 'Unnamed account' },
  ])('"$issuer" + "$label" → "$expected"', ({ issuer, label, expected }) => {
    expect(displayName({ issuer, label })).toBe(expected);
  });
});
