/**
 * Twofold's word on the page after an explicit request: a small box in a closed shadow root (page
 * CSS and scripts cannot reach it) below the field it is about, or at the top of the viewport.
 * It says what happened ("Code copied: paste it with Ctrl+V"), asks once ("This page asks for a
 * code sent by e-mail. Fill the authenticator code anyway?") or lets the user choose an account.
 * One notice at a time; a message without buttons goes away by itself after a few seconds.
 */
import type { ScriptContext } from '@/utils/fields-dom/script-context';
import { createShadowHost, onPress, uiElement } from './shadow-host';

/** The custom element name of the notice's host. */
export const NOTICE_HOST_TAG = 'twofold-notice';

/** How long a message without buttons stays (ms). */
export const NOTICE_MS = 6000;


/** A button of the notice. */
export interface NoticeAction {
  label: string;
  primary?: boolean;
  onClick: () => void;
}

export interface NoticeOptions {
  /** The field it is about: the notice sits just below it. Else the top of the viewport. */
  anchor?: Element | null | undefined;
  text: string;
  /** Buttons (the first primary one gets the focus): the notice stays until one is pressed. */
  actions?: NoticeAction[];
  /** One button per choice, below the text; `focus` is the one preselected. */
  picks?: { label: string; onClick: () => void }[];
  focus?: number;
}

let current: { remove: () => void } | null = null;

/** Removes the notice on screen, if any. */
export function clearNotice(): void {
  current?.remove();
  current = null;
}

/**
 * Shows a notice (replacing the one on screen). Everything it registers stops with `ctx`.
 * @returns a function that removes it
 */
export function showNotice(ctx: ScriptContext, options: NoticeOptions): () => void {
  clearNotice();
  const doc = document;
  const { host, root } = createShadowHost(ctx, doc, NOTICE_HOST_TAG, 'position: fixed;');
  const box = uiElement(doc, 'div', 'box');
  const asking = (options.actions?.length ?? 0) > 0 || (options.picks?.length ?? 0) > 0;
  box.setAttribute('role', asking ? 'alertdialog' : 'status');
  const text = uiElement(doc, 'p', '', options.text);
  text.id = 'twofold-notice-text';
  box.append(text);
  if (asking) box.setAttribute('aria-labelledby', text.id);
  root.append(box);

  const buttons: HTMLButtonElement[] = [];
  const button = (label: string, className: string, onClick: () => void): HTMLButtonElement => {
    const b = uiElement(doc, 'button', className, label);
    onPress(ctx, b, () => {
      remove();
      onClick();
    });
    buttons.push(b);
    return b;
  };
  for (const pick of options.picks ?? []) box.append(button(pick.label, 'pick', pick.onClick));
  if (options.actions !== undefined && options.actions.length > 0) {
    const row = uiElement(doc, 'div', 'row');
    for (const action of options.actions) row.append(button(action.label, action.primary ? 'primary' : '', action.onClick));
    box.append(row);
  }
  ctx.addEventListener(root, 'keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape') remove();
  });

  // Inside an open modal dialog the page's top layer would hide a notice in the body.
  const dialog = options.anchor?.closest('dialog[open]');
  (dialog ?? doc.documentElement).append(host);

  const place = (): void => {
    const anchor = options.anchor;
    const view = doc.defaultView ?? window;
    const width = host.getBoundingClientRect().width;
    if (anchor?.isConnected) {
      const r = anchor.getBoundingClientRect();
      const x = Math.max(8, Math.min(r.left, view.innerWidth - width - 8));
      host.style.left = `${Math.round(x)}px`;
      host.style.top = `${Math.round(Math.min(r.bottom + 6, view.innerHeight - 60))}px`;
    } else {
      host.style.left = `${Math.round(Math.max(8, (view.innerWidth - width) / 2))}px`;
      host.style.top = '12px';
    }
  };
  place();
  ctx.addEventListener(window, 'scroll', place, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', place, { passive: true });

  const preselected = options.picks !== undefined && options.picks.length > 0 ? buttons[options.focus ?? 0] : buttons.find((b) => b.className === 'primary');
  preselected?.focus();

  let timer = 0;
  function remove(): void {
    window.clearTimeout(timer);
    host.remove();
    if (current?.remove === remove) current = null;
  }
  if (!asking) timer = ctx.setTimeout(remove, NOTICE_MS);
  ctx.onInvalidated(remove);
  current = { remove };
  return remove;
}
