/**
 * Type-safe access to the browser's i18n catalogue (`public/_locales/<lang>/messages.json`).
 *
 * Keys come from the English catalogue's type, so a misspelt or missing key is a compile
 * error; a message with placeholders must be given its substitutions, one without must not.
 * Only the type is imported: the catalogue itself stays out of the bundle.
 *
 * @see https://developer.chrome.com/docs/extensions/reference/api/i18n
 */
import { browser } from '@wxt-dev/browser';
import { lookUp, t, type MessageKey, type SubstitutionsOf } from './message';

export { t, type MessageKey, type SubstitutionsOf };

/** Message names that come in a `_one` / `_other` pair, without the suffix. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_one` ? (`${Base}_other` extends MessageKey ? Base : never) : never;
}[MessageKey];

/**
 * The `_one` or `_other` form of a counted message for `count` in the UI language's plural
 * rules; `$1` is the count written in the user's locale, `rest` fill `$2`….
 * @see https://developer.mozilla.org/docs/Web/JavaScript/Reference/Global_Objects/Intl/PluralRules
 */
export function tCount(key: PluralKey, count: number, ...rest: string[]): string {
  const form = pluralRules().select(count) === 'one' ? 'one' : 'other';
  return lookUp(`${key}_${form}`, [formatNumber(count), ...rest]);
}

/**
 * A message with rich parts: each `$n` placeholder is replaced by `values[n-1]` as it is (an
 * element, say), the text around them stays text. For wording like "This tab is on <b>site</b>"
 * where translators must be free to move the bold part.
 */
export function tParts<T>(key: MessageKey, values: readonly T[]): (string | T)[] {
  const marks = values.map((_, i) => `\u0001${i}\u0002`);
  const text = lookUp(key, marks);
  return text.split(/(\u0001\d+\u0002)/u).filter((part) => part !== '').map((part) => {
    const match = /^\u0001(\d+)\u0002$/u.exec(part);
    return match ? values[Number(match[1])]! : part;
  });
}

/** The language the catalogue in use is written in (a BCP 47 tag for `lang` and `Intl`). */
export function uiLanguage(): string {
  return lookUp('lang', undefined) || 'en';
}

/** `value` written the way the user's locale writes numbers. */
export function formatNumber(value: number): string {
  return numberFormat().format(value);
}

/** A date (ms since epoch) in the user's locale, e.g. "12 March 2025" or "2025年3月12日". */
export function formatDate(ms: number): string {
  return new Intl.DateTimeFormat(locales(), { dateStyle: 'long' }).format(ms);
}

/** `items` as one phrase in the user's locale: "2, 3 and 4", "2, 3 et 4", "2、3、4". */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(locales(), { type: 'conjunction' }).format(items);
}

/**
 * What goes between two sentences shown one after the other: a space, or nothing in the
 * languages written without spaces between sentences (Japanese, Chinese).
 */
export function sentenceGap(): string {
  return /^(ja|zh)\b/u.test(uiLanguage()) ? '' : ' ';
}

/** The browser's own locale first (it may be more exact: "de-AT"), then the catalogue's. */
function locales(): string[] {
  return [browser.i18n.getUILanguage(), uiLanguage()];
}

let cachedNumberFormat: Intl.NumberFormat | undefined;
let cachedPluralRules: Intl.PluralRules | undefined;
function numberFormat(): Intl.NumberFormat {
  return (cachedNumberFormat ??= new Intl.NumberFormat(locales()));
}
function pluralRules(): Intl.PluralRules {
  return (cachedPluralRules ??= new Intl.PluralRules(uiLanguage()));
}
