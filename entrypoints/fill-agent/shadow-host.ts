/**
 * The element Twofold puts into a page for its own UI (the inline button, the notice): a custom
 * element with a closed shadow root holding fill-ui.css, so page CSS and scripts cannot reach
 * inside, and our clicks and keys stay inside.
 */
import type { ScriptContext } from '@/utils/fields-dom/script-context';
import STYLE from './fill-ui.css?inline';

/**
 * Creates the host `tag` (not yet in the page) with `hostStyle` on it, and its closed root with
 * the stylesheet. Everything it registers stops with `ctx`.
 */
export function createShadowHost(ctx: ScriptContext, doc: Document, tag: string, hostStyle: string): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  host.setAttribute('style', `all: initial; z-index: 2147483647; left: 0; top: 0; ${hostStyle}`);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  root.append(style);
  // Keep our clicks and keys to ourselves: page handlers ("click outside closes the dialog",
  // shortcut keys) must not react to them.
  for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress']) {
    ctx.addEventListener(root, type, (event) => event.stopPropagation());
  }
  return { host, root };
}

/**
 * Runs `handler` when the person presses `button`: a click of theirs, or Enter or Space while it
 * has the focus (the browser turns those into a trusted click). A click a page script made
 * (`dispatchEvent`, `element.click()`) is not trusted and does nothing, so no page can fill a
 * code or pick an account without the person, whatever it manages to reach.
 */
export function onPress(ctx: ScriptContext, button: HTMLButtonElement, handler: () => void): void {
  ctx.addEventListener(button, 'click', (event) => {
    if (event.isTrusted) handler();
  });
}

/**
 * A new element of Twofold's UI: `tag` with `className` and `text`. Buttons are `type=button`,
 * so none can ever submit the page's form.
 */
export function uiElement<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (tag === 'button') (el as HTMLButtonElement).type = 'button';
  el.className = className;
  el.textContent = text;
  return el;
}
