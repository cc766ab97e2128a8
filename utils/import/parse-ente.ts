/**
 * Reads ente Auth's plain export (Settings → Data → Export codes → plain text).
 *
 * The plain export is a text file of `otpauth://` links, one a line (each code's `rawData`), where
 * ente adds its own parameters (`codeDisplay`, a percent-encoded JSON object of display settings:
 * pinned, tags, note…). Unknown parameters are ignored, so each line reads as any other setup link.
 *
 * Not read: the encrypted export `{ version: 1, kdfParams: { memLimit, opsLimit, salt },
 * encryptedData, encryptionNonce }` (base64 fields). Its key is libsodium `crypto_pwhash`
 * Argon2id(password, salt, opsLimit passes, memLimit bytes — 256 MiB × 16 on most devices, 128 MiB
 * × 32 on small ones), and its data one `crypto_secretstream_xchacha20poly1305` message (header =
 * `encryptionNonce`, tag FINAL) holding the same lines as the plain export. hash-wasm covers the
 * Argon2id, but neither WebCrypto nor any dependency provides XChaCha20-Poly1305, so the file is
 * refused with a message asking for the plain export.
 * @see https://github.com/ente-io/ente/blob/a621d733154a834f23754e7e874de769be532d9d/docs/docs/auth/migration/export.md
 * @see https://github.com/ente-io/ente/blob/a621d733154a834f23754e7e874de769be532d9d/mobile/apps/auth/lib/ui/settings/data/export_widget.dart
 * @see https://github.com/ente-io/ente/blob/a621d733154a834f23754e7e874de769be532d9d/mobile/apps/auth/lib/ui/settings/data/import/encrypted_ente_import.dart
 * @see https://github.com/ente-io/ente/blob/a621d733154a834f23754e7e874de769be532d9d/mobile/apps/photos/plugins/ente_crypto/lib/src/crypto.dart
 */
import { ImportError, ImportFailure } from '../errors';
import { msg } from '../i18n/local-message';
import { contentLines, parseOtpauthList } from './parse-otpauth-list';
import type { ParsedImport } from './import-types';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Tells whether setup-link text was written by ente Auth (a line carries its `codeDisplay` parameter). */
export function isEnteText(text: string): boolean {
  return contentLines(text).some((line) => /^otpauth:/iu.test(line.text) && /[?&]codeDisplay=/u.test(line.text));
}

/** Tells whether parsed JSON is ente Auth's encrypted export. */
export function isEnteEncryptedExport(json: unknown): boolean {
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
 * The error for ente's encrypted export.
 * @returns ImportError Unsupported, telling the person how to make a plain export.
 */
export function enteEncryptedExportError(): ImportError {
  return new ImportError(ImportFailure.Unsupported, msg('errImportEnteEncrypted'));
}
