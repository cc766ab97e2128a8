/**
 * Every message the code words through `msg()` exists in the English catalogue and is given as
 * many substitutions as it declares placeholders (TypeScript checks the key, and only "none"
 * against "some" for the substitutions). Calls with a literal key are checked by reading the
 * sources; the few that pick their key from a table are run with every key they can pick.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, expectComplete, placeholderCount } from './catalog-test-helpers';
import {
  DuplicateAccountError,
  FillNeedsConfirmationError,
  FillNotAllowedError,
  ForbiddenError,
  NotFoundError,
  StorageFailedError,
  TooManyAttemptsError,
  TwofoldError,
  VaultLockedError,
  VaultMissingError,
  WrongPasswordError,
} from '../errors';
import { checkNewPassword, PASSWORD_MAX_LENGTH } from '../vault/password-policy';
import { validateDraft } from '../otp/validate-draft';
import { classifyQrText } from '../qr/classify-qr-text';
import { interpretQrTexts, type ScanSource } from '../qr/interpret-qr-texts';
import { syncFullError } from '../sync/sync-errors';

const root = join(import.meta.dirname, '..', '..');

/** Source files whose messages are worded by the background. */
function sources(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.ts$/u.test(file) && !/\.test\.ts$|test-helpers\.ts$/u.test(file))
    .map((file) => join(folder, file));
}

/**
 * The arguments of the call whose "(" is at `open`, as source text split at top-level commas
 * (strings, template literals and brackets are stepped over).
 */
function callArguments(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === '\\') i++;
    } else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) {
      depth--;
      if (depth === 0) {
        const last = text.slice(start, i).trim();
        if (last !== '') args.push(last);
        return args;
      }
    } else if (ch === ',' && depth === 1) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  throw new Error(`unclosed call at ${open}`);
}

/** The catalogue keys a key expression can give: its string literals, plural bases as both forms. */
function keysIn(expression: string): string[] {
  return [...expression.matchAll(/'([A-Za-z0-9_]+)'/gu)].flatMap(([, name]) =>
    name! in catalog ? [name!] : [`${name}_one`, `${name}_other`].filter((key) => key in catalog),
  );
}

const calls = ['utils', join('entrypoints', 'background')].flatMap(sources).flatMap((file) => {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?<![\w.])msg\(/gu)].map((match) => {
    const args = callArguments(text, match.index + 3);
    const line = text.slice(0, match.index).split('\n').length;
    return { where: `${relative(root, join(root, file))}:${line}`, key: args[0] ?? '', substitutions: args.length - 1 };
  });
});

describe('msg() calls in the code', () => {
  it('were found (the scan works)', () => {
    expect(calls.length).toBeGreaterThan(150);
  });

  const literal = calls.filter((call) => keysIn(call.key).length > 0);
  it.each(literal.map((call) => ({ ...call, keys: keysIn(call.key) })))('$where $key', ({ keys, substitutions }) => {
    for (const key of keys) expect(substitutions, `${key} declares ${placeholderCount(key)} placeholders`).toBe(placeholderCount(key));
  });

  it('pick their key from a table only in the places run below', () => {
    const dynamic = calls.filter((call) => keysIn(call.key).length === 0).map((call) => call.where.replace(/:\d+$/u, ''));
    expect([...new Set(dynamic)].sort()).toEqual(
      ['utils/otp/validate-draft.ts', 'utils/qr/classify-qr-text.ts', 'utils/qr/interpret-qr-texts.ts', 'utils/vault/password-policy.ts'],
    );
  });

  it('name only keys the catalogue has (err…, warn…, …Note… literals anywhere in the code)', () => {
    const files = ['utils', join('entrypoints', 'background')].flatMap(sources);
    for (const file of files) {
      for (const [, name] of readFileSync(join(root, file), 'utf8').matchAll(/'((?:err|warn|qrNote|textNote)[A-Z]\w*)'/gu)) {
        expect(keysIn(`'${name}'`), `${file}: ${name}`).not.toEqual([]);
      }
    }
  });
});

function caught(run: () => unknown): TwofoldError {
  try {
    run();
  } catch (error) {
    if (error instanceof TwofoldError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('messages chosen at run time are complete', () => {
  it.each([
    { why: 'locked', error: new VaultLockedError() },
    { why: 'wrong password', error: new WrongPasswordError() },
    { why: '1 second to wait', error: new TooManyAttemptsError(1_000, 0) },
    { why: '30 seconds to wait', error: new TooManyAttemptsError(30_000, 0) },
    { why: 'duplicate', error: new DuplicateAccountError('GitHub', 'id') },
    { why: 'no vault', error: new VaultMissingError() },
    { why: 'not found', error: new NotFoundError() },
    { why: 'forbidden', error: new ForbiddenError() },
    { why: 'storage', error: new StorageFailedError(new Error('quota')) },
    { why: 'fill into no web page', error: new FillNotAllowedError(null) },
    { why: 'fill into another site', error: new FillNotAllowedError('example.com') },
    { why: 'fill needs a yes', error: new FillNeedsConfirmationError('example.com') },
    { why: 'sync full, 1 account', error: syncFullError(1, 200_000) },
    { why: 'sync full, 9 accounts', error: syncFullError(9, 200_000) },
  ])('$why', ({ error }) => {
    expectComplete(error.text, error.name);
  });

  it.each(['master', 'backup'] as const)('password rules for the %s password', (purpose) => {
    for (const [password, confirm] of [['', undefined], ['short', undefined], ['x'.repeat(PASSWORD_MAX_LENGTH + 1), undefined], [' '.repeat(9), undefined], ['long enough', 'different']]) {
      expectComplete(caught(() => checkNewPassword(password as string, confirm, purpose)).text, `${purpose} ${password}`);
    }
    expectComplete(caught(() => checkNewPassword(undefined as unknown as string, undefined, purpose)).text, `${purpose} missing`);
  });

  it('names too long, service and account', () => {
    const long = 'x'.repeat(250);
    expectComplete(caught(() => validateDraft({ issuer: long, secret: 'JBSWY3DPEHPK3PXP' })).text, 'issuer');
    expectComplete(caught(() => validateDraft({ issuer: 'A', label: long, secret: 'JBSWY3DPEHPK3PXP' })).text, 'label');
  });

  it.each(['qr', 'text'] as const)('what a %s that is no account is', (medium) => {
    for (const text of ['https://example.com/x', 'https://', 'WIFI:S:Cafe;;', 'WIFI:T:nopass;;', '', 'hello']) {
      const { message } = classifyQrText(text, medium);
      expect(message, text).toBeDefined();
      expectComplete(message!, `${medium} ${text}`);
    }
  });

  it.each(['page', 'region', 'image', 'text'] as ScanSource[])('nothing found in a %s', (source) => {
    expectComplete(caught(() => interpretQrTexts([], source)).text, source);
    expectComplete(caught(() => interpretQrTexts(['hello', 'https://example.com'], source)).text, `${source} notes`);
  });
});
