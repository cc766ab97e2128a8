/**
 * The popup's first account list, asked for as the page starts, at the same time as the vault
 * status (instead of after it): most opens are of an unlocked vault, and this saves one
 * round trip to the background before the codes can be painted.
 */
import type { ReplyOf, Result } from '@/utils/messages';
import { sendRequest } from '@/utils/messaging/send-request';

type ListReply = Result<ReplyOf<'listAccounts'>>;

let early: Promise<ListReply> | null = null;

/** Starts the early request (call once, first thing). */
export function prefetchAccounts(): void {
  early = sendRequest('listAccounts');
}

/**
 * The early list if it succeeded, else a fresh request. Used once: a list taken later (after an
 * unlock, a change) must be fresh.
 */
export async function firstAccountList(): Promise<ListReply> {
  const pending = early;
  early = null;
  if (pending) {
    const result = await pending;
    if (result.ok) return result;
  }
  return sendRequest('listAccounts');
}
