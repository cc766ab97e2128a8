import type { CDPSession } from '@playwright/test';
import type { Ui, Where } from '../pages/ui';
import { findByName } from '../pages/find-by-name';

const TIMEOUT_MS = 10_000;

/**
 * Attaches to target `targetId` through a browser-level session and returns a Ui for it. Playwright
 * does not attach to an extension's toolbar popup, so commands go through
 * Target.sendMessageToTarget. Clicks are real mouse events at the button's centre.
 */
export async function attachDevtoolsUi(browser: CDPSession, targetId: string): Promise<Ui> {
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  browser.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const pending = message.id === undefined ? undefined : waiting.get(message.id);
    if (!pending || message.id === undefined) return;
    waiting.delete(message.id);
    if (message.error) pending.reject(new Error(message.error.message));
    else pending.resolve(message.result);
  });
  const send = (method: string, params: object): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      browser.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  const run = async <R>(expression: string): Promise<R> => {
    const reply = (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
      result: { value?: R };
      exceptionDetails?: { exception?: { description?: string }; text: string };
    };
    if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
    return reply.result.value as R;
  };
  /** Waits for the one element named `name`; `then` runs on it in the page and its result is returned. */
  const onElement = async <R>(kind: 'field' | 'button', name: string, where: Where, then: string): Promise<R> => {
    const deadline = Date.now() + TIMEOUT_MS;
    const call = `(${findByName.toString()})(${JSON.stringify(kind)}, ${JSON.stringify(name)}, ${String(where.exact ?? false)}, ${JSON.stringify(where.within ?? null)})`;
    for (;;) {
      const found = await run<{ error: string } | { value: R } | null>(
        `(() => { const el = ${call}; if (el === null) return null; if (typeof el === 'string') return { error: el }; return { value: (${then})(el) }; })()`,
      );
      if (found && 'value' in found) return found.value;
      if (Date.now() > deadline) throw new Error(`${found?.error ?? `no ${kind} named “${name}”`} (waited ${TIMEOUT_MS} ms)`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return {
    async fill(label, value, where = {}) {
      await onElement(
        'field',
        label,
        where,
        `(input) => { input.focus(); Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value').set.call(input, ${JSON.stringify(value)}); input.dispatchEvent(new Event('input', { bubbles: true })); input.dispatchEvent(new Event('change', { bubbles: true })); return true; }`,
      );
    },
    async click(name, where = {}) {
      const { x, y } = await onElement<{ x: number; y: number }>(
        'button',
        name,
        where,
        `(button) => { button.scrollIntoView({ block: 'center' }); const r = button.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }`,
      );
      for (const type of ['mousePressed', 'mouseReleased']) await send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
    },
    async waitFor(css, text) {
      const deadline = Date.now() + TIMEOUT_MS;
      const check = `[...document.querySelectorAll(${JSON.stringify(css)})].some((el) => el.getClientRects().length > 0 && (${JSON.stringify(text ?? null)} === null || (el.textContent ?? '').includes(${JSON.stringify(text ?? '')})))`;
      while (!(await run<boolean>(check))) {
        if (Date.now() > deadline) throw new Error(`nothing visible matches ${css}${text ? ` with “${text}”` : ''} (waited ${TIMEOUT_MS} ms)`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => run<R>(`(${fn.toString()})(${JSON.stringify(arg)})`),
  };
}
