// E2E plumbing: a temp project (corpus copy + data dir), the real server, the viewer built to a temp dir.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { startServer } from '../../src/server/index.ts';
import type { RunningServer } from '../../src/server/index.ts';
import { _launch } from './_browser.ts';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/** A temp copy of corpus/ (plus `extra` files) and an empty data dir. */
export async function _tempProject(extra: Record<string, string> = {}): Promise<{ dir: string; corpus: string; data: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kg-e2e-'));
  const corpus = join(dir, 'corpus');
  const data = join(dir, 'data');
  await cp(join(ROOT, 'corpus'), corpus, { recursive: true });
  for (const [name, text] of Object.entries(extra)) await writeFile(join(corpus, name), text);
  await mkdir(data, { recursive: true });
  return { dir, corpus, data, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Build the viewer with vite into `outDir` (fresh, so the test never runs a stale bundle). */
export async function _buildViewer(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'viewer/vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

/** Start the real server on a free port over the temp project. */
export function _serve(p: { corpus: string; data: string }, viewerDir: string): Promise<RunningServer> {
  return startServer({ corpus: p.corpus, data: p.data, ontology: join(ROOT, 'ontology'), port: 0, viewerDir, log: () => undefined });
}

/**
 * Count pixels of an element's screenshot that differ from its background colour (decoded in the
 * page with a 2D canvas, so no PNG library is needed). A blank WebGL canvas gives ~0.
 */
export async function _inkPixels(page: Page, el: Locator, background = [255, 255, 255]): Promise<{ ink: number; total: number; png: Buffer }> {
  const png = await el.screenshot();
  const res = await page.evaluate(async ({ b64, bg }) => {
    // decode without fetch(data:): the server's CSP may forbid data: in connect-src
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const blob = new Blob([bytes], { type: 'image/png' });
    const bmp = await createImageBitmap(blob);
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) > 30) ink++;
    }
    return { ink, total: d.length / 4 };
  }, { b64: png.toString('base64'), bg: background });
  return { ...res, png };
}

/** What an e2e file's beforeAll sets up: a temp project, its viewer, a server and a browser page. */
export interface _Session {
  project: Awaited<ReturnType<typeof _tempProject>>;
  viewerDir: string;
  server: RunningServer;
  browser: Awaited<ReturnType<typeof _launch>>;
  page: Page;
}

/** Set up a session (extra corpus files by name) with page errors printed, as every e2e file does. */
export async function _session(extra: Record<string, string> = {}): Promise<_Session> {
  await mkdir(ARTIFACTS, { recursive: true });
  const project = await _tempProject(extra);
  const viewerDir = join(project.dir, 'viewer');
  await _buildViewer(viewerDir);
  const server = await _serve(project, viewerDir);
  const browser = await _launch({ width: 1400, height: 900 });
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  return { project, viewerDir, server, browser, page };
}
