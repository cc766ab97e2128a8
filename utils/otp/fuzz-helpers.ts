/**
 * Deterministic randomness and checks for the parsers' fuzz tests (test-only; not imported by the
 * extension). Kept beside the tests that use it.
 */
import { expect } from 'vitest';
import { type AccountDraft } from './account';
import { generateCode } from './generate-code';
import { validateDraft } from './validate-draft';

/** A small seeded PRNG (mulberry32): the same seed gives the same cases on every run. */
export function seededRandom(seed: number): { next: () => number; int: (below: number) => number; pick: <T>(items: readonly T[]) => T } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number): number => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return { next, int, pick };
}

/**
 * Asserts that a draft a parser returned is one the rest of Twofold accepts: the form's validation
 * leaves it unchanged (a name is supplied when the source gave none, as the UI asks for one) and
 * codes can be made from it.
 */
export function expectUsableDraft(draft: AccountDraft, context: string): void {
  const named = draft.issuer === '' && draft.label === '' ? { ...draft, label: 'named later' } : draft;
  expect(validateDraft(named), context).toEqual(named);
  expect(generateCode(draft, { now: 1_700_000_000_000 }), context).toMatch(/^[0-9A-Z]{5,8}$/u);
}
