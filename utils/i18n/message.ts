/**
 * The smallest typed access to the browser's i18n catalogue, for content scripts as much as for
 * pages: it reads messages through the browser's own `browser`/`chrome` object
 * (`@wxt-dev/browser`), not the webextension-polyfill, so a content script that imports it grows
 * by a few dozen bytes. The catalogue is read by the browser at run time; only its type is
 * imported here.
 *
 * @see https://developer.chrome.com/docs/extensions/reference/api/i18n#method-getMessage
 */
import { browser } from '@wxt-dev/browser';

type Catalog = typeof import('@/public/_locales/en/messages.json');

/** Every message name in the catalogue. */
export type MessageKey = keyof Catalog;

/** The substitutions a message takes: required when it declares placeholders, none otherwise. */
export type SubstitutionsOf<K extends MessageKey> = Catalog[K] extends { placeholders: object }
  ? [substitutions: string | readonly string[]]
  : [];

/**
 * The message `key` in the browser's language (falling back to English), with `$1`… filled in
 * from `substitutions`. Returns the key itself if the browser has no such message, so a gap is
 * visible rather than blank.
 */
export function t<K extends MessageKey>(key: K, ...substitutions: SubstitutionsOf<K>): string {
  return lookUp(key, substitutions[0]);
}

/** `t` without the key check, for keys built at run time (the `_one`/`_other` forms). */
export function lookUp(key: string, substitutions: string | readonly string[] | undefined): string {
  const subs = typeof substitutions === 'string' ? substitutions : substitutions && [...substitutions];
  return browser.i18n.getMessage(key, subs) || key;
}
