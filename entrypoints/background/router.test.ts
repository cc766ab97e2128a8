import { describe, expect, it } from 'vitest';
import { ErrorCode, ImportError, ImportFailure, InvalidInputError, TooManyAttemptsError, TwofoldError } from '@/utils/errors';
import { msg } from '@/utils/i18n/local-message';
import type { Translate } from '@/utils/i18n/localize';
import type { Result } from '@/utils/messages';
import { createRouter, toFailure, withUserActivity, type ContentHandlers, type PageHandlers } from './router';

const identity = { extensionId: 'twofold', extensionOrigin: 'chrome-extension://twofold/' };
const page = { id: 'twofold', url: 'chrome-extension://twofold/popup.html' };

/** A translator for a catalogue that has only these German messages (with `$1`… as the browser fills them). */
function translator(messages: Record<string, string>): Translate {
  return (key, substitutions) => (messages[key] ?? '').replace(/\$(\d)/gu, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}

const german = translator({
  errNotFound: 'Dieses Konto gibt es nicht mehr.',
  errDuplicateAccount: 'Schon gespeichert als „$1“.',
  accountNumbered: 'Konto $1',
  errInternal: 'In Twofold ist etwas schiefgelaufen.',
  errForbidden: 'Von hier aus nicht erlaubt.',
  errImportUnknownText: 'Twofold erkennt diesen Text nicht. Es importiert $1.',
  importSupportedFormats: 'Listen von otpauth://-Links',
});

/** A router whose `unlock` handler fails with `error`. */
function failingRouter(error: unknown, translate?: Translate) {
  const pageHandlers = { unlock: () => Promise.reject(error) } as unknown as PageHandlers;
  return createRouter(pageHandlers, {} as ContentHandlers, identity, () => {}, translate ? { translate } : {});
}

const unlock = { channel: 'twofold', name: 'unlock', args: { password: 'x' } };

describe('the router words failures in the user’s language', () => {
  it('translates a TwofoldError with the injected translator', async () => {
    const reply = await failingRouter(new TwofoldError(ErrorCode.NotFound, msg('errNotFound')), german)(unlock, page);
    expect(reply).toEqual({ ok: false, error: { code: 'not-found', message: 'Dieses Konto gibt es nicht mehr.' } });
  });

  it('translates substitutions that are messages themselves', async () => {
    const error = new TwofoldError(ErrorCode.DuplicateAccount, msg('errDuplicateAccount', msg('accountNumbered', 2)));
    const reply = await failingRouter(error, german)(unlock, page);
    expect(reply).toMatchObject({ ok: false, error: { message: 'Schon gespeichert als „Konto 2“.' } });
  });

  it('falls back to the English message when the translator has none', async () => {
    const error = new InvalidInputError(msg('errPasswordsDiffer'), { field: 'confirm' });
    const reply = await failingRouter(error, german)(unlock, page);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'confirm', message: 'The two passwords do not match. Type the same password in both boxes.' },
    });
  });

  it('keeps the extra fields (retryAt) beside the translated words', async () => {
    const reply: Result<unknown> | undefined = await failingRouter(new TooManyAttemptsError(31_000, 1_000), german)(unlock, page);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'too-many-attempts', retryAt: 31_000, message: 'Too many wrong passwords. Try again in 30 seconds.' },
    });
  });

  it('gives an unexpected error the generic message, translated', async () => {
    const reply = await failingRouter(new Error('boom'), german)(unlock, page);
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'In Twofold ist etwas schiefgelaufen.' } });
  });

  it('translates the refusal of a sender that is not one of its pages', async () => {
    const reply = await failingRouter(new Error('never called'), german)(unlock, { id: 'twofold', url: 'https://evil.example/' });
    expect(reply).toEqual({ ok: false, error: { code: 'forbidden', message: 'Von hier aus nicht erlaubt.' } });
  });

  it('translates import errors, the list of formats in them too', () => {
    const error = new ImportError(ImportFailure.UnknownFormat, msg('errImportUnknownText', msg('importSupportedFormats')));
    expect(toFailure(error, german)).toEqual({
      ok: false,
      error: { code: 'import-failed', message: 'Twofold erkennt diesen Text nicht. Es importiert Listen von otpauth://-Links.' },
    });
  });

  it('uses the browser’s catalogue by default, English when it has no i18n (as in these tests)', async () => {
    const reply = await failingRouter(new TwofoldError(ErrorCode.NotFound, msg('errNotFound')))(unlock, page);
    expect(reply).toMatchObject({ ok: false, error: { message: 'That account no longer exists. It may have been deleted in another window.' } });
  });
});

describe('withUserActivity', () => {
  const names = ['openPopup', 'unlock', 'setPinned', 'fillActiveTab', 'revealSecret', 'listAccounts', 'getStatus', 'getSettings', 'getActiveSite', 'getSyncStatus'] as const;

  async function noted(name: (typeof names)[number], fails = false): Promise<number> {
    let uses = 0;
    const handlers = Object.fromEntries(names.map((n) => [n, () => (fails ? Promise.reject(new Error('no')) : Promise.resolve(n))])) as unknown as PageHandlers;
    const wrapped = withUserActivity(handlers, () => void (uses += 1));
    await (wrapped[name] as (args: unknown) => Promise<unknown>)({}).catch(() => undefined);
    return uses;
  }

  it.each([
    { name: 'openPopup', expected: 1 },
    { name: 'unlock', expected: 1 },
    { name: 'setPinned', expected: 1 },
    { name: 'fillActiveTab', expected: 1 },
    { name: 'revealSecret', expected: 1 },
    { name: 'listAccounts', expected: 0 },
    { name: 'getStatus', expected: 0 },
    { name: 'getSettings', expected: 0 },
    { name: 'getActiveSite', expected: 0 },
    { name: 'getSyncStatus', expected: 0 },
  ] as const)('$name counts as the person’s activity: $expected', async ({ name, expected }) => {
    expect(await noted(name)).toBe(expected);
    expect(await noted(name, true)).toBe(expected);
  });

  it('passes replies through unchanged', async () => {
    const wrapped = withUserActivity({ setPinned: () => Promise.resolve({ pinned: true }) } as unknown as PageHandlers, () => undefined);
    expect(await (wrapped.setPinned as (args: unknown) => Promise<unknown>)({})).toEqual({ pinned: true });
  });
});

describe('operation ids (Envelope.op)', () => {
  /** A router whose `addAccount` handler reports the request it was given. */
  function echoRouter(activity = false) {
    let handlers = { addAccount: (_args: unknown, request: unknown) => Promise.resolve(request) } as unknown as PageHandlers;
    if (activity) handlers = withUserActivity(handlers, () => undefined);
    return createRouter(handlers, {} as ContentHandlers, identity, () => {});
  }
  const add = { channel: 'twofold', name: 'addAccount', args: {} };

  it.each([
    { name: 'with an id', message: { ...add, op: 'c0ffee00-1234-4abc-8def-000000000001' }, expected: { op: 'c0ffee00-1234-4abc-8def-000000000001' } },
    { name: 'without one', message: add, expected: {} },
  ])('reaches the handler $name, also through withUserActivity', async ({ message, expected }) => {
    for (const activity of [false, true]) {
      expect(await echoRouter(activity)(message, page)).toEqual({ ok: true, value: expected });
    }
  });

  it.each([
    { op: '' }, { op: 'short' }, { op: 'x'.repeat(65) }, { op: 'has spaces in it' }, { op: 12345678 }, { op: { toString: 'x' } }, { op: null },
  ])('a malformed id makes the message not ours: $op', ({ op }) => {
    expect(echoRouter()({ ...add, op }, page)).toBeUndefined();
  });
});
