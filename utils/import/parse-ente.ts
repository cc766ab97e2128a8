/**
 * Reads ente Auth's plain export (Settings → Data → Export codes → plain text).
 *
 * Written from ente's published description: a text file of `otpauth://` links, one a line, as the
 * Key URI format describes, where ente adds its own parameters (`codeDisplay`, a percent-encoded
 * JSON object of display settings: pinned, tags, note…). Unknown parameters are ignored, so each
 * line reads as any other setup link. ente's encrypted export (`{ version, kdfParams, encryptedData,
 * encryptionNonce }`, libsodium Argon2id + XChaCha20-Poly1305) needs primitives WebCrypto lacks, so
 * it is refused with a message asking for the plain export.
 * @see https://github.com/ente-io/ente/tree/main/auth (docs: "Auth encrypted export format")
 */
import { ImportError, ImportFailure } from '../errors';
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
  return new ImportError(
    ImportFailure.Unsupported,
    'This is an encrypted ente Auth export, which Twofold cannot open. In ente Auth, export the codes as plain text, import that file, then delete it.',
  );
}
