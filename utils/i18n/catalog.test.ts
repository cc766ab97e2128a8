import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Catalog = Record<string, Entry>;

const root = join(import.meta.dirname, '..', '..', 'public', '_locales');
const read = (lang: string): Catalog => JSON.parse(readFileSync(join(root, lang, 'messages.json'), 'utf8')) as Catalog;
const english = read('en');
const locales = readdirSync(root).sort();
const tokens = (message: string) => [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

describe('the _locales catalogues', () => {
  it('cover the languages issue 6 promises', () => {
    expect(locales).toEqual(['de', 'en', 'es', 'fr', 'ja', 'zh_CN']);
  });

  it('English describes every message for translators', () => {
    for (const [key, entry] of Object.entries(english)) expect(entry.description, key).toBeTruthy();
  });

  it.each(locales.map((lang) => ({ lang })))('$lang has exactly the English keys, each with the same placeholders', ({ lang }) => {
    const catalog = read(lang);
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort());
    for (const [key, entry] of Object.entries(catalog)) {
      const declared = Object.keys(entry.placeholders ?? {}).sort();
      expect(declared, `${lang}/${key} placeholders`).toEqual(Object.keys(english[key]!.placeholders ?? {}).sort());
      // Every declared placeholder is used once or more, and nothing undeclared is referenced.
      expect([...new Set(tokens(entry.message))], `${lang}/${key} uses its placeholders`).toEqual(declared);
      for (const name of declared) {
        expect(entry.placeholders![name]!.content, `${lang}/${key}`).toBe(english[key]!.placeholders![name]!.content);
      }
      expect(entry.message.trim(), `${lang}/${key} is not empty`).not.toBe('');
    }
  });

  it.each(locales.map((lang) => ({ lang })))('$lang keeps the manifest name and description within the stores’ limits', ({ lang }) => {
    const catalog = read(lang);
    expect([...catalog.extName!.message].length).toBeLessThanOrEqual(75);
    expect([...catalog.extDescription!.message].length).toBeLessThanOrEqual(132);
  });

  it('plural pairs come complete: every _one has an _other', () => {
    for (const key of Object.keys(english).filter((k) => k.endsWith('_one'))) {
      expect(english, key).toHaveProperty(key.replace(/_one$/, '_other'));
    }
  });
});
