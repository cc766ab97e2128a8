/**
 * What a page tells the person about a write whose reply it lost (the background stopped, or
 * the message port closed): it asks the background whether the write's operation id is stored
 * (`operationLanded`) and answers from that, never from a guess. Pure: the sending is given.
 */
import { ErrorCode } from '../error-codes';
import type { Result } from '../messages';

/** How often `operationLanded` is asked before giving up: the first try may find no background yet. */
export const LANDED_TRIES = 3;

/** The three answers a lost write can get, each with its words for the person. */
export interface LostWriteWords {
  /** The write is stored, but its reply was lost. */
  saved: string;
  /** The write is not stored, and never will be. */
  notSaved: string;
  /** The background did not answer the question either. */
  noAnswer: string;
}

/**
 * The Result to hand back for a write with operation id `op` whose reply was lost: `saved-unanswered`
 * when it is stored (a failed Result, as the reply's value is gone, whose words say it is saved),
 * `not-saved` when it is not, and `internal` ("did not answer") when the background stays silent.
 *
 * @param ask sends `operationLanded` for `op`; undefined when no answer came back
 */
export async function settleLostWrite(
  ask: () => Promise<Result<{ landed: boolean }> | undefined>,
  words: LostWriteWords,
  tries = LANDED_TRIES,
): Promise<{ landed: boolean | null; result: Result<never> }> {
  for (let i = 0; i < tries; i++) {
    const reply = await ask().catch(() => undefined);
    if (reply?.ok) {
      return reply.value.landed
        ? { landed: true, result: { ok: false, error: { code: ErrorCode.SavedUnanswered, message: words.saved } } }
        : { landed: false, result: { ok: false, error: { code: ErrorCode.NotSaved, message: words.notSaved } } };
    }
  }
  return { landed: null, result: { ok: false, error: { code: ErrorCode.Internal, message: words.noAnswer } } };
}
