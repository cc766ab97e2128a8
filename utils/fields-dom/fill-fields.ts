/**
 * The "act" step of collect → decide → act: puts a code into the field(s) a `FillPlan` names,
 * the way a person typing would look to the page's framework. Never submits.
 */

import { THRESHOLD, planFill, type FillPlan } from '../fields/plan-fill';
import { collectFields, collectPageContext } from './collect-fields';

type ValueSetter = (this: HTMLInputElement, value: string) => void;

/**
 * The `value` setter of `HTMLInputElement.prototype` in the element's own realm.
 * Frameworks replace `value` on the instance (React's value tracker remembers what was set
 * through it and then ignores the input event); the prototype's setter goes around them.
 */
function nativeSetter(el: HTMLInputElement): ValueSetter | undefined {
  const view = el.ownerDocument.defaultView;
  const proto = view?.HTMLInputElement.prototype ?? HTMLInputElement.prototype;
  return Object.getOwnPropertyDescriptor(proto, 'value')?.set as ValueSetter | undefined;
}

function setNativeValue(el: HTMLInputElement, value: string): void {
  const set = nativeSetter(el);
  if (set !== undefined) set.call(el, value);
  else el.value = value;
}

function viewOf(el: HTMLInputElement): Window & typeof globalThis {
  return (el.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
}

function focusField(el: HTMLInputElement): void {
  el.focus({ preventScroll: true });
  const root = el.getRootNode() as Document | ShadowRoot;
  if (root.activeElement !== el) {
    // The frame does not have focus (e.g. a background tab): tell the page's listeners anyway.
    const view = viewOf(el);
    el.dispatchEvent(new view.FocusEvent('focus'));
    el.dispatchEvent(new view.FocusEvent('focusin', { bubbles: true }));
  }
}

function keyInit(ch: string): KeyboardEventInit {
  const digit = ch >= '0' && ch <= '9';
  return {
    key: ch,
    code: digit ? `Digit${ch}` : `Key${ch.toUpperCase()}`,
    bubbles: true,
    cancelable: true,
    composed: true,
  };
}

/**
 * Inserts `text` as one edit: beforeinput → native value → input. Returns false if the page
 * cancelled `beforeinput` (it then handled the text itself).
 */
/** Dispatches key event `type` for `ch` on `el`; false when the page cancelled it. */
function key(el: HTMLInputElement, type: string, ch: string): boolean {
  return el.dispatchEvent(new (viewOf(el).KeyboardEvent)(type, keyInit(ch)));
}

/** The end of a typed edit: the last key goes up, and the field reports the change. */
function endEdit(el: HTMLInputElement, ch: string): void {
  key(el, 'keyup', ch);
  el.dispatchEvent(new (viewOf(el).Event)('change', { bubbles: true }));
}

function insertText(el: HTMLInputElement, value: string, data: string): boolean {
  const view = viewOf(el);
  const init: InputEventInit = { inputType: 'insertText', data, bubbles: true, composed: true };
  const proceed = el.dispatchEvent(new view.InputEvent('beforeinput', { ...init, cancelable: true }));
  if (!proceed) return false;
  setNativeValue(el, value);
  el.dispatchEvent(new view.InputEvent('input', init));
  return true;
}

function fillSingle(el: HTMLInputElement, code: string): void {
  focusField(el);
  // One edit, like a paste: per-key events could make the page append digits itself.
  insertText(el, code, code);
  endEdit(el, code.slice(-1));
}

/** Types one character into a split box, as a key press. */
function typeIntoBox(el: HTMLInputElement, ch: string): void {
  focusField(el);
  const press = key(el, 'keydown', ch) && key(el, 'keypress', ch);
  // A page that cancels the key handles it itself; only type if it did not take the character.
  if (press || !el.value.includes(ch)) insertText(el, ch, ch);
  endEdit(el, ch);
}

/**
 * The split boxes as they are now. Pages re-render boxes while they are typed into; when a
 * planned box has left the document, the boxes are found again with the same plan logic.
 */
function currentBoxes(planned: HTMLInputElement[], root: Document | ShadowRoot): HTMLInputElement[] {
  if (planned.every((box) => box.isConnected)) return planned;
  // nodeType, not instanceof: the root may come from another frame's realm.
  const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : root.ownerDocument;
  if (doc === null) return planned;
  const { fields, elements } = collectFields(root.isConnected ? root : doc);
  const plan = planFill(fields, collectPageContext(doc), THRESHOLD.request);
  if (plan?.kind !== 'split') return planned;
  return plan.indices.map((i) => elements[i]).filter((el): el is HTMLInputElement => el !== undefined);
}

/**
 * Fills a code into the field(s) of a plan: the whole code into a single field, or one
 * character per box, in order, for a split field (extra characters beyond the last box are
 * dropped). Uses the native value setter and the events React, Vue and Angular listen to
 * (focus, keydown/keypress/keyup for boxes, beforeinput, input, change), so controlled inputs
 * keep the value in their state. Never submits a form.
 *
 * @param plan from `planFill`
 * @param elements the elements `collectFields` returned with the descriptors the plan indexes
 * @param code the one-time code, e.g. "123456"
 */
export function fillPlan(plan: FillPlan, elements: HTMLInputElement[], code: string): void {
  if (plan.kind === 'single') {
    const el = elements[plan.index];
    if (el !== undefined) fillSingle(el, code);
    return;
  }
  let boxes = plan.indices.map((i) => elements[i]).filter((el): el is HTMLInputElement => el !== undefined);
  const first = boxes[0];
  if (first === undefined) return;
  const root = first.getRootNode() as Document | ShadowRoot;
  const chars = [...code];
  for (let i = 0; i < chars.length; i++) {
    boxes = currentBoxes(boxes, root);
    const box = boxes[i];
    if (box === undefined) break;
    typeIntoBox(box, chars[i]!);
  }
}
