/**
 * The always-on detector's test: could this part of the page hold a one-time-code field?
 * Deliberately generous and tiny (it runs on every page of a bound site): a "yes" only loads
 * the full scorer (utils/fields, in the fill agent), which then decides for real; a "no" must
 * never miss a field the scorer would take.
 */

/** Input types that may hold a code (`''`: no type attribute; some sites mask codes as passwords). */
const CODE_TYPES: ReadonlySet<string> = new Set(['text', 'number', 'tel', 'password', '']);

/**
 * The strongest one-time-code words of the keyword tables (utils/fields/keywords.ts), folded into
 * one expression: English, German, French, Spanish, Italian, Portuguese, Dutch, Japanese,
 * Chinese and Korean. Bare "code"/"token"/"pin" are in too: false alarms cost only a load.
 */
const CODE_WORDS =
  /otp|one.?time|pass.?code|2fa|mfa|t?fa\b|two.?(?:factor|step)|2.?step|verif|authenti|securit|c[oó]d(?:e|igo|ice)|token|pin\b|best[aä]t|einmal|eenmalig|cijfer|chiffres|d[ií]gitos|cifre|コード|認証|確認|验证|驗證|动态|動態|口令|인증|코드|자리/iu;

const ONE_TIME_CODE = /one-time-code/iu;
const NUMERIC = /^(?:numeric|decimal)$/iu;
// This many single-character boxes make a split code field.
const SPLIT_MIN = 4;

function attributesText(el: HTMLInputElement): string {
  let text = `${el.id} ${el.name} ${el.placeholder} ${el.getAttribute('aria-label') ?? ''} ${el.title} ${el.getAttribute('class') ?? ''}`;
  const labels = el.labels;
  if (labels !== null) for (const label of labels) text += ` ${label.textContent ?? ''}`;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = el.getRootNode() as Document | ShadowRoot;
    for (const id of labelledBy.split(' ')) text += ` ${(id && root.getElementById(id)?.textContent) || ''}`;
  }
  return text;
}

interface Tally {
  eligible: number;
  boxes: number;
}

/** True as soon as one input of `root` (open shadow roots included) looks like a code field. */
function scan(root: ParentNode, tally: Tally): boolean {
  for (const el of root.querySelectorAll('input')) {
    if (!CODE_TYPES.has(el.type) || el.disabled || el.readOnly) continue;
    // A password counts only on its own evidence, never by the page's headings (every sign-in form has one).
    if (el.type !== 'password') tally.eligible++;
    if (ONE_TIME_CODE.test(el.autocomplete || (el.getAttribute('autocomplete') ?? ''))) return true;
    const max = el.maxLength;
    if (max === 1 && ++tally.boxes >= SPLIT_MIN) return true;
    if (NUMERIC.test(el.inputMode) && max >= 4 && max <= 8) return true;
    if (CODE_WORDS.test(attributesText(el))) return true;
  }
  // Open shadow roots hide their inputs from querySelectorAll: visit them too.
  for (const el of root.querySelectorAll('*')) {
    const shadow = el.shadowRoot;
    if (shadow !== null && scan(shadow, tally)) return true;
  }
  return false;
}

/**
 * Whether `root` may hold a one-time-code field: an input with the one-time-code autocomplete
 * token, code words in its attributes or label, a numeric 4–8 character box, or four
 * single-character boxes; or any text input on a page whose title or main heading speaks of a
 * code (fields named only by the text around them).
 *
 * @param root a document, or an element just added to it
 * @param doc the frame's document (for its title and headings)
 */
export function mayHoldCodeField(root: ParentNode, doc: Document): boolean {
  const tally: Tally = { eligible: 0, boxes: 0 };
  if (scan(root, tally)) return true;
  if (tally.eligible === 0) return false;
  const heading = doc.querySelector('h1, h2, [role="heading"]')?.textContent ?? '';
  return CODE_WORDS.test(`${doc.title} ${heading.slice(0, 200)}`);
}
