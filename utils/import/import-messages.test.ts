/**
 * The importers' words are catalogue messages, held to the rules utils/i18n/error-messages.test.ts
 * checks elsewhere (which still leaves utils/import out): every msg() names a key the English
 * catalogue has, literally, with as many substitutions as it declares placeholders; and the
 * messages the importers make come out whole in English, nested ones included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json' with { type: 'json' };
import { TwofoldError } from '../errors';
import type { LocalText } from '../i18n/local-message';
import { inEnglish } from '../i18n/localize';
import { importAccounts, MAX_IMPORT_BYTES } from './import-accounts';
import { parseAegis } from './parse-aegis';
import { parseTwoFas } from './parse-2fas';
import { parseOtpauthList } from './parse-otpauth-list';

const catalog: Record<string, { message: string; placeholders?: Record<string, unknown> }> = english;
const placeholderCount = (key: string): number => Object.keys(catalog[key]?.placeholders ?? {}).length;
const folder = import.meta.dirname;

/** The arguments of the call whose "(" is at `open`, split at top-level commas (strings and brackets stepped over). */
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

const calls = readdirSync(folder)
  .filter((file) => file.endsWith('.ts') && !/\.test\.ts$|test-helpers\.ts$/u.test(file))
  .flatMap((file) => {
    const text = readFileSync(join(folder, file), 'utf8');
    return [...text.matchAll(/(?<![\w.])msg\(/gu)].map((match) => {
      const args = callArguments(text, match.index + 3);
      return { where: `${file}:${text.slice(0, match.index).split('\n').length}`, key: args[0] ?? '', substitutions: args.length - 1 };
    });
  });

describe('msg() calls in utils/import', () => {
  it('were found (the scan works)', () => {
    expect(calls.length).toBeGreaterThan(60);
  });

  it('all name their key literally (no key picked from a table)', () => {
    expect(calls.filter((call) => !/^'[A-Za-z0-9_]+'$/u.test(call.key)).map((call) => call.where)).toEqual([]);
  });

  it.each(calls)('$where $key', ({ key, substitutions }) => {
    const name = key.slice(1, -1);
    expect(catalog, name).toHaveProperty(name);
    expect(substitutions, `${name} declares ${placeholderCount(name)} placeholders`).toBe(placeholderCount(name));
  });
});

/** Each message in `text`, nested ones too, exists and has exactly the substitutions it declares. */
function expectComplete(text: LocalText, label: string): void {
  if (typeof text === 'string') return;
  expect(catalog, label).toHaveProperty(text.key);
  expect(text.substitutions.length, `${label}: ${text.key}`).toBe(placeholderCount(text.key));
  for (const part of text.substitutions) expectComplete(part, label);
  expect(inEnglish(text), label).not.toMatch(/\$[A-Za-z0-9_]+\$|\$\d/u);
}

async function refusal(run: () => Promise<unknown>): Promise<TwofoldError> {
  const error = await run().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(TwofoldError);
  return error as TwofoldError;
}

describe('messages the importers make are complete', () => {
  const encoder = new TextEncoder();
  it.each([
    { why: 'unknown text', input: { text: 'hello' } },
    { why: 'unknown file', input: { bytes: encoder.encode('hello'), fileName: 'x.txt' } },
    { why: 'unknown JSON', input: { text: '{"hello": 1}' } },
    { why: 'empty file', input: { bytes: new Uint8Array(0) } },
    { why: 'empty text', input: { text: '  ' } },
    { why: 'an image', input: { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]) } },
    { why: 'too large', input: { text: 'x'.repeat(MAX_IMPORT_BYTES + 1) } },
    { why: 'cut short, unknown', input: { text: '{"a": ' } },
    { why: 'cut short, 2FAS', input: { text: '{"services": [', fileName: 'b.2fas' } },
    { why: 'cut short, Aegis', input: { text: '{"header": {}, "db": ' } },
    { why: 'encrypted Bitwarden', input: { text: '{"encrypted": true, "encKeyValidation_DO_NOT_EDIT": "x"}' } },
  ])('import refused: $why', async ({ input }) => {
    expectComplete((await refusal(() => importAccounts(input))).text, JSON.stringify(input).slice(0, 40));
  });

  it.each([
    { why: 'Aegis without a header', run: () => parseAegis({ header: 'x', db: {} }) },
    { why: 'Aegis with a bad slot', run: () => parseAegis({ header: { slots: [{ type: 1, n: 3, r: 8, p: 1 }], params: {} }, db: 'AA' }, 'pw') },
    { why: 'Aegis with a bad slot key', run: () => parseAegis({ header: { slots: [{ type: 1, n: 2, r: 8, p: 1, key: 'zz' }], params: {} }, db: 'AA' }, 'pw') },
    { why: '2FAS too new', run: () => parseTwoFas({ services: [], schemaVersion: 9 }) },
    { why: '2FAS with a bad encrypted list', run: () => parseTwoFas({ services: [], servicesEncrypted: 'a:b', schemaVersion: 4 }, 'pw') },
  ])('file refused: $why', async ({ why, run }) => {
    expectComplete((await refusal(run)).text, why);
  });

  it('problems, records named and not', async () => {
    const text = ['otpauth://totp/Bad:x?issuer=Bad', 'not a link', 'otpauth-migration://offline?data=%%%'].join('\n');
    const aegis = await parseAegis({ header: { slots: null, params: null }, db: { entries: ['x', { type: 'yandex', issuer: 'Y', name: 'me' }, { type: '' }] } });
    for (const { record, reason } of [...parseOtpauthList(text).problems, ...aegis.problems]) {
      expectComplete(record, inEnglish(record));
      expectComplete(reason, inEnglish(record));
    }
  });
});
