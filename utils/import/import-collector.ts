/**
 * Gathers the accounts and the problems of one import: every record goes through validateDraft,
 * so an imported account obeys exactly the rules of one typed in by hand.
 */
import { ImportError, ImportFailure, InvalidInputError } from '../errors';
import { msg, type LocalMessage } from '../i18n/local-message';
import type { AccountDraft } from '../otp/account';
import { nameLength, normalizeName, truncateName } from '../otp/draft-rules';
import { type DraftInput, validateDraft } from '../otp/validate-draft';
import type { ImportProblem, ParsedImport } from './import-types';

/**
 * Most accounts one import reads. Above it the import stops at once, before reading the rest:
 * a preview of many thousands of accounts would keep the background busy for many seconds, and
 * the person is better served by a few smaller files.
 */
export const MAX_IMPORT_ACCOUNTS = 5000;

/** The import holds more accounts than {@link MAX_IMPORT_ACCOUNTS}: split the file. */
export function tooManyAccounts(): ImportError {
  return new ImportError(ImportFailure.TooLarge, msg('errImportTooManyAccounts', MAX_IMPORT_ACCOUNTS));
}

/**
 * Refuses a file that says up front it holds more than {@link MAX_IMPORT_ACCOUNTS} records (its
 * lines, its list of entries), before any of them is read.
 * @throws ImportError (TooLarge) above the limit.
 */
export function checkRecordCount(count: number): void {
  if (count > MAX_IMPORT_ACCOUNTS) throw tooManyAccounts();
}

/** Longest name shown in a problem's record label, in code points. */
const SHOWN_NAME_LENGTH = 60;

/**
 * Names a record for a problem list: "entry 3 (GitHub)", or "entry 3" when it has no name (in
 * English; the names are shown as the file writes them, cut to 60 characters).
 * @param place where the record is, counted from 1 as people count: `msg('importRecordEntry', 3)`,
 *   `msg('importRecordLine', 7)`…
 * @param names the record's names (service, account); values that are not text are passed over.
 */
export function describeRecord(place: LocalMessage, ...names: unknown[]): LocalMessage {
  const shown = names
    .filter((name): name is string => typeof name === 'string')
    .map(normalizeName)
    .filter((name) => name !== '')
    .filter((name, i, all) => all.indexOf(name) === i)
    .join(': ');
  if (shown === '') return place;
  const cut = nameLength(shown) > SHOWN_NAME_LENGTH ? `${[...shown].slice(0, SHOWN_NAME_LENGTH).join('')}…` : shown;
  return msg('importRecordNamed', place, cut);
}

/** Reads a JSON value as text for a draft field: strings as they are, finite numbers in decimal. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Collects accounts and problems in file order. */
export class ImportCollector {
  readonly accounts: AccountDraft[] = [];
  readonly problems: ImportProblem[] = [];

  /**
   * Checks one record with validateDraft and keeps it, or lists it with the reason it was refused.
   * Names longer than the limit are cut (as the URI parsers do) rather than refused.
   * @throws ImportError (TooLarge) for an account beyond {@link MAX_IMPORT_ACCOUNTS}: the import
   *   stops there, the records after it unread.
   */
  add(record: LocalMessage, input: DraftInput): void {
    if (this.accounts.length >= MAX_IMPORT_ACCOUNTS) throw tooManyAccounts();
    const issuer = truncateName(normalizeName(input.issuer ?? ''));
    const label = truncateName(normalizeName(input.label ?? ''));
    if (issuer === '' && label === '') {
      this.skip(record, msg('importSkipNoName'));
      return;
    }
    try {
      this.accounts.push(validateDraft({ ...input, issuer, label }));
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      this.skip(record, error.text);
    }
  }

  /** Lists a record that is not imported. */
  skip(record: LocalMessage, reason: LocalMessage): void {
    this.problems.push({ record, reason });
  }

  result(): ParsedImport {
    return { accounts: this.accounts, problems: this.problems };
  }
}
