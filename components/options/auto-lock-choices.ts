/**
 * The auto-lock times the options page offers, in minutes (0 means never), and how each reads.
 */
import { t, tCount } from '@/utils/i18n/t';

/** Offered in this order; 15 minutes is the default the background starts with. */
export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 240, 0] as const;

/**
 * A time in minutes as a person reads it, in the UI language: "1 minute", "15 minutes",
 * "4 hours", "Never" ("4 Stunden", "4 時間").
 * @param minutes whole minutes; 0 means never.
 */
export function autoLockLabel(minutes: number): string {
  if (minutes === 0) return t('autoLockNever');
  if (minutes % 60 === 0) return tCount('autoLockHours', minutes / 60);
  return tCount('autoLockMinutes', minutes);
}

/**
 * The choices to show for a stored value: the usual ones, plus the stored one in order when it
 * is not among them (set by an older version or by hand), so the select never lies about it.
 */
export function autoLockChoicesFor(current: number): number[] {
  const choices: number[] = [...AUTO_LOCK_CHOICES];
  if (choices.includes(current)) return choices;
  const timed = [...choices.filter((m) => m > 0), current].sort((a, b) => a - b);
  return [...timed, 0];
}
