// E2E helpers for the document view: open a document, read the review cursor, press keys, read the graph.
import type { Page } from 'playwright-core';

/** Open `#/doc/<name>` and wait until it rendered (a re-render counts when `after` is given). */
export async function _openDoc(page: Page, base: string, name: string): Promise<void> {
  await page.goto(`${base}#/doc/${encodeURIComponent(name)}`);
  await page.waitForFunction((n) => window.__kgDocRender?.name === n, name, { timeout: 60_000 });
}

/** The mention under the review cursor: span `start-end`, status, entity id. */
export function _cursor(page: Page): Promise<{ span: string; status: string; entity: string } | null> {
  return page.evaluate(() => window.__kgDoc!.cursor());
}

/** When the last render finished (performance.now()), to wait for the next one. */
export function _renderedAt(page: Page): Promise<number> {
  return page.evaluate(() => window.__kgDocRender?.at ?? 0);
}

/** Press keys one by one (`'Control+z'`, `'j'`), as a user types them. */
export async function _keys(page: Page, ...keys: string[]): Promise<void> {
  for (const k of keys) await page.keyboard.press(k);
}

/** Press `key` and wait for the re-render its correction causes. */
export async function _correct(page: Page, ...keys: string[]): Promise<void> {
  const before = await _renderedAt(page);
  await _keys(page, ...keys);
  await page.waitForFunction((t) => (window.__kgDocRender?.at ?? 0) > t, before, { timeout: 20_000 });
}

/** Attributes of a graph node in the page (null when absent). */
export function _node(page: Page, key: string): Promise<Record<string, unknown> | null> {
  return page.evaluate((k) => { const g = window.__kg!.graph; return g.hasNode(k) ? g.getNodeAttributes(k) : null; }, key);
}

/** Classes of the marks of a span (`start-end`). */
export function _markClasses(page: Page, span: string): Promise<string[]> {
  return page.locator(`[data-testid=doc-text] mark[data-span="${span}"]`).evaluateAll((els) => els.map((e) => e.className));
}
