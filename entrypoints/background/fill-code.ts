/**
 * Codes for filling: when the current TOTP code is about to expire, the next one is worth the
 * wait, since a code typed into a page still has to travel to the site and be checked there.
 */
import type { AccountEntry } from '@/utils/otp/account';
import { generateCode } from '@/utils/otp/generate-code';

/** A code with less than this left (ms) is not filled: the next one is waited for. */
export const MIN_FILL_VALIDITY_MS = 3000;
// Margin past the step boundary, so the wait never ends a hair before it (timers run early/late).
const BOUNDARY_MARGIN_MS = 50;

/**
 * How long to wait (ms) before making a code to fill for `entry` at `now`: 0 unless it is
 * time-based and its code has under `MIN_FILL_VALIDITY_MS` left, then until the next step.
 * HOTP codes do not expire.
 *
 * @param entry the account (`kind`, `period`)
 * @param now ms since the Unix epoch
 */
export function fillWaitMs(entry: Pick<AccountEntry, 'kind' | 'period'>, now: number): number {
  if (entry.kind === 'hotp') return 0;
  // Steam codes change every 30 s whatever the stored period says.
  const periodMs = (entry.kind === 'steam' ? 30 : entry.period) * 1000;
  const left = periodMs - (now % periodMs);
  return left < MIN_FILL_VALIDITY_MS ? left + BOUNDARY_MARGIN_MS : 0;
}

/**
 * The code to fill for `entry`: waits (with `sleep`) for the next step when the current code is
 * about to expire. Throws what `generateCode` throws.
 *
 * @param clock the time source and the sleep, given so tests need not wait
 */
export async function codeToFill(
  entry: AccountEntry,
  clock: { now: () => number; sleep: (ms: number) => Promise<void> },
): Promise<string> {
  const wait = fillWaitMs(entry, clock.now());
  if (wait > 0) await clock.sleep(wait);
  return generateCode(entry, { now: clock.now() });
}
