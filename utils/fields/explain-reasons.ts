/**
 * The scorer's reasons in words. `planFill` and `scoreField` record why as short codes
 * (`Reason`): the fill agent that ships the scorer never shows them, so their sentences stay
 * out of it and live here, for tests, the bench and whoever debugs a page.
 */
import { NEGATIVE_SIGNAL } from './classify-text';
import { NegativeFamily } from './keywords';
import type { Reason, ReasonCode } from './plan-fill';

/** The negative families in a `Signal` mask, by name ("promo, phone"). */
function familyNames(mask: number): string {
  return Object.values(NegativeFamily)
    .filter((family) => (mask & NEGATIVE_SIGNAL[family]) !== 0)
    .join(', ');
}

/** Types that never hold a code and say why in fewer words than "cannot hold a code". */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  email: 'type=email is an e-mail address',
  search: 'type=search is a search box',
  hidden: 'type=hidden cannot be seen',
};

const WORDS: Readonly<Record<ReasonCode, (detail: string | number | undefined, points: number | undefined) => string>> = {
  'not-input': (tag) => `<${tag}> is not an input`,
  type: (type) => TYPE_WORDS[String(type)] ?? `type=${type} cannot hold a code`,
  'not-visible': () => 'not visible',
  disabled: () => 'disabled',
  'read-only': () => 'read-only',
  'too-short': (length) => `maxlength=${length} is too short for a code`,
  ac: () => 'autocomplete="one-time-code"',
  'ac-other': (value) => `autocomplete="${value}" names another kind of field`,
  veto: (mask) => `the field's attributes or label name it something else: ${familyNames(Number(mask))}`,
  'self-named': (mask) => `the field names itself something else (${familyNames(Number(mask))}) and nothing on it names a one-time code`,
  'own-neg': (mask, points) => `negative family in the field's attributes or label: ${familyNames(Number(mask))} (${points})`,
  sent: (channel) => `the prompt is for a code sent elsewhere (${channel}), not an authenticator app`,
  'own-otc': () => "one-time-code keyword in the field's attributes or label",
  'own-app': () => "authenticator app named in the field's attributes or label",
  'near-app': () => 'authenticator app named just before the field',
  'form-app': () => 'authenticator app named in the form',
  'page-app': () => 'authenticator app named in the page headings',
  'own-code': () => '"code" in the field\'s attributes or label',
  'near-otc': () => 'one-time-code keyword just before the field',
  'near-code': () => '"code" just before the field',
  'near-neg': (mask) => `negative family just before the field: ${familyNames(Number(mask))}`,
  'form-otc': () => 'one-time-code keyword in the form',
  'form-code': () => '"code" in the form',
  'page-otc': () => 'one-time-code keyword in the page title or headings',
  inputmode: (mode) => `inputmode=${mode}`,
  number: () => 'type=number',
  pattern: () => 'numeric pattern',
  masked: () => 'type=password: a masked code field',
  maxlength: (length) => `maxlength=${length}`,
  'tel-weak': () => 'type=tel without strong one-time-code evidence is a phone number',
  'tel-phone-near': () => 'type=tel with phone words just before it is a phone number',
  'tel-phone': () => 'type=tel named a phone is a phone number',
  'pw-no-code': () => 'type=password without code words on the field is a password',
  'pw-login': () => 'type=password beside a username is the sign-in password',
  'pw-named': () => 'type=password named a password is a password',
  pin: (count) => `${count} boxes without code words are a PIN`,
  split: (count) => `${count} single-character boxes in a row`,
  chosen: () => 'the field the user chose',
};

/**
 * The reasons of a plan or a field score, one sentence each, in the order they were found.
 * An unknown code (from another version of the scorer) is kept as it is.
 */
export function explainReasons(reasons: readonly Reason[]): string[] {
  return reasons.map(([code, detail, points]) => WORDS[code]?.(detail, points) ?? code);
}
