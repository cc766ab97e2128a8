/**
 * The record of which page writes are stored: a short list of operation ids (utils/messages.ts,
 * Envelope.op) that the background saves in the same storage write as each change. Pure: the
 * background reads and writes the list; this decides what it holds.
 */
import { isOperationId } from '../messages';

/** How many ids are kept: far more than the writes a page can have in flight at once. */
export const MAX_OPERATION_IDS = 500;

/** The ids in a stored list, oldest first; anything else (absent, damaged) reads as none. */
export function readOperationIds(stored: unknown): string[] {
  return Array.isArray(stored) ? stored.filter(isOperationId) : [];
}

/**
 * The list after recording `op`: appended last, the oldest dropped beyond `max`.
 * @throws TypeError when `op` is not an operation id (the router lets none through).
 */
export function withOperationId(ids: readonly string[], op: string, max = MAX_OPERATION_IDS): string[] {
  if (!isOperationId(op)) throw new TypeError('Not an operation id.');
  const next = ids.filter((id) => id !== op);
  next.push(op);
  return next.slice(Math.max(0, next.length - max));
}
