/**
 * Reads backups of the "Authenticator" browser extension (authenticator.cc), plain and encrypted.
 *
 * Written from the extension's published backup description:
 * - A JSON object keyed by each entry's hash (or UUID): `{ account, issuer, secret, type, counter,
 *   period, digits, algorithm, encrypted, hash, index }`. `type` is "totp", "hotp", "battle"
 *   (Battle.net: TOTP, 8 digits), "steam" (Steam Guard), "hex" (TOTP with a hexadecimal secret) or
 *   "hhex" (HOTP, hexadecimal secret). Very old backups mark Steam and Battle.net by a "stm-" or
 *   "blz-"/"bliz-" prefix on the secret instead. Records with another `dataType` (groups, keys)
 *   are not accounts and are passed over.
 * - Encrypted (the extension's password was set when the backup was made): `encrypted: true` and
 *   `secret` is CryptoJS `AES.encrypt(secret, password)` output, i.e. base64 of "Salted__", an
 *   8-byte salt, then AES-256-CBC ciphertext with key and IV from OpenSSL's EVP_BytesToKey (MD5,
 *   one round). Names stay in clear text.
 * Not read: records of the extension's newer key scheme (`dataType: "EncOTPStorage"`, whose
 *   passphrase is derived from the password with Argon2 and a stored salt); each is listed as a
 *   problem asking for a backup made without a password.
 * @see https://github.com/Authenticator-Extension/Authenticator
 */
import { WrongPasswordError } from '../errors';
import { encodeBase32 } from '../otp/base32';
import { decodeBase64Loose, decodeHex } from './decode-bytes';
import { asText, describeRecord, ImportCollector } from './import-collector';
import { decryptSaltedAes256Cbc, isSaltedCiphertext } from './import-crypto';
import type { ParsedImport } from './import-types';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const isAccountRecord = (value: unknown): value is Json =>
  isObject(value) && typeof value.secret === 'string' && ('type' in value || 'encrypted' in value || 'hash' in value);

const isNewerEncryptedRecord = (value: unknown): boolean => isObject(value) && value.dataType === 'EncOTPStorage';

/** Tells whether parsed JSON has the shape of an Authenticator extension backup. */
export function isAuthenticatorExtensionBackup(json: unknown): json is Json {
  if (!isObject(json)) return false;
  const values = Object.values(json);
  return values.some((value) => isAccountRecord(value) || isNewerEncryptedRecord(value)) && values.every((value) => isObject(value));
}

/** The account records in the extension's own order (`index`, then file order). */
function orderedRecords(file: Json): Json[] {
  return Object.values(file)
    .filter((value): value is Json => isObject(value) && (isAccountRecord(value) || isNewerEncryptedRecord(value)))
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

/** Decrypts one CryptoJS secret; null when this password does not open it. */
async function decryptSecret(secret: string, password: string): Promise<string | null> {
  const bytes = decodeBase64Loose(secret);
  if (bytes === null || !isSaltedCiphertext(bytes)) return null;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await decryptSaltedAes256Cbc(bytes, password));
    return isPlausibleSecret(text) ? text : null;
  } catch {
    // Bad padding or not UTF-8: the usual outcome of a wrong passphrase.
    return null;
  }
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

/**
 * Parses an Authenticator extension backup (already JSON-parsed).
 * @param password the extension's password at backup time; without one, a backup with encrypted
 *   entries gives `needsPassword` (and no accounts, so nothing is half-imported).
 * @returns accounts; invalid or unreadable records as problems "entry N (issuer: account)".
 * @throws WrongPasswordError when encrypted entries exist and the password opens none of them.
 * @see https://github.com/Authenticator-Extension/Authenticator
 */
export async function parseAuthenticatorExtension(file: Json, password?: string): Promise<ParsedImport> {
  const records = orderedRecords(file);
  const hasEncrypted = records.some((record) => record.encrypted === true);
  if (hasEncrypted && (password === undefined || password === '')) return { accounts: [], problems: [], needsPassword: true };

  // Decrypt first, so a wrong password is reported as such before anything else.
  const secrets = new Map<Json, string | null>();
  for (const record of records) {
    if (record.encrypted === true && typeof record.secret === 'string') secrets.set(record, await decryptSecret(record.secret, password ?? ''));
  }
  if (hasEncrypted && [...secrets.values()].every((secret) => secret === null)) {
    throw new WrongPasswordError('That is not the password of this Authenticator backup. Check Caps Lock and try again.');
  }

  const collector = new ImportCollector();
  records.forEach((record, i) => {
    const name = describeRecord('entry', i + 1, record.issuer, record.account);
    if (isNewerEncryptedRecord(record)) {
      collector.skip(
        name,
        'This entry uses the Authenticator extension’s newer encryption, which Twofold cannot open. In the extension, remove the password (or export without one) and import the new backup.',
      );
      return;
    }
    let secret = record.encrypted === true ? secrets.get(record) ?? null : String(record.secret);
    if (secret === null) {
      collector.skip(name, 'This entry could not be decrypted with this password (it may have been encrypted with another one).');
      return;
    }
    let type = (asText(record.type) ?? 'totp').trim().toLowerCase();
    const prefix = /^(stm|blz|bliz)-/u.exec(secret);
    if (prefix !== null) {
      type = prefix[1] === 'stm' ? 'steam' : 'battle';
      secret = secret.slice(prefix[0].length);
    }
    if (type === 'hex' || type === 'hhex') {
      const converted = hexToBase32(secret);
      if (converted === null) {
        collector.skip(name, 'Its secret key should be hexadecimal (0–9, A–F) but is not.');
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
  });
  return collector.result();
}
