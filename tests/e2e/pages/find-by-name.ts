/**
 * Finds, in the page, the one visible element a user would mean: a form field by its label
 * (`<label>`, aria-label, aria-labelledby) or a button by its name (aria-label or text).
 * An exact (case-insensitive) match wins over a partial one (only exact ones with `exactOnly`);
 * more than one equally good match is an error, as in Playwright's strict mode.
 * Runs in the page, so it only uses what it is given.
 */
export function findByName(kind: 'field' | 'button', name: string, exactOnly: boolean, within: string | null): Element | string | null {
  const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const namesOf = (el: Element): string[] => {
    const names = [el.getAttribute('aria-label')];
    for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) names.push(document.getElementById(id)?.textContent ?? '');
    if (kind === 'field') for (const label of (el as HTMLInputElement).labels ?? []) names.push(label.textContent);
    else names.push(el.textContent);
    return names.map(clean).filter((n) => n !== '');
  };
  const wanted = clean(name);
  const root = within === null ? document : document.querySelector(within);
  if (!root) return null;
  const candidates = [...root.querySelectorAll(kind === 'field' ? 'input, textarea, select' : 'button, [role="button"]')].filter(visible);
  const exact = candidates.filter((el) => namesOf(el).includes(wanted));
  const found = exact.length > 0 || exactOnly ? exact : candidates.filter((el) => namesOf(el).some((n) => n.includes(wanted)));
  if (found.length > 1) return `${found.length} ${kind}s are named “${name}”`;
  return found[0] ?? null;
}
