/**
 * Plain-data descriptions of a page's input fields, made by the DOM collector
 * (`utils/fields-dom/collect-fields.ts`) and read by the pure scorer (`plan-fill.ts`).
 * Nothing here touches the DOM, so the scorer unit-tests in Node.
 */

/** A box in page (document) coordinates, in CSS pixels. */
export interface FieldRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the collector saw of one `<input>`: attributes, text around it, geometry and state. */
export interface FieldDescriptor {
  /** Lower-case tag name, e.g. `"input"`. */
  tag: string;
  /** Lower-case `type` as the browser reports it (`"text"` when absent or unknown). */
  type: string;
  name: string;
  id: string;
  className: string;
  /** The `autocomplete` attribute as written, e.g. `"one-time-code"`; empty when absent. */
  autocomplete: string;
  /** The `inputmode` attribute, e.g. `"numeric"`; empty when absent. */
  inputMode: string;
  /** The `pattern` attribute source; empty when absent. */
  pattern: string;
  /** The `maxlength` attribute, or null when absent or not a non-negative number. */
  maxLength: number | null;
  placeholder: string;
  ariaLabel: string;
  title: string;
  /** Text of the associated label(s): `label[for]`, a wrapping `<label>`, `aria-labelledby`. */
  label: string;
  /** Short text just before the field (closest text last), trimmed and capped (~200 chars). */
  nearbyText: string;
  /** Headings and instructions of the field's form, dialog or section, capped. */
  formText?: string;
  /** Rendered with a non-empty box and not `visibility: hidden`. */
  visible: boolean;
  disabled: boolean;
  readOnly: boolean;
  rect: FieldRect;
  /** Identifies the field's container (form, fieldset, group or parent), to find split boxes. */
  groupKey: string;
  /** Position in document order (shadow-root contents at their host's place), from 0. */
  order: number;
}

/** What the page as a whole says, read once per detection pass. */
export interface PageContext {
  title: string;
  /** The document's `lang`, e.g. `"de-DE"`; empty when absent. */
  lang: string;
  /** Text of the page's main headings (h1/h2), capped. */
  headingText: string;
}
