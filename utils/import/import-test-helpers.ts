/**
 * For the importers' tests: problems with their record and reason in English, the words a person
 * with an English browser reads, so that tests compare those rather than catalogue keys.
 */
import { inEnglish } from '../i18n/localize';
import type { ImportProblem } from './import-types';

/** `problems` with record and reason put into English. */
export function englishProblems(problems: readonly ImportProblem[]): { record: string; reason: string }[] {
  return problems.map(({ record, reason }) => ({ record: inEnglish(record), reason: inEnglish(reason) }));
}
