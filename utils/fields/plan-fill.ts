/**
 * Decides which field(s) of a page should receive a one-time code: the "decide" step of
 * collect → decide → act. Pure: descriptors in, a plan out.
 *
 * A field earns points for what names it a one-time-code field and loses points for what names
 * it something else: strong code evidence (one-time-code words, an authenticator named, a numeric
 * 6–8 character field, a split group) outweighs one stray word. Only fields that are clearly
 * something else are vetoed: card number and CVC, postal code, a phone-number input, search, the
 * sign-in form's own password. A run of 4–8 single-character boxes forms a split field.
 *
 * Two thresholds read one plan: the inline button is offered only at `THRESHOLD.offer` and never
 * on a prompt for a code sent by SMS, e-mail, a call or to another device (`sentElsewhere`); an
 * explicit request (popup, shortcut, context menu) fills the best field at `THRESHOLD.request`,
 * asking first when the code was sent elsewhere.
 */

import {
  ANY_NEGATIVE, ANY_SENT, NEGATIVE_SIGNAL, classifyText, lastIndexOfSignal,
  ONE_TIME_CODE, CODE, AUTHENTICATOR_APP, PROMO, POSTAL, PHONE, CARD, CAPTCHA, SEARCH, ACCOUNT, RECOVERY, SENT_BY_SMS, SENT_BY_EMAIL, SENT_BY_CALL, SENT_TO_DEVICE,
} from './classify-text';
import type { FieldDescriptor, PageContext } from './field-descriptor';
import type { NegativeFamily } from './keywords';

/** How a prompt says its code reached the person, when it was not an authenticator app. */
export const Channel = {
  Sms: 'sms',
  Email: 'email',
  Call: 'call',
  Device: 'device',
  /** "We sent you a code", channel unnamed. */
  Message: 'message',
} as const;
export type Channel = (typeof Channel)[keyof typeof Channel];

/** Where to put a code: one field, or one character per box (in visual order). */
export type FillPlan = (
  | { kind: 'single'; index: number }
  | { kind: 'split'; indices: number[] }
) & {
  /** The evidence, in points: compare with `THRESHOLD`. */
  score: number;
  /** Why, as codes: `explainReasons` (./explain-reasons.ts) puts them in words. */
  reasons: Reason[];
  /** The page asks for a code sent this way, not one from an authenticator app. */
  sentElsewhere?: Channel;
};

/**
 * One piece of evidence for or against a field, as a short code and its detail (a type, a
 * length, a mask of `Signal` families, a channel) and points. Codes, not sentences: the fill
 * agent that ships this scorer never shows them, so the words live apart, in
 * `explainReasons` (./explain-reasons.ts), for tests, the bench and anyone debugging a page.
 */
export type Reason = readonly [code: ReasonCode, detail?: string | number, points?: number];

/** Every reason code; `explainReasons` has the words for each. */
export type ReasonCode =
  | 'not-input' | 'type' | 'not-visible' | 'disabled' | 'read-only' | 'too-short'
  | 'ac' | 'ac-other' | 'veto' | 'self-named' | 'own-neg' | 'sent'
  | 'own-otc' | 'own-app' | 'near-app' | 'form-app' | 'page-app' | 'own-code'
  | 'near-otc' | 'near-code' | 'near-neg' | 'form-otc' | 'form-code' | 'page-otc'
  | 'inputmode' | 'number' | 'pattern' | 'masked' | 'maxlength'
  | 'tel-weak' | 'tel-phone-near' | 'tel-phone' | 'pw-no-code' | 'pw-login' | 'pw-named'
  | 'pin' | 'split' | 'chosen';

/** A field's score and, as codes, why. */
export interface FieldScore {
  score: number;
  reasons: Reason[];
}

// Points per signal: the heuristics as data. Plain constants rather than one object: a bundle
// keeps property names, and the fill agent ships this file.
/** The standard says so (`autocomplete="one-time-code"`): the strongest sign there is. */
export const POINTS_AUTOCOMPLETE_ONE_TIME_CODE = 60;
/** "otp", "2fa", "verification code"… in the field's own attributes or label. */
export const POINTS_OWN_ONE_TIME_CODE = 35;
/** "authenticator app" in the field's own attributes or label. */
export const POINTS_OWN_AUTHENTICATOR = 35;
/** A bare "code"/"token" in the field's own attributes or label: many things are codes. */
export const POINTS_OWN_CODE = 12;
/** One-time-code words in the text just before the field. */
export const POINTS_NEARBY_ONE_TIME_CODE = 15;
/** "Enter the code from your authenticator app" just before the field. */
export const POINTS_NEARBY_AUTHENTICATOR = 25;
export const POINTS_NEARBY_CODE = 5;
/** A negative word just before the field (e.g. "Have a promo code?"). */
export const POINTS_NEARBY_NEGATIVE = -25;
export const POINTS_FORM_ONE_TIME_CODE = 10;
export const POINTS_FORM_AUTHENTICATOR = 15;
export const POINTS_FORM_CODE = 3;
export const POINTS_PAGE_ONE_TIME_CODE = 8;
export const POINTS_PAGE_AUTHENTICATOR = 10;
/** Codes are digits; sites ask phones for the digit keyboard. */
export const POINTS_NUMERIC_INPUT_MODE = 8;
export const POINTS_NUMERIC_PATTERN = 6;
/** TOTP codes are 6–8 digits; maxlength says the site expects one. */
export const POINTS_CODE_MAX_LENGTH = 10;
/** A split run's shape is most of the case for it (4 numeric boxes alone are not: PINs). */
export const POINTS_SPLIT_SHAPE = 20;
/** 6 or 8 boxes: the usual TOTP lengths; 6 plain boxes qualify on shape alone. */
export const POINTS_SPLIT_USUAL_COUNT = 10;
/**
 * The prompt is for a code sent by SMS, e-mail… : such a field loses to one for an
 * authenticator code on the same page, and is never offered the inline button.
 */
export const POINTS_SENT_ELSEWHERE = -20;
/** A masked (type=password) code field is rarer than a password: it needs its own evidence. */
export const POINTS_MASKED_FIELD = -10;

/**
 * Points a negative word on the field's own attributes or label costs. Card, postal and search
 * are not here: they veto (`VETO_FAMILIES`).
 */
export const NEGATIVE_WEIGHTS: Readonly<Record<NegativeFamily, number>> = {
  promo: -50,
  captcha: -50,
  account: -25,
  phone: -25,
  recovery: -25,
  card: 0,
  postal: 0,
  search: 0,
};

/** On a single field, these families need one-time-code evidence on the field itself to be outweighed. */
const SELF_NAMED = PROMO | CAPTCHA | RECOVERY | PHONE;
/** Evidence on a field itself that it holds a one-time code. */
const STRONG = ONE_TIME_CODE | AUTHENTICATOR_APP;

/** Families that mark a field as clearly something else, whatever else it says. */
const VETO_FAMILIES = CARD | POSTAL | SEARCH;

/** Minimum scores for a plan. */
export const THRESHOLD = {
  /** The automatic offer (the inline button): strong evidence only. */
  offer: 30,
  /** An explicit request (popup, shortcut, context menu): the best plausible field. */
  request: 10,
} as const;

/** Whether a plan earns the automatic offer (the inline button), not only an explicit request. */
export function isOffered(plan: FillPlan): boolean {
  return plan.score >= THRESHOLD.offer && plan.sentElsewhere === undefined;
}

/**
 * Types that can hold a code. `tel` too, on strong evidence only (see `telVerdict`): Amazon,
 * Google, Microsoft and PayPal ask for authenticator codes in `type=tel` fields to get the digit
 * keyboard on phones; `password` too when the field names itself a code (some sites mask it),
 * see `passwordVerdict`. Everything else never qualifies.
 */
const CODE_TYPES: ReadonlySet<string> = new Set(['text', '', 'number', 'tel', 'password']);

// Families that also count when they appear in the text before a field. Phone and account
// words there are ordinary instructions ("open the app on your phone"), so they do not.
const NEARBY_NEGATIVE =
  PROMO | POSTAL | CARD | CAPTCHA | SEARCH | RECOVERY;

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

/** The reason a field can never hold a code, or null if it could. */
function disqualification(d: FieldDescriptor): Reason | null {
  if (d.tag !== 'input') return ['not-input', d.tag];
  if (!CODE_TYPES.has(d.type)) return ['type', d.type];
  if (!d.visible) return ['not-visible'];
  if (d.disabled) return ['disabled'];
  if (d.readOnly) return ['read-only'];
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

/** What the page says once per pass: its headings' signals and the groups of sign-in forms. */
interface PassContext {
  cache: TextCache;
  pageMask: number;
  /** Groups (`groupKey`) holding a username or e-mail field: a password there is the login's. */
  loginGroups: ReadonlySet<string>;
}

/** Which way a code was sent, from the bits of one piece of text (specific channels first). */
function channelOf(mask: number): Channel {
  if ((mask & SENT_TO_DEVICE) !== 0) return 'device';
  if ((mask & SENT_BY_EMAIL) !== 0) return 'email';
  if ((mask & SENT_BY_CALL) !== 0) return 'call';
  if ((mask & SENT_BY_SMS) !== 0) return 'sms';
  return 'message';
}

/**
 * Whether a prompt is for a code sent elsewhere: the nearest text (the field itself, the text
 * just before it, its form, the page headings) that mentions either a delivered code or an
 * authenticator app decides. Returns the channel, 'app', or null (neither is mentioned).
 */
function deliveryOf(own: number, nearby: number, nearbyText: string, form: number, page: number): Channel | 'app' | null {
  const levels = [own, nearby, form, page];
  for (let i = 0; i < levels.length; i++) {
    const mask = levels[i] ?? 0;
    const sent = (mask & ANY_SENT) !== 0;
    const app = (mask & AUTHENTICATOR_APP) !== 0;
    if (sent && app) {
      // Both at one level: within the nearby text the phrase closest to the field wins;
      // elsewhere an offered authenticator option is enough.
      if (i !== 1) return 'app';
      return lastIndexOfSignal(nearbyText, AUTHENTICATOR_APP) >= lastIndexOfSignal(nearbyText, ANY_SENT)
        ? 'app'
        : channelOf(mask);
    }
    if (sent) {
      // "We sent a code" here and "by e-mail" a level further out: name the channel if one does.
      if (channelOf(mask) === 'message') {
        for (let j = i + 1; j < levels.length; j++) {
          const outer = (levels[j] ?? 0) & ANY_SENT;
          if (outer !== 0 && channelOf(outer) !== 'message') return channelOf(outer);
        }
      }
      return channelOf(mask);
    }
    if (app) return 'app';
  }
  return null;
}

/** The points the negative families of `mask` cost on the field itself. */
function negativePenalty(mask: number): number {
  let points = 0;
  for (const family of Object.keys(NEGATIVE_WEIGHTS) as NegativeFamily[]) {
    if ((mask & NEGATIVE_SIGNAL[family]) !== 0) points += NEGATIVE_WEIGHTS[family];
  }
  return points;
}

/** Where a scored field stands: its points, and the channel when its code was sent elsewhere. */
interface Evidence {
  score: number;
  sent?: Channel;
}

const VETO: Evidence = { score: -Infinity };

/**
 * Scores the text evidence shared by single fields and split runs. `score` is -Infinity on a
 * veto. `reasons` is null on the fast path (no strings are built).
 */
function scoreEvidence(d: FieldDescriptor, own: number, pass: PassContext, split: boolean, reasons: Reason[] | null): Evidence {
  const { cache, pageMask } = pass;
  let score = 0;
  const autocomplete = d.autocomplete;
  if (autocomplete.length > 0) {
    if (ONE_TIME_CODE_AUTOCOMPLETE.test(autocomplete)) {
      score += POINTS_AUTOCOMPLETE_ONE_TIME_CODE;
      reasons?.push(['ac']);
    } else if (NEGATIVE_AUTOCOMPLETE.test(autocomplete.toLowerCase())) {
      reasons?.push(['ac-other', autocomplete]);
      return VETO;
    }
  }
  if ((own & VETO_FAMILIES) !== 0) {
    reasons?.push(['veto', own & VETO_FAMILIES]);
    return VETO;
  }
  const ownNegative = own & ANY_NEGATIVE;
  if (!split && (ownNegative & SELF_NAMED) !== 0 && (own & STRONG) === 0 && score === 0) {
    // "Recovery code", "Promo code": the field names itself something else, and nothing on it
    // says otherwise; instructions around it cannot make it ours.
    reasons?.push(['self-named', ownNegative & SELF_NAMED]);
    return VETO;
  }
  if (ownNegative !== 0) {
    const points = negativePenalty(ownNegative);
    score += points;
    reasons?.push(['own-neg', ownNegative, points]);
  }
  const nearby = classifyCached(d.nearbyText, cache);
  const form = classifyCached(d.formText, cache);
  const delivery = deliveryOf(own, nearby, d.nearbyText, form, pageMask);
  let sent: Channel | undefined;
  if (delivery !== null && delivery !== 'app') {
    sent = delivery;
    score += POINTS_SENT_ELSEWHERE;
    reasons?.push(['sent', delivery]);
  }
  if ((own & ONE_TIME_CODE) !== 0) {
    score += POINTS_OWN_ONE_TIME_CODE;
    reasons?.push(['own-otc']);
  }
  if ((own & AUTHENTICATOR_APP) !== 0) {
    score += POINTS_OWN_AUTHENTICATOR;
    reasons?.push(['own-app']);
  } else if ((nearby & AUTHENTICATOR_APP) !== 0) {
    score += POINTS_NEARBY_AUTHENTICATOR;
    reasons?.push(['near-app']);
  } else if ((form & AUTHENTICATOR_APP) !== 0) {
    score += POINTS_FORM_AUTHENTICATOR;
    reasons?.push(['form-app']);
  } else if ((pageMask & AUTHENTICATOR_APP) !== 0) {
    score += POINTS_PAGE_AUTHENTICATOR;
    reasons?.push(['page-app']);
  }
  if ((own & (ONE_TIME_CODE | AUTHENTICATOR_APP)) === 0 && (own & CODE) !== 0) {
    score += POINTS_OWN_CODE;
    reasons?.push(['own-code']);
  }
  if ((nearby & ONE_TIME_CODE) !== 0) {
    score += POINTS_NEARBY_ONE_TIME_CODE;
    reasons?.push(['near-otc']);
  } else if ((nearby & CODE) !== 0) {
    score += POINTS_NEARBY_CODE;
    reasons?.push(['near-code']);
  }
  // A family the field's own label already paid for is not counted again from the text before it
  // (which often is that label).
  const nearbyNegative = nearby & NEARBY_NEGATIVE & ~own;
  if (nearbyNegative !== 0) {
    score += POINTS_NEARBY_NEGATIVE;
    reasons?.push(['near-neg', nearbyNegative]);
  }
  if ((form & ONE_TIME_CODE) !== 0) {
    score += POINTS_FORM_ONE_TIME_CODE;
    reasons?.push(['form-otc']);
  } else if ((form & CODE) !== 0) {
    score += POINTS_FORM_CODE;
    reasons?.push(['form-code']);
  }
  if ((pageMask & ONE_TIME_CODE) !== 0) {
    score += POINTS_PAGE_ONE_TIME_CODE;
    reasons?.push(['page-otc']);
  }
  if (NUMERIC_INPUT_MODE.test(d.inputMode)) {
    score += POINTS_NUMERIC_INPUT_MODE;
    reasons?.push(['inputmode', d.inputMode]);
  } else if (d.type === 'number') {
    score += POINTS_NUMERIC_INPUT_MODE;
    reasons?.push(['number']);
  }
  if (d.pattern.length > 0 && NUMERIC_PATTERN.test(d.pattern)) {
    score += POINTS_NUMERIC_PATTERN;
    reasons?.push(['pattern']);
  }
  return sent === undefined ? { score } : { score, sent };
}

function pageSignals(page: PageContext, cache: TextCache): number {
  return classifyCached(page.title, cache) | classifyCached(page.headingText, cache);
}

/**
 * A `type=tel` field is a phone number unless the code evidence is strong: the one-time-code
 * autocomplete token, one-time-code/authenticator words on the field itself, or a bare "code" on
 * the field with such words just before it or in its form (Microsoft's "Code" under "Enter the
 * code displayed in the Authenticator app"; split boxes, which rarely name themselves, need only
 * the words around them); and no phone words just before it or on a single field that are not
 * about an authenticator app ("Enter your mobile number"). A code sent by SMS counts as code
 * evidence here: such a field is a code field, if not ours.
 * Returns null when the field may stay, or the reason it may not.
 */
function telVerdict(d: FieldDescriptor, own: number, cache: TextCache, split: boolean): Reason | null {
  if (d.type !== 'tel') return null;
  const strong = ONE_TIME_CODE | AUTHENTICATOR_APP;
  const nearby = classifyCached(d.nearbyText, cache);
  const around = split || (own & CODE) !== 0 ? nearby | classifyCached(d.formText, cache) : 0;
  const evidence = ONE_TIME_CODE_AUTOCOMPLETE.test(d.autocomplete) || (own & strong) !== 0 || (around & strong) !== 0;
  if (!evidence) return ['tel-weak'];
  if ((nearby & PHONE) !== 0 && (nearby & (AUTHENTICATOR_APP | ANY_SENT)) === 0) {
    return ['tel-phone-near'];
  }
  if (!split && (own & PHONE) !== 0 && (own & AUTHENTICATOR_APP) === 0 && !ONE_TIME_CODE_AUTOCOMPLETE.test(d.autocomplete)) {
    return ['tel-phone'];
  }
  return null;
}

/**
 * A `type=password` field holds a code only when it names itself one (one-time-code words, the
 * autocomplete token, an authenticator, a bare "code" on it), and never in a sign-in form beside
 * a username or e-mail field. Returns null when it may stay, or the reason it may not.
 */
function passwordVerdict(d: FieldDescriptor, own: number, pass: PassContext): Reason | null {
  if (d.type !== 'password') return null;
  const oneTimeCode = ONE_TIME_CODE_AUTOCOMPLETE.test(d.autocomplete);
  if (!oneTimeCode && (own & (ONE_TIME_CODE | AUTHENTICATOR_APP | CODE)) === 0) {
    return ['pw-no-code'];
  }
  if (!oneTimeCode && pass.loginGroups.has(d.groupKey)) return ['pw-login'];
  if ((own & ACCOUNT) !== 0 && (own & ONE_TIME_CODE) === 0) return ['pw-named'];
  return null;
}

/** The single field's evidence; reasons only when asked for. */
function scoreSingle(d: FieldDescriptor, pass: PassContext, reasons: Reason[] | null): Evidence {
  const out = disqualification(d);
  if (out !== null) {
    reasons?.push(out);
    return VETO;
  }
  if (d.maxLength !== null && d.maxLength < MIN_SINGLE_MAX_LENGTH) {
    reasons?.push(['too-short', d.maxLength]);
    return VETO;
  }
  const own = ownSignals(d, pass.cache);
  const verdict = telVerdict(d, own, pass.cache, false) ?? passwordVerdict(d, own, pass);
  if (verdict !== null) {
    reasons?.push(verdict);
    return VETO;
  }
  const evidence = scoreEvidence(d, own, pass, false, reasons);
  if (evidence.score === -Infinity) return evidence;
  if (d.type === 'password') {
    evidence.score += POINTS_MASKED_FIELD;
    reasons?.push(['masked']);
  }
  if (d.maxLength !== null && d.maxLength >= 6 && d.maxLength <= 8) {
    evidence.score += POINTS_CODE_MAX_LENGTH;
    reasons?.push(['maxlength', d.maxLength]);
  }
  return evidence;
}

function passContext(fields: readonly FieldDescriptor[], page: PageContext): PassContext {
  const cache: TextCache = new Map();
  const loginGroups = new Set<string>();
  for (const d of fields) {
    if (d.type === 'password' || !d.visible) continue;
    // A username or e-mail field: by type, by autocomplete token, or by name.
    const auto = d.autocomplete.toLowerCase();
    if (d.type === 'email' || /(?:^|\s)(?:username|email)(?:\s|$)/u.test(auto)) loginGroups.add(d.groupKey);
    else if ((classifyText(d.name) & ACCOUNT) !== 0 || (classifyText(d.id) & ACCOUNT) !== 0) loginGroups.add(d.groupKey);
  }
  return { cache, pageMask: pageSignals(page, cache), loginGroups };
}

/**
 * Scores one field as a single code field.
 *
 * @param d the field, as collected
 * @param page the page's title and headings
 * @param fields the page's other fields (a password beside a username is the sign-in password)
 * @returns the score (`-Infinity` when the field can never qualify or is clearly something
 *   else; compare with `THRESHOLD`) and the reasons as codes (`explainReasons` words them)
 */
export function scoreField(d: FieldDescriptor, page: PageContext, fields: readonly FieldDescriptor[] = [d]): FieldScore {
  const reasons: Reason[] = [];
  const { score } = scoreSingle(d, passContext(fields, page), reasons);
  return { score, reasons };
}

function isSplitBox(d: FieldDescriptor): boolean {
  if (disqualification(d) !== null) return false;
  if (d.maxLength === 1) return true;
  return (d.maxLength === null || d.maxLength <= 2) && d.rect.width > 0 && d.rect.width <= SPLIT_BOX_MAX_WIDTH;
}

function sameRow(a: FieldDescriptor['rect'], b: FieldDescriptor['rect']): boolean {
  // Same row when vertical centres are within half a box height.
  return Math.abs(a.y + a.height / 2 - (b.y + b.height / 2)) <= Math.max(a.height, b.height) / 2;
}

/**
 * Runs of 4–8 boxes side by side, from the candidate indices, in visual order. Geometry alone
 * decides, not the containers: sites wrap each box, or each half of the code ("123 – 456"), in
 * an element of its own.
 */
function splitRuns(fields: readonly FieldDescriptor[], candidates: number[]): number[][] {
  const byPosition = (a: number, b: number): number => {
    const ra = fields[a]!.rect;
    const rb = fields[b]!.rect;
    return sameRow(ra, rb) ? ra.x - rb.x : ra.y - rb.y;
  };
  const sorted = candidates.slice().sort(byPosition);
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
      const similar = Math.abs(a.height - b.height) <= Math.max(a.height, b.height) * 0.3;
      // Boxes of one code sit close together: no more than three box widths apart.
      const gap = b.x - (a.x + a.width);
      const near = gap >= -1 && gap <= Math.max(a.width, b.width) * 3;
      if (!(sameRow(a, b) && similar && near)) flush();
    }
    run.push(index);
  }
  flush();
  return runs;
}

/** Scores a run of split boxes; reasons only when asked for. */
function scoreSplit(fields: readonly FieldDescriptor[], run: number[], pass: PassContext, reasons: Reason[] | null): Evidence {
  const first = fields[run[0]!]!;
  let own = 0;
  for (const index of run) own |= ownSignals(fields[index]!, pass.cache);
  const tel = telVerdict(first, own, pass.cache, true);
  if (tel !== null) {
    reasons?.push(tel);
    return VETO;
  }
  if (run.length < 6) {
    // 4 or 5 boxes are a PIN unless something says "code".
    const words = ONE_TIME_CODE | AUTHENTICATOR_APP | CODE;
    const around = own | classifyCached(first.nearbyText, pass.cache) | classifyCached(first.formText, pass.cache) | pass.pageMask;
    if ((around & words) === 0) {
      reasons?.push(['pin', run.length]);
      return VETO;
    }
  }
  const evidence = scoreEvidence(first, own, pass, true, reasons);
  if (evidence.score === -Infinity) return evidence;
  evidence.score += POINTS_SPLIT_SHAPE;
  reasons?.push(['split', run.length]);
  if (run.length === 6 || run.length === 8) evidence.score += POINTS_SPLIT_USUAL_COUNT;
  return evidence;
}

/**
 * Plans where a one-time code goes on a page.
 *
 * @param fields the page's fields as collected, in document order
 * @param page the page's title and headings
 * @param threshold the least score that makes a plan: `THRESHOLD.offer` (the default) for the
 *   automatic offer, `THRESHOLD.request` for an explicit request
 * @returns a single field or a split run (indices into `fields`, in visual order) with its score,
 *   the reasons for it and, when the page asks for a code sent by SMS, e-mail, a call or to
 *   another device, that channel; or null when no field reaches `threshold`
 */
export function planFill(
  fields: readonly FieldDescriptor[],
  page: PageContext,
  threshold: number = THRESHOLD.offer,
): FillPlan | null {
  const pass = passContext(fields, page);

  // Split boxes first, so their boxes are not also judged as (too short) single fields.
  let candidates: number[] | null = null;
  for (let i = 0; i < fields.length; i++) {
    if (!isSplitBox(fields[i]!)) continue;
    (candidates ??= []).push(i);
  }
  let bestSplit: number[] | null = null;
  let bestSplitScore = -Infinity;
  let inRuns: Set<number> | null = null;
  if (candidates !== null && candidates.length >= SPLIT_MIN) {
    for (const run of splitRuns(fields, candidates)) {
      inRuns ??= new Set();
      for (const index of run) inRuns.add(index);
      const { score } = scoreSplit(fields, run, pass, null);
      if (score > bestSplitScore) {
        bestSplitScore = score;
        bestSplit = run;
      }
    }
  }

  let bestSingle = -1;
  let bestSingleScore = -Infinity;
  for (let i = 0; i < fields.length; i++) {
    if (inRuns?.has(i) === true) continue;
    const { score } = scoreSingle(fields[i]!, pass, null);
    // Ties go to the field earlier in the document.
    if (score > bestSingleScore) {
      bestSingleScore = score;
      bestSingle = i;
    }
  }

  if (bestSplit !== null && bestSplitScore >= threshold && bestSplitScore >= bestSingleScore) {
    const reasons: Reason[] = [];
    const { score, sent } = scoreSplit(fields, bestSplit, pass, reasons);
    return { kind: 'split', indices: bestSplit, score, reasons, ...(sent !== undefined ? { sentElsewhere: sent } : {}) };
  }
  if (bestSingle >= 0 && bestSingleScore >= threshold) {
    const reasons: Reason[] = [];
    const { score, sent } = scoreSingle(fields[bestSingle]!, pass, reasons);
    return { kind: 'single', index: bestSingle, score, reasons, ...(sent !== undefined ? { sentElsewhere: sent } : {}) };
  }
  return null;
}
