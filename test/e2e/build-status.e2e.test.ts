// The header's build-status chip against the real server watching its corpus and ontology: a document that
// cannot be read is listed as skipped, a rebuild that fails marks the graph stale; fixing each clears the chip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer } from '../../src/server/index.ts';
import type { RunningServer } from '../../src/server/index.ts';
import { _selfReferentialPdf } from '../corpus/_helpers.ts';
import { _launch } from './_browser.ts';
import { ARTIFACTS, ROOT, _buildViewer, _tempProject } from './_helpers.ts';

let project: Awaited<ReturnType<typeof _tempProject>>;
let server: RunningServer;
let browser: Awaited<ReturnType<typeof _launch>>;
let page: Page;
let ontology = '';
const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `build-status-${name}.png`) });
const chip = () => page.getByTestId('build-status');
/** The chip's text, or null while it is hidden. */
const chipText = async () => ((await chip().isVisible()) ? (await chip().textContent()) : null);

beforeAll(async () => {
  project = await _tempProject();
  ontology = join(project.dir, 'ontology');
  await cp(join(ROOT, 'ontology'), ontology, { recursive: true });
  const viewerDir = join(project.dir, 'viewer');
  await _buildViewer(viewerDir);
  server = await startServer({ corpus: project.corpus, data: project.data, ontology, port: 0, viewerDir, watch: true, log: () => undefined });
  browser = await _launch({ width: 1400, height: 900 });
  page = browser.context.pages()[0] ?? await browser.context.newPage();
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await page.goto(server.url);
  await page.waitForFunction(() => window.__kg?.graph && window.__kg.graph.order > 0, null, { timeout: 120_000 });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await project?.cleanup();
});

describe('build-status chip (real server, watched sources)', () => {
  it('should be hidden while the graph is built from every document', async () => {
    expect(await chipText()).toBeNull();
  });

  it('should list a document the rebuild could not read as skipped, and clear once it is removed', async () => {
    const bad = join(project.corpus, 'broken.pdf');
    await writeFile(bad, _selfReferentialPdf());
    await expect.poll(chipText, { timeout: 90_000, intervals: [500] }).toBe('1 document skipped');
    expect(await chip().getAttribute('class')).toContain('skipped');
    expect(await chip().getAttribute('title')).toContain('broken.pdf');
    await shot('skipped');
    await rm(bad);
    await expect.poll(chipText, { timeout: 90_000, intervals: [500] }).toBeNull();
  }, 200_000);

  it('should show a failed rebuild as a red “stale” chip naming the error, and clear once the file is fixed', async () => {
    const file = join(ontology, 'entities', 'organization.yaml');
    const good = await readFile(file, 'utf8');
    const version = await page.evaluate(() => Number(window.__kg!.graph.getAttribute('version')));
    try {
      await writeFile(file, `${good}\n  - { id: org:broken, name: [unclosed\n`);
      await expect.poll(chipText, { timeout: 90_000, intervals: [500] }).toBe('rebuild failed: graph is stale');
      expect(await chip().getAttribute('class')).toContain('error');
      expect(await chip().getAttribute('title')).toMatch(/organization\.yaml:\d+: invalid YAML/);
      // the chip is legible: white on red, not an empty box
      const colours = await chip().evaluate((el) => { const s = getComputedStyle(el); return [s.color, s.backgroundColor]; });
      expect(colours[0]).not.toBe(colours[1]);
      // the previous graph is still shown
      expect(await page.evaluate(() => window.__kg!.graph.order)).toBeGreaterThan(0);
      await shot('stale');
    } finally {
      await writeFile(file, good);
    }
    await expect.poll(chipText, { timeout: 90_000, intervals: [500] }).toBeNull();
    await expect.poll(() => page.evaluate(() => Number(window.__kg!.graph.getAttribute('version'))), { timeout: 30_000 }).toBeGreaterThan(version);
    await shot('fixed');
  }, 200_000);
});
