/**
 * Reads text made of setup links, one a line: `otpauth://` links (Key URI format) and Google
 * Authenticator's `otpauth-migration://` export links, with blank lines and `#` comments ignored.
 * Aegis, 2FAS, ente Auth and the Authenticator extension all export this plain form.
 */
import { InvalidMigrationPayloadError, InvalidOtpauthUriError } from '../errors';
import { msg } from '../i18n/local-message';
import type { AccountDraft } from '../otp/account';
import { parseMigrationUri } from '../otp/parse-migration-uri';
import { parseOtpauthUri } from '../otp/parse-otpauth-uri';
import { trimPasted } from '../otp/trim-pasted';
import { checkRecordCount, describeRecord, ImportCollector } from './import-collector';
import type { ImportBatches, ParsedImport } from './import-types';

/** A line that is neither blank nor a comment, numbered from 1 as editors show it. */
interface ContentLine {
  number: number;
  text: string;
}

const OTPAUTH = /^otpauth:/iu;
const MIGRATION = /^otpauth-migration:/iu;

/**
 * Splits text into its content lines (blank lines and lines starting with "#" left out), each
 * trimmed. Linear in the text: no regex backtracks over a long run of spaces. A line is not cut
 * or checked for length here; each parser refuses an overlong line before reading it.
 */
export function contentLines(text: string): ContentLine[] {
  return text
    .split(/\r\n|\r|\n/u)
    .map((line, i) => ({ number: i + 1, text: trimPasted(line) }))
    .filter((line) => line.text !== '' && !line.text.startsWith('#'));
}

/** What kind of setup-link text this is, or null when no line is a setup link. */
export function classifyOtpauthText(text: string): 'otpauth' | 'migration' | null {
  const lines = contentLines(text);
  const links = lines.filter((line) => OTPAUTH.test(line.text) || MIGRATION.test(line.text));
  if (links.length === 0) return null;
  return links.every((line) => MIGRATION.test(line.text)) ? 'migration' : 'otpauth';
}

/** The QR codes of one Google Authenticator export, gathered by batch id and size. */
interface BatchGroup {
  size: number;
  /** Batch index → accounts (in the order the lines came). */
  parts: Map<number, { line: number; drafts: AccountDraft[] }>;
}

/**
 * Parses a list of setup links. Each `otpauth://` line is read by parseOtpauthUri and checked by
 * validateDraft; each `otpauth-migration://` line by parseMigrationUri (which refuses a damaged QR
 * whole, so a bad one is one problem for that line). The QR codes of one Google Authenticator export
 * are gathered by batch id; the same QR given twice counts once; indexes never given are named in
 * `batches.missing` and as a problem. Any other line is listed as a problem.
 * @returns accounts in line order, problems ("line 4" or "line 4 (GitHub: alice)") and `batches`
 *   when the text held export links with batch numbers (several exports: the largest is described,
 *   every missing QR is in the problems).
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function parseOtpauthList(text: string): ParsedImport {
  const collector = new ImportCollector();
  const groups = new Map<string, BatchGroup>();
  const lines = contentLines(text);
  // One account per setup link: too many is known before any is read. (An export link holds
  // several; the collector stops at the limit while they are read.)
  checkRecordCount(lines.filter((line) => OTPAUTH.test(line.text)).length);

  for (const line of lines) {
    if (MIGRATION.test(line.text)) {
      let parsed;
      try {
        parsed = parseMigrationUri(line.text);
      } catch (error) {
        if (!(error instanceof InvalidMigrationPayloadError)) throw error;
        collector.skip(msg('importRecordNamed', msg('importRecordLine', line.number), msg('importRecordGoogleExport')), error.text);
        continue;
      }
      if (parsed.batch === null) {
        addMigrationDrafts(collector, line.number, parsed.drafts);
        continue;
      }
      const key = `${parsed.batch.id}/${parsed.batch.size}`;
      const group = groups.get(key) ?? { size: parsed.batch.size, parts: new Map() };
      groups.set(key, group);
      // The same QR scanned or pasted twice: its accounts are taken once.
      if (group.parts.has(parsed.batch.index)) continue;
      group.parts.set(parsed.batch.index, { line: line.number, drafts: parsed.drafts });
      addMigrationDrafts(collector, line.number, parsed.drafts);
    } else if (OTPAUTH.test(line.text)) {
      try {
        const { draft } = parseOtpauthUri(line.text);
        collector.add(describeRecord(msg('importRecordLine', line.number), draft.issuer, draft.label), draft);
      } catch (error) {
        if (!(error instanceof InvalidOtpauthUriError)) throw error;
        collector.skip(msg('importRecordLine', line.number), error.text);
      }
    } else {
      collector.skip(msg('importRecordLine', line.number), msg('importSkipNotSetupLink'));
    }
  }

  let largest: ImportBatches | undefined;
  for (const group of groups.values()) {
    const found = [...group.parts.keys()].sort((a, b) => a - b);
    const missing = Array.from({ length: group.size }, (_, i) => i).filter((i) => !group.parts.has(i));
    for (const index of missing) {
      collector.skip(msg('importRecordGoogleExport'), msg('importSkipQrMissing', index + 1, group.size));
    }
    if (largest === undefined || found.length > largest.found.length) largest = { found, size: group.size, missing };
  }
  const result: ParsedImport = collector.result();
  if (largest !== undefined) result.batches = largest;
  return result;
}

function addMigrationDrafts(collector: ImportCollector, line: number, drafts: AccountDraft[]): void {
  drafts.forEach((draft, i) => collector.add(describeRecord(msg('importRecordLineAccount', line, i + 1), draft.issuer, draft.label), draft));
}
