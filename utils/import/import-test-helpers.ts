/**
 * For the importers' tests: problems with their record and reason in English, the words a person
 * with an English browser reads, so that tests compare those rather than catalogue keys.
 */
import { inEnglish } from '../i18n/localize';
import type { AccountDraft } from '../otp/account';
import type { ImportProblem } from './import-types';

/** `problems` with record and reason put into English. */
export function englishProblems(problems: readonly ImportProblem[]): { record: string; reason: string }[] {
  return problems.map(({ record, reason }) => ({ record: inEnglish(record), reason: inEnglish(reason) }));
}

/** Two valid keys for test accounts. */
export const SECRET_A = 'JBSWY3DPEHPK3PXP';
export const SECRET_B = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** A GitHub/alice TOTP draft with the usual defaults, changed by `fields`. */
export const draft = (fields: Partial<AccountDraft>): AccountDraft => ({
  kind: 'totp',
  issuer: 'GitHub',
  label: 'alice',
  secret: SECRET_A,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  ...fields,
});
