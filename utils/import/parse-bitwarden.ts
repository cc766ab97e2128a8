/**
 * Reads Bitwarden's unencrypted JSON export (Tools → Export vault → ".json").
 *
 * Written from Bitwarden's published export description: `{ encrypted: false, folders, items: [{
 * type, name, login: { username, password, totp, uris } }] }`. `login.totp` holds an `otpauth://`
 * link, a bare base32 secret (TOTP, SHA1, 6 digits, 30 s), or `steam://SECRET` (Steam Guard).
 * Items without a `totp` are passwords only and are passed over silently. Password-protected
 * exports (`encrypted: true`) are refused whole with a message saying how to export.
 * @see https://bitwarden.com/help/export-your-data/
 * @see https://bitwarden.com/help/integrated-authenticator/
 */
import { ImportError, ImportFailure, InvalidOtpauthUriError } from '../errors';
import { msg } from '../i18n/local-message';
import { parseOtpauthUri } from '../otp/parse-otpauth-uri';
import { asText, describeRecord, ImportCollector } from './import-collector';
import type { ParsedImport } from './import-types';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Tells whether parsed JSON has the shape of a Bitwarden JSON export (plain or encrypted). */
export function isBitwardenExport(json: unknown): json is Json {
  return isObject(json) && (Array.isArray(json.items) || (json.encrypted === true && 'encKeyValidation_DO_NOT_EDIT' in json));
}

/**
 * Parses a Bitwarden JSON export (already JSON-parsed).
 * @returns accounts from every item with a `login.totp`; the item name is the issuer and the
 *   username the account name when the value does not name them; unusable values as problems
 *   "item N (name)".
 * @throws ImportError Unsupported for a password-protected or account-restricted encrypted export;
 *   ImportError Damaged when `items` is not a list.
 */
export function parseBitwarden(file: Json): ParsedImport {
  if (file.encrypted === true) {
    throw new ImportError(ImportFailure.Unsupported, msg('errImportBitwardenEncrypted'));
  }
  if (!Array.isArray(file.items)) throw new ImportError(ImportFailure.Damaged, msg('errImportBitwardenNoItems'));
  const collector = new ImportCollector();
  file.items.forEach((item: unknown, i) => {
    if (!isObject(item) || !isObject(item.login)) return;
    const totp = asText(item.login.totp)?.trim() ?? '';
    if (totp === '') return;
    const itemName = asText(item.name) ?? '';
    const username = asText(item.login.username) ?? '';
    const record = describeRecord(msg('importRecordItem', i + 1), itemName, username);

    if (/^otpauth:/iu.test(totp)) {
      try {
        const { draft } = parseOtpauthUri(totp);
        // A link may leave out the names; the item says what it is for.
        const named = draft.issuer === '' && draft.label === '' ? { ...draft, issuer: itemName, label: username } : draft;
        collector.add(record, draft.issuer === '' && draft.label !== '' ? { ...named, issuer: itemName } : named);
      } catch (error) {
        if (!(error instanceof InvalidOtpauthUriError)) throw error;
        collector.skip(record, error.text);
      }
      return;
    }
    const steam = /^steam:\/\/(.*)$/isu.exec(totp);
    if (steam !== null) {
      collector.add(record, { kind: 'steam', issuer: itemName || 'Steam', label: username, secret: steam[1] });
      return;
    }
    collector.add(record, { kind: 'totp', issuer: itemName, label: username, secret: totp });
  });
  return collector.result();
}
