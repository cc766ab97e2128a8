/**
 * Reads Aegis Authenticator vault exports (`aegis-export-*.json` and `aegis-backup-*.json`), plain
 * and password-encrypted.
 *
 * Written from Aegis's published vault description (docs/vault.md in beemdevelopment/Aegis):
 * - `{ version: 1, header: { slots, params }, db }`. Plain: `slots` and `params` are null and `db`
 *   is the database object `{ version, entries: [...] }`.
 * - Encrypted: `db` is base64 of the database JSON encrypted with AES-256-GCM under a random
 *   256-bit master key, nonce and tag (hex) in `header.params`. Each slot wraps the master key;
 *   a password slot (`type` 1) holds scrypt parameters `n`, `r`, `p`, `salt` (hex), and `key`,
 *   the master key encrypted with AES-256-GCM under scrypt(password, salt, 32 bytes), its nonce
 *   and tag (hex) in `key_params`. Raw (0) and biometric (2) slots cannot be opened here.
 * - An entry: `{ type, name, issuer, info: { secret (base32), algo, digits, period, counter } }`,
 *   type "totp", "hotp", "steam", "motp" or "yandex".
 * @see https://github.com/beemdevelopment/Aegis/blob/master/docs/vault.md
 */
import { ImportError, ImportFailure, WrongPasswordError } from '../errors';
import { msg, type LocalMessage } from '../i18n/local-message';
import { decodeBase64Loose, decodeHex } from './decode-bytes';
import { asText, describeRecord, ImportCollector } from './import-collector';
import { aesGcmDecrypt, scryptKey } from './import-crypto';
import type { ParsedImport } from './import-types';

type Json = Record<string, unknown>;

const PASSWORD_SLOT = 1;

/**
 * Bounds on the scrypt cost a file may ask for. Aegis writes N = 2^15, r = 8, p = 1 (32 MiB);
 * the caps allow 4× that memory and 16× the work, so a hostile file cannot exhaust the worker.
 */
export const AegisScryptLimits = { maxN: 2 ** 20, maxR: 32, maxP: 16, maxMemoryBytes: 128 * 1024 * 1024, maxWork: 2 ** 22 } as const;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Tells whether parsed JSON has the shape of an Aegis vault file. */
export function isAegisVault(json: unknown): json is Json {
  return isObject(json) && isObject(json.header) && 'slots' in json.header && 'db' in json;
}

/** `detail` is one of the importDamaged… messages: what is wrong, in the file's terms. */
function damaged(detail: LocalMessage, cause?: unknown): ImportError {
  return new ImportError(ImportFailure.Damaged, msg('errImportAegisDamaged', detail), cause === undefined ? undefined : { cause });
}

interface PasswordSlot {
  key: Uint8Array;
  nonce: Uint8Array;
  tag: Uint8Array;
  salt: Uint8Array;
  n: number;
  r: number;
  p: number;
}

/** Hex bytes of a length in bounds; `invalid` says which field is at fault when they are not. */
function readHex(value: unknown, invalid: LocalMessage, minBytes: number, maxBytes: number): Uint8Array {
  const bytes = typeof value === 'string' ? decodeHex(value) : null;
  if (bytes === null || bytes.length < minBytes || bytes.length > maxBytes) throw damaged(invalid);
  return bytes;
}

/** `position` counts the password slots from 1, for messages. */
function readPasswordSlot(slot: Json, position: number): PasswordSlot {
  const { n, r, p } = slot;
  const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
  if (!isWhole(n) || !isWhole(r) || !isWhole(p) || (n & (n - 1)) !== 0 || n < 2) throw damaged(msg('importDamagedSlotSettings', position));
  const limits = AegisScryptLimits;
  if (n > limits.maxN || r > limits.maxR || p > limits.maxP || 128 * n * r > limits.maxMemoryBytes || n * r * p > limits.maxWork) {
    throw damaged(msg('importDamagedSlotTooCostly', position));
  }
  const params = isObject(slot.key_params) ? slot.key_params : {};
  return {
    key: readHex(slot.key, msg('importDamagedSlotField', position, 'key'), 32, 32),
    nonce: readHex(params.nonce, msg('importDamagedSlotField', position, 'key_params.nonce'), 12, 12),
    tag: readHex(params.tag, msg('importDamagedSlotField', position, 'key_params.tag'), 16, 16),
    salt: readHex(slot.salt, msg('importDamagedSlotField', position, 'salt'), 1, 1024),
    n,
    r,
    p,
  };
}

/** Opens an encrypted vault's database with the password: first password slot that opens wins. */
async function decryptDatabase(file: Json, header: Json, password: string): Promise<unknown> {
  if (!Array.isArray(header.slots)) throw damaged(msg('importDamagedSlotsMissing'));
  const slots = header.slots.filter(isObject);
  const passwordSlots = slots.filter((slot) => slot.type === PASSWORD_SLOT).map((slot, i) => readPasswordSlot(slot, i + 1));
  if (passwordSlots.length === 0) {
    throw new ImportError(ImportFailure.Unsupported, msg('errImportAegisNoPassword'));
  }
  const params = isObject(header.params) ? header.params : {};
  const dbNonce = readHex(params.nonce, msg('importDamagedDatabaseField', 'header.params.nonce'), 12, 12);
  const dbTag = readHex(params.tag, msg('importDamagedDatabaseField', 'header.params.tag'), 16, 16);
  const ciphertext = typeof file.db === 'string' ? decodeBase64Loose(file.db) : null;
  if (ciphertext === null) throw damaged(msg('importDamagedDatabaseBase64'));

  let masterKey: Uint8Array | null = null;
  let failure: unknown;
  for (const slot of passwordSlots) {
    const slotKey = await scryptKey(password, slot.salt, slot, 32);
    try {
      masterKey = await aesGcmDecrypt(slotKey, slot.nonce, concat(slot.key, slot.tag));
      break;
    } catch (error) {
      failure = error;
    }
  }
  if (masterKey === null) throw new WrongPasswordError(msg('errImportAegisWrongPassword'), { cause: failure });

  let plain: Uint8Array;
  try {
    plain = await aesGcmDecrypt(masterKey, dbNonce, concat(ciphertext, dbTag));
  } catch (error) {
    throw damaged(msg('importDamagedDatabaseIntegrity'), error);
  } finally {
    masterKey.fill(0);
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch (error) {
    throw damaged(msg('importDamagedDatabaseNotJson'), error);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Names of Aegis code types Twofold does not make, as Aegis names them (product names: not translated). */
const UNSUPPORTED_TYPES: Readonly<Record<string, string>> = {
  motp: 'mOTP (Mobile-OTP)',
  yandex: 'Yandex Key',
};

/**
 * Parses an Aegis vault file (already JSON-parsed).
 * @param password the export password; without one an encrypted vault gives `needsPassword`.
 * @returns accounts of type totp, hotp and steam; other types (motp, yandex…) and invalid entries
 *   as problems "entry N (Issuer: name)".
 * @throws WrongPasswordError when no password slot opens with `password`; ImportError Damaged for a
 *   malformed header, slot or database, or a database that fails authentication with the right
 *   password; ImportError Unsupported for a vault with no password slot.
 * @see https://github.com/beemdevelopment/Aegis/blob/master/docs/vault.md
 */
export async function parseAegis(file: Json, password?: string): Promise<ParsedImport> {
  const header = file.header;
  if (!isObject(header)) throw damaged(msg('importDamagedHeaderMissing'));
  let db: unknown;
  if (header.slots === null || header.slots === undefined) {
    db = file.db;
  } else {
    if (password === undefined || password === '') return { accounts: [], problems: [], needsPassword: true };
    db = await decryptDatabase(file, header, password);
  }
  if (!isObject(db) || !Array.isArray(db.entries)) throw damaged(msg('importDamagedListMissing', 'db.entries'));

  const collector = new ImportCollector();
  db.entries.forEach((entry: unknown, i) => {
    if (!isObject(entry)) {
      collector.skip(msg('importRecordEntry', i + 1), msg('importSkipNotAccount'));
      return;
    }
    const record = describeRecord(msg('importRecordEntry', i + 1), entry.issuer, entry.name);
    const type = typeof entry.type === 'string' ? entry.type.trim().toLowerCase() : '';
    if (type !== 'totp' && type !== 'hotp' && type !== 'steam') {
      collector.skip(record, type === '' ? msg('importSkipNoType') : msg('importSkipCodeType', UNSUPPORTED_TYPES[type] ?? type));
      return;
    }
    const info = isObject(entry.info) ? entry.info : {};
    if (typeof info.secret !== 'string' || info.secret.trim() === '') {
      collector.skip(record, msg('importSkipNoSecret'));
      return;
    }
    collector.add(record, {
      kind: type,
      issuer: asText(entry.issuer),
      label: asText(entry.name),
      secret: info.secret,
      algorithm: asText(info.algo),
      digits: asText(info.digits),
      period: type === 'hotp' ? undefined : asText(info.period),
      counter: type === 'hotp' ? asText(info.counter) : undefined,
    });
  });
  return collector.result();
}
