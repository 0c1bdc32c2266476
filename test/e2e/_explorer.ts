// E2E helpers for the explorer: wait for the first frame, find a node or edge on screen, click it as a user would.
import type { Page } from 'playwright-core';

/** Load `url` and wait until sigma has drawn its first frame. */
export async function _openExplorer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__kg?.firstFrameAt !== undefined, null, { timeout: 60_000 });
}

/** Page coordinates of a node's centre (null when sigma does not show it). */
export async function _nodePoint(page: Page, key: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((k) => {
    const r = window.__kg!.renderer!;
    const d = r.getNodeDisplayData(k);
    if (!d || d.hidden) return null;
    const p = r.framedGraphToViewport(d);
    const box = r.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, key);
}

/** Page coordinates of a point on an edge, `at` of the way from source to target (straight-line geometry). */
export async function _edgePoint(page: Page, key: string, at = 0.5): Promise<{ x: number; y: number } | null> {
  return page.evaluate(([k, t]) => {
    const r = window.__kg!.renderer!;
    const g = window.__kg!.graph;
    const [s, o] = g.extremities(k);
    const ds = r.getNodeDisplayData(s), dt = r.getNodeDisplayData(o);
    if (!ds || !dt || ds.hidden || dt.hidden) return null;
    const a = r.framedGraphToViewport(ds), b = r.framedGraphToViewport(dt);
    const box = r.getContainer().getBoundingClientRect();
    return { x: box.left + a.x + (b.x - a.x) * t, y: box.top + a.y + (b.y - a.y) * t };
  }, [key, at] as const);
}

/** Click a node on the canvas (moves the mouse there first, as a user does). */
export async function _clickNode(page: Page, key: string): Promise<void> {
  const p = await _nodePoint(page, key);
  if (!p) throw new Error(`node ${key} is not on screen`);
  await page.mouse.move(p.x, p.y);
  await page.mouse.click(p.x, p.y);
}

/** Wait until the camera stops moving (animations are 300–600 ms). */
export async function _cameraSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => !window.__kg!.renderer!.getCamera().isAnimated(), null, { timeout: 10_000 });
  await page.waitForTimeout(150);
}
