/**
 * Recognizes an export file from another authenticator (or pasted setup links) and reads it into
 * a preview of accounts, without writing anything. One parser per format, beside this file.
 */
import { ImportError, ImportFailure } from '../errors';
import { readBackup } from '../backup/read-backup';
import { BACKUP_FORMAT } from '../backup/backup-format';
import { decodeUtf8 } from './decode-bytes';
import { type ImportInput, type ImportOptions, ImportFormat, type ImportPreview, type ParsedImport } from './import-types';
import { isTwoFasBackup, parseTwoFas } from './parse-2fas';
import { isAegisVault, parseAegis } from './parse-aegis';
import { isAuthenticatorExtensionBackup, parseAuthenticatorExtension } from './parse-authenticator-extension';
import { isBitwardenExport, parseBitwarden } from './parse-bitwarden';
import { enteEncryptedExportError, isEnteEncryptedExport, isEnteText, parseEnte } from './parse-ente';
import { classifyOtpauthText, parseOtpauthList } from './parse-otpauth-list';

/** Largest input read, in bytes of UTF-8 (or characters of pasted text): 10 MiB. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** The formats named when a file is not recognized, as the person knows them. */
export const SUPPORTED_FORMATS_TEXT =
  'a list of otpauth:// links, Google Authenticator exports (otpauth-migration:// links), Aegis vault files (plain or encrypted), ' +
  '2FAS backups (.2fas, plain or password-protected), Authenticator extension backups, Bitwarden exports (.json, not encrypted), ' +
  'ente Auth plain-text exports and Twofold backups';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function unknownFormat(what: string): ImportError {
  return new ImportError(ImportFailure.UnknownFormat, `Twofold does not recognize ${what}. It imports ${SUPPORTED_FORMATS_TEXT}.`);
}

/** Reads the input as text, refusing binary files and oversized input. */
function readText(input: ImportInput): string {
  let text: string;
  if (input.bytes !== undefined) {
    if (input.bytes.length > MAX_IMPORT_BYTES) throw tooLarge();
    const decoded = decodeUtf8(input.bytes);
    if (decoded === null) {
      throw unknownFormat('this file: it is not a text file (if it is a picture of a QR code, scan it with “Import from QR image” instead)');
    }
    text = decoded;
  } else {
    text = input.text ?? '';
    if (text.length > MAX_IMPORT_BYTES) throw tooLarge();
  }
  return text.replace(/^\uFEFF/u, '');
}

function tooLarge(): ImportError {
  return new ImportError(ImportFailure.TooLarge, `This file is larger than Twofold imports (${MAX_IMPORT_BYTES / 1024 / 1024} MB). Export your authenticator again and choose that file.`);
}

/** Best guess at which app wrote JSON that does not parse, for the damaged-file message. */
function guessJsonSource(text: string, fileName: string | undefined): string {
  if (/\.2fas$/iu.test(fileName ?? '') || text.includes('"servicesEncrypted"') || text.includes('"schemaVersion"')) return '2FAS backup';
  if (text.includes('"header"') && text.includes('"db"')) return 'Aegis export';
  if (text.includes(`"${BACKUP_FORMAT}"`)) return 'Twofold backup';
  if (text.includes('"items"')) return 'Bitwarden export';
  if (text.includes('"EncOTPStorage"') || (text.includes('"secret"') && text.includes('"encrypted"') && text.includes('"hash"'))) return 'Authenticator extension backup';
  return 'file';
}

async function importJson(json: unknown, text: string, options: ImportOptions): Promise<{ format: ImportFormat } & ParsedImport> {
  const password = options.password === '' ? undefined : options.password;
  if (isObject(json) && json.format === BACKUP_FORMAT) {
    if (password === undefined) return { format: ImportFormat.TwofoldBackup, accounts: [], problems: [], needsPassword: true };
    const entries = await readBackup(text, password);
    const accounts = entries.map(({ kind, issuer, label, secret, algorithm, digits, period, counter }) => ({ kind, issuer, label, secret, algorithm, digits, period, counter }));
    return { format: ImportFormat.TwofoldBackup, accounts, problems: [] };
  }
  if (isAegisVault(json)) return { format: ImportFormat.Aegis, ...(await parseAegis(json, password)) };
  if (isTwoFasBackup(json)) return { format: ImportFormat.TwoFas, ...(await parseTwoFas(json, password)) };
  if (isBitwardenExport(json)) return { format: ImportFormat.Bitwarden, ...parseBitwarden(json) };
  if (isEnteEncryptedExport(json)) throw enteEncryptedExportError();
  if (isAuthenticatorExtensionBackup(json)) return { format: ImportFormat.AuthenticatorExtension, ...(await parseAuthenticatorExtension(json, password)) };
  throw unknownFormat('this JSON file');
}

/**
 * Detects the format of an export and reads its accounts into a preview; nothing is saved.
 *
 * Formats (each parser's file comment says exactly which variants): otpauth:// link lists,
 * Google Authenticator `otpauth-migration://` exports (several QR codes gathered by batch),
 * ente Auth plain exports, Aegis (plain and encrypted), 2FAS (plain and password-protected),
 * the Authenticator extension (plain and encrypted), Bitwarden JSON (unencrypted), and Twofold's
 * own backup. JSON is recognized by its shape, not the file name; text by its `otpauth` lines.
 * Every account passes validateDraft, so the same rules apply as everywhere else.
 *
 * @param input `text` (pasted) or `bytes` (a file, UTF-8); `fileName` only sharpens messages.
 * @param options.password for encrypted exports.
 * @returns the preview: format, valid accounts in file order, problems (one per skipped record,
 *   with the reason), `needsPassword: true` (and no accounts) for an encrypted file without a
 *   password, `batches` for Google Authenticator exports.
 * @throws WrongPasswordError for a password that does not open the file (nothing returned);
 *   ImportError with `failure` UnknownFormat (the message names the supported formats), Damaged
 *   (e.g. JSON cut short), Unsupported (e.g. encrypted Bitwarden or ente exports) or TooLarge;
 *   BackupUnreadableError for a damaged Twofold backup.
 */
export async function importAccounts(input: ImportInput, options: ImportOptions = {}): Promise<ImportPreview> {
  const text = readText(input);
  const trimmed = text.trim();
  if (trimmed === '') throw new ImportError(ImportFailure.UnknownFormat, `There is nothing to import: the ${input.bytes ? 'file' : 'text'} is empty. Twofold imports ${SUPPORTED_FORMATS_TEXT}.`);

  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      const source = guessJsonSource(trimmed, input.fileName);
      throw new ImportError(
        ImportFailure.Damaged,
        `This ${source} cannot be read: its text is cut short or damaged, so nothing was imported. Export it again and choose the new file.`,
        { cause: error },
      );
    }
    const { format, ...parsed } = await importJson(json, trimmed, options);
    return { format, ...parsed };
  }

  const kind = classifyOtpauthText(text);
  if (kind === null) throw unknownFormat(input.bytes ? 'this file' : 'this text');
  if (isEnteText(text)) return { format: ImportFormat.Ente, ...parseEnte(text) };
  return { format: kind === 'migration' ? ImportFormat.GoogleAuthenticator : ImportFormat.OtpauthList, ...parseOtpauthList(text) };
}
