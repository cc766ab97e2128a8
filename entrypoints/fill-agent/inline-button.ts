/**
 * The inline "fill code" button: a small button beside (or in the right end of) the code field,
 * drawn inside a closed shadow root so page CSS and scripts cannot reach it. It sits right after
 * the field in the DOM, so Tab from the field reaches it and it shares the field's dialog (top
 * layer) when there is one; it takes no room in the page's layout.
 */
import type { FillAccount } from '@/utils/messages';
import type { ScriptContext } from '@/utils/fields-dom/script-context';
// The small, polyfill-free lookup: the messages themselves are read by the browser at run time.
import { t } from '@/utils/i18n/message';
import { createShadowHost, onPress, uiElement } from './shadow-host';

/** The custom element name of the button's host (the only trace of Twofold in the page's DOM). */
export const INLINE_HOST_TAG = 'twofold-fill';

// The button's size in px (fill-ui.css draws it at this size).
const SIZE = 24;
const GAP = 4;
// A field at least this much wider than the button keeps room for a code's text on its left.
const ROOM_FOR_TEXT = 110;


const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A key with a tick: "a code goes here" (its ring, then its shaft and teeth, as one path; the
 * stroke is styled in fill-ui.css). Built node by node, so no markup is ever parsed in the page
 * (Firefox's add-on review flags any innerHTML).
 */
function createIcon(doc: Document): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', 'M2.4 8a2.6 2.6 0 1 0 5.2 0a2.6 2.6 0 1 0-5.2 0M7.6 8H14M11.5 8v2.3M13.6 8v1.6');
  svg.append(path);
  return svg;
}

/** The button on the page. */
export interface InlineButton {
  /** The field (or last split box) it sits beside. */
  readonly anchor: HTMLInputElement;
  /** Moves it next to the anchor again (after scrolling, resizing, re-layout). */
  position(): void;
  /**
   * Opens the chooser: one entry per account, the focus on `preferred` (else the first);
   * `onPick` gets the chosen account's id.
   */
  choose(accounts: readonly FillAccount[], onPick: (id: string) => void, preferred?: string): void;
  /** Shows a short message under the button (cleared by the next action). */
  say(message: string): void;
  remove(): void;
}

/**
 * Draws the button beside `anchor`. `onActivate` runs on the person's click, Enter or Space
 * (never on a page script's synthetic event: see onPress).
 * Everything it registers stops with `ctx`.
 */
export function createInlineButton(
  ctx: ScriptContext,
  anchor: HTMLInputElement,
  options: { locked: boolean; onActivate: () => void },
): InlineButton {
  const doc = anchor.ownerDocument;
  const { host, root } = createShadowHost(ctx, doc, INLINE_HOST_TAG, `position: absolute; width: ${SIZE}px; height: ${SIZE}px;`);
  const button = uiElement(doc, 'button', 'fill');
  const label = options.locked ? t('fillButtonLocked') : t('fillButtonLabel');
  button.setAttribute('aria-label', label);
  button.title = label;
  button.append(createIcon(doc));
  const panel = uiElement(doc, 'div', 'panel');
  panel.hidden = true;
  panel.setAttribute('role', 'group');
  root.append(button, panel);

  onPress(ctx, button, () => {
    panel.hidden = true;
    options.onActivate();
  });
  ctx.addEventListener(root, 'keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape' && !panel.hidden) {
      panel.hidden = true;
      button.focus();
    }
  });

  anchor.after(host);

  function position(): void {
    if (!anchor.isConnected) return;
    const field = anchor.getBoundingClientRect();
    const inside = field.width >= SIZE + ROOM_FOR_TEXT;
    const x = inside ? field.right - SIZE - GAP : field.right + GAP;
    const y = field.top + (field.height - SIZE) / 2;
    // Absolute positions are relative to an unknown containing block: measure where (0, 0) is.
    host.style.left = '0px';
    host.style.top = '0px';
    const origin = host.getBoundingClientRect();
    host.style.left = `${Math.round(x - origin.left)}px`;
    host.style.top = `${Math.round(y - origin.top)}px`;
  }

  let frame = 0;
  const schedule = (): void => {
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (ctx.isValid) position();
    });
  };
  const view = doc.defaultView ?? window;
  ctx.addEventListener(view, 'scroll', schedule, { capture: true, passive: true });
  ctx.addEventListener(view, 'resize', schedule, { passive: true });
  position();

  function remove(): void {
    host.remove();
  }
  ctx.onInvalidated(remove);

  return {
    anchor,
    position,
    choose(accounts, onPick, preferred) {
      panel.replaceChildren();
      const title = uiElement(doc, 'p', 'title', t('fillChooseTitle'));
      title.id = 'twofold-choose';
      panel.append(title);
      panel.setAttribute('aria-labelledby', 'twofold-choose');
      let focus: HTMLButtonElement | null = null;
      for (const account of accounts) {
        const pick = uiElement(doc, 'button', 'pick', account.name);
        if (account.id === preferred) focus = pick;
        onPress(ctx, pick, () => {
          panel.hidden = true;
          onPick(account.id);
        });
        panel.append(pick);
      }
      panel.hidden = false;
      (focus ?? panel.querySelector<HTMLButtonElement>('.pick'))?.focus();
    },
    say(message) {
      panel.replaceChildren();
      const text = uiElement(doc, 'p', 'message', message);
      text.setAttribute('role', 'status');
      panel.append(text);
      panel.hidden = false;
    },
    remove,
  };
}
