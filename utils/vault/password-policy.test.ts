import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors';
import { checkNewPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy';

describe('checkNewPassword', () => {
  it.each([
    { password: 'correct horse', confirm: undefined, why: 'long enough, no confirmation field' },
    { password: 'correct horse', confirm: 'correct horse', why: 'confirmation matches' },
    { password: '12345678', confirm: undefined, why: 'exactly the minimum' },
    { password: 'x'.repeat(PASSWORD_MAX_LENGTH), confirm: undefined, why: 'exactly the maximum' },
    { password: '  pass  word  ', confirm: undefined, why: 'spaces inside and around are kept' },
    { password: '🔑🔑🔑🔑🔑🔑🔑🔑', confirm: undefined, why: '8 emoji are 8 characters (16 UTF-16 units)' },
    { password: 'Cre\u0300me bru\u0302le\u0301e', confirm: 'Crème brûlée', why: 'confirmation compared after NFC' },
  ])('accepts: $why', ({ password, confirm }) => {
    expect(() => checkNewPassword(password, confirm)).not.toThrow();
  });

  it.each([
    { password: '', confirm: undefined, field: 'password', message: /at least 8 characters/ },
    { password: '1234567', confirm: undefined, field: 'password', message: /at least 8 characters/ },
    { password: '🔑🔑🔑🔑', confirm: undefined, field: 'password', message: /at least 8 characters/ },
    // "e" + combining accent ×4 is 8 code points typed but 4 after NFC.
    { password: 'e\u0301e\u0301e\u0301e\u0301', confirm: undefined, field: 'password', message: /at least 8/ },
    { password: 'x'.repeat(PASSWORD_MAX_LENGTH + 1), confirm: undefined, field: 'password', message: /at most 1024/ },
    { password: '         ', confirm: undefined, field: 'password', message: /only spaces/ },
    { password: '\t\n\u00a0\u2003\t\n\u00a0\u2003', confirm: undefined, field: 'password', message: /only spaces/ },
    { password: 'correct horse', confirm: 'correct hors', field: 'confirm', message: /do not match/ },
    { password: 'correct horse', confirm: '', field: 'confirm', message: /do not match/ },
    { password: 'correct horse', confirm: 'Correct horse', field: 'confirm', message: /do not match/ },
    { password: '1234567', confirm: '7654321', field: 'password', message: /at least/ },
  ])('rejects "$password" / "$confirm" on $field', ({ password, confirm, field, message }) => {
    let caught: unknown;
    try {
      checkNewPassword(password, confirm);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect((caught as InvalidInputError).field).toBe(field);
    expect((caught as InvalidInputError).message).toMatch(message);
  });

  it('says the minimum in the message', () => {
    expect(() => checkNewPassword('short')).toThrow(new RegExp(String(PASSWORD_MIN_LENGTH)));
  });
});
