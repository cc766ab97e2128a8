/**
 * Reads a pasted list of a site's recovery (backup) codes. Pure: no browser API.
 */

/** At most this many codes per account (sites print 8–16). */
export const MAX_RECOVERY_CODES = 100;
/** At most this many characters per code (sites use 6–20). */
export const MAX_RECOVERY_CODE_LENGTH = 64;

export const RecoveryCodesProblem = {
  Empty: 'empty',
  TooMany: 'too-many',
  TooLong: 'too-long',
} as const;
export type RecoveryCodesProblem = (typeof RecoveryCodesProblem)[keyof typeof RecoveryCodesProblem];

export type ParsedRecoveryCodes =
  | { ok: true; codes: string[] }
  | { ok: false; problem: RecoveryCodesProblem; /** The offending code, for `too-long`. */ code?: string };

/**
 * Splits `text` into codes: one per line, or separated by spaces, commas or semicolons;
 * each trimmed, empty ones dropped, repeats kept once (first occurrence, in order).
 * @returns the codes, or the problem: nothing to save, more than {@link MAX_RECOVERY_CODES}
 *   codes, or a code longer than {@link MAX_RECOVERY_CODE_LENGTH} characters. Never throws.
 */
export function parseRecoveryCodes(text: string): ParsedRecoveryCodes {
  const codes: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.split(/[\s,;]+/u)) {
    const code = raw.trim();
    if (code === '' || seen.has(code)) continue;
    if ([...code].length > MAX_RECOVERY_CODE_LENGTH) return { ok: false, problem: RecoveryCodesProblem.TooLong, code };
    seen.add(code);
    codes.push(code);
  }
  if (codes.length === 0) return { ok: false, problem: RecoveryCodesProblem.Empty };
  if (codes.length > MAX_RECOVERY_CODES) return { ok: false, problem: RecoveryCodesProblem.TooMany };
  return { ok: true, codes };
}
