/**
 * The messages the importers make come out whole in English, nested ones included (every msg()
 * call's key and substitution count is checked by utils/i18n/error-messages.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { TwofoldError } from '../errors';
import { expectComplete } from '../i18n/catalog-test-helpers';
import { inEnglish } from '../i18n/localize';
import { importAccounts, MAX_IMPORT_BYTES } from './import-accounts';
import { parseAegis } from './parse-aegis';
import { parseTwoFas } from './parse-2fas';
import { parseOtpauthList } from './parse-otpauth-list';

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
