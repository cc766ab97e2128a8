/**
 * Turns the texts of the QR codes a scan found into accounts, or into the one clear message
 * the user should see. Pure: the decoding and the saving happen elsewhere.
 */
import type { AccountDraft } from '../otp/account';
import { parseOtpauthUri } from '../otp/parse-otpauth-uri';
import { parseMigrationUri } from '../otp/parse-migration-uri';
import { NotAnOtpQrError, QrNotFoundError, TwofoldError } from '../errors';
import { msg, type LocalMessage } from '../i18n/local-message';
import { classifyQrText, QrTextKind } from './classify-qr-text';

export interface InterpretedScan {
  drafts: AccountDraft[];
  /** Plain words about codes that were not accounts, to show beside the result. */
  notes: LocalMessage[];
  /** Warnings from the parser (e.g. a short secret). */
  warnings: LocalMessage[];
  /** For a Google Authenticator export: which batch of how many. */
  batch?: { index: number; size: number };
}

/** Where the texts came from, to word "not found" well. */
export type ScanSource = 'page' | 'region' | 'image' | 'text';

const NOT_FOUND = {
  page: 'errQrNotFoundPage',
  region: 'errQrNotFoundRegion',
  image: 'errQrNotFoundImage',
  text: 'errQrNotFoundText',
} as const satisfies Record<ScanSource, string>;

/**
 * Accounts from every `otpauth://` and `otpauth-migration://` text, in order, with other
 * codes described in `notes`.
 *
 * @throws QrNotFoundError when `texts` is empty
 * @throws the parser's own error (InvalidOtpauthUriError, InvalidMigrationPayloadError) when the
 *   only account codes found are malformed — its specific message is the useful one
 * @throws NotAnOtpQrError when codes were found but none is a two-step verification code
 */
export function interpretQrTexts(texts: readonly string[], source: ScanSource): InterpretedScan {
  if (texts.length === 0) throw new QrNotFoundError(msg(NOT_FOUND[source]));
  const result: InterpretedScan = { drafts: [], notes: [], warnings: [] };
  let parseError: TwofoldError | undefined;
  for (const text of texts) {
    const kind = classifyQrText(text, source === 'text' ? 'text' : 'qr');
    try {
      if (kind.kind === QrTextKind.Otpauth) {
        const { draft, warnings } = parseOtpauthUri(text.trim());
        result.drafts.push(draft);
        result.warnings.push(...warnings);
      } else if (kind.kind === QrTextKind.OtpauthMigration) {
        const { drafts, batch } = parseMigrationUri(text.trim());
        result.drafts.push(...drafts);
        if (batch && batch.size > 1) result.batch = { index: batch.index, size: batch.size };
      } else if (kind.message) {
        result.notes.push(kind.message);
      }
    } catch (error) {
      if (!(error instanceof TwofoldError)) throw error;
      parseError ??= error;
    }
  }
  if (result.drafts.length > 0) return result;
  if (parseError) throw parseError;
  const [first, ...rest] = result.notes;
  if (source === 'text') {
    throw new NotAnOtpQrError(first ? msg('twoSentences', first, msg(NOT_FOUND.text)) : msg(NOT_FOUND.text));
  }
  // Every code was described (a found code always gets a note); one sentence after another.
  throw new NotAnOtpQrError(rest.reduce<LocalMessage>((said, note) => msg('twoSentences', said, note), first ?? msg(NOT_FOUND[source])));
}
