/**
 * Tells whether a host looks like one of the sites the user's accounts are bound to without
 * being it: `amaz0n.com`, `paypa1.com`, `xn--mazon-3ve.com` (Cyrillic "а"), `amazon.com.evil.net`,
 * `amazon-login.com`, `amazom.com`. Used to warn loudly before filling a code there.
 * Pure: no DOM, no `browser`.
 */
import { parse } from 'tldts';

/**
 * Letters from other scripts that render like a Latin letter, mapped to that letter.
 * The common confusables of Unicode's confusables.txt for Cyrillic, Greek and Armenian
 * lower case (host names are lower-cased before they get here).
 * @see https://www.unicode.org/Public/security/latest/confusables.txt
 */
const CONFUSABLES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', һ: 'h', і: 'i', ї: 'i', ј: 'j', к: 'k', ӏ: 'l', м: 'm', н: 'h',
  о: 'o', р: 'p', с: 'c', ѕ: 's', т: 't', у: 'y', х: 'x', ԁ: 'd', ԛ: 'q', ԝ: 'w', ь: 'b', п: 'n',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  ω: 'w', γ: 'y',
  // Armenian
  օ: 'o', ս: 'u', ց: 'g', հ: 'h', ո: 'n',
  // Latin letters that read as another at a glance
  ı: 'i', ł: 'l', ɡ: 'g', ſ: 's',
};

/**
 * Letter pairs that read as one letter, then digits and symbols people read as letters in a
 * host name. Applied after confusables, both to the host and to the bound site, so `paypa1`
 * and `paypal` meet (`i`, `1`, `l` and `|` all become `l`; `0` becomes `o`).
 */
const LOOKALIKE_PAIRS: readonly [RegExp, string][] = [
  [/rn/gu, 'm'],
  [/vv/gu, 'w'],
  [/cl/gu, 'd'],
];
const LOOKALIKE_CHARS: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'l', i: 'l', '|': 'l', '!': 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', $: 's',
};

// Punycode (RFC 3492) parameters.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 22; // '0'..'9' → 26..35
  if (c >= 0x61 && c <= 0x7a) return c - 0x61; // 'a'..'z' → 0..25
  if (c >= 0x41 && c <= 0x5a) return c - 0x41;
  return BASE;
}

/**
 * Decodes one Punycode label body (without `xn--`), or returns null when it is not valid.
 * @see https://www.rfc-editor.org/rfc/rfc3492 section 6.2
 */
export function decodePunycode(input: string): string | null {
  const output: number[] = [];
  const basicEnd = input.lastIndexOf('-');
  for (let j = 0; j < Math.max(0, basicEnd); j++) output.push(input.charCodeAt(j));
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let index = basicEnd > 0 ? basicEnd + 1 : 0; index < input.length; ) {
    const oldI = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (index >= input.length) return null;
      const digit = digitValue(input.charCodeAt(index++));
      if (digit >= BASE) return null;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      w *= BASE - t;
      if (w > Number.MAX_SAFE_INTEGER / BASE) return null;
    }
    const points = output.length + 1;
    bias = adapt(i - oldI, points, oldI === 0);
    n += Math.floor(i / points);
    i %= points;
    if (n > 0x10ffff) return null;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

/** A host name with its `xn--` labels decoded to Unicode (labels that fail stay as they are). */
export function toUnicodeHost(host: string): string {
  return host
    .toLowerCase()
    .split('.')
    .map((label) => (label.startsWith('xn--') ? (decodePunycode(label.slice(4)) ?? label) : label))
    .join('.');
}

/**
 * What a text looks like to a hurried reader: confusable letters mapped to Latin, accents
 * dropped, look-alike digits and letter pairs folded, separators removed.
 */
export function skeleton(text: string): string {
  let s = '';
  for (const ch of text.toLowerCase().normalize('NFKD')) {
    if (/\p{M}/u.test(ch)) continue; // combining accents: amazön → amazon
    s += CONFUSABLES[ch] ?? ch;
  }
  for (const [pattern, replacement] of LOOKALIKE_PAIRS) s = s.replace(pattern, replacement);
  let folded = '';
  for (const ch of s) {
    if (ch === '-' || ch === '_' || ch === '.') continue;
    folded += LOOKALIKE_CHARS[ch] ?? ch;
  }
  return folded;
}

/** Damerau–Levenshtein distance (adjacent transpositions count as one edit), capped at `max + 1`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i]!;
    const prev = rows[i - 1]!;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row[j] = best;
    }
  }
  return Math.min(rows[a.length]![b.length]!, max + 1);
}

/** Edits allowed between look-alike labels: none for short names, where one edit is another word. */
function allowedEdits(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

// A bound name shorter than this is too common a string to look for inside other names.
const MIN_EMBEDDED_LENGTH = 4;

interface HostParts {
  /** The registrable domain, decoded (e.g. `аmazon.com`). */
  domain: string;
  /** Its label without the public suffix (e.g. `аmazon`). */
  label: string;
  /** Everything before the registrable domain (e.g. `www.amazon.com` of `www.amazon.com.evil.net`). */
  subdomain: string;
}

function partsOf(host: string): HostParts | null {
  const info = parse(host.toLowerCase().replace(/\.$/u, ''), { allowPrivateDomains: true });
  if (info.isIp || info.hostname === null) return null;
  const domain = info.domain ?? info.hostname;
  const label = info.domainWithoutSuffix ?? domain;
  return { domain: toUnicodeHost(domain), label: toUnicodeHost(label), subdomain: toUnicodeHost(info.subdomain ?? '') };
}

/**
 * The bound site that `host` imitates, or null when it imitates none (or is one of them).
 *
 * A host imitates a bound site when, after decoding punycode and folding confusable letters and
 * digits (`skeleton`):
 * - its registrable label equals the bound label (`amaz0n.com`, `paypa1.com`, `xn--mazon-3ve.com`,
 *   `amazon.de` for `amazon.com`), or is a small edit away (`amazom.com`; 1 edit for names of
 *   5–7 letters, 2 from 8, none below 5);
 * - or the bound name (label of 4+ letters) appears inside its registrable label or its
 *   subdomains (`amazon-login.com`, `amazon.com.evil.net`, `secure-paypal.net`).
 *
 * @param host a host name or registrable domain as the browser reports it (punycode or not),
 *   e.g. `www.amazon.com.evil.net`
 * @param boundDomains registrable domains accounts are bound to, e.g. `["amazon.com"]`
 * @returns the first bound domain imitated, exact look-alikes before edits and embeddings
 */
export function lookalikeOf(host: string, boundDomains: readonly string[]): string | null {
  const candidate = partsOf(host);
  if (candidate === null) return null;
  const bound = boundDomains
    .map((domain) => ({ domain, parts: partsOf(domain) }))
    .filter((b): b is { domain: string; parts: HostParts } => b.parts !== null);
  if (bound.some((b) => b.parts.domain === candidate.domain)) return null;

  const label = skeleton(candidate.label);
  const around = skeleton(candidate.subdomain);
  const rules: ((b: HostParts, boundLabel: string) => boolean)[] = [
    (_b, boundLabel) => boundLabel === label,
    (_b, boundLabel) => {
      const max = allowedEdits(boundLabel.length);
      return max > 0 && editDistance(label, boundLabel, max) <= max;
    },
    (_b, boundLabel) =>
      boundLabel.length >= MIN_EMBEDDED_LENGTH && (label.includes(boundLabel) || around.includes(boundLabel)),
  ];
  for (const rule of rules) {
    for (const b of bound) {
      const boundLabel = skeleton(b.parts.label);
      if (boundLabel.length > 0 && rule(b.parts, boundLabel)) return b.domain;
    }
  }
  return null;
}
