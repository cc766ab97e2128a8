/**
 * Puts a {@link LocalMessage} into words: in the user's language through a translator (the
 * browser's `i18n.getMessage` in the background), else in English from the English catalogue
 * when one was given with {@link useEnglishCatalog}.
 *
 * The extension does not bundle the English catalogue (112 KB, most of what the service worker
 * would otherwise load at every start): the browser's `getMessage` already falls back to English,
 * the default locale. Unit tests and Node scripts, which have no browser, give it the catalogue
 * (tests/unit/setup-english-catalog.ts); the background gives its own translator to
 * {@link useErrorTranslate}, so that `Error.message`s read well in its logs.
 *
 * @see https://developer.chrome.com/docs/extensions/reference/api/i18n#method-getMessage
 * @see https://developer.chrome.com/docs/extensions/how-to/ui/localization-message-formats
 */
import type { LocalText } from './local-message';

/** One message of a `messages.json` catalogue. */
export interface CatalogEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

let english: Readonly<Record<string, CatalogEntry>> | null = null;
let errorTranslate: Translate = () => '';

/** Gives the English catalogue (`public/_locales/en/messages.json`) for the English fallback. */
export function useEnglishCatalog(catalog: Readonly<Record<string, CatalogEntry>>): void {
  english = catalog;
}

/** The translator {@link inEnglish} tries first (the extension's own, where there is no English catalogue). */
export function useErrorTranslate(translate: Translate): void {
  errorTranslate = translate;
}

/**
 * A message by key in the user's language with `$1`… filled from `substitutions`, as
 * `browser.i18n.getMessage` does; "" when it has none (the caller then falls back to English).
 */
export type Translate = (key: string, substitutions: string[]) => string;

/** Writes a number the way the user's locale does. */
export type FormatNumber = (value: number) => string;

/**
 * Text for `Error.message`, logs and tests: the English catalogue's message with its
 * substitutions filled in (numbers as plain digits), or where the catalogue was not given, the
 * words of the translator given to {@link useErrorTranslate} (the browser's, in the extension).
 */
export function inEnglish(text: LocalText): string {
  return localize(text, english !== null ? () => '' : errorTranslate);
}

/**
 * Text in the user's language: substitutions first (a substitution may itself be a message),
 * then the message through `translate`, in English when `translate` has nothing for it.
 */
export function localize(text: LocalText, translate: Translate, formatNumber: FormatNumber = String): string {
  if (typeof text === 'string') return text;
  const substitutions = text.substitutions.map((part) =>
    typeof part === 'number' ? formatNumber(part) : localize(part, translate, formatNumber),
  );
  return translate(text.key, substitutions) || formatMessage(english?.[text.key], substitutions) || text.key;
}

/**
 * Fills a catalogue entry the way the browser does: each named placeholder `$name$` (any letter
 * case) becomes its `content`, then `$1`…`$9` become the substitutions (missing ones empty) and
 * `$$` a dollar sign. Returns "" for an entry that does not exist.
 */
export function formatMessage(entry: CatalogEntry | undefined, substitutions: readonly string[]): string {
  if (!entry) return '';
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), content]));
  const template = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/gu, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole);
  return template.replace(/\$(\$|[1-9])/gu, (_, mark: string) => (mark === '$' ? '$' : (substitutions[Number(mark) - 1] ?? '')));
}
