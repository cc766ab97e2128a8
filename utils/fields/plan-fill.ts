/**
 * Decides which field(s) of a page should receive a one-time code: the "decide" step of
 * collect → decide → act. Pure: descriptors in, a plan out.
 *
 * A field earns points for what names it a one-time-code field and is vetoed by what names it
 * something else; a run of 4–8 single-character boxes forms a split field. A prompt for a code
 * sent by SMS or e-mail gets no plan, since Twofold's codes come from an authenticator.
 */

import { ANY_NEGATIVE, NEGATIVE_SIGNAL, Signal, classifyText, lastIndexOfSignal } from './classify-text';
import type { FieldDescriptor, PageContext } from './field-descriptor';
import { NegativeFamily } from './keywords';

/** Where to put a code: one field, or one character per box (in visual order). */
export type FillPlan =
  | { kind: 'single'; index: number; reasons: string[] }
  | { kind: 'split'; indices: number[]; reasons: string[] };

/** A field's score and, in words, why. */
export interface FieldScore {
  score: number;
  reasons: string[];
}

/** Points per signal: the heuristics as data. */
export const WEIGHTS = {
  /** The standard says so (`autocomplete="one-time-code"`): the strongest sign there is. */
  autocompleteOneTimeCode: 60,
  /** "otp", "2fa", "verification code"… in the field's own attributes or label. */
  ownOneTimeCode: 35,
  /** "authenticator app" in the field's own attributes or label. */
  ownAuthenticator: 35,
  /** A bare "code"/"token" in the field's own attributes or label: many things are codes. */
  ownCode: 12,
  /** One-time-code words in the text just before the field. */
  nearbyOneTimeCode: 15,
  /** "Enter the code from your authenticator app" just before the field. */
  nearbyAuthenticator: 25,
  nearbyCode: 5,
  /** A negative word just before the field (e.g. "Have a promo code?"): a penalty, not a veto. */
  nearbyNegative: -25,
  formOneTimeCode: 10,
  formAuthenticator: 15,
  formCode: 3,
  pageOneTimeCode: 8,
  pageAuthenticator: 10,
  /** Codes are digits; sites ask phones for the digit keyboard. */
  numericInputMode: 8,
  numericPattern: 6,
  /** TOTP codes are 6–8 digits; maxlength says the site expects one. */
  codeMaxLength: 10,
  /** A split run's shape is most of the case for it (4 numeric boxes alone are not: PINs). */
  splitShape: 20,
  /** 6 or 8 boxes: the usual TOTP lengths; 6 plain boxes qualify on shape alone. */
  splitUsualCount: 10,
} as const;

/** Minimum score for a plan. */
export const THRESHOLD = 30;

/**
 * Types that can hold a code. `tel` too, on strong evidence only (see `telVerdict`): Amazon,
 * Google, Microsoft and PayPal ask for authenticator codes in `type=tel` fields to get the digit
 * keyboard on phones. Everything else never qualifies, see `INELIGIBLE_TYPE_REASON`.
 */
const CODE_TYPES: ReadonlySet<string> = new Set(['text', '', 'number', 'tel']);

/** Why a type never holds an authenticator code. */
const INELIGIBLE_TYPE_REASON: Readonly<Record<string, string>> = {
  password: 'type=password is a password',
  email: 'type=email is an e-mail address',
  search: 'type=search is a search box',
  hidden: 'type=hidden cannot be seen',
};

// Families that also count when they appear in the text before a field. Phone and account
// words there are ordinary instructions ("open the app on your phone"), so they do not.
const NEARBY_NEGATIVE =
  Signal.Promo | Signal.Postal | Signal.Card | Signal.Captcha | Signal.Search | Signal.Recovery;

// autocomplete tokens that name another kind of field (WHATWG autofill detail tokens).
const NEGATIVE_AUTOCOMPLETE = /(?:^|\s)(?:cc-|postal-code|tel|email|username|current-password|new-password|street-address|address-|name$|given-name|family-name|organization)/u;
const ONE_TIME_CODE_AUTOCOMPLETE = /(?:^|\s)one-time-code(?:\s|$)/iu;
const NUMERIC_PATTERN = /^\^?(?:\\d|\[0-9\]|\[\\d\])/u;
const NUMERIC_INPUT_MODE = /^(?:numeric|decimal)$/iu;

// The shortest code a single field must be able to hold (Steam codes are 5 characters).
const MIN_SINGLE_MAX_LENGTH = 5;
// Split boxes: how narrow a box without maxlength=1 must be to count as one character.
const SPLIT_BOX_MAX_WIDTH = 64;
const SPLIT_MIN = 4;
const SPLIT_MAX = 8;

/** Signals of the text around fields, cached per pass: fields of one form share their text. */
type TextCache = Map<string, number>;

function classifyCached(text: string | undefined, cache: TextCache): number {
  if (text === undefined || text.length === 0) return 0;
  let mask = cache.get(text);
  if (mask === undefined) {
    mask = classifyText(text);
    cache.set(text, mask);
  }
  return mask;
}

function familyNames(mask: number): string {
  const names: string[] = [];
  for (const family of Object.values(NegativeFamily)) {
    if ((mask & NEGATIVE_SIGNAL[family]) !== 0) names.push(family);
  }
  return names.join(', ');
}

/** The reason a field can never hold a code, or null if it could. */
function disqualification(d: FieldDescriptor): string | null {
  if (d.tag !== 'input') return `<${d.tag}> is not an input`;
  if (!CODE_TYPES.has(d.type)) return INELIGIBLE_TYPE_REASON[d.type] ?? `type=${d.type} cannot hold a code`;
  if (!d.visible) return 'not visible';
  if (d.disabled) return 'disabled';
  if (d.readOnly) return 'read-only';
  return null;
}

/** Signals of the field's own attributes and label (each scanned apart: no concatenation). */
function ownSignals(d: FieldDescriptor, cache: TextCache): number {
  return (
    classifyText(d.id) |
    classifyText(d.name) |
    classifyText(d.title) |
    classifyText(d.ariaLabel) |
    // Often shared by many fields of a page: cached.
    classifyCached(d.className, cache) |
    classifyCached(d.placeholder, cache) |
    classifyCached(d.label, cache)
  );
}

/**
 * What decides whether a prompt is for an SMS/e-mail code: the nearest text that mentions either
 * a delivered code or an authenticator app. Returns 'sent', 'app' or null (neither).
 */
function deliveryOf(own: number, nearby: number, nearbyText: string, form: number, page: number): 'sent' | 'app' | null {
  const levels = [own, nearby, form, page];
  for (let i = 0; i < levels.length; i++) {
    const mask = levels[i] ?? 0;
    const sent = (mask & Signal.SentByMessage) !== 0;
    const app = (mask & Signal.AuthenticatorApp) !== 0;
    if (sent && app) {
      // Both at one level: within the nearby text the phrase closest to the field wins;
      // elsewhere an offered authenticator option is enough.
      if (i !== 1) return 'app';
      return lastIndexOfSignal(nearbyText, Signal.AuthenticatorApp) >= lastIndexOfSignal(nearbyText, Signal.SentByMessage)
        ? 'app'
        : 'sent';
    }
    if (sent) return 'sent';
    if (app) return 'app';
  }
  return null;
}

/**
 * Scores the text evidence shared by single fields and split runs. Returns -Infinity on a veto.
 * `reasons` is null on the fast path (no strings are built).
 */
function scoreEvidence(
  d: FieldDescriptor,
  own: number,
  pageMask: number,
  cache: TextCache,
  reasons: string[] | null,
): number {
  let score = 0;
  const autocomplete = d.autocomplete;
  if (autocomplete.length > 0) {
    if (ONE_TIME_CODE_AUTOCOMPLETE.test(autocomplete)) {
      score += WEIGHTS.autocompleteOneTimeCode;
      reasons?.push('autocomplete="one-time-code"');
    } else if (NEGATIVE_AUTOCOMPLETE.test(autocomplete.toLowerCase())) {
      reasons?.push(`autocomplete="${autocomplete}" names another kind of field`);
      return -Infinity;
    }
  }
  if ((own & ANY_NEGATIVE) !== 0) {
    reasons?.push(`negative family in the field's attributes or label: ${familyNames(own & ANY_NEGATIVE)}`);
    return -Infinity;
  }
  const nearby = classifyCached(d.nearbyText, cache);
  const form = classifyCached(d.formText, cache);
  const delivery = deliveryOf(own, nearby, d.nearbyText, form, pageMask);
  if (delivery === 'sent') {
    reasons?.push('the prompt is for a code sent by SMS, call or e-mail, not an authenticator app');
    return -Infinity;
  }
  if ((own & Signal.OneTimeCode) !== 0) {
    score += WEIGHTS.ownOneTimeCode;
    reasons?.push('one-time-code keyword in the field\'s attributes or label');
  }
  if ((own & Signal.AuthenticatorApp) !== 0) {
    score += WEIGHTS.ownAuthenticator;
    reasons?.push('authenticator app named in the field\'s attributes or label');
  } else if ((nearby & Signal.AuthenticatorApp) !== 0) {
    score += WEIGHTS.nearbyAuthenticator;
    reasons?.push('authenticator app named just before the field');
  } else if ((form & Signal.AuthenticatorApp) !== 0) {
    score += WEIGHTS.formAuthenticator;
    reasons?.push('authenticator app named in the form');
  } else if ((pageMask & Signal.AuthenticatorApp) !== 0) {
    score += WEIGHTS.pageAuthenticator;
    reasons?.push('authenticator app named in the page headings');
  }
  if ((own & (Signal.OneTimeCode | Signal.AuthenticatorApp)) === 0 && (own & Signal.Code) !== 0) {
    score += WEIGHTS.ownCode;
    reasons?.push('"code" in the field\'s attributes or label');
  }
  if ((nearby & Signal.OneTimeCode) !== 0) {
    score += WEIGHTS.nearbyOneTimeCode;
    reasons?.push('one-time-code keyword just before the field');
  } else if ((nearby & Signal.Code) !== 0) {
    score += WEIGHTS.nearbyCode;
    reasons?.push('"code" just before the field');
  }
  if ((nearby & NEARBY_NEGATIVE) !== 0) {
    score += WEIGHTS.nearbyNegative;
    reasons?.push(`negative family just before the field: ${familyNames(nearby & NEARBY_NEGATIVE)}`);
  }
  if ((form & Signal.OneTimeCode) !== 0) {
    score += WEIGHTS.formOneTimeCode;
    reasons?.push('one-time-code keyword in the form');
  } else if ((form & Signal.Code) !== 0) {
    score += WEIGHTS.formCode;
    reasons?.push('"code" in the form');
  }
  if ((pageMask & Signal.OneTimeCode) !== 0) {
    score += WEIGHTS.pageOneTimeCode;
    reasons?.push('one-time-code keyword in the page title or headings');
  }
  if (NUMERIC_INPUT_MODE.test(d.inputMode)) {
    score += WEIGHTS.numericInputMode;
    reasons?.push(`inputmode=${d.inputMode}`);
  } else if (d.type === 'number') {
    score += WEIGHTS.numericInputMode;
    reasons?.push('type=number');
  }
  if (d.pattern.length > 0 && NUMERIC_PATTERN.test(d.pattern)) {
    score += WEIGHTS.numericPattern;
    reasons?.push('numeric pattern');
  }
  return score;
}

function pageSignals(page: PageContext, cache: TextCache): number {
  return classifyCached(page.title, cache) | classifyCached(page.headingText, cache);
}

/**
 * A `type=tel` field is a phone number unless the code evidence is strong: the one-time-code
 * autocomplete token, one-time-code/authenticator words on the field itself, or a bare "code" on
 * the field with such words just before it or in its form (Microsoft's "Code" under "Enter the
 * code displayed in the Authenticator app"; split boxes, which rarely name themselves, need only
 * the words around them); and no phone words just before it that are not about an authenticator
 * app ("Enter your mobile number").
 * Returns null when the field may stay, or the reason it may not.
 */
function telVerdict(d: FieldDescriptor, own: number, cache: TextCache, split: boolean): string | null {
  if (d.type !== 'tel') return null;
  const strong = Signal.OneTimeCode | Signal.AuthenticatorApp;
  const nearby = classifyCached(d.nearbyText, cache);
  const around = split || (own & Signal.Code) !== 0 ? nearby | classifyCached(d.formText, cache) : 0;
  const evidence = ONE_TIME_CODE_AUTOCOMPLETE.test(d.autocomplete) || (own & strong) !== 0 || (around & strong) !== 0;
  if (!evidence) return 'type=tel without strong one-time-code evidence is a phone number';
  if ((nearby & Signal.Phone) !== 0 && (nearby & Signal.AuthenticatorApp) === 0) {
    return 'type=tel with phone words just before it is a phone number';
  }
  return null;
}

/** The single-field score; reasons only when asked for. */
function scoreSingle(d: FieldDescriptor, pageMask: number, cache: TextCache, reasons: string[] | null): number {
  const out = disqualification(d);
  if (out !== null) {
    reasons?.push(out);
    return -Infinity;
  }
  if (d.maxLength !== null && d.maxLength < MIN_SINGLE_MAX_LENGTH) {
    reasons?.push(`maxlength=${d.maxLength} is too short for a code`);
    return -Infinity;
  }
  const own = ownSignals(d, cache);
  const tel = telVerdict(d, own, cache, false);
  if (tel !== null) {
    reasons?.push(tel);
    return -Infinity;
  }
  let score = scoreEvidence(d, own, pageMask, cache, reasons);
  if (score === -Infinity) return score;
  if (d.maxLength !== null && d.maxLength >= 6 && d.maxLength <= 8) {
    score += WEIGHTS.codeMaxLength;
    reasons?.push(`maxlength=${d.maxLength}`);
  }
  return score;
}

/**
 * Scores one field as a single code field.
 *
 * @param d the field, as collected
 * @param page the page's title and headings
 * @returns the score (`-Infinity` when the field can never qualify or a negative family vetoes
 *   it; a plan needs at least `THRESHOLD`) and the reasons in words
 */
export function scoreField(d: FieldDescriptor, page: PageContext): FieldScore {
  const cache: TextCache = new Map();
  const reasons: string[] = [];
  const score = scoreSingle(d, pageSignals(page, cache), cache, reasons);
  return { score, reasons };
}

function isSplitBox(d: FieldDescriptor): boolean {
  if (disqualification(d) !== null) return false;
  if (d.maxLength === 1) return true;
  return (d.maxLength === null || d.maxLength <= 2) && d.rect.width > 0 && d.rect.width <= SPLIT_BOX_MAX_WIDTH;
}

/** Runs of 4–8 boxes on one row, from candidate indices of one group, in visual order. */
function splitRuns(fields: readonly FieldDescriptor[], group: number[]): number[][] {
  const byPosition = (a: number, b: number): number => {
    const ra = fields[a]!.rect;
    const rb = fields[b]!.rect;
    // Same row when vertical centres are within half a box height.
    const sameRow = Math.abs(ra.y + ra.height / 2 - (rb.y + rb.height / 2)) <= Math.max(ra.height, rb.height) / 2;
    return sameRow ? ra.x - rb.x : ra.y - rb.y;
  };
  const sorted = group.slice().sort(byPosition);
  const runs: number[][] = [];
  let run: number[] = [];
  const flush = (): void => {
    if (run.length >= SPLIT_MIN && run.length <= SPLIT_MAX) runs.push(run);
    run = [];
  };
  for (const index of sorted) {
    const last = run[run.length - 1];
    if (last !== undefined) {
      const a = fields[last]!.rect;
      const b = fields[index]!.rect;
      const sameRow = Math.abs(a.y + a.height / 2 - (b.y + b.height / 2)) <= Math.max(a.height, b.height) / 2;
      const similar = Math.abs(a.height - b.height) <= Math.max(a.height, b.height) * 0.3;
      // Boxes of one code sit close together: no more than three box widths apart.
      const near = b.x - (a.x + a.width) <= Math.max(a.width, b.width) * 3;
      if (!(sameRow && similar && near)) flush();
    }
    run.push(index);
  }
  flush();
  return runs;
}

/** Scores a run of split boxes; reasons only when asked for. */
function scoreSplit(
  fields: readonly FieldDescriptor[],
  run: number[],
  pageMask: number,
  cache: TextCache,
  reasons: string[] | null,
): number {
  const first = fields[run[0]!]!;
  let own = 0;
  for (const index of run) own |= ownSignals(fields[index]!, cache);
  const tel = telVerdict(first, own, cache, true);
  if (tel !== null) {
    reasons?.push(tel);
    return -Infinity;
  }
  let score = scoreEvidence(first, own, pageMask, cache, reasons);
  if (score === -Infinity) return score;
  score += WEIGHTS.splitShape;
  reasons?.push(`${run.length} single-character boxes in a row`);
  if (run.length === 6 || run.length === 8) score += WEIGHTS.splitUsualCount;
  return score;
}

/**
 * Plans where a one-time code goes on a page.
 *
 * @param fields the page's fields as collected, in document order
 * @param page the page's title and headings
 * @returns a single field or a split run (indices into `fields`, in visual order) with the
 *   reasons for it, or null when nothing qualifies: no code field, a negative family, or a
 *   prompt for a code sent by SMS or e-mail
 */
export function planFill(fields: readonly FieldDescriptor[], page: PageContext): FillPlan | null {
  const cache: TextCache = new Map();
  const pageMask = pageSignals(page, cache);

  // Split boxes first, so their boxes are not also judged as (too short) single fields.
  let groups: Map<string, number[]> | null = null;
  for (let i = 0; i < fields.length; i++) {
    if (!isSplitBox(fields[i]!)) continue;
    groups ??= new Map();
    const key = fields[i]!.groupKey;
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [i]);
    else list.push(i);
  }
  let bestSplit: number[] | null = null;
  let bestSplitScore = -Infinity;
  let inRuns: Set<number> | null = null;
  if (groups !== null) {
    for (const group of groups.values()) {
      if (group.length < SPLIT_MIN) continue;
      for (const run of splitRuns(fields, group)) {
        inRuns ??= new Set();
        for (const index of run) inRuns.add(index);
        const score = scoreSplit(fields, run, pageMask, cache, null);
        if (score > bestSplitScore) {
          bestSplitScore = score;
          bestSplit = run;
        }
      }
    }
  }

  let bestSingle = -1;
  let bestSingleScore = -Infinity;
  for (let i = 0; i < fields.length; i++) {
    if (inRuns?.has(i) === true) continue;
    const score = scoreSingle(fields[i]!, pageMask, cache, null);
    // Ties go to the field earlier in the document.
    if (score > bestSingleScore) {
      bestSingleScore = score;
      bestSingle = i;
    }
  }

  if (bestSplit !== null && bestSplitScore >= THRESHOLD && bestSplitScore >= bestSingleScore) {
    const reasons: string[] = [];
    scoreSplit(fields, bestSplit, pageMask, cache, reasons);
    return { kind: 'split', indices: bestSplit, reasons };
  }
  if (bestSingle >= 0 && bestSingleScore >= THRESHOLD) {
    const reasons: string[] = [];
    scoreSingle(fields[bestSingle]!, pageMask, cache, reasons);
    return { kind: 'single', index: bestSingle, reasons };
  }
  return null;
}
