/**
 * Writes accounts as a Google Authenticator export link (to move them to a phone, and for tests).
 */
import { InvalidInputError } from '../errors';
import { msg } from '../i18n/local-message';
import { type AccountDraft, OtpKind } from './account';
import { decodeBase32 } from './base32';
import { DraftBounds } from './draft-rules';
import {
  AlgorithmValue,
  DigitsValue,
  MIGRATION_VERSION,
  type MigrationBatch,
  MigrationBounds,
  OtpField,
  PayloadField,
  TypeValue,
} from './migration-schema';
import { ProtobufWriter } from './protobuf';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const available = Math.min(3, bytes.length - i) + 1;
    for (let j = 0; j < 4; j++) out += j < available ? BASE64[(chunk >>> (18 - 6 * j)) & 63] : '=';
  }
  return out;
}

const isInt32 = (value: number): boolean => Number.isInteger(value) && value >= -0x8000_0000 && value <= 0x7fff_ffff;

function encodeAccount(draft: AccountDraft, position: number): Uint8Array {
  const name = draft.issuer || draft.label;
  const which = name ? msg('accountNumberedNamed', position, name) : msg('accountNumbered', position);
  if (draft.kind === OtpKind.Steam) {
    throw new InvalidInputError(msg('errTransferSteam', which), { field: 'kind' });
  }
  if (draft.digits !== 6 && draft.digits !== 8) {
    throw new InvalidInputError(msg('errTransferDigits', which, draft.digits), { field: 'digits' });
  }
  if (draft.kind === OtpKind.Totp && draft.period !== DraftBounds.defaultPeriod) {
    throw new InvalidInputError(msg('errTransferPeriod', which, draft.period), { field: 'period' });
  }
  if (draft.kind === OtpKind.Hotp && !(Number.isSafeInteger(draft.counter) && draft.counter >= 0)) {
    throw new InvalidInputError(msg('errTransferCounter', which, draft.counter), { field: 'counter' });
  }
  // The name carries the issuer prefix only when the account name has a colon of its own,
  // so that reading it back cannot mistake part of the account name for the issuer.
  const written = draft.label.includes(':') ? `${draft.issuer}:${draft.label}` : draft.label;
  const writer = new ProtobufWriter()
    .bytes(OtpField.Secret, decodeBase32(draft.secret))
    .string(OtpField.Name, written)
    .string(OtpField.Issuer, draft.issuer)
    .varint(OtpField.Algorithm, AlgorithmValue[draft.algorithm])
    .varint(OtpField.Digits, DigitsValue[draft.digits === 8 ? 8 : 6])
    .varint(OtpField.Type, TypeValue[draft.kind]);
  if (draft.kind === OtpKind.Hotp) writer.varint(OtpField.Counter, draft.counter);
  return writer.finish();
}

/**
 * Builds a Google Authenticator export link, `otpauth-migration://offline?data=…` (standard base64,
 * percent-encoded), with version 1 and the batch fields written last as Google Authenticator does.
 * Splitting a large set into QR-sized batches (about 10 accounts each) is the caller's job.
 * @param batch position in a multi-QR export; default `{ index: 0, size: 1, id: 0 }` (pass a random
 *   int32 `id` when the phone should see several batches as one transfer)
 * @throws InvalidInputError (field "kind", "digits", "period", "counter", "batch" or "drafts") for
 *   accounts the format cannot carry — Steam Guard, 7 digits, periods other than 30 s — for a bad
 *   batch, no accounts, more than 1,000, or more than 100 KB of data;
 *   InvalidSecretError for a secret that is not base32.
 * @see parseMigrationUri, which reads the result back to equal drafts.
 */
export function encodeMigrationUri(drafts: readonly AccountDraft[], batch: MigrationBatch = { index: 0, size: 1, id: 0 }): string {
  if (drafts.length === 0) throw new InvalidInputError(msg('errTransferNoAccounts'), { field: 'drafts' });
  if (drafts.length > MigrationBounds.maxAccounts) {
    throw new InvalidInputError(msg('errTransferTooMany', MigrationBounds.maxAccounts), { field: 'drafts' });
  }
  if (!(isInt32(batch.size) && isInt32(batch.index) && isInt32(batch.id) && batch.size >= 1 && batch.index >= 0 && batch.index < batch.size)) {
    throw new InvalidInputError(msg('errTransferBatch', batch.index, batch.size), { field: 'batch' });
  }
  const payload = new ProtobufWriter();
  drafts.forEach((draft, i) => payload.bytes(PayloadField.OtpParameters, encodeAccount(draft, i + 1)));
  const bytes = payload
    .varint(PayloadField.Version, MIGRATION_VERSION)
    .varint(PayloadField.BatchSize, batch.size)
    .varint(PayloadField.BatchIndex, batch.index)
    .varint(PayloadField.BatchId, batch.id)
    .finish();
  if (bytes.length > MigrationBounds.maxDecodedBytes) {
    throw new InvalidInputError(msg('errTransferTooLarge', MigrationBounds.maxDecodedBytes / 1024), { field: 'drafts' });
  }
  return `otpauth-migration://offline?data=${encodeURIComponent(encodeBase64(bytes))}`;
}
