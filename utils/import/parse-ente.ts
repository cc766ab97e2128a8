/**
 * Reads ente Auth's exports (Settings → Data → Export codes), plain and encrypted.
 *
 * - Plain: a text file of `otpauth://` links, one a line (each code's `rawData`, commas written
 *   `%2C`), where ente adds its own parameters (`codeDisplay`, a percent-encoded JSON object of
 *   display settings: pinned, tags, note…). Unknown parameters are ignored, so each line reads as
 *   any other setup link.
 * - Encrypted (saved with a `.txt` name too): JSON `{ version: 1, kdfParams: { memLimit,
 *   opsLimit, salt }, encryptedData, encryptionNonce }`, the byte fields in standard base64.
 *   The key is libsodium `crypto_pwhash` with Argon2id v1.3: 32 bytes from the UTF-8 password,
 *   the 16-byte salt, `opsLimit` passes over `memLimit` bytes, one lane (ente asks for 256 MiB ×
 *   16 and falls back to 128 MiB × 32 on devices short of memory; older versions started at
 *   1 GiB × 4: always 4 GiB of work). `encryptedData` is one `crypto_secretstream_xchacha20poly1305`
 *   message, tag FINAL, under the header `encryptionNonce`; it holds the plain export's text.
 *   A wrong password and a changed byte fail the same MAC check, so both read as a wrong password.
 * @see https://github.com/ente-io/ente/blob/main/docs/docs/auth/migration/export.md
 * @see https://github.com/ente-io/ente/blob/main/mobile/apps/auth/lib/ui/settings/data/export_widget.dart
 * @see https://github.com/ente-io/ente/blob/main/mobile/apps/auth/lib/ui/settings/data/import/encrypted_ente_import.dart
 * @see https://github.com/ente-io/ente/blob/main/mobile/apps/photos/plugins/ente_crypto/lib/src/crypto.dart (deriveSensitiveKey, deriveKey, chachaEncryptData)
 */
import { ImportError, ImportFailure, WrongPasswordError } from '../errors';
import { msg, type LocalMessage } from '../i18n/local-message';
import { decodeBase64Loose, decodeUtf8 } from './decode-bytes';
import { argon2Hash, passwordBytes } from './import-crypto';
import type { ParsedImport } from './import-types';
import { secretstreamPullFirst, SECRETSTREAM_HEADER_BYTES, SECRETSTREAM_OVERHEAD_BYTES, SECRETSTREAM_TAG_FINAL } from './parse-ente-secretstream';
import { contentLines, parseOtpauthList } from './parse-otpauth-list';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Tells whether setup-link text was written by ente Auth (a line carries its `codeDisplay` parameter). */
export function isEnteText(text: string): boolean {
  return contentLines(text).some((line) => /^otpauth:/iu.test(line.text) && /[?&]codeDisplay=/u.test(line.text));
}

/** Tells whether parsed JSON is ente Auth's encrypted export. */
export function isEnteEncryptedExport(json: unknown): json is Json {
  return isObject(json) && isObject(json.kdfParams) && typeof json.encryptedData === 'string' && 'encryptionNonce' in json;
}

/**
 * Parses ente Auth's plain export: exactly {@link parseOtpauthList}.
 * @returns accounts and problems as parseOtpauthList gives them.
 */
export function parseEnte(text: string): ParsedImport {
  return parseOtpauthList(text);
}

/**
 * Bounds on the Argon2id cost an encrypted export may ask for. ente always asks for 4 GiB of work
 * (memory × passes); the caps allow twice that, and no more memory than ente's own largest
 * setting, so a hostile file cannot hold the worker for long or exhaust its memory.
 */
export const EnteKdfLimits = {
  /** libsodium's smallest Argon2id memory, 8 KiB. */
  minMemBytes: 8192,
  maxMemBytes: 1024 * 1024 * 1024,
  maxOps: 1024,
  /** Memory in bytes × passes. */
  maxWork: 2 * 4 * 1024 * 1024 * 1024,
} as const;

/** `detail` is one of the importDamaged… messages: what is wrong, in the file's terms. */
function damaged(detail: LocalMessage, cause?: unknown): ImportError {
  return new ImportError(ImportFailure.Damaged, msg('errImportEnteDamaged', detail), cause === undefined ? undefined : { cause });
}

function base64Field(value: unknown, field: string, minBytes: number, exactBytes?: number): Uint8Array {
  const bytes = typeof value === 'string' ? decodeBase64Loose(value) : null;
  if (bytes === null || bytes.length < minBytes || (exactBytes !== undefined && bytes.length !== exactBytes)) throw damaged(msg('importDamagedEnteField', field));
  return bytes;
}

/** The Argon2id settings of an encrypted export, checked against {@link EnteKdfLimits}. */
function kdfSettings(json: Json): { salt: Uint8Array; memLimit: number; opsLimit: number } {
  const params = json.kdfParams as Json;
  const { memLimit, opsLimit } = params;
  if (typeof memLimit !== 'number' || !Number.isSafeInteger(memLimit) || memLimit < EnteKdfLimits.minMemBytes) throw damaged(msg('importDamagedEnteField', 'memLimit'));
  if (typeof opsLimit !== 'number' || !Number.isSafeInteger(opsLimit) || opsLimit < 1) throw damaged(msg('importDamagedEnteField', 'opsLimit'));
  if (memLimit > EnteKdfLimits.maxMemBytes || opsLimit > EnteKdfLimits.maxOps || memLimit * opsLimit > EnteKdfLimits.maxWork) {
    throw damaged(msg('importDamagedEnteTooCostly'));
  }
  // libsodium's crypto_pwhash_SALTBYTES.
  const salt = base64Field(params.salt, 'salt', 16, 16);
  return { salt, memLimit, opsLimit };
}

/**
 * Opens ente Auth's encrypted export with `password` and reads the links inside, as
 * {@link parseEnte} reads a plain export. Everything in the file is checked before the (slow) key
 * derivation starts.
 * @param password absent or empty: nothing is derived and `needsPassword` comes back.
 * @returns the accounts and problems of the decrypted text.
 * @throws WrongPasswordError when the password does not open the file (or the file was changed:
 *   the same check fails); ImportError Damaged for missing or malformed fields or a cost beyond
 *   {@link EnteKdfLimits}, Unsupported for a version other than 1 or when the computer cannot
 *   set aside the memory the key needs.
 */
export async function parseEnteEncrypted(json: Json, password: string | undefined): Promise<ParsedImport> {
  if (json.version !== 1) throw new ImportError(ImportFailure.Unsupported, msg('errImportEnteVersion', String(json.version)));
  const { salt, memLimit, opsLimit } = kdfSettings(json);
  const header = base64Field(json.encryptionNonce, 'encryptionNonce', SECRETSTREAM_HEADER_BYTES, SECRETSTREAM_HEADER_BYTES);
  const sealed = base64Field(json.encryptedData, 'encryptedData', SECRETSTREAM_OVERHEAD_BYTES);
  if (password === undefined || password === '') return { accounts: [], problems: [], needsPassword: true };

  let key: Uint8Array;
  try {
    key = await argon2Hash(passwordBytes(password), salt, { variant: 'argon2id', memoryKiB: Math.floor(memLimit / 1024), iterations: opsLimit, parallelism: 1, hashLength: 32 });
  } catch (error) {
    // The parameters were checked above: what is left is memory the worker could not get.
    throw new ImportError(ImportFailure.Unsupported, msg('errImportEnteMemory', Math.ceil(memLimit / 1024 / 1024)), { cause: error });
  }
  const opened = secretstreamPullFirst(key, header, sealed);
  if (opened === null) throw new WrongPasswordError(msg('errImportEnteWrongPassword'));
  if (opened.tag !== SECRETSTREAM_TAG_FINAL) throw damaged(msg('importDamagedEnteNotText'));
  const text = decodeUtf8(opened.message);
  if (text === null) throw damaged(msg('importDamagedEnteNotText'));
  return parseOtpauthList(text);
}
