/**
 * For tests: the English catalogue as data, and the check that a catalogue message (nested ones
 * included) names an existing key, has exactly the substitutions it declares, and reads whole in
 * English.
 */
import { expect } from 'vitest';
import english from '../../public/_locales/en/messages.json' with { type: 'json' };
import { inEnglish } from './localize';
import type { LocalText } from './local-message';

export const catalog: Record<string, { message: string; placeholders?: Record<string, unknown> }> = english;

/** How many placeholders `key` declares (0 for a key the catalogue lacks). */
export const placeholderCount = (key: string): number => Object.keys(catalog[key]?.placeholders ?? {}).length;

/** Each message in `text`, nested ones too, exists and has exactly the substitutions it declares. */
export function expectComplete(text: LocalText, label: string): void {
  if (typeof text === 'string') return;
  expect(catalog, label).toHaveProperty(text.key);
  expect(text.substitutions.length, `${label}: ${text.key}`).toBe(placeholderCount(text.key));
  for (const part of text.substitutions) if (typeof part !== 'number') expectComplete(part, label);
  expect(inEnglish(text), label).not.toMatch(/\$[A-Za-z0-9_]+\$|\$\d/u);
}
