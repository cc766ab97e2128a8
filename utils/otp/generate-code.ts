/**
 * One-time codes: HOTP (RFC 4226), TOTP (RFC 6238) and Steam Guard. Synchronous and pure:
 * time comes in as a parameter, HMAC comes from `otpauth` (Node's crypto in Node, its bundled
 * @noble/hashes in the browser build), nothing touches a browser API.
 */
import { HOTP, Secret } from 'otpauth';
import { InvalidInputError } from '../errors';
import { msg } from '../i18n/local-message';
import { type AccountDraft, OtpKind } from './account';
import { decodeBase32 } from './base32';
import { DraftBounds, SteamParameters } from './draft-rules';

/** What code generation needs from an account. */
export type CodeAccount = Pick<AccountDraft, 'kind' | 'secret' | 'algorithm' | 'digits' | 'period' | 'counter'>;

/** Steam Guard's 26-character alphabet (digits and consonants that cannot be confused or spell words). */
const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';

function checkPeriod(period: number): void {
  if (!(Number.isFinite(period) && period > 0)) {
    throw new InvalidInputError(msg('errPeriodNotPositive', String(period)), { field: 'period' });
  }
}

function checkNow(now: number): void {
  if (!(Number.isFinite(now) && now >= 0)) {
    throw new InvalidInputError(msg('errClock', String(now)), { field: 'now' });
  }
}

/**
 * The TOTP time step T = floor(now / period), counted from the Unix epoch.
 * @param period step length in seconds (positive)
 * @param now milliseconds since the Unix epoch (non-negative)
 * @throws InvalidInputError (field "period" or "now") for a non-positive period or a negative or non-finite time.
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-4.2
 */
export function timeStep(period: number, now: number): number {
  checkPeriod(period);
  checkNow(now);
  // One division of integers (ms / ms) rounds once, so a step boundary never lands a step early.
  return Math.floor(now / (period * 1000));
}

/**
 * Whole seconds until the current code changes, for the popup's countdown: `period` right at the
 * start of a step, 1 during its last second.
 * @param period step length in seconds (a positive whole number)
 * @param now milliseconds since the Unix epoch
 * @returns an integer in 1..period
 * @throws InvalidInputError as {@link timeStep}.
 */
export function secondsRemaining(period: number, now: number): number {
  checkPeriod(period);
  checkNow(now);
  const stepMs = period * 1000;
  const remainingMs = stepMs - (now % stepMs);
  return Math.min(Math.ceil(period), Math.max(1, Math.ceil(remainingMs / 1000)));
}

/**
 * Makes the code an account shows at time `now`.
 * - totp: RFC 6238 with the account's algorithm, digits (6–8) and period.
 * - hotp: RFC 4226 at the account's counter (`now` is not used).
 * - steam: Steam Guard: the RFC 4226 31-bit dynamic-truncation value of HMAC-SHA1 over the 30-second
 *   time step, written as 5 characters of "23456789BCDFGHJKMNPQRTVWXY" by repeatedly taking value % 26
 *   (least significant first); the account's digits/period/algorithm are ignored.
 * @param now milliseconds since the Unix epoch
 * @returns the code as a string (leading zeros kept)
 * @throws InvalidSecretError when the secret is not base32; InvalidInputError (field set) for digits
 *   outside 6–8, a non-positive period, a negative or unsafe counter, or a bad time.
 * @see https://www.rfc-editor.org/rfc/rfc4226#section-5.3
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-4
 */
export function generateCode(account: CodeAccount, { now }: { now: number }): string {
  const secret = new Secret({ buffer: decodeBase32(account.secret).buffer });

  if (account.kind === OtpKind.Steam) {
    // With 10 digits, "% 10^10" leaves the 31-bit truncated value (< 2^31 < 10^10) untouched,
    // so otpauth hands us exactly the number Steam's encoding starts from.
    const counter = timeStep(SteamParameters.period, now);
    let value = Number(HOTP.generate({ secret, algorithm: SteamParameters.algorithm, digits: 10, counter }));
    let code = '';
    for (let i = 0; i < SteamParameters.digits; i++) {
      code += STEAM_ALPHABET[value % STEAM_ALPHABET.length];
      value = Math.floor(value / STEAM_ALPHABET.length);
    }
    return code;
  }

  const { digits } = account;
  if (!(Number.isInteger(digits) && digits >= DraftBounds.minDigits && digits <= DraftBounds.maxDigits)) {
    throw new InvalidInputError(msg('errDigits', String(digits)), { field: 'digits' });
  }

  if (account.kind === OtpKind.Hotp) {
    const { counter } = account;
    if (!(Number.isSafeInteger(counter) && counter >= 0)) {
      throw new InvalidInputError(msg('errCounter', Number.MAX_SAFE_INTEGER, String(counter)), { field: 'counter' });
    }
    return HOTP.generate({ secret, algorithm: account.algorithm, digits, counter });
  }

  return HOTP.generate({ secret, algorithm: account.algorithm, digits, counter: timeStep(account.period, now) });
}
