/**
 * Reads backups of the "Authenticator" browser extension (authenticator.cc), plain and encrypted.
 *
 * Written from the extension's source (Authenticator-Extension/Authenticator at commit 9d9660b,
 * October 2024: src/models/storage.ts `getOTPStorageFromEntry` and `backupGetExport`,
 * src/store/Accounts.ts `genHash`, `applyPassphrase` and `updateEncExport`,
 * src/components/Popup/BackupPage.vue, src/argon.ts, src/models/encryption.ts, src/import.ts
 * `decryptBackupData`, src/components/Import/FileImport.vue). A backup is a JSON object of records:
 * - Account `{ account, issuer, secret, type, counter, period, digits, algorithm, encrypted, hash,
 *   index, pinned, keyId?, dataType?: "OTPStorage" }`, keyed by its hash (or UUID). `type` is
 *   "totp", "hotp", "battle" (Battle.net: TOTP, 8 digits), "steam" (Steam Guard), "hex" (TOTP with a
 *   hexadecimal secret) or "hhex" (HOTP, hexadecimal secret). Very old backups mark Steam and
 *   Battle.net by a "stm-" or "blz-"/"bliz-" prefix on the secret instead. Other records (groups,
 *   settings) are passed over.
 * - Encrypted backups, by the scheme the extension used when the backup was written:
 *   - current (since mid-2024, "v3"): each account is `{ dataType: "EncOTPStorage", keyId, data,
 *     index }`, `data` being CryptoJS `AES.encrypt(JSON of the account record, passphrase)`;
 *     names are encrypted too. The key record `{ dataType: "Key", id, salt, hash, version: 3 }`
 *     sits beside them under its id. passphrase = the unpadded base64 of Argon2id(password, UTF-8
 *     of `salt`; 2 passes, 19 MiB, 1 lane, 32 bytes) — fixed in src/argon.ts, not in the file.
 *     `hash` is the PHC string of an Argon2id hash of that passphrase, which tells a wrong
 *     password from a damaged entry.
 *   - v2 (2020–2024): `key: { enc, hash }` (or `enc` and `hash` at the top level, a cloud backup
 *     bug) and per-account `encrypted: true`; `enc` is CryptoJS `AES.encrypt(120 random bytes,
 *     password)`, the passphrase is those bytes in lowercase hex, and `hash` their Argon2 PHC string.
 *   - v1: `encrypted: true` with no key; the passphrase is the password itself.
 *   In v1 and v2 `secret` is CryptoJS `AES.encrypt(secret, passphrase)` and names stay in clear
 *   text. CryptoJS's passphrase form: base64 of "Salted__", an 8-byte salt, then AES-256-CBC with
 *   key and IV from OpenSSL's EVP_BytesToKey (MD5, one round).
 * @see https://github.com/Authenticator-Extension/Authenticator/blob/9d9660bb73700b3e725800edc22836662d94afac/src/models/storage.ts
 * @see https://github.com/Authenticator-Extension/Authenticator/blob/9d9660bb73700b3e725800edc22836662d94afac/src/store/Accounts.ts
 * @see https://github.com/Authenticator-Extension/Authenticator/blob/9d9660bb73700b3e725800edc22836662d94afac/src/argon.ts
 */
import { WrongPasswordError } from '../errors';
import { msg, type LocalMessage } from '../i18n/local-message';
import { encodeBase32 } from '../otp/base32';
import { decodeBase64Loose, decodeHex, decodeUtf8 } from './decode-bytes';
import { asText, describeRecord, ImportCollector } from './import-collector';
import {
  argon2Hash,
  decryptSaltedAes256Cbc,
  equalBytes,
  isSaltedCiphertext,
  parseArgon2Phc,
  passwordBytes,
  toBase64Unpadded,
  type Argon2Params,
} from './import-crypto';
import type { ParsedImport } from './import-types';

type Json = Record<string, unknown>;

/** The extension's Argon2 settings (src/argon.ts `Argon.hash`): fixed in its code, not in the file. */
export const AUTHENTICATOR_ARGON2: Argon2Params = { variant: 'argon2id', memoryKiB: 19 * 1024, iterations: 2, parallelism: 1, hashLength: 32 };

/**
 * Bounds on the Argon2 settings a key's `hash` may ask for when it is checked. The extension
 * writes 19 MiB and 2 passes (older versions 8–16 MiB, 1 pass); beyond these bounds the check is
 * skipped and the entries' decryption alone decides.
 */
export const AuthenticatorArgon2Limits = { maxMemoryKiB: 128 * 1024, maxIterations: 16, maxParallelism: 16, maxWork: 2 ** 20, minHashLength: 4, maxHashLength: 128 } as const;

/** Most distinct keys tried in one file (each costs two Argon2 runs); the extension writes one. */
const MAX_KEYS = 8;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const isAccountRecord = (value: unknown): value is Json =>
  isObject(value) && typeof value.secret === 'string' && ('type' in value || 'encrypted' in value || 'hash' in value);

const isEncryptedRecord = (value: unknown): boolean => isObject(value) && value.dataType === 'EncOTPStorage';

const isKeyRecord = (value: unknown): value is Json => isObject(value) && value.dataType === 'Key';

/** Top-level names that may hold something other than a record: the v2 key and its misplaced halves. */
const isKeyField = (name: string, value: unknown): boolean => (name === 'enc' || name === 'hash') && typeof value === 'string';

/** Tells whether parsed JSON has the shape of an Authenticator extension backup. */
export function isAuthenticatorExtensionBackup(json: unknown): json is Json {
  if (!isObject(json)) return false;
  const entries = Object.entries(json);
  return (
    entries.some(([, value]) => isAccountRecord(value) || isEncryptedRecord(value)) &&
    entries.every(([name, value]) => isObject(value) || isKeyField(name, value) || (name === 'key' && value === null))
  );
}

/** The account records in the extension's own order (`index`, then file order). */
function orderedRecords(file: Json): Json[] {
  return Object.values(file)
    .filter((value): value is Json => isAccountRecord(value) || isEncryptedRecord(value))
    .map((value, position) => ({ value, position, index: typeof value.index === 'number' ? value.index : Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.index - b.index || a.position - b.position)
    .map(({ value }) => value);
}

/**
 * The extension's own test of a decrypted secret: at least 8 characters of base32, hex, or a
 * legacy-prefixed secret. A wrong passphrase that happens to pass the padding check fails here.
 */
function isPlausibleSecret(text: string): boolean {
  const compact = text.replace(/ /gu, '');
  return compact.length >= 8 && (/^[a-z2-7]+=*$/iu.test(compact) || /^[0-9a-f]+$/iu.test(compact) || /^(?:blz|bliz|stm)-/u.test(compact));
}

/** Decrypts one CryptoJS `AES.encrypt` string; null when the text is not one or this passphrase does not open it. */
async function decryptCryptoJs(text: string, passphrase: string): Promise<Uint8Array | null> {
  const bytes = decodeBase64Loose(text);
  if (bytes === null || !isSaltedCiphertext(bytes)) return null;
  try {
    return await decryptSaltedAes256Cbc(bytes, passphrase);
  } catch {
    // Bad padding: the usual outcome of a wrong passphrase (or of damaged bytes).
    return null;
  }
}

/** Decrypts one v1/v2 secret, trying each passphrase; null when none opens it. */
async function decryptSecret(secret: string, passphrases: readonly string[]): Promise<string | null> {
  for (const passphrase of passphrases) {
    const bytes = await decryptCryptoJs(secret, passphrase);
    const text = bytes === null ? null : decodeUtf8(bytes);
    if (text !== null && isPlausibleSecret(text)) return text;
  }
  return null;
}

/** What the password did to one key: opened it (checked against its hash or not), or not. */
type KeyState =
  | { status: 'open'; passphrase: string; checked: boolean }
  | { status: 'wrong' }
  | { status: 'unusable'; reason: LocalMessage };

/**
 * Checks a passphrase against a key's `hash` (an Argon2 PHC string), as the extension's
 * `argon2.verify` does.
 * @returns true or false; null when the hash cannot be read or asks for more than the limits.
 */
async function checkPhc(hash: unknown, passphrase: string): Promise<boolean | null> {
  const phc = typeof hash === 'string' ? parseArgon2Phc(hash) : null;
  if (phc === null || phc.version !== 0x13 || phc.salt.length < 8) return null;
  const limits = AuthenticatorArgon2Limits;
  const { memoryKiB, iterations, parallelism, hashLength } = phc;
  const withinLimits =
    parallelism >= 1 &&
    parallelism <= limits.maxParallelism &&
    memoryKiB >= 8 * parallelism &&
    memoryKiB <= limits.maxMemoryKiB &&
    iterations >= 1 &&
    iterations <= limits.maxIterations &&
    memoryKiB * iterations <= limits.maxWork &&
    hashLength >= limits.minHashLength &&
    hashLength <= limits.maxHashLength;
  if (!withinLimits) return null;
  return equalBytes(await argon2Hash(passwordBytes(passphrase), phc.salt, phc), phc.hash);
}

/** Derives a v3 key's passphrase from the password and checks it against the key's hash. */
async function unlockKey(key: Json, password: string): Promise<KeyState> {
  const salt = typeof key.salt === 'string' ? passwordBytes(key.salt) : null;
  if (salt === null || salt.length < 8) {
    return { status: 'unusable', reason: msg('importSkipKeyDamaged') };
  }
  const passphrase = toBase64Unpadded(await argon2Hash(passwordBytes(password), salt, AUTHENTICATOR_ARGON2));
  const checked = await checkPhc(key.hash, passphrase);
  return checked === false ? { status: 'wrong' } : { status: 'open', passphrase, checked: checked === true };
}

/** Finds the key record `keyId` names: under its own id, as the extension stores it, or anywhere. */
function findKey(file: Json, keyId: string): Json | undefined {
  const named = file[keyId];
  if (isKeyRecord(named)) return named;
  return Object.values(file).find((value): value is Json => isKeyRecord(value) && value.id === keyId);
}

/** Unlocks each v3 key that an entry refers to (at most {@link MAX_KEYS}). */
async function unlockKeys(file: Json, records: Json[], password: string): Promise<Map<string, KeyState>> {
  const states = new Map<string, KeyState>();
  for (const record of records) {
    if (!isEncryptedRecord(record) || typeof record.keyId !== 'string' || states.has(record.keyId)) continue;
    const key = findKey(file, record.keyId);
    if (key === undefined) {
      states.set(record.keyId, { status: 'unusable', reason: msg('importSkipKeyMissing') });
    } else if ([...states.values()].filter((state) => state.status !== 'unusable').length >= MAX_KEYS) {
      states.set(record.keyId, { status: 'unusable', reason: msg('importSkipTooManyKeys', MAX_KEYS) });
    } else {
      states.set(record.keyId, await unlockKey(key, password));
    }
  }
  return states;
}

/** The v2 key `{ enc, hash }`: under `key`, or (a cloud backup bug) at the top level. */
function legacyKey(file: Json): { enc: string; hash: unknown } | undefined {
  if (isObject(file.key) && typeof file.key.enc === 'string') return { enc: file.key.enc, hash: file.key.hash };
  if (typeof file.enc === 'string') return { enc: file.enc, hash: file.hash };
  return undefined;
}

/** Opens the v2 key with the password: its passphrase is the decrypted random bytes in hex. */
async function unlockLegacyKey(key: { enc: string; hash: unknown }, password: string): Promise<KeyState> {
  const bytes = await decryptCryptoJs(key.enc, password);
  if (bytes === null) return { status: 'wrong' };
  const passphrase = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  const checked = await checkPhc(key.hash, passphrase);
  return checked === false ? { status: 'wrong' } : { status: 'open', passphrase, checked: checked === true };
}

/** One record after decryption: the account fields, or why it cannot be read. */
type Opened = { ok: true; account: Json; decrypted: boolean } | { ok: false; reason: LocalMessage; wrongPassword: boolean };

const OTHER_PASSWORD = msg('importSkipOtherPassword');

/** Decrypts a v3 entry with its key's passphrase into the account record it holds. */
async function openEncryptedRecord(record: Json, keys: Map<string, KeyState>): Promise<Opened> {
  const state = typeof record.keyId === 'string' ? keys.get(record.keyId) : undefined;
  if (state === undefined) return { ok: false, reason: msg('importSkipNoKeyId'), wrongPassword: false };
  if (state.status === 'unusable') return { ok: false, reason: state.reason, wrongPassword: false };
  if (state.status === 'wrong') return { ok: false, reason: OTHER_PASSWORD, wrongPassword: true };
  const bytes = typeof record.data === 'string' ? await decryptCryptoJs(record.data, state.passphrase) : null;
  const text = bytes === null ? null : decodeUtf8(bytes);
  let account: unknown;
  try {
    account = text === null ? null : JSON.parse(text);
  } catch {
    account = null;
  }
  if (!isAccountRecord(account)) {
    // With a checked key the password is right, so the entry itself is at fault.
    return state.checked
      ? { ok: false, reason: msg('importSkipEntryDamaged'), wrongPassword: false }
      : { ok: false, reason: OTHER_PASSWORD, wrongPassword: true };
  }
  return { ok: true, account, decrypted: true };
}

/**
 * A hexadecimal secret as base32. An odd number of digits is completed as the extension completes
 * it when making codes (a trailing "0" dropped, otherwise a "0" added), so the codes stay the same.
 */
function hexToBase32(hex: string): string | null {
  let digits = hex.replace(/\s+/gu, '');
  if (digits.length % 2 === 1) digits = digits.endsWith('0') ? digits.slice(0, -1) : `${digits}0`;
  const bytes = decodeHex(digits);
  return bytes === null || bytes.length === 0 ? null : encodeBase32(bytes);
}

/** Adds one account record (secret in clear) to the collector, or lists why it cannot be. */
function collectAccount(collector: ImportCollector, name: LocalMessage, record: Json, clearSecret: string): void {
  let secret = clearSecret;
  let type = (asText(record.type) ?? 'totp').trim().toLowerCase();
  const prefix = /^(stm|blz|bliz)-/u.exec(secret);
  if (prefix !== null) {
    type = prefix[1] === 'stm' ? 'steam' : 'battle';
    secret = secret.slice(prefix[0].length);
  }
  if (type === 'hex' || type === 'hhex') {
    const converted = hexToBase32(secret);
    if (converted === null) {
      collector.skip(name, msg('importSkipNotHex'));
      return;
    }
    secret = converted;
    type = type === 'hex' ? 'totp' : 'hotp';
  }
  const isBattle = type === 'battle';
  if (isBattle) type = 'totp';
  collector.add(name, {
    kind: type,
    issuer: asText(record.issuer),
    label: asText(record.account),
    secret,
    algorithm: asText(record.algorithm),
    // Battle.net codes are always 8 digits; the extension ignores the stored count for them.
    digits: isBattle ? 8 : asText(record.digits),
    period: type === 'hotp' ? undefined : asText(record.period),
    counter: type === 'hotp' ? asText(record.counter) : undefined,
  });
}

/**
 * Parses an Authenticator extension backup (already JSON-parsed): plain, or encrypted by any of
 * the extension's three schemes (see the file comment).
 * @param password the extension's password at backup time; without one, a backup with encrypted
 *   entries gives `needsPassword` (and no accounts, so nothing is half-imported).
 * @returns accounts; invalid, damaged or unopenable records as problems "entry N (issuer:
 *   account)" (names of v3 entries are encrypted, so those that do not open are "entry N").
 * @throws WrongPasswordError when the backup is encrypted and the password opens none of its keys
 *   or entries.
 * @see https://github.com/Authenticator-Extension/Authenticator
 */
export async function parseAuthenticatorExtension(file: Json, password?: string): Promise<ParsedImport> {
  const records = orderedRecords(file);
  const isEncrypted = records.some((record) => record.encrypted === true || isEncryptedRecord(record));
  if (isEncrypted && (password === undefined || password === '')) return { accounts: [], problems: [], needsPassword: true };
  const given = password ?? '';

  // Unlock keys and decrypt first, so a wrong password is reported as such before anything else.
  const keys = isEncrypted ? await unlockKeys(file, records, given) : new Map<string, KeyState>();
  const legacy = legacyKey(file);
  const legacyState = isEncrypted && legacy !== undefined && records.some((record) => record.encrypted === true) ? await unlockLegacyKey(legacy, given) : undefined;
  // v2 secrets open with the key's passphrase; v1 secrets (and any stray ones) with the password.
  const passphrases = legacyState?.status === 'open' ? [legacyState.passphrase, given] : [given];

  const opened: Opened[] = [];
  for (const record of records) {
    if (isEncryptedRecord(record)) {
      opened.push(await openEncryptedRecord(record, keys));
    } else if (record.encrypted === true) {
      const secret = await decryptSecret(String(record.secret), passphrases);
      opened.push(secret === null ? { ok: false, reason: OTHER_PASSWORD, wrongPassword: true } : { ok: true, account: { ...record, secret }, decrypted: true });
    } else {
      opened.push({ ok: true, account: record, decrypted: false });
    }
  }

  const states = [...keys.values(), ...(legacyState === undefined ? [] : [legacyState])];
  const anythingOpened = states.some((state) => state.status === 'open' && state.checked) || opened.some((result) => result.ok && result.decrypted);
  if (isEncrypted && !anythingOpened && opened.some((result) => !result.ok && result.wrongPassword)) {
    throw new WrongPasswordError(msg('errImportAuthenticatorWrongPassword'));
  }

  const collector = new ImportCollector();
  opened.forEach((result, i) => {
    if (!result.ok) {
      const record = records[i];
      collector.skip(describeRecord(msg('importRecordEntry', i + 1), record?.issuer, record?.account), result.reason);
      return;
    }
    collectAccount(collector, describeRecord(msg('importRecordEntry', i + 1), result.account.issuer, result.account.account), result.account, String(result.account.secret));
  });
  return collector.result();
}
