import type { ElementHandle, Page } from 'puppeteer-core';
import type { Ui, Where } from '../../e2e/pages/ui';
import { findByName } from '../../e2e/pages/find-by-name';

const TIMEOUT_MS = 10_000;

async function find(page: Page, kind: 'field' | 'button', name: string, where: Where = {}): Promise<ElementHandle<Element>> {
  const deadline = Date.now() + TIMEOUT_MS;
  let last = `no ${kind} named “${name}”`;
  for (;;) {
    const handle = await page.evaluateHandle(findByName, kind, name, where.exact ?? false, where.within ?? null);
    const value = await handle.jsonValue().catch(() => undefined);
    if (typeof value === 'string') last = value;
    else {
      const element = handle.asElement();
      if (element) return element as ElementHandle<Element>;
    }
    await handle.dispose();
    if (Date.now() > deadline) throw new Error(`${last} (waited ${TIMEOUT_MS} ms)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The Ui of a puppeteer page (Firefox over WebDriver BiDi). Clicks are real input events;
 * a field is filled as Playwright's fill does (value set, then `input` and `change`).
 */
export function puppeteerUi(page: Page): Ui {
  return {
    async fill(label, value, where) {
      const field = await find(page, 'field', label, where);
      await field.evaluate((el, text) => {
        const input = el as HTMLInputElement;
        input.focus();
        const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input) as object, 'value')?.set;
        setter?.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, value);
      await field.dispose();
    },
    async click(name, where) {
      const button = await find(page, 'button', name, where);
      await button.click();
      await button.dispose();
    },
    async waitFor(css, text) {
      await page.waitForFunction(
        (selector: string, wanted: string | null) =>
          [...document.querySelectorAll(selector)].some(
            (el) => el.getClientRects().length > 0 && (wanted === null || (el.textContent ?? '').includes(wanted)),
          ),
        { polling: 100, timeout: TIMEOUT_MS },
        css,
        text ?? null,
      );
    },
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
  };
}
