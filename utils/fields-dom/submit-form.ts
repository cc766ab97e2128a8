/**
 * Submitting a filled code's form the way a person would (Settings.autoSubmit): through the
 * form's own submit button when it has one, else with the Enter key in the field. Only the
 * agent calls this, after a fill that went through.
 */

/** Input types that submit a form (a `<button>` without a type submits too). */
const SUBMIT_INPUT_TYPES = new Set(['submit', 'image']);
/** Input types whose Enter key submits the form implicitly (as the HTML spec lists them). */
const IMPLICIT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'date', 'month', 'week', 'time', 'datetime-local', 'number']);

/** The form's first enabled submit button, or null. */
function submitButtonOf(form: HTMLFormElement): HTMLButtonElement | HTMLInputElement | null {
  for (const el of Array.from(form.elements)) {
    const isButton = el.localName === 'button' && (el as HTMLButtonElement).type === 'submit';
    const isInput = el.localName === 'input' && SUBMIT_INPUT_TYPES.has((el as HTMLInputElement).type);
    if ((isButton || isInput) && !(el as HTMLButtonElement | HTMLInputElement).disabled) return el as HTMLButtonElement | HTMLInputElement;
  }
  return null;
}

function enterInit(): KeyboardEventInit {
  return { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, bubbles: true, cancelable: true, composed: true } as KeyboardEventInit;
}

/**
 * Submits the form of `field` after a fill: `form.requestSubmit(button)` when the form has a
 * submit button (so the page's submit handlers and validation run, as on a click); otherwise
 * presses Enter on the field (keydown, keypress, keyup) and, when the page did not take the key
 * and the browser would submit on Enter (one text field in the form), requests the submit.
 *
 * @param field the field the code went into (the last box of split fields)
 * @returns whether a submit was requested or Enter was pressed
 */
export function submitAfterFill(field: HTMLInputElement): boolean {
  if (!field.isConnected) return false;
  const form = field.form;
  const button = form === null ? null : submitButtonOf(form);
  if (form !== null && button !== null) {
    form.requestSubmit(button);
    return true;
  }
  // Events from the field's own realm: the field may sit in another frame.
  const view = (field.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
  const down = field.dispatchEvent(new view.KeyboardEvent('keydown', enterInit()));
  const press = down && field.dispatchEvent(new view.KeyboardEvent('keypress', enterInit()));
  field.dispatchEvent(new view.KeyboardEvent('keyup', enterInit()));
  // Synthetic key events have no default action: do what the browser does on a real Enter.
  if (press && form !== null) {
    const blocking = Array.from(form.elements).filter((el) => el.localName === 'input' && IMPLICIT_TYPES.has((el as HTMLInputElement).type));
    if (blocking.length === 1) form.requestSubmit();
  }
  return true;
}
