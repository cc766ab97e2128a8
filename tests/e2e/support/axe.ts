import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import type { AxeResults, ImpactValue } from 'axe-core';

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

/** One rule broken on a screen, trimmed to what a person fixing it needs. */
export interface AxeFinding {
  rule: string;
  impact: ImpactValue | null | undefined;
  help: string;
  helpUrl: string;
  /** CSS selectors of the offending elements. */
  targets: string[];
}

const blocking: ReadonlySet<ImpactValue> = new Set<ImpactValue>(['serious', 'critical']);

/**
 * The WCAG 2.2 A and AA rules (2.0, 2.1 and 2.2 levels), target size (24×24 CSS px) included,
 * which axe leaves out when run without tags.
 * @see https://www.w3.org/TR/WCAG22/#target-size-minimum
 */
export const WCAG22_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/**
 * Runs axe-core's WCAG 2.2 A/AA rules ({@link WCAG22_TAGS}) over the page as it is now and returns
 * every violation.
 *
 * Extension pages forbid inline scripts (`script-src 'self'`), so a script tag may be refused;
 * then the source is evaluated through DevTools instead, which the page's CSP does not govern.
 */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const hasAxe = () => page.evaluate(() => 'axe' in window);
  if (!(await hasAxe())) {
    await page.addScriptTag({ content: axeSource }).catch(() => undefined);
    if (!(await hasAxe())) await page.evaluate(axeSource);
  }
  const results = await page.evaluate(async (tags) => {
    type RunOptions = { runOnly: { type: 'tag'; values: string[] } };
    const { axe } = window as unknown as { axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> } };
    const run = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return run.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, [...WCAG22_TAGS]);
  return results;
}

/** Only the findings that block a release: impact serious or critical. */
export function seriousFindings(findings: AxeFinding[]): AxeFinding[] {
  return findings.filter((f) => f.impact != null && blocking.has(f.impact));
}

/**
 * Expects no serious or critical axe-core violation on the screen the page shows, in the light
 * and the dark colour scheme (contrast differs between them). `screen` names it in failures.
 */
export async function expectAccessible(
  page: Page,
  screen: string,
  colorSchemes: ('light' | 'dark')[] = ['light', 'dark'],
): Promise<void> {
  for (const colorScheme of colorSchemes) {
    await page.emulateMedia({ colorScheme });
    const serious = seriousFindings(await axeFindings(page));
    const report = serious.map((f) => `${f.rule} (${f.impact}): ${f.help}\n    at ${f.targets.join(', ')}\n    ${f.helpUrl}`);
    expect(report, `axe-core findings on ${screen} (${colorScheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}
