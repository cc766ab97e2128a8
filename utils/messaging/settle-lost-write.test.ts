import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../error-codes';
import type { Result } from '../messages';
import { LANDED_TRIES, settleLostWrite } from './settle-lost-write';

const WORDS = { saved: 'Saved.', notSaved: 'Not saved.', noAnswer: 'No answer.' };
type Answer = Result<{ landed: boolean }> | undefined | 'throws';

/** An `operationLanded` sender that gives `answers` in turn, and counts its calls. */
function asker(answers: Answer[]) {
  const calls = { count: 0 };
  const ask = async () => {
    const answer = answers[Math.min(calls.count, answers.length - 1)];
    calls.count += 1;
    if (answer === 'throws') throw new Error('Could not establish connection. Receiving end does not exist.');
    return answer;
  };
  return { ask, calls };
}

describe('settleLostWrite', () => {
  it.each([
    { name: 'stored', answers: [{ ok: true, value: { landed: true } }], landed: true, code: ErrorCode.SavedUnanswered, message: 'Saved.', asked: 1 },
    { name: 'not stored', answers: [{ ok: true, value: { landed: false } }], landed: false, code: ErrorCode.NotSaved, message: 'Not saved.', asked: 1 },
    // The first question may find the worker still stopping: asked again, the new one answers.
    { name: 'stored, answered on the second try', answers: ['throws', { ok: true, value: { landed: true } }], landed: true, code: ErrorCode.SavedUnanswered, message: 'Saved.', asked: 2 },
    { name: 'not stored, after a silent try', answers: [undefined, { ok: true, value: { landed: false } }], landed: false, code: ErrorCode.NotSaved, message: 'Not saved.', asked: 2 },
    // A refused question (e.g. the vault locked meanwhile) tells nothing about the write.
    { name: 'the question refused every time', answers: [{ ok: false, error: { code: ErrorCode.VaultLocked, message: 'Locked.' } }], landed: null, code: ErrorCode.Internal, message: 'No answer.', asked: LANDED_TRIES },
    { name: 'no background at all', answers: ['throws'], landed: null, code: ErrorCode.Internal, message: 'No answer.', asked: LANDED_TRIES },
  ] as { name: string; answers: Answer[]; landed: boolean | null; code: string; message: string; asked: number }[])(
    '$name',
    async ({ answers, landed, code, message, asked }) => {
      const { ask, calls } = asker(answers);
      const settled = await settleLostWrite(ask, WORDS);
      expect(settled).toEqual({ landed, result: { ok: false, error: { code, message } } });
      expect(calls.count).toBe(asked);
    },
  );
});
