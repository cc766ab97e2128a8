import { describe, expect, it } from 'vitest';
import { OtpAlgorithm, OtpKind } from './account';

describe('account vocabulary', () => {
  it('names the kinds and algorithms stored in the vault', () => {
    expect(Object.values(OtpKind)).toEqual(['totp', 'hotp', 'steam']);
    expect(Object.values(OtpAlgorithm)).toEqual(['SHA1', 'SHA256', 'SHA512']);
  });
});
