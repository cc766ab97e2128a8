/**
 * Reads 2FAS Authenticator backups (`.2fas` files), plain and password-protected, schemaVersion 1–4.
 *
 * Checked against the apps' source (2fas-android at 6bbcc5c, 2fas-ios at 693a08e) and two other
 * apps' importers of the format (Aegis, ente Auth):
 * - `{ services: [...], groups, updatedAt, schemaVersion, appVersionCode, appVersionName,
 *   appOrigin ("android" | "ios"), servicesEncrypted?, reference? }`. A service is `{ name, secret
 *   (base32), updatedAt, otp: { account, issuer, digits, period, algorithm, counter, tokenType
 *   ("TOTP" | "HOTP" | "STEAM", any case), label?, link?, source? }, order: { position }, icon,
 *   badge, groupId }`. Schemas 1–2 add a legacy `type`, 3–4 `serviceTypeID`, `otp.source`
 *   ("Manual" | "Link") and `otp.link` (the setup link, which repeats the secret); nothing that
 *   makes a code differs. `name` is the service name the user sees (our issuer, falling back to
 *   `otp.issuer`); the account name is `otp.account`, or `otp.label` where it is absent (Android
 *   reads it so). `algorithm` may be SHA1, SHA224, SHA256, SHA384, SHA512 (MD5 on iOS); Steam
 *   entries are TOTP with 2FAS's 5-character alphabet. Both apps refuse a schemaVersion above 4.
 * - Password-protected: `services` is empty, and `servicesEncrypted` and `reference` are each three
 *   standard base64 fields joined by ":" — ciphertext with the 16-byte GCM tag appended, the PBKDF2
 *   salt (256 bytes on Android, 32 on iOS, the same for both fields), the 12-byte IV. Key =
 *   PBKDF2-HMAC-SHA256(UTF-8 password, salt, 10,000 iterations, 256 bits); cipher AES-256-GCM with
 *   no additional data. The services plaintext is the JSON array of services; the reference
 *   plaintext a fixed text the apps compare after decrypting (here, that it authenticates is
 *   enough): if it opens and the services do not, the file is damaged, not the password wrong.
 * @see https://github.com/twofas/2fas-android/blob/6bbcc5c477fc8c8ffecb4a87dba92cbe4f86e8ed/core/cipher/src/main/java/com/twofasapp/cipher/backup/BackupCipherImpl.kt
 * @see https://github.com/twofas/2fas-android/blob/6bbcc5c477fc8c8ffecb4a87dba92cbe4f86e8ed/core/cipher/src/main/java/com/twofasapp/cipher/backup/internal/BackupKeyGeneratorPbkdf.kt
 * @see https://github.com/twofas/2fas-android/blob/6bbcc5c477fc8c8ffecb4a87dba92cbe4f86e8ed/core/cipher/src/main/java/com/twofasapp/cipher/internal/CipherAes.kt
 * @see https://github.com/twofas/2fas-android/blob/6bbcc5c477fc8c8ffecb4a87dba92cbe4f86e8ed/data/services/src/main/java/com/twofasapp/data/services/BackupRepositoryImpl.kt
 * @see https://github.com/twofas/2fas-android/blob/6bbcc5c477fc8c8ffecb4a87dba92cbe4f86e8ed/data/services/src/main/java/com/twofasapp/data/services/domain/BackupContent.kt
 * @see https://github.com/twofas/2fas-android/blob/6bbcc5c477fc8c8ffecb4a87dba92cbe4f86e8ed/data/services/src/main/java/com/twofasapp/data/services/mapper/ServiceMapper.kt
 * @see https://github.com/twofas/2fas-ios/blob/693a08e5c89c7c247ce1ed4612edd996bcf44fd8/TwoFAS/Protection/ExchangeFileEncryption.swift
 * @see https://github.com/twofas/2fas-ios/blob/693a08e5c89c7c247ce1ed4612edd996bcf44fd8/TwoFAS/Data/MainRepository/DataTypes/ExchangeData2.swift
 * @see https://github.com/twofas/2fas-ios/blob/693a08e5c89c7c247ce1ed4612edd996bcf44fd8/TwoFAS/Data/Interactors/ImportFromFileInteractor%2BParsers.swift
 * @see https://github.com/beemdevelopment/Aegis/blob/59d5c640d6a2d0d16f243dbdd735758eed65bc63/app/src/main/java/com/beemdevelopment/aegis/importers/TwoFASImporter.java
 * @see https://github.com/ente-io/ente/blob/a621d733154a834f23754e7e874de769be532d9d/mobile/apps/auth/lib/ui/settings/data/import/two_fas_import.dart
 */
import { ImportError, ImportFailure, WrongPasswordError } from '../errors';
import { msg, type LocalMessage } from '../i18n/local-message';
import { decodeBase64Loose } from './decode-bytes';
import { asText, describeRecord, ImportCollector } from './import-collector';
import { aesGcmDecrypt, pbkdf2Sha256 } from './import-crypto';
import type { ParsedImport } from './import-types';

type Json = Record<string, unknown>;

/** PBKDF2 iterations 2FAS uses (fixed by the app, not stored in the file). */
export const TWOFAS_PBKDF2_ITERATIONS = 10_000;

/** The newest backup schema 2FAS writes; the apps refuse anything newer, and so does Twofold. */
export const TWOFAS_SCHEMA_VERSION = 4;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Tells whether parsed JSON has the shape of a 2FAS backup. */
export function isTwoFasBackup(json: unknown): json is Json {
  return isObject(json) && (Array.isArray(json.services) || typeof json.servicesEncrypted === 'string') && ('schemaVersion' in json || 'servicesEncrypted' in json || 'appOrigin' in json || 'appVersionCode' in json);
}

/** `detail` is one of the importDamaged… messages: what is wrong, in the file's terms. */
function damaged(detail: LocalMessage, cause?: unknown): ImportError {
  return new ImportError(ImportFailure.Damaged, msg('errImport2fasDamaged', detail), cause === undefined ? undefined : { cause });
}

/** The three parts of an encrypted 2FAS field. */
interface Sealed {
  ciphertext: Uint8Array;
  salt: Uint8Array;
  iv: Uint8Array;
}

/** Reads the encrypted field named `field` (as the file names it, for the message). */
function readSealed(value: string, field: 'servicesEncrypted' | 'reference'): Sealed {
  const parts = value.split(':').map((part) => decodeBase64Loose(part));
  const [ciphertext, salt, iv] = parts;
  if (parts.length !== 3 || ciphertext == null || salt == null || iv == null || ciphertext.length < 16 || salt.length === 0 || iv.length === 0) {
    throw damaged(msg('importDamagedSealed', field));
  }
  return { ciphertext, salt, iv };
}

async function open(sealed: Sealed, password: string): Promise<Uint8Array> {
  const key = await pbkdf2Sha256(password, sealed.salt, TWOFAS_PBKDF2_ITERATIONS, 32);
  return aesGcmDecrypt(key, sealed.iv, sealed.ciphertext);
}

async function decryptServices(file: Json, password: string): Promise<unknown> {
  const services = readSealed(String(file.servicesEncrypted), 'servicesEncrypted');
  let plain: Uint8Array;
  try {
    plain = await open(services, password);
  } catch (error) {
    let referenceOpens = false;
    if (typeof file.reference === 'string') {
      try {
        await open(readSealed(file.reference, 'reference'), password);
        referenceOpens = true;
      } catch {
        // The reference does not open either: the password is wrong (reported below).
      }
    }
    if (referenceOpens) throw damaged(msg('importDamagedListIntegrity'), error);
    throw new WrongPasswordError(msg('errImport2fasWrongPassword'), { cause: error });
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch (error) {
    throw damaged(msg('importDamagedListNotJson'), error);
  }
}

/**
 * Parses a 2FAS backup (already JSON-parsed).
 * @param password the backup password; without one a protected backup gives `needsPassword`.
 * @returns accounts (TOTP, HOTP, Steam); invalid services as problems "entry N (name: account)".
 * @throws WrongPasswordError when the password does not open the backup; ImportError Damaged when
 *   `servicesEncrypted` is missing (with a `reference`), malformed, or fails authentication
 *   although `reference` opens, or the decrypted list is not a JSON list; ImportError Unsupported
 *   for a schemaVersion above 4.
 * @see https://github.com/twofas/2fas-android
 */
export async function parseTwoFas(file: Json, password?: string): Promise<ParsedImport> {
  if (typeof file.schemaVersion === 'number' && file.schemaVersion > TWOFAS_SCHEMA_VERSION) {
    throw new ImportError(ImportFailure.Unsupported, msg('errImport2fasTooNew', file.schemaVersion, TWOFAS_SCHEMA_VERSION));
  }
  let services: unknown = file.services;
  const isEncrypted = typeof file.servicesEncrypted === 'string' && file.servicesEncrypted !== '';
  // 2FAS marks a protected backup by its `reference`; without the encrypted list there is nothing to open.
  if (!isEncrypted && typeof file.reference === 'string' && file.reference !== '') throw damaged(msg('importDamagedListMissingEncrypted'));
  if (isEncrypted) {
    if (password === undefined || password === '') return { accounts: [], problems: [], needsPassword: true };
    services = await decryptServices(file, password);
  }
  if (!Array.isArray(services)) throw damaged(msg('importDamagedListMissing', 'services'));

  const collector = new ImportCollector();
  services.forEach((service: unknown, i) => {
    if (!isObject(service)) {
      collector.skip(msg('importRecordEntry', i + 1), msg('importSkipNotAccount'));
      return;
    }
    const otp = isObject(service.otp) ? service.otp : {};
    const issuer = asText(service.name)?.trim() || asText(otp.issuer);
    // Android reads the account name as `account ?: label`.
    const account = otp.account ?? otp.label;
    const record = describeRecord(msg('importRecordEntry', i + 1), issuer, account);
    if (typeof service.secret !== 'string' || service.secret.trim() === '') {
      collector.skip(record, msg('importSkipNoSecret'));
      return;
    }
    const tokenType = (asText(otp.tokenType) ?? 'TOTP').trim().toLowerCase();
    collector.add(record, {
      kind: tokenType,
      issuer,
      label: asText(account),
      secret: service.secret,
      algorithm: asText(otp.algorithm),
      digits: asText(otp.digits),
      period: tokenType === 'hotp' ? undefined : asText(otp.period),
      counter: tokenType === 'hotp' ? asText(otp.counter) : undefined,
    });
  });
  return collector.result();
}
