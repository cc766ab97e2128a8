/**
 * What pages may see of accounts: everything but the secret, and codes made in the
 * background. Pure: time comes in as `now` (ms since epoch).
 */
import type { AccountEntry } from '../otp/account';
import { generateCode } from '../otp/generate-code';
import type { AccountView, CodeView } from '../messages';

/** The account without its secret and recovery codes (only how many of those are left). */
export function toAccountView(entry: AccountEntry): AccountView {
  const { secret: _secret, recoveryCodeList: codes, ...view } = entry;
  if (codes === undefined || codes.length === 0) return view;
  return { ...view, recoveryCodesLeft: codes.filter((c) => c.usedAt === undefined).length };
}

/**
 * The code to show for `entry` at `now`, with the next TOTP code and when this one expires.
 * HOTP codes have no expiry: they stay until the user asks for the next one.
 */
export function toCodeView(entry: AccountEntry, now: number): CodeView {
  const code = generateCode(entry, { now });
  if (entry.kind === 'hotp') return { id: entry.id, code };
  const periodMs = entry.period * 1000;
  const validUntil = (Math.floor(now / periodMs) + 1) * periodMs;
  return { id: entry.id, code, nextCode: generateCode(entry, { now: validUntil }), validUntil };
}

/** Accounts in display order: pinned first, then by `order`, then oldest first. */
export function sortAccounts<T extends Pick<AccountEntry, 'pinned' | 'order' | 'createdAt'>>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) => Number(b.pinned) - Number(a.pinned) || a.order - b.order || a.createdAt - b.createdAt,
  );
}

/** The saved account with the same secret (and kind), if any: a re-scan of the same QR. */
export function findDuplicate(entries: readonly AccountEntry[], secret: string, kind: AccountEntry['kind']): AccountEntry | undefined {
  return entries.find((e) => e.secret === secret && e.kind === kind);
}

/**
 * Code views for whole lists, each remembered until its account's time step (TOTP, Steam) or
 * counter (HOTP) moves on, so opening the popup again within a period makes no new codes. Keyed
 * by everything a code depends on, so an edited or synced account never shows a stale code.
 * Only the last list's views are kept; `clear` forgets them all (on lock).
 */
export class CodeViewMemo {
  private last = new Map<string, CodeView>();

  views(entries: readonly AccountEntry[], now: number): CodeView[] {
    const next = new Map<string, CodeView>();
    const views = entries.map((entry) => {
      const key = memoKey(entry, now);
      const view = this.last.get(key) ?? toCodeView(entry, now);
      next.set(key, view);
      return view;
    });
    this.last = next;
    return views;
  }

  clear(): void {
    this.last = new Map();
  }
}

function memoKey(entry: AccountEntry, now: number): string {
  const moment = entry.kind === 'hotp' ? entry.counter : Math.floor(now / (entry.period * 1000));
  return [entry.id, entry.kind, entry.secret, entry.algorithm, entry.digits, entry.period, moment].join('\n');
}
