/**
 * The "collect" step of collect → decide → act: turns a page's inputs into plain
 * `FieldDescriptor`s for `planFill`. Thin DOM code: one pass over the elements, open shadow
 * roots included, and layout is read (`getBoundingClientRect`, computed style) only for inputs
 * whose type could hold a code or name another kind of field.
 */

import type { FieldDescriptor, PageContext } from '../fields/field-descriptor';

/** The descriptors and, at the same indices, the elements they describe. */
export interface CollectedFields {
  fields: FieldDescriptor[];
  elements: HTMLInputElement[];
}

/** Input types worth describing: those that can hold a code, and the look-alikes the scorer rejects by name. */
const COLLECTED_TYPES: ReadonlySet<string> = new Set(['text', 'number', 'tel', 'password', 'email', 'search']);

// Caps on collected text, in characters: enough for an instruction sentence, cheap to scan.
const LABEL_CAP = 200;
const NEARBY_CAP = 200;
const FORM_CAP = 300;
const HEADING_CAP = 200;
// At most this many text nodes are read before a field.
const NEARBY_NODES = 40;

/** Containers whose headings and instructions describe the fields inside. */
const FORM_CONTAINER = 'form, dialog, [role="dialog"], [role="alertdialog"], fieldset, section';
/** Containers that group split boxes. */
const GROUP_CONTAINER = 'fieldset, [role="group"], form, dialog, [role="dialog"]';
/** Text inside these is not page text. */
const NON_TEXT_PARENTS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'option', 'button']);
const INSTRUCTIONS = 'h1, h2, h3, h4, h5, h6, legend, [role="heading"], p';

const WHITESPACE = /\s+/gu;

function clean(text: string, cap: number): string {
  const flat = text.replace(WHITESPACE, ' ').trim();
  return flat.length > cap ? flat.slice(0, cap) : flat;
}

/** The tail of `text` (the part closest to a field), whitespace collapsed. */
function cleanTail(text: string, cap: number): string {
  const flat = text.replace(WHITESPACE, ' ').trim();
  return flat.length > cap ? flat.slice(flat.length - cap) : flat;
}

interface Pass {
  fields: FieldDescriptor[];
  elements: HTMLInputElement[];
  groupIds: WeakMap<Node, string>;
  formTexts: Map<Element, string>;
  nextGroup: number;
}

function groupId(pass: Pass, node: Node): string {
  let id = pass.groupIds.get(node);
  if (id === undefined) {
    id = `g${pass.nextGroup++}`;
    pass.groupIds.set(node, id);
  }
  return id;
}

/** The container of split boxes: a semantic group, else the nearest ancestor holding more than the field. */
function groupNode(el: HTMLInputElement): Node {
  const semantic = el.closest(GROUP_CONTAINER);
  if (semantic !== null) return semantic;
  let node: Element | null = el.parentElement;
  // Split boxes are often wrapped one per element: climb past wrappers with a single child.
  for (let depth = 0; node !== null && depth < 4; depth++) {
    if (node.childElementCount > 1) return node;
    node = node.parentElement;
  }
  return el.parentElement ?? el.getRootNode();
}

function labelText(el: HTMLInputElement): string {
  let text = '';
  const labels = el.labels;
  if (labels !== null) {
    for (const label of labels) text += ` ${label.textContent ?? ''}`;
  }
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy !== null && labelledBy !== '') {
    const root = el.getRootNode() as Document | ShadowRoot;
    for (const id of labelledBy.split(/\s+/u)) {
      const ref = id === '' ? null : root.getElementById(id);
      if (ref !== null) text += ` ${ref.textContent ?? ''}`;
    }
  }
  return clean(text, LABEL_CAP);
}

/** Text just before the field, inside its form/dialog/section (or its root), closest text last. */
function nearbyText(el: HTMLInputElement): string {
  const root = el.closest(FORM_CONTAINER) ?? el.getRootNode();
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  walker.currentNode = el;
  const parts: string[] = [];
  let length = 0;
  for (let n = 0; n < NEARBY_NODES && length < NEARBY_CAP; n++) {
    const node = walker.previousNode();
    if (node === null) break;
    const parent = node.parentElement;
    if (parent !== null && NON_TEXT_PARENTS.has(parent.localName)) continue;
    const value = node.nodeValue ?? '';
    if (value.trim() === '') continue;
    parts.push(value);
    length += value.length;
  }
  return cleanTail(parts.reverse().join(' '), NEARBY_CAP);
}

/** Headings and instructions of the field's form/dialog/section, once per container. */
function formText(pass: Pass, el: HTMLInputElement): string | undefined {
  const container = el.closest(FORM_CONTAINER);
  if (container === null) return undefined;
  let text = pass.formTexts.get(container);
  if (text === undefined) {
    let raw = '';
    for (const node of container.querySelectorAll(INSTRUCTIONS)) {
      raw += ` ${node.textContent ?? ''}`;
      if (raw.length > FORM_CAP * 2) break;
    }
    text = clean(raw, FORM_CAP);
    pass.formTexts.set(container, text);
  }
  return text;
}

function isVisible(el: HTMLInputElement, rect: DOMRect): boolean {
  if (rect.width <= 0 || rect.height <= 0) return false;
  const view = el.ownerDocument.defaultView;
  // Parked off-screen to the top or left (a common way to hide honeypot fields).
  if (rect.right + (view?.scrollX ?? 0) <= 0 || rect.bottom + (view?.scrollY ?? 0) <= 0) return false;
  const style = view?.getComputedStyle(el);
  return style === undefined || style.visibility !== 'hidden';
}

function describe(pass: Pass, el: HTMLInputElement): void {
  const type = el.type.toLowerCase();
  if (!COLLECTED_TYPES.has(type)) return;
  const rect = el.getBoundingClientRect();
  const view = el.ownerDocument.defaultView;
  const maxLength = el.maxLength;
  pass.fields.push({
    tag: el.localName,
    type,
    name: el.name,
    id: el.id,
    className: typeof el.className === 'string' ? el.className : '',
    autocomplete: el.getAttribute('autocomplete') ?? '',
    inputMode: el.getAttribute('inputmode') ?? '',
    pattern: el.getAttribute('pattern') ?? '',
    // The DOM reports -1 when maxlength is absent or invalid.
    maxLength: maxLength >= 0 ? maxLength : null,
    placeholder: el.placeholder,
    ariaLabel: el.getAttribute('aria-label') ?? '',
    title: el.title,
    label: labelText(el),
    nearbyText: nearbyText(el),
    formText: formText(pass, el),
    visible: isVisible(el, rect),
    disabled: el.disabled,
    readOnly: el.readOnly,
    rect: {
      x: rect.x + (view?.scrollX ?? 0),
      y: rect.y + (view?.scrollY ?? 0),
      width: rect.width,
      height: rect.height,
    },
    groupKey: groupId(pass, groupNode(el)),
    order: pass.fields.length,
  });
  pass.elements.push(el);
}

function walk(pass: Pass, root: Document | ShadowRoot): void {
  for (const el of root.querySelectorAll('*')) {
    // localName, not instanceof: the element may come from another frame's realm.
    if (el.localName === 'input') describe(pass, el as HTMLInputElement);
    // Closed shadow roots read as null and stay private.
    const shadow = el.shadowRoot;
    if (shadow !== null) walk(pass, shadow);
  }
}

/**
 * Describes the inputs of a document or shadow root, descending into open shadow roots, in
 * document order (a shadow root's inputs at its host's place).
 *
 * @param root where to look; same-origin frames are separate documents (the content script
 *   runs in every frame)
 * @returns descriptors and elements at matching indices; hidden-type, checkbox, button and other
 *   non-text inputs are left out
 */
export function collectFields(root: Document | ShadowRoot): CollectedFields {
  const pass: Pass = { fields: [], elements: [], groupIds: new WeakMap(), formTexts: new Map(), nextGroup: 0 };
  walk(pass, root);
  return { fields: pass.fields, elements: pass.elements };
}

/**
 * Reads the page-wide context for `planFill`: title, language and main headings.
 *
 * @param doc the frame's document
 */
export function collectPageContext(doc: Document): PageContext {
  let headings = '';
  for (const node of doc.querySelectorAll('h1, h2, [role="heading"][aria-level="1"]')) {
    headings += ` ${node.textContent ?? ''}`;
    if (headings.length > HEADING_CAP) break;
  }
  return {
    title: clean(doc.title, HEADING_CAP),
    lang: doc.documentElement.lang,
    headingText: clean(headings, HEADING_CAP),
  };
}
