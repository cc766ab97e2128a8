import { describe, expect, it } from 'vitest';
import { InvalidMigrationPayloadError } from '../errors';
import { type AccountDraft } from './account';
import { decodeBase32, encodeBase32 } from './base32';
import { parseMigrationUri } from './parse-migration-uri';
import { ProtobufWriter } from './protobuf';

const SECRET = 'JBSWY3DPEHPK3PXP';
const secretBytes = decodeBase32(SECRET);

/** One OtpParameters message, written field by field so the test controls exactly what is present. */
function otp(fields: { secret?: Uint8Array; name?: string; issuer?: string; algorithm?: number; digits?: number; type?: number; counter?: bigint | number; extra?: (w: ProtobufWriter) => void }): Uint8Array {
  const w = new ProtobufWriter();
  if (fields.secret !== undefined) w.bytes(1, fields.secret);
  if (fields.name !== undefined) w.string(2, fields.name);
  if (fields.issuer !== undefined) w.string(3, fields.issuer);
  if (fields.algorithm !== undefined) w.varint(4, fields.algorithm);
  if (fields.digits !== undefined) w.varint(5, fields.digits);
  if (fields.type !== undefined) w.varint(6, fields.type);
  if (fields.counter !== undefined) w.varint(7, fields.counter);
  fields.extra?.(w);
  return w.finish();
}

/** A MigrationPayload; `version` defaults to 1 as Google Authenticator writes it. */
function payload(accounts: Uint8Array[], tail: { version?: number | null; size?: number; index?: number; id?: number; extra?: (w: ProtobufWriter) => void } = {}): Uint8Array {
  const w = new ProtobufWriter();
  for (const a of accounts) w.bytes(1, a);
  if (tail.version !== null) w.varint(2, tail.version ?? 1);
  if (tail.size !== undefined) w.varint(3, tail.size);
  if (tail.index !== undefined) w.varint(4, tail.index);
  if (tail.id !== undefined) w.varint(5, tail.id);
  tail.extra?.(w);
  return w.finish();
}

type Encoding = 'percent' | 'raw' | 'url-safe' | 'unpadded';
function uri(bytes: Uint8Array, encoding: Encoding = 'percent'): string {
  const base64 = Buffer.from(bytes).toString('base64');
  const data = {
    percent: encodeURIComponent(base64),
    raw: base64,
    'url-safe': Buffer.from(bytes).toString('base64url'),
    unpadded: base64.replace(/=+$/u, ''),
  }[encoding];
  return `otpauth-migration://offline?data=${data}`;
}

const totp = (fields: Partial<AccountDraft>): AccountDraft => ({
  kind: 'totp',
  issuer: '',
  label: '',
  secret: SECRET,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  ...fields,
});

describe('parseMigrationUri reads Google Authenticator exports', () => {
  // prettier-ignore
  const rows: { why: string; accounts: Uint8Array[]; drafts: AccountDraft[] }[] = [
    { why: 'unspecified enums mean SHA1, 6 digits, TOTP', accounts: [otp({ secret: secretBytes, name: 'bob' })], drafts: [totp({ label: 'bob' })] },
    { why: 'explicit enums', accounts: [otp({ secret: secretBytes, name: 'bob', issuer: 'X', algorithm: 3, digits: 2, type: 2 })], drafts: [totp({ issuer: 'X', label: 'bob', algorithm: 'SHA512', digits: 8 })] },
    { why: 'SHA1 and SIX spelled out', accounts: [otp({ secret: secretBytes, name: 'bob', algorithm: 1, digits: 1 })], drafts: [totp({ label: 'bob' })] },
    { why: 'name "Issuer:account" with the issuer field', accounts: [otp({ secret: secretBytes, name: 'Example:alice@google.com', issuer: 'Example' })], drafts: [totp({ issuer: 'Example', label: 'alice@google.com' })] },
    { why: 'name "Issuer: account" without the issuer field', accounts: [otp({ secret: secretBytes, name: 'Acme: bob' })], drafts: [totp({ issuer: 'Acme', label: 'bob' })] },
    { why: 'issuer field differs from the name prefix: field wins', accounts: [otp({ secret: secretBytes, name: 'Foo:bob', issuer: 'Bar' })], drafts: [totp({ issuer: 'Bar', label: 'bob' })] },
    { why: 'HOTP counter above 255', accounts: [otp({ secret: secretBytes, name: 'h', type: 1, counter: 300 })], drafts: [totp({ kind: 'hotp', label: 'h', counter: 300 })] },
    { why: 'HOTP counter above 2^32', accounts: [otp({ secret: secretBytes, name: 'h', type: 1, counter: 2 ** 32 + 7 })], drafts: [totp({ kind: 'hotp', label: 'h', counter: 2 ** 32 + 7 })] },
    { why: 'HOTP counter 2^53 − 1', accounts: [otp({ secret: secretBytes, name: 'h', type: 1, counter: Number.MAX_SAFE_INTEGER })], drafts: [totp({ kind: 'hotp', label: 'h', counter: Number.MAX_SAFE_INTEGER })] },
    { why: 'TOTP ignores a counter', accounts: [otp({ secret: secretBytes, name: 't', counter: 2n ** 63n })], drafts: [totp({ label: 't' })] },
    { why: 'Unicode names', accounts: [otp({ secret: secretBytes, name: '銀行:山田 🐱', issuer: '銀行' })], drafts: [totp({ issuer: '銀行', label: '山田 🐱' })] },
    { why: 'names over 200 characters are cut', accounts: [otp({ secret: secretBytes, name: 'n'.repeat(500), issuer: 'i'.repeat(300) })], drafts: [totp({ issuer: 'i'.repeat(200), label: 'n'.repeat(200) })] },
    { why: 'unknown fields of wire types 0, 1, 2 and 5 are skipped', accounts: [otp({ secret: secretBytes, name: 'u', extra: (w) => { w.varint(8, 99).bytes(9, new Uint8Array([1, 2])); } })], drafts: [totp({ label: 'u' })] },
    { why: 'a repeated field: the last one wins, as protobuf says', accounts: [otp({ secret: new Uint8Array([1, 2, 3, 4]), name: 'first', extra: (w) => { w.bytes(1, secretBytes).string(2, 'last'); } })], drafts: [totp({ label: 'last' })] },
  ];
  it.each(rows)('$why', ({ accounts, drafts }) => {
    expect(parseMigrationUri(uri(payload(accounts), 'percent')).drafts).toEqual(drafts);
  });

  it('skips unknown fixed32/fixed64 fields in the payload', () => {
    const fixed = (w: ProtobufWriter): void => {
      // Field 14, wire type 1 (8 bytes) and field 15, wire type 5 (4 bytes), written as raw bytes.
      w.varint(13, 1);
      w.bytes(12, new Uint8Array(0));
    };
    const bytes = payload([otp({ secret: secretBytes, name: 'a' })], { extra: fixed });
    const withFixed = Uint8Array.from([...bytes, 0x71, 1, 2, 3, 4, 5, 6, 7, 8, 0x7d, 1, 2, 3, 4]);
    expect(parseMigrationUri(uri(withFixed)).drafts).toEqual([totp({ label: 'a' })]);
  });

  const encodings: Encoding[] = ['percent', 'raw', 'url-safe', 'unpadded'];
  it.each(encodings)('reads base64 data written %s', (encoding) => {
    // Secret bytes chosen so the base64 contains "+" and "/" (0xfb 0xff).
    const bytes = payload([otp({ secret: new Uint8Array([0xfb, 0xff, 0xfe, 0xfb, 0xef, 0xff]), name: '?>?>' })], { size: 1, index: 0, id: 7 });
    const text = uri(bytes, encoding);
    if (encoding === 'raw') expect(text).toMatch(/[+/]/u);
    const parsed = parseMigrationUri(`  ${text}\n`);
    expect(parsed.drafts).toEqual([totp({ label: '?>?>', secret: encodeBase32(new Uint8Array([0xfb, 0xff, 0xfe, 0xfb, 0xef, 0xff])) })]);
    expect(parsed.batch).toEqual({ index: 0, size: 1, id: 7 });
  });

  it('reports no batch when the export does not state one', () => {
    expect(parseMigrationUri(uri(payload([otp({ secret: secretBytes, name: 'a' })]))).batch).toBeNull();
  });

  it('reads batch fields, including a negative id', () => {
    const bytes = payload([otp({ secret: secretBytes, name: 'a' })], { size: 4, index: 3, id: -2_000_000_000 });
    expect(parseMigrationUri(uri(bytes)).batch).toEqual({ index: 3, size: 4, id: -2_000_000_000 });
  });
});

describe('parseMigrationUri refuses the whole export when any of it is wrong', () => {
  const good = otp({ secret: secretBytes, name: 'Example:alice', issuer: 'Example' });
  const goodBytes = payload([good, good, good], { size: 1, index: 0, id: 5 });
  const many = Array.from({ length: 1001 }, () => otp({ secret: secretBytes, name: 'x' }));
  // The payload cut right after the second account: a valid protobuf, but the version is missing.
  const cutBetweenAccounts = payload([good, good], { version: null });

  // prettier-ignore
  const rows: { why: string; uri: string; message: string }[] = [
    { why: 'a single-account link', uri: 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP', message: 'single account' },
    { why: 'a web link', uri: 'https://example.com', message: 'not a Google Authenticator export' },
    { why: 'no data parameter', uri: 'otpauth-migration://offline', message: '“data” parameter is missing or empty' },
    { why: 'empty data', uri: 'otpauth-migration://offline?data=', message: 'missing or empty' },
    { why: 'two data parameters', uri: `${uri(goodBytes)}&data=AAAA`, message: 'more than one “data”' },
    { why: 'not base64', uri: 'otpauth-migration://offline?data=%21%21%21%21', message: 'contains “!”' },
    { why: 'a broken percent escape', uri: 'otpauth-migration://offline?data=CgA%ZZ', message: 'contains “%”' },
    { why: 'impossible base64 length', uri: 'otpauth-migration://offline?data=CgABC', message: 'impossible length' },
    { why: 'over 100 KB decoded', uri: `otpauth-migration://offline?data=${'A'.repeat(140_000)}`, message: 'larger than Twofold accepts (100 KB)' },
    { why: 'a huge link', uri: `otpauth-migration://offline?data=${'A'.repeat(500_000)}`, message: 'larger than Twofold accepts' },
    { why: 'cut in the middle of an account', uri: uri(goodBytes.subarray(0, 30)), message: 'cut short' },
    { why: 'cut between accounts (version missing)', uri: uri(cutBetweenAccounts), message: 'cut short (it ends before its version number)' },
    { why: 'no accounts', uri: uri(payload([])), message: 'holds no accounts' },
    { why: 'more than 1,000 accounts', uri: uri(payload(many)), message: 'more than 1000 accounts' },
    { why: 'an account with no secret', uri: uri(payload([good, otp({ name: 'Nokey' })])), message: 'Account 2 (Nokey) in this export has no key' },
    { why: 'an account with a 2-byte secret', uri: uri(payload([otp({ secret: new Uint8Array([1, 2]), name: 'tiny' })])), message: 'Account 1 (tiny) in this export cannot be used: The key is too short' },
    { why: 'an MD5 account', uri: uri(payload([good, otp({ secret: secretBytes, name: 'old', algorithm: 4 })])), message: 'Account 2 (old) uses MD5, which Twofold does not support' },
    { why: 'an unknown algorithm', uri: uri(payload([otp({ secret: secretBytes, name: 'x', algorithm: 9 })])), message: 'unknown algorithm (9)' },
    { why: 'an unknown digit count', uri: uri(payload([otp({ secret: secretBytes, name: 'x', digits: 3 })])), message: 'unknown code length (3)' },
    { why: 'an unknown type', uri: uri(payload([otp({ secret: secretBytes, name: 'x', type: 5 })])), message: 'unknown code type (5)' },
    { why: 'an HOTP counter above 2^53 − 1', uri: uri(payload([otp({ secret: secretBytes, name: 'x', type: 1, counter: 2 ** 53 })])), message: 'counter (9007199254740992) outside' },
    { why: 'a negative HOTP counter', uri: uri(payload([otp({ secret: secretBytes, name: 'x', type: 1, counter: -1 })])), message: 'counter (-1) outside' },
    { why: 'batch index not below size', uri: uri(payload([good], { size: 2, index: 2 })), message: 'QR code 3 of 2' },
    { why: 'an account field with the wrong wire type', uri: uri(Uint8Array.from([0x08, 0x01, ...payload([good])])), message: 'wrong type' },
    { why: 'an invalid wire type', uri: uri(Uint8Array.from([...payload([good]), 0x0f])), message: 'unknown wire type 7' },
    { why: 'a group', uri: uri(Uint8Array.from([...payload([good]), 0x33])), message: 'groups' },
    { why: 'invalid UTF-8 in a name', uri: uri(payload([otp({ secret: secretBytes, extra: (w) => { w.bytes(2, new Uint8Array([0xc3, 0x28])); } })])), message: 'not valid text' },
    { why: 'version out of int32 range', uri: uri(payload([good], { extra: (w) => { w.varint(2, 2 ** 40); } })), message: 'out of range' },
    // Issue 12, item 9: a control character in a name is refused, not turned into a space.
    { why: 'NUL between two words of an issuer', uri: uri(payload([good, otp({ secret: secretBytes, name: 'bob', issuer: 'Evil\u0000Corp' })])), message: 'Account 2 (Evil Corp: bob) in this export has a control character (U+0000) in its name at position 5' },
    { why: 'a line break in a name', uri: uri(payload([otp({ secret: secretBytes, name: 'Acme:bo\nb' })])), message: 'control character (U+000A) in its name at position 8' },
    { why: 'a C1 control in a name', uri: uri(payload([otp({ secret: secretBytes, name: '\u0085x' })])), message: '(U+0085) in its name at position 1' },
    { why: 'a huge link of spaces (length checked first)', uri: ' '.repeat(500_000), message: 'larger than Twofold accepts' },
  ];
  it.each(rows)('$why', ({ uri: text, message }) => {
    let caught: unknown;
    try {
      parseMigrationUri(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidMigrationPayloadError);
    expect((caught as Error).message).toContain(message);
  });

  it('refuses every truncation that loses any part of an account', () => {
    const accounts = [otp({ secret: secretBytes, name: 'a' }), otp({ secret: secretBytes, name: 'b', type: 1, counter: 2 ** 40 })];
    const bytes = payload(accounts, { size: 3, index: 1, id: 99 });
    // Accounts come first and the version right after them, so once the version is read every account
    // is whole. A cut after it loses only batch fields, which proto3 itself omits when they are 0.
    const versionEnd = payload(accounts, { version: null }).length + 2;
    for (let length = 0; length < bytes.length; length++) {
      const read = (): unknown => parseMigrationUri(uri(bytes.subarray(0, length)));
      if (length < versionEnd) expect(read, `cut at ${length}`).toThrow(InvalidMigrationPayloadError);
      else {
        try {
          expect(parseMigrationUri(uri(bytes.subarray(0, length))).drafts, `cut at ${length}`).toHaveLength(2);
        } catch (error) {
          expect(error, `cut at ${length}`).toBeInstanceOf(InvalidMigrationPayloadError);
        }
      }
    }
  });
});
