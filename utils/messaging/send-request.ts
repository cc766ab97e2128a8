/**
 * The pages' side of the protocol: a typed request to the background that always resolves
 * to a Result (a dead background or a refused message becomes a failed Result too).
 *
 * A write in RECORDED_WRITES goes out with an operation id of its own. When its reply is lost
 * (the background stopped mid-write), the page asks whether that id is stored, and the Result
 * says what is true: saved (`saved-unanswered`) or not saved (`not-saved`); listeners of
 * `onLostReply` hear of it, so a page can show what is stored (the popup reloads its list).
 *
 * Uses the browser's own `browser`/`chrome` object (`@wxt-dev/browser`), not the
 * webextension-polyfill behind `wxt/browser`: the popup's first request goes out from a tiny
 * script before the rest of the popup has loaded (components/popup/opening.ts).
 */
import { browser } from '@wxt-dev/browser';
import { t } from '../i18n/message';
import type { ArgsOf, Envelope, ReplyOf, RequestName, Result } from '../messages';
import { settleLostWrite } from './settle-lost-write';

/**
 * The writes whose operation id the background records with the change (adds, edits, deletes):
 * a page that loses the reply to one of them asks `operationLanded` instead of guessing. Kept
 * here, beside the only reader: the background's handlers pass the id on (see its router).
 */
export const RECORDED_WRITES: ReadonlySet<RequestName> = new Set<RequestName>([
  'addAccount', 'deleteAccount', 'nextHotpCode', 'setPinned', 'reorderAccounts', 'updateAccount',
  'deleteAccountWithUndo', 'restoreAccount', 'confirmScan', 'confirmImport', 'setRecoveryCodes',
  'markRecoveryCodeUsed',
]);

const lostReplyListeners = new Set<(landed: boolean | null) => void>();

/**
 * Calls `listener` after a write's reply was lost, with whether the write is stored (null when
 * the background did not say). Returns the function that stops it.
 */
export function onLostReply(listener: (landed: boolean | null) => void): () => void {
  lostReplyListeners.add(listener);
  return () => void lostReplyListeners.delete(listener);
}

/** The reply to `envelope`, or undefined when none came back. */
async function deliver(envelope: Envelope): Promise<Result<unknown> | undefined> {
  try {
    const reply = (await browser.runtime.sendMessage(envelope)) as Result<unknown> | undefined;
    if (reply && typeof reply === 'object' && 'ok' in reply) return reply;
  } catch {
    // Falls through: the background did not answer (stopped, or not there).
  }
  return undefined;
}

export async function sendRequest<K extends RequestName>(
  name: K,
  ...rest: ArgsOf<K> extends void ? [] : [ArgsOf<K>]
): Promise<Result<ReplyOf<K>>> {
  const op = RECORDED_WRITES.has(name) ? crypto.randomUUID() : undefined;
  const envelope: Envelope<K> = { channel: 'twofold', name, args: rest[0] as ArgsOf<K>, ...(op === undefined ? {} : { op }) };
  const reply = await deliver(envelope);
  if (reply) return reply as Result<ReplyOf<K>>;
  // Worded here, from the browser's catalogue: there is no background to word it.
  if (op === undefined) return { ok: false, error: { code: 'internal', message: t('errNoAnswer') } };
  const { landed, result } = await settleLostWrite(
    () => deliver({ channel: 'twofold', name: 'operationLanded', args: { op } }) as Promise<Result<{ landed: boolean }> | undefined>,
    { saved: t('savedNoAnswer'), notSaved: t('errNotSavedNoAnswer'), noAnswer: t('errNoAnswer') },
  );
  for (const listener of lostReplyListeners) listener(landed);
  return result;
}

// For the end-to-end tests, as the worker's `twofoldCommand`: a burst of real page requests from
// an extension page. It opens nothing: any extension page can send these messages itself.
Object.assign(globalThis, { twofoldRequest: sendRequest });
