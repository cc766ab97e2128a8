import type { Page } from '@playwright/test';

/**
 * The little a page object needs from a browser tab, so the same steps (popup-steps.ts,
 * options-steps.ts) drive Chromium through Playwright and Firefox through puppeteer over
 * WebDriver BiDi (tests/e2e-firefox/support/puppeteer-ui.ts). Names are what a user reads:
 * a field by its label, a button by its name.
 */
export interface Ui {
  /** Replaces the value of the form field labelled `label` with `value`. */
  fill(label: string, value: string, where?: Where): Promise<void>;
  /** Clicks the button named `name`. */
  click(name: string, where?: Where): Promise<void>;
  /** Waits until an element matching `css` (and containing `text`, if given) is visible. */
  waitFor(css: string, text?: string): Promise<void>;
  /** Runs `fn(arg)` in the page and returns its result (JSON-serializable values only). */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/**
 * Narrows a lookup: `exact` matches the whole name (else a part of it, case-insensitive),
 * `within` only inside the first element matching that CSS selector (a form, a section).
 */
export interface Where {
  exact?: boolean;
  within?: string;
}

/** The Ui of a Playwright page (Chromium): Playwright's own label and role lookups. */
export function playwrightUi(page: Page): Ui {
  const root = (within?: string) => (within ? page.locator(within).first() : page);
  return {
    fill: (label, value, where = {}) => root(where.within).getByLabel(label, { exact: where.exact }).fill(value),
    click: (name, where = {}) => root(where.within).getByRole('button', { name, exact: where.exact }).click(),
    waitFor: async (css, text) => {
      const matches = page.locator(css);
      await (text === undefined ? matches : matches.filter({ hasText: text })).first().waitFor();
    },
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown),
  };
}
