/**
 * Turns what the "type the key" form holds into an AccountDraft, or says which field is wrong.
 */
import { InvalidInputError, InvalidSecretError } from '../errors';
import { msg } from '../i18n/local-message';
import { type AccountDraft, OtpAlgorithm, OtpKind } from './account';
import { normalizeSecret } from './base32';
import {
  type Check,
  DraftBounds,
  nameLength,
  normalizeName,
  readAlgorithm,
  readCounter,
  readDigits,
  readKind,
  readPeriod,
  SteamParameters,
} from './draft-rules';

/** Form values as a form gives them: strings (or numbers from number inputs); blanks mean "default". */
export interface DraftInput {
  kind?: string;
  issuer?: string;
  label?: string;
  secret?: string;
  algorithm?: string;
  digits?: string | number;
  period?: string | number;
  counter?: string | number;
}

/** The fields a draft error can point at, as the form names its inputs. */
export const DraftField = {
  Kind: 'kind',
  Issuer: 'issuer',
  Label: 'label',
  Secret: 'secret',
  Algorithm: 'algorithm',
  Digits: 'digits',
  Period: 'period',
  Counter: 'counter',
} as const;
export type DraftField = (typeof DraftField)[keyof typeof DraftField];

const isBlank = (value: string | number | undefined): value is undefined | '' =>
  value === undefined || (typeof value === 'string' && value.trim() === '');

/** A form value without the spaces a person may leave around it (the readers take values exactly). */
const trimmed = <T extends string | number>(value: T): T => (typeof value === 'string' ? (value.trim() as T) : value);

function take<T>(check: Check<T>, field: DraftField): T {
  if (!check.ok) throw new InvalidInputError(check.message, { field });
  return check.value;
}

/**
 * Longest name text looked at, in UTF-16 code units: a name of 200 code points with spaces around
 * it fits easily. Longer text (a forged sync record, a hostile import) is refused before any regex.
 */
const MAX_NAME_TEXT_LENGTH = 4_096;

function readName(raw: string | undefined, field: typeof DraftField.Issuer | typeof DraftField.Label): string {
  const key = field === DraftField.Issuer ? 'errServiceNameTooLong' : 'errAccountNameTooLong';
  const text = raw ?? '';
  if (text.length > MAX_NAME_TEXT_LENGTH) {
    throw new InvalidInputError(msg(key, nameLength(text), DraftBounds.maxNameLength), { field });
  }
  const name = normalizeName(text);
  const length = nameLength(name);
  if (length > DraftBounds.maxNameLength) {
    throw new InvalidInputError(msg(key, length, DraftBounds.maxNameLength), { field });
  }
  return name;
}

/**
 * Checks and normalizes a manually entered account: trims names, normalizes the secret to canonical
 * base32, applies defaults for blank fields (TOTP, SHA1, 6 digits, 30 s, counter 0). Steam Guard
 * always gets 5 characters, 30 s and SHA1 whatever the form says; HOTP gets period 30 and TOTP/Steam
 * counter 0, so that a draft has one canonical form. Idempotent: a valid draft comes back equal.
 * @throws InvalidInputError with `field` set to the input at fault and a message for the person,
 *   e.g. field "issuer": "Give the account a name so you can tell it apart." when both names are
 *   empty; field "secret" with {@link normalizeSecret}'s message (the InvalidSecretError as `cause`).
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function validateDraft(input: DraftInput): AccountDraft {
  const kind = isBlank(input.kind) ? OtpKind.Totp : take(readKind(input.kind), DraftField.Kind);

  const issuer = readName(input.issuer, DraftField.Issuer);
  const label = readName(input.label, DraftField.Label);
  if (issuer === '' && label === '') {
    throw new InvalidInputError(msg('editNameMissing'), { field: DraftField.Issuer });
  }

  let secret: string;
  try {
    secret = normalizeSecret(input.secret ?? '');
  } catch (error) {
    if (error instanceof InvalidSecretError) {
      throw new InvalidInputError(error.text, { field: DraftField.Secret, cause: error });
    }
    throw error;
  }

  if (kind === OtpKind.Steam) {
    return { kind, issuer, label, secret, ...SteamParameters, counter: 0 };
  }

  const algorithm: OtpAlgorithm = isBlank(input.algorithm)
    ? OtpAlgorithm.Sha1
    : take(readAlgorithm(input.algorithm.trim()), DraftField.Algorithm);
  const digits = isBlank(input.digits) ? DraftBounds.defaultDigits : take(readDigits(trimmed(input.digits), kind), DraftField.Digits);

  if (kind === OtpKind.Hotp) {
    const counter = isBlank(input.counter) ? 0 : take(readCounter(trimmed(input.counter)), DraftField.Counter);
    return { kind, issuer, label, secret, algorithm, digits, period: DraftBounds.defaultPeriod, counter };
  }
  const period = isBlank(input.period) ? DraftBounds.defaultPeriod : take(readPeriod(trimmed(input.period)), DraftField.Period);
  return { kind, issuer, label, secret, algorithm, digits, period, counter: 0 };
}
