/**
 * Reads 2FAS Authenticator backups (`.2fas` files), plain and password-protected.
 *
 * Written from the format as 2FAS documents and exports it (schemaVersion 1–4):
 * - `{ services: [...], groups, schemaVersion, appVersionCode, … }`; a service is
 *   `{ name, secret (base32), otp: { label, account, issuer, digits, period, algorithm, tokenType
 *   ("TOTP" | "HOTP" | "STEAM"), counter } }`. `name` is the service name the user sees (we use it
 *   as the issuer, falling back to `otp.issuer`); `otp.account` is the account name.
 * - Password-protected: `services` is empty and `servicesEncrypted` is three base64 fields joined by
 *   ":" — the ciphertext with the 16-byte GCM tag appended, the PBKDF2 salt, the 12-byte IV. The key
 *   is PBKDF2-HMAC-SHA256(password, salt, 10,000 iterations, 256 bits); the cipher AES-256-GCM with
 *   no additional data; the plaintext the JSON array of services. `reference`, when present, is a
 *   fixed text encrypted the same way with the same key: if it opens and the services do not, the
 *   file is damaged rather than the password wrong.
 * Source: the layout as 2FAS's open-source apps write it and as community decryption notes describe
 * it (written from that description; no code copied). Doubt: the iteration count and the order of
 * the three fields are not in the file, so a future 2FAS change there would show as a wrong password.
 * @see https://github.com/twofas/2fas-android
 */
import { ImportError, ImportFailure, WrongPasswordError } from '../errors';
import { decodeBase64Loose } from './decode-bytes';
import { asText, describeRecord, ImportCollector } from './import-collector';
import { aesGcmDecrypt, pbkdf2Sha256 } from './import-crypto';
import type { ParsedImport } from './import-types';

type Json = Record<string, unknown>;

/** PBKDF2 iterations 2FAS uses (fixed by the app, not stored in the file). */
export const TWOFAS_PBKDF2_ITERATIONS = 10_000;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Tells whether parsed JSON has the shape of a 2FAS backup. */
export function isTwoFasBackup(json: unknown): json is Json {
  return isObject(json) && (Array.isArray(json.services) || typeof json.servicesEncrypted === 'string') && ('schemaVersion' in json || 'servicesEncrypted' in json || 'appOrigin' in json || 'appVersionCode' in json);
}

function damaged(detail: string, cause?: unknown): ImportError {
  return new ImportError(
    ImportFailure.Damaged,
    `This 2FAS backup cannot be read: ${detail}. Nothing was imported; export the backup from 2FAS again.`,
    cause === undefined ? undefined : { cause },
  );
}

/** The three parts of an encrypted 2FAS field. */
interface Sealed {
  ciphertext: Uint8Array;
  salt: Uint8Array;
  iv: Uint8Array;
}

function readSealed(value: string, what: string): Sealed {
  const parts = value.split(':').map((part) => decodeBase64Loose(part));
  const [ciphertext, salt, iv] = parts;
  if (parts.length !== 3 || ciphertext == null || salt == null || iv == null || ciphertext.length < 16 || salt.length === 0 || iv.length === 0) {
    throw damaged(`its ${what} is not in the expected “data:salt:iv” form`);
  }
  return { ciphertext, salt, iv };
}

async function open(sealed: Sealed, password: string): Promise<Uint8Array> {
  const key = await pbkdf2Sha256(password, sealed.salt, TWOFAS_PBKDF2_ITERATIONS, 32);
  return aesGcmDecrypt(key, sealed.iv, sealed.ciphertext);
}

async function decryptServices(file: Json, password: string): Promise<unknown> {
  const services = readSealed(String(file.servicesEncrypted), 'encrypted account list');
  let plain: Uint8Array;
  try {
    plain = await open(services, password);
  } catch (error) {
    let referenceOpens = false;
    if (typeof file.reference === 'string') {
      try {
        await open(readSealed(file.reference, 'password check'), password);
        referenceOpens = true;
      } catch {
        // The reference does not open either: the password is wrong (reported below).
      }
    }
    if (referenceOpens) throw damaged('the password is right, but the encrypted account list fails its integrity check', error);
    throw new WrongPasswordError('That is not the password of this 2FAS backup. Check Caps Lock and try again.', { cause: error });
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch (error) {
    throw damaged('its decrypted account list is not valid JSON', error);
  }
}

/**
 * Parses a 2FAS backup (already JSON-parsed).
 * @param password the backup password; without one a protected backup gives `needsPassword`.
 * @returns accounts (TOTP, HOTP, Steam); invalid services as problems "entry N (name: account)".
 * @throws WrongPasswordError when the password does not open the backup; ImportError Damaged when
 *   `servicesEncrypted` is malformed or fails authentication although `reference` opens, or the
 *   decrypted list is not a JSON list.
 * @see https://github.com/twofas/2fas-android
 */
export async function parseTwoFas(file: Json, password?: string): Promise<ParsedImport> {
  let services: unknown = file.services;
  const isEncrypted = typeof file.servicesEncrypted === 'string' && file.servicesEncrypted !== '';
  if (isEncrypted) {
    if (password === undefined || password === '') return { accounts: [], problems: [], needsPassword: true };
    services = await decryptServices(file, password);
  }
  if (!Array.isArray(services)) throw damaged('its list of accounts (“services”) is missing');

  const collector = new ImportCollector();
  services.forEach((service: unknown, i) => {
    if (!isObject(service)) {
      collector.skip(describeRecord('entry', i + 1), 'This entry is not an account record.');
      return;
    }
    const otp = isObject(service.otp) ? service.otp : {};
    const issuer = asText(service.name)?.trim() || asText(otp.issuer);
    const record = describeRecord('entry', i + 1, issuer, otp.account);
    if (typeof service.secret !== 'string' || service.secret.trim() === '') {
      collector.skip(record, 'This entry has no secret key.');
      return;
    }
    const tokenType = (asText(otp.tokenType) ?? 'TOTP').trim().toLowerCase();
    collector.add(record, {
      kind: tokenType,
      issuer,
      label: asText(otp.account),
      secret: service.secret,
      algorithm: asText(otp.algorithm),
      digits: asText(otp.digits),
      period: tokenType === 'hotp' ? undefined : asText(otp.period),
      counter: tokenType === 'hotp' ? asText(otp.counter) : undefined,
    });
  });
  return collector.result();
}
