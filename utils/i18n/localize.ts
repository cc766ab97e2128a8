/**
 * Puts a {@link LocalMessage} into words: in the user's language through a translator (the
 * browser's `i18n.getMessage` in the background), else in English from the English catalogue,
 * which is bundled here. This is the one module that imports the catalogue as data: keep it out
 * of extension pages and content scripts (they use ./t.ts, which asks the browser).
 *
 * @see https://developer.chrome.com/docs/extensions/reference/api/i18n#method-getMessage
 * @see https://developer.chrome.com/docs/extensions/how-to/ui/localization-message-formats
 */
import catalog from '../../public/_locales/en/messages.json' with { type: 'json' };
import type { LocalText } from './local-message';

interface CatalogEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const english: Readonly<Record<string, CatalogEntry>> = catalog;

/**
 * A message by key in the user's language with `$1`… filled from `substitutions`, as
 * `browser.i18n.getMessage` does; "" when it has none (the caller then falls back to English).
 */
export type Translate = (key: string, substitutions: string[]) => string;

/** Writes a number the way the user's locale does. */
export type FormatNumber = (value: number) => string;

/**
 * Text in English: the English catalogue's message with its substitutions filled in (numbers as
 * plain digits: this is the text for logs, tests and a last resort).
 */
export function inEnglish(text: LocalText): string {
  return localize(text, () => '');
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
  return translate(text.key, substitutions) || formatMessage(english[text.key], substitutions) || text.key;
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
