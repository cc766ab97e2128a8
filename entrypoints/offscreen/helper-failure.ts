import type { HelperReply } from '@/utils/helper-messages';
import { ErrorCode, TwofoldError } from '@/utils/errors';

/** A failed helper request as a result that keeps a Twofold error's code, words and field. */
export function toHelperFailure(error: unknown): Extract<HelperReply, { ok: false }> {
  if (error instanceof TwofoldError) {
    const field = (error as { field?: unknown }).field;
    return { ok: false, error: { code: error.code, text: error.text, ...(typeof field === 'string' ? { field } : {}) } };
  }
  return { ok: false, error: { code: ErrorCode.Internal, detail: error instanceof Error ? error.message : String(error) } };
}
