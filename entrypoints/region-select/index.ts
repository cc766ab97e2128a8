/**
 * The "Select an area" overlay, injected on demand into the tab the user is on. The user
 * drags a rectangle over the QR code (Enter takes the whole visible page, Escape cancels);
 * the background captures and decodes that area and the result is shown here for a moment.
 * The overlay lives in a closed shadow root so the page can neither style nor read it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { sendContentRequest } from '@/utils/messaging/send-content-request';
import type { ViewportRect } from '@/utils/messages';
import { t } from '@/utils/i18n/message';
import { overlayStyles } from './overlay-styles';

const OPEN_FLAG = '__twofoldRegionSelectOpen';

export default defineUnlistedScript(() => {
  const scope = globalThis as Record<string, unknown>;
  if (scope[OPEN_FLAG]) return;
  scope[OPEN_FLAG] = true;
  openOverlay();
});

function mountHost(): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('twofold-overlay');
  host.style.cssText = 'all: initial; position: fixed; inset: 0; z-index: 2147483647;';
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = overlayStyles;
  root.append(style);
  document.documentElement.append(host);
  return { host, root };
}

function openOverlay(): void {
  const { host, root } = mountHost();
  const layer = document.createElement('div');
  layer.className = 'layer';
  layer.tabIndex = -1;
  const bar = document.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'dialog');
  bar.setAttribute('aria-label', t('regionDialog'));
  const text = document.createElement('span');
  text.textContent = t('regionInstructions');
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = t('cancel');
  bar.append(text, cancel);
  const box = document.createElement('div');
  box.className = 'box';
  box.hidden = true;
  layer.append(box);
  root.append(layer, bar);
  layer.focus();

  let start: { x: number; y: number } | null = null;
  let finished = false;

  const rectFrom = (event: PointerEvent): ViewportRect => {
    const origin = start ?? { x: event.clientX, y: event.clientY };
    return {
      x: Math.min(origin.x, event.clientX),
      y: Math.min(origin.y, event.clientY),
      width: Math.abs(event.clientX - origin.x),
      height: Math.abs(event.clientY - origin.y),
    };
  };

  const finish = async (rect: ViewportRect | null) => {
    if (finished) return;
    finished = true;
    document.removeEventListener('keydown', onKey, true);
    host.remove();
    // Let the page repaint without the overlay before the background captures it.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const result = await sendContentRequest('regionSelected', { rect, viewportWidth: window.innerWidth });
    delete (globalThis as Record<string, unknown>)[OPEN_FLAG];
    if (rect === null) return;
    showToast(result.ok ? result.value.message : result.error.message, result.ok && result.value.ok);
  };

  const onKey = (event: KeyboardEvent) => {
    // Listened for on the page's document, where the page's script can send keys too: only the
    // person's own keys may choose (Enter: the whole visible page, which is then saved) or cancel.
    if (!event.isTrusted) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      void finish(null);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      void finish({ x: 0, y: 0, width: window.innerWidth, height: window.innerHeight });
    }
  };
  document.addEventListener('keydown', onKey, true);
  cancel.addEventListener('click', () => void finish(null));

  layer.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 || !event.isTrusted) return;
    start = { x: event.clientX, y: event.clientY };
    layer.setPointerCapture(event.pointerId);
    box.hidden = false;
    Object.assign(box.style, { left: `${start.x}px`, top: `${start.y}px`, width: '0px', height: '0px' });
  });
  layer.addEventListener('pointermove', (event) => {
    if (!start) return;
    const r = rectFrom(event);
    Object.assign(box.style, { left: `${r.x}px`, top: `${r.y}px`, width: `${r.width}px`, height: `${r.height}px` });
  });
  layer.addEventListener('pointerup', (event) => {
    if (!start || !event.isTrusted) return;
    const r = rectFrom(event);
    start = null;
    if (r.width < 12 || r.height < 12) {
      box.hidden = true;
      text.textContent = t('regionTooSmall');
      return;
    }
    void finish(r);
  });
}

/** A short message in the page's corner, in its own closed shadow root. */
function showToast(message: string, ok: boolean): void {
  const { host, root } = mountHost();
  host.style.cssText = 'all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483647;';
  const toast = document.createElement('div');
  toast.className = `toast ${ok ? 'ok' : 'fail'}`;
  toast.setAttribute('role', 'status');
  toast.textContent = message;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = t('close');
  close.addEventListener('click', () => host.remove());
  toast.append(close);
  root.append(toast);
  setTimeout(() => host.remove(), 8000);
}
