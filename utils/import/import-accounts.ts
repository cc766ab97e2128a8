/**
 * Recognizes an export file from another authenticator (or pasted setup links) and reads it into
 * a preview of accounts, without writing anything. One parser per format, beside this file.
 */
import { ImportError, ImportFailure } from '../errors';
import { msg, type LocalMessage } from '../i18n/local-message';
import { readBackup } from '../backup/read-backup';
import { BACKUP_FORMAT } from '../backup/backup-format';
import { decodeUtf8 } from './decode-bytes';
import { type ImportInput, type ImportOptions, ImportFormat, type ImportPreview, type ParsedImport } from './import-types';
import { isTwoFasBackup, parseTwoFas } from './parse-2fas';
import { isAegisVault, parseAegis } from './parse-aegis';
import { isAuthenticatorExtensionBackup, parseAuthenticatorExtension } from './parse-authenticator-extension';
import { isBitwardenExport, parseBitwarden } from './parse-bitwarden';
import { isEnteEncryptedExport, isEnteText, parseEnte, parseEnteEncrypted } from './parse-ente';
import { classifyOtpauthText, parseOtpauthList } from './parse-otpauth-list';
import { checkRecordCount } from './import-collector';

/** Largest input read, in bytes of UTF-8 (or characters of pasted text): 10 MiB. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** The formats named when a file is not recognized, as the person knows them ("Twofold imports …"). */
export const SUPPORTED_FORMATS: LocalMessage = msg('importSupportedFormats');

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `text` names the supported formats: the person learns what to choose instead. */
function unknownFormat(text: LocalMessage): ImportError {
  return new ImportError(ImportFailure.UnknownFormat, text);
}

/** Reads the input as text, refusing binary files and oversized input. */
function readText(input: ImportInput): string {
  let text: string;
  if (input.bytes !== undefined) {
    if (input.bytes.length > MAX_IMPORT_BYTES) throw tooLarge();
    const decoded = decodeUtf8(input.bytes);
    // An image of a QR code is read by the popup's "Image…" button (chooseImage), not here.
    if (decoded === null) throw unknownFormat(msg('errImportNotText', msg('chooseImage'), SUPPORTED_FORMATS));
    text = decoded;
  } else {
    text = input.text ?? '';
    if (text.length > MAX_IMPORT_BYTES) throw tooLarge();
  }
  return text.replace(/^\uFEFF/u, '');
}

function tooLarge(): ImportError {
  return new ImportError(ImportFailure.TooLarge, msg('errImportTooLarge', MAX_IMPORT_BYTES / 1024 / 1024));
}

/** Best guess at which app wrote JSON that does not parse, as the damaged-file message starts ("This Aegis export"). */
function guessJsonSource(text: string, fileName: string | undefined): LocalMessage {
  if (/\.2fas$/iu.test(fileName ?? '') || text.includes('"servicesEncrypted"') || text.includes('"schemaVersion"')) return msg('importSource2fas');
  if (text.includes('"header"') && text.includes('"db"')) return msg('importSourceAegis');
  if (text.includes(`"${BACKUP_FORMAT}"`)) return msg('importSourceTwofold');
  if (text.includes('"items"')) return msg('importSourceBitwarden');
  if (text.includes('"EncOTPStorage"') || (text.includes('"secret"') && text.includes('"encrypted"') && text.includes('"hash"'))) return msg('importSourceAuthenticator');
  return msg('importSourceFile');
}

async function importJson(json: unknown, text: string, options: ImportOptions): Promise<{ format: ImportFormat } & ParsedImport> {
  const password = options.password === '' ? undefined : options.password;
  if (isObject(json) && json.format === BACKUP_FORMAT) {
    if (password === undefined) return { format: ImportFormat.TwofoldBackup, accounts: [], problems: [], needsPassword: true };
    const entries = await readBackup(text, password);
    checkRecordCount(entries.length);
    const accounts = entries.map(({ kind, issuer, label, secret, algorithm, digits, period, counter }) => ({ kind, issuer, label, secret, algorithm, digits, period, counter }));
    return { format: ImportFormat.TwofoldBackup, accounts, problems: [] };
  }
  if (isAegisVault(json)) return { format: ImportFormat.Aegis, ...(await parseAegis(json, password)) };
  if (isTwoFasBackup(json)) return { format: ImportFormat.TwoFas, ...(await parseTwoFas(json, password)) };
  if (isBitwardenExport(json)) return { format: ImportFormat.Bitwarden, ...parseBitwarden(json) };
  if (isEnteEncryptedExport(json)) return { format: ImportFormat.Ente, ...(await parseEnteEncrypted(json, password)) };
  if (isAuthenticatorExtensionBackup(json)) return { format: ImportFormat.AuthenticatorExtension, ...(await parseAuthenticatorExtension(json, password)) };
  throw unknownFormat(msg('errImportUnknownJson', SUPPORTED_FORMATS));
}

/**
 * Detects the format of an export and reads its accounts into a preview; nothing is saved.
 *
 * Formats (each parser's file comment says exactly which variants): otpauth:// link lists,
 * Google Authenticator `otpauth-migration://` exports (several QR codes gathered by batch),
 * ente Auth exports (plain and encrypted), Aegis (plain and encrypted), 2FAS (plain and password-protected),
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
 *   (e.g. JSON cut short), Unsupported (e.g. encrypted Bitwarden exports) or TooLarge;
 *   BackupUnreadableError for a damaged Twofold backup.
 */
export async function importAccounts(input: ImportInput, options: ImportOptions = {}): Promise<ImportPreview> {
  const text = readText(input);
  const trimmed = text.trim();
  if (trimmed === '') throw unknownFormat(input.bytes ? msg('errImportEmptyFile', SUPPORTED_FORMATS) : msg('errImportEmptyText', SUPPORTED_FORMATS));

  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      throw new ImportError(ImportFailure.Damaged, msg('errImportCutShort', guessJsonSource(trimmed, input.fileName)), { cause: error });
    }
    const { format, ...parsed } = await importJson(json, trimmed, options);
    return { format, ...parsed };
  }

  const kind = classifyOtpauthText(text);
  if (kind === null) throw unknownFormat(input.bytes ? msg('errImportUnknownFile', SUPPORTED_FORMATS) : msg('errImportUnknownText', SUPPORTED_FORMATS));
  if (isEnteText(text)) return { format: ImportFormat.Ente, ...parseEnte(text) };
  return { format: kind === 'migration' ? ImportFormat.GoogleAuthenticator : ImportFormat.OtpauthList, ...parseOtpauthList(text) };
}
