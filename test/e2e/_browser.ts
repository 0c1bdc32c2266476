// Headless Chromium for the e2e tests and the viewer bench: Debian's /usr/bin/chromium, SwiftShader WebGL.
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The exact flag set the team agreed on (never --disable-software-rasterizer: WebGL needs it). */
export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--use-gl=angle', '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export const CHROMIUM_PATH = process.env.KG_CHROMIUM ?? '/usr/bin/chromium';

/** A persistent context in a fresh profile dir; `close()` also removes the dir. */
export async function _launch(viewport = { width: 1400, height: 900 }): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kg-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
