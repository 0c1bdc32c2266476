// The analyst's loop end to end in Chromium (SwiftShader): node → tie → evidence → document → back
// (link and browser Back), against the real server over a copy of corpus/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../src/server/index.ts';
import { _launch } from './_browser.ts';
import { _cameraSettled, _clickNode, _openExplorer } from './_explorer.ts';
import { ARTIFACTS, _buildViewer, _inkPixels, _serve, _tempProject } from './_helpers.ts';

let project: Awaited<ReturnType<typeof _tempProject>>;
let viewerDir: string;
let server: RunningServer;
let browser: Awaited<ReturnType<typeof _launch>>;
let page: Page;
/** The actor the loop starts from: the entity with the most relation ties. */
let hub = '';

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, name) });
const shown = (sel: string) => page.locator(sel).evaluate((el) => !(el as HTMLElement).hidden && getComputedStyle(el).display !== 'none');

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  project = await _tempProject();
  viewerDir = join(project.dir, 'viewer');
  await _buildViewer(viewerDir);
  server = await _serve(project, viewerDir);
  browser = await _launch({ width: 1400, height: 900 });
  page = browser.context.pages()[0] ?? await browser.context.newPage();
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await project?.cleanup();
});

describe('explorer: the analyst loop', () => {
  it('should select an actor by clicking it on the canvas', async () => {
    await _openExplorer(page, server.url);
    hub = await page.evaluate(() => {
      const g = window.__kg!.graph;
      let best = '', most = -1;
      g.forEachNode((k, a) => {
        if (a.nodeType !== 'entity') return;
        let n = 0;
        g.forEachEdge(k, (_e, ea) => { if (ea.edgeType === 'relation') n++; });
        if (n > most) { most = n; best = k; }
      });
      return best;
    });
    expect(hub).not.toBe('');
    await _cameraSettled(page);
    await _clickNode(page, hub);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain(`node=${hub}`);
    await expect.poll(() => page.locator('[data-testid=relation]').count()).toBeGreaterThan(0);
    const { ink } = await _inkPixels(page, page.locator('#sigma'));
    expect(ink).toBeGreaterThan(2000);
    await shot('loop-1-node.png');
  }, 120_000);

  it('should open the document at a tie’s evidence and come back with “← explorer”', async () => {
    const label = await page.locator('#side h2').textContent();
    await page.locator('#side [data-testid=evidence]').first().click();
    await page.waitForSelector('[data-testid=doc-text] mark');
    expect(await page.evaluate(() => location.hash)).toMatch(/^#\/doc\/.+\?span=\d+-\d+$/);
    expect(await shown('#docview')).toBe(true);
    expect(await shown('#explorer')).toBe(false);
    await page.getByTestId('back').first().click();
    await expect.poll(() => shown('#explorer')).toBe(true);
    expect(await shown('#docview')).toBe(false);
    expect(await page.evaluate(() => location.hash)).toContain(`node=${hub}`);
    // the selection survived the round trip, and the canvas is drawn again
    expect(await page.locator('#side h2').textContent()).toBe(label);
    await page.waitForTimeout(300);
    const { ink } = await _inkPixels(page, page.locator('#sigma'));
    expect(ink).toBeGreaterThan(2000);
    await shot('loop-2-back-link.png');
  }, 60_000);

  it('should come back from the document with the browser’s Back button', async () => {
    await page.locator('#side [data-testid=evidence]').first().click();
    await page.waitForSelector('[data-testid=doc-text] mark');
    expect(await shown('#docview')).toBe(true);
    await page.goBack();
    await expect.poll(() => shown('#explorer')).toBe(true);
    expect(await shown('#docview')).toBe(false);
    expect(await page.evaluate(() => location.hash)).toContain(`node=${hub}`);
    // and Forward goes to the document again
    await page.goForward();
    await expect.poll(() => shown('#docview')).toBe(true);
    await page.goBack();
    await expect.poll(() => shown('#explorer')).toBe(true);
    await shot('loop-3-back-button.png');
  }, 60_000);
});
