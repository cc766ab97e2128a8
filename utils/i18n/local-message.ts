/**
 * Words for the person, written down as a catalogue key and its substitutions rather than as a
 * sentence, so the pure core can say something without knowing the user's language: the
 * background puts it into that language when it replies (see ./localize.ts). Only types come from
 * the catalogue here, so a module that builds one stays free of the catalogue and of browser APIs.
 *
 * @see https://developer.chrome.com/docs/extensions/reference/api/i18n#method-getMessage
 */
import type { MessageKey } from './message';
import type { PluralKey } from './t';

type Catalog = typeof import('../../public/_locales/en/messages.json');

/**
 * What to show: a catalogue message, or a string shown as it is (a name, a number, a site, or a
 * technical detail that no catalogue translates).
 */
export type LocalText = LocalMessage | string;

/**
 * A catalogue message with its substitutions (`$1`…), each itself text to localize or a number
 * (written the way the user's locale writes numbers when the message is put into words).
 */
export interface LocalMessage {
  readonly key: MessageKey;
  readonly substitutions: readonly (LocalText | number)[];
}

/** What a message takes: one or more values when it declares placeholders, none otherwise. */
export type ArgumentsOf<K extends MessageKey> = K extends unknown
  ? Catalog[K] extends { placeholders: object }
    ? [LocalText | number, ...(LocalText | number)[]]
    : []
  : never;

/**
 * The message `key` with `substitutions` for its `$1`, `$2`… in order. Numbers stay numbers until
 * the message is put into words in the user's locale (`1.500` in German, `1,500` in English).
 * Whether the count matches the placeholders is checked by utils/i18n/error-messages.test.ts.
 */
export function msg<K extends MessageKey>(key: K, ...substitutions: ArgumentsOf<K>): LocalMessage {
  return { key, substitutions };
}

/**
 * The `_one` or `_other` form of a counted message, chosen by English rules (1 is singular).
 * That is right for every language Twofold ships as long as `count` is at least 1 (French counts
 * 0 as singular; Japanese and Chinese write both forms alike).
 */
export function plural<B extends PluralKey>(base: B, count: number): Extract<MessageKey, `${B}_one` | `${B}_other`> {
  return `${base}_${count === 1 ? 'one' : 'other'}` as Extract<MessageKey, `${B}_one` | `${B}_other`>;
}
