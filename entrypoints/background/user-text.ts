/**
 * Words the background sends to pages and content scripts, in the user's language: the pure
 * core says what to show as catalogue messages (utils/i18n/local-message.ts), and this puts them
 * into words with the browser's catalogue, in English where it has no translation.
 */
// The browser's own i18n, as utils/i18n/message.ts reads it: its getMessage takes any key, where
// wxt/browser's is typed with the keys known at the last `wxt prepare`.
import { browser } from '@wxt-dev/browser';
import type { LocalText } from '@/utils/i18n/local-message';
import { localize, type FormatNumber, type Translate } from '@/utils/i18n/localize';

/**
 * The browser's catalogue in its UI language (`i18n.getMessage` works in the MV3 service
 * worker); "" when it has no such message, or no i18n at all (the fake browser of unit tests),
 * so that the English text is used.
 * @see https://developer.chrome.com/docs/extensions/reference/api/i18n#method-getMessage
 */
export const browserTranslate: Translate = (key, substitutions) => {
  try {
    return browser.i18n.getMessage(key, substitutions);
  } catch {
    return '';
  }
};

let numbers: Intl.NumberFormat | undefined;

/** A number as the browser's UI language writes it (plain digits if that cannot be had). */
export const browserFormatNumber: FormatNumber = (value) => {
  try {
    numbers ??= new Intl.NumberFormat(browser.i18n.getUILanguage());
    return numbers.format(value);
  } catch {
    return String(value);
  }
};

/** `text` in the user's language (English where `translate` has nothing), numbers in its locale. */
export function userText(text: LocalText, translate: Translate = browserTranslate, formatNumber: FormatNumber = browserFormatNumber): string {
  return localize(text, translate, formatNumber);
}
