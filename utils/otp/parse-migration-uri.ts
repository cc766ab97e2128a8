/**
 * Reads Google Authenticator's "Transfer accounts" export QR codes.
 */
import { InvalidMigrationPayloadError, InvalidSecretError } from '../errors';
import { msg, type LocalMessage } from '../i18n/local-message';
import { type AccountDraft, OtpAlgorithm, OtpKind } from './account';
import { checkSecretBytes, codePointName, encodeBase32 } from './base32';
import { DraftBounds, findControlCharacter, nameLength, normalizeName, splitLabel, truncateName } from './draft-rules';
import {
  AlgorithmValue,
  DigitsValue,
  MD5_ALGORITHM_VALUE,
  type MigrationBatch,
  MigrationBounds,
  OtpField,
  PayloadField,
  TypeValue,
} from './migration-schema';
import { ProtobufReader, toInt32, WireType } from './protobuf';
import { readQuery } from './read-query';
import { trimPasted } from './trim-pasted';

/** The accounts of one export QR code, and its place in a multi-QR export (null when not stated). */
export interface ParsedMigration {
  drafts: AccountDraft[];
  batch: MigrationBatch | null;
}

/**
 * Longest export link read, in UTF-16 code units: the base64 of the largest payload accepted,
 * with room for every character to be a `%2B`-style escape and for whitespace around it.
 */
export const MAX_MIGRATION_TEXT_LENGTH = Math.ceil(MigrationBounds.maxDecodedBytes / 3) * 4 * 3;

function refuse(message: LocalMessage, cause?: unknown): never {
  throw new InvalidMigrationPayloadError(message, { cause });
}

const BASE64_VALUE: ReadonlyMap<string, number> = new Map(
  [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((ch, i) => [ch, i] as const).concat([
    ['-', 62],
    ['_', 63],
  ]),
);

/** Decodes standard or URL-safe base64, padded or not. */
function decodeBase64(data: string): Uint8Array {
  // URLSearchParams turns a raw "+" into a space; base64 has no spaces, so a space was a "+".
  const text = data.replace(/ /gu, '+').replace(/[\t\r\n]/gu, '').replace(/={1,2}$/u, '');
  const bad = [...text].find((ch) => !BASE64_VALUE.has(ch));
  if (bad !== undefined) refuse(msg('errMigrationBadCharacter', bad));
  if (text.length % 4 === 1) refuse(msg('errMigrationBadLength'));
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const ch of text) {
    buffer = ((buffer << 6) | (BASE64_VALUE.get(ch) ?? 0)) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (buffer >>> bits) & 0xff;
    }
  }
  return bytes;
}

interface RawOtpParameters {
  secret: Uint8Array;
  name: string;
  issuer: string;
  algorithm: bigint;
  digits: bigint;
  type: bigint;
  counter: bigint;
}

function expectWireType(actual: WireType, expected: WireType): void {
  if (actual !== expected) refuse(msg('errMigrationDamaged', 'a field has the wrong type'));
}

function readOtpParameters(bytes: Uint8Array): RawOtpParameters {
  const reader = new ProtobufReader(bytes);
  const raw: RawOtpParameters = { secret: new Uint8Array(0), name: '', issuer: '', algorithm: 0n, digits: 0n, type: 0n, counter: 0n };
  while (!reader.isDone) {
    const { field, wireType } = reader.readTag();
    switch (field) {
      case OtpField.Secret:
        expectWireType(wireType, WireType.LengthDelimited);
        raw.secret = reader.readBytes();
        break;
      case OtpField.Name:
        expectWireType(wireType, WireType.LengthDelimited);
        raw.name = reader.readString();
        break;
      case OtpField.Issuer:
        expectWireType(wireType, WireType.LengthDelimited);
        raw.issuer = reader.readString();
        break;
      case OtpField.Algorithm:
      case OtpField.Digits:
      case OtpField.Type:
      case OtpField.Counter: {
        expectWireType(wireType, WireType.Varint);
        const value = reader.readVarint();
        if (field === OtpField.Algorithm) raw.algorithm = value;
        else if (field === OtpField.Digits) raw.digits = value;
        else if (field === OtpField.Type) raw.type = value;
        else raw.counter = value;
        break;
      }
      default:
        reader.skip(wireType);
    }
  }
  return raw;
}

/** Reverse lookup in one of the schema's enum tables. */
function enumKey<K extends string | number>(table: ReadonlyMap<K, number>, value: bigint): K | undefined {
  for (const [key, number] of table) if (BigInt(number) === value) return key;
  return undefined;
}

const ALGORITHMS = new Map(Object.entries(AlgorithmValue) as [OtpAlgorithm, number][]);
const DIGITS = new Map(Object.entries(DigitsValue).map(([digits, value]) => [Number(digits), value] as const));
const TYPES = new Map(Object.entries(TypeValue) as [OtpKind, number][]);

function toDraft(raw: RawOtpParameters, position: number): AccountDraft {
  const names = splitLabel(raw.name, raw.issuer);
  const issuer = truncateName(names.issuer);
  const label = truncateName(names.label);
  const shown = normalizeName([issuer, label].filter((part) => part !== '').join(': '));
  const which = shown === ''
    ? msg('accountNumbered', position)
    : msg('accountNumberedNamed', position, nameLength(shown) > 60 ? `${[...shown].slice(0, 60).join('')}…` : shown);

  // A control character in a name would be turned into a space: a name the export does not say.
  for (const name of [raw.issuer, raw.name]) {
    const found = findControlCharacter(name);
    if (found !== null) refuse(msg('errMigrationAccountControl', which, codePointName(found.character), found.position));
  }

  let secret: string;
  try {
    if (raw.secret.length === 0) refuse(msg('errMigrationAccountNoKey', which));
    secret = encodeBase32(checkSecretBytes(raw.secret));
  } catch (error) {
    if (error instanceof InvalidSecretError) refuse(msg('errMigrationAccountBadKey', which, error.text), error);
    throw error;
  }

  let algorithm: OtpAlgorithm;
  if (raw.algorithm === 0n) algorithm = OtpAlgorithm.Sha1;
  else {
    const known = enumKey(ALGORITHMS, raw.algorithm);
    if (known === undefined) {
      refuse(
        raw.algorithm === BigInt(MD5_ALGORITHM_VALUE)
          ? msg('errMigrationAccountMd5', which)
          : msg('errMigrationAccountAlgorithm', which, String(raw.algorithm)),
      );
    }
    algorithm = known;
  }

  let digits: number;
  if (raw.digits === 0n) digits = DraftBounds.defaultDigits;
  else {
    const known = enumKey(DIGITS, raw.digits);
    if (known === undefined) refuse(msg('errMigrationAccountDigits', which, String(raw.digits)));
    digits = known;
  }

  let kind: OtpKind;
  if (raw.type === 0n) kind = OtpKind.Totp;
  else {
    const known = enumKey(TYPES, raw.type);
    if (known === undefined) refuse(msg('errMigrationAccountType', which, String(raw.type)));
    kind = known;
  }

  let counter = 0;
  if (kind === OtpKind.Hotp) {
    const signed = BigInt.asIntN(64, raw.counter);
    if (signed < 0n || signed > BigInt(Number.MAX_SAFE_INTEGER)) {
      refuse(msg('errMigrationAccountCounter', which, String(signed), Number.MAX_SAFE_INTEGER));
    }
    counter = Number(signed);
  }

  return { kind, issuer, label, secret, algorithm, digits, period: DraftBounds.defaultPeriod, counter };
}

/**
 * Parses a Google Authenticator export link, `otpauth-migration://offline?data=<base64 protobuf>`.
 * The data may be percent-encoded or not, in standard (`+/`) or URL-safe (`-_`) base64, padded or
 * not. Names like "Issuer:account" are split as in otpauth:// labels; names over 200 characters are
 * cut. The whole export is refused rather than imported in part.
 *
 * Defaults follow the format: algorithm unspecified → SHA1, digits unspecified → 6, type
 * unspecified → TOTP; every account gets period 30 (the format has none); counter only for HOTP.
 * @returns the accounts in order, and the batch (index from 0, size, id) when the export states one.
 * @throws InvalidMigrationPayloadError when it is longer than {@link MAX_MIGRATION_TEXT_LENGTH}
 *   (checked first), is not such a link, has no or several `data`
 *   parameters, the data is not base64, decodes to more than 100 KB, is cut short or corrupted
 *   (including a missing `version` field, which Google Authenticator always writes last, so its
 *   absence means the data was cut), holds no accounts or more than 1,000, or any account has an
 *   empty or unusable key, a control character in its name or issuer (named with its position),
 *   MD5 or an unknown algorithm, digit count or type, or a counter above
 *   Number.MAX_SAFE_INTEGER; and for a batch index not below the batch size.
 * @see ./migration-schema.ts for the format and its bounds.
 */
export function parseMigrationUri(uri: string): ParsedMigration {
  // The length is checked before anything looks at the text.
  if (uri.length > MAX_MIGRATION_TEXT_LENGTH) refuse(msg('errMigrationTooLarge', MigrationBounds.maxDecodedBytes / 1024));
  const text = trimPasted(uri);
  if (!/^otpauth-migration:/iu.test(text)) {
    refuse(/^otpauth:/iu.test(text) ? msg('errMigrationSingleAccount') : msg('errMigrationNotExport'));
  }

  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    refuse(msg('errMigrationMalformed'), error);
  }
  const query = readQuery(url.search);
  // A broken escape anywhere: the export was damaged, whichever parameter it is in.
  if (!query.ok) refuse(msg('errMigrationBadCharacter', '%'), query.error.cause);
  const data = query.value.filter((pair) => pair.name === 'data').map((pair) => pair.value);
  if (data.length === 0 || data[0]?.trim() === '') refuse(msg('errMigrationNoData'));
  if (data.length > 1) refuse(msg('errMigrationSeveralData'));

  const bytes = decodeBase64(data[0] ?? '');
  if (bytes.length > MigrationBounds.maxDecodedBytes) {
    refuse(msg('errMigrationTooLarge', MigrationBounds.maxDecodedBytes / 1024));
  }

  const reader = new ProtobufReader(bytes);
  const accounts: RawOtpParameters[] = [];
  let version: number | null = null;
  let size = 0;
  let index = 0;
  let id = 0;
  while (!reader.isDone) {
    const { field, wireType } = reader.readTag();
    if (field === PayloadField.OtpParameters) {
      expectWireType(wireType, WireType.LengthDelimited);
      if (accounts.length >= MigrationBounds.maxAccounts) {
        refuse(msg('errMigrationTooManyAccounts', MigrationBounds.maxAccounts));
      }
      accounts.push(readOtpParameters(reader.readBytes()));
    } else if (field === PayloadField.Version || field === PayloadField.BatchSize || field === PayloadField.BatchIndex || field === PayloadField.BatchId) {
      expectWireType(wireType, WireType.Varint);
      const value = toInt32(reader.readVarint());
      if (field === PayloadField.Version) version = value;
      else if (field === PayloadField.BatchSize) size = value;
      else if (field === PayloadField.BatchIndex) index = value;
      else id = value;
    } else {
      reader.skip(wireType);
    }
  }

  if (version === null || version < 1) {
    refuse(msg('errMigrationCutShort'));
  }
  if (accounts.length === 0) refuse(msg('errMigrationNoAccounts'));
  if (size < 0 || index < 0 || (size > 0 && index >= size)) refuse(msg('errMigrationBatch', index + 1, size));

  const drafts = accounts.map((raw, i) => toDraft(raw, i + 1));
  return { drafts, batch: size > 0 ? { index, size, id } : null };
}
