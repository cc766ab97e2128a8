import type { Page } from '@playwright/test';

/**
 * Role and name of every node in the page's accessibility tree, closed shadow roots included
 * (Twofold's inline button and overlay live in closed shadow roots: this is how a screen reader,
 * and a test, meets them).
 */
export async function accessibleNodes(page: Page): Promise<{ role: string; name: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: unknown }; name?: { value?: unknown } }[];
    };
    return nodes.map((n) => ({ role: String(n.role?.value ?? ''), name: String(n.name?.value ?? '') }));
  } finally {
    await cdp.detach();
  }
}

/** True once a node named like `name` is in the page's accessibility tree. */
export async function hasAccessibleName(page: Page, name: string | RegExp): Promise<boolean> {
  const nodes = await accessibleNodes(page);
  return nodes.some((n) => (typeof name === 'string' ? n.name.includes(name) : name.test(n.name)));
}
