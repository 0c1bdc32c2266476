// Annotator benchmark: the document view in headless Chromium against the real server on corpus/.
//   npx tsx scripts/bench/annotator.ts [--runs 10] [--keys 40] [--corrections 30] [--doc NAME]
// 1. render: the longest corpus document with every span (text, marks, the layout, and the arcs of the blocks
//    the browser renders; blocks off screen are skipped by content-visibility), first open and re-renders;
//    then every arc of the document drawn at once (which lays out every block that holds one);
// 2. key: a keyboard step to the next mention (keydown → handled → the next frame);
// 3. correction: a key press that POSTs a correction → the document re-rendered from the answer, and → the
//    graph in the page reloaded at the rebuilt version (the live update the explorer shows).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { startServer } from '../../src/server/index.ts';
import { _launch } from '../../test/e2e/_browser.ts';
import { loadNote } from './_measure.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { values } = parseArgs({ options: {
  runs: { type: 'string', default: '10' }, keys: { type: 'string', default: '40' }, corrections: { type: 'string', default: '30' },
  doc: { type: 'string' }, corpus: { type: 'string', default: join(ROOT, 'corpus') },
} });

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const line = (label: string, xs: number[]) => `${label.padEnd(34)} median ${pct(xs, 0.5).toFixed(1).padStart(6)} ms  p95 ${pct(xs, 0.95).toFixed(1).padStart(6)} ms  (n=${xs.length})`;

const dir = await mkdtemp(join(tmpdir(), 'kg-bench-annotator-'));
try {
  console.log(`annotator bench: ${await loadNote()}`);
  const viewerDir = join(dir, 'viewer');
  await build({ configFile: join(ROOT, 'viewer/vite.config.ts'), logLevel: 'warn', build: { outDir: viewerDir, emptyOutDir: true } });
  const server = await startServer({ corpus: values.corpus, data: join(dir, 'data'), ontology: join(ROOT, 'ontology'), port: 0, viewerDir, log: () => {} });
  const docs = (await (await fetch(`${server.url}api/documents`)).json()) as { name: string; length: number; mentions: number; relations: number }[];
  const doc = values.doc ? docs.find((d) => d.name === values.doc)! : docs.reduce((a, d) => (d.length > a.length ? d : a));
  console.log(`document: ${doc.name} (${doc.length.toLocaleString('en')} chars, ${doc.mentions} mentions, ${doc.relations} relations)`);
  const browser = await _launch({ width: 1400, height: 900 });
  try {
    const page = browser.context.pages()[0] ?? await browser.context.newPage();
    // the renderer's main-thread CPU time (CDP Performance.getMetrics ThreadTime): what a step costs whatever the load
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const cpu = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics') as { metrics: { name: string; value: number }[] };
      return 1000 * (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN);
    };
    await page.addInitScript(() => localStorage.setItem('kg.annotator', 'bench'));
    const url = `${server.url}#/doc/${encodeURIComponent(doc.name)}`;
    // warm-up (Chromium's cold start, font loading), then fresh page loads
    await page.goto(url);
    await page.waitForFunction((n) => window.__kgDocRender?.name === n, doc.name, { timeout: 60_000 });
    const first: number[] = [];
    for (let i = 0; i < Math.min(3, Number(values.runs)); i++) {
      await page.goto(`about:blank`);
      await page.goto(url);
      await page.waitForFunction((n) => window.__kgDocRender?.name === n, doc.name, { timeout: 60_000 });
      first.push(await page.evaluate(() => window.__kgDocRender!.ms));
    }
    const arcs = await page.evaluate(() => window.__kgDocRender!.arcs);
    // re-renders: toggle arcs off and on (each is a full render; the "on" one carries every arc)
    const again: number[] = [];
    const parts: { build: number; layout: number; arcs: number }[] = [];
    for (let i = 0; i < Number(values.runs); i++) {
      for (const _ of [0, 1]) {
        const before = await page.evaluate(() => window.__kgDocRender!.at);
        await page.keyboard.press('w');
        await page.waitForFunction((t) => window.__kgDocRender!.at > t, before);
      }
      const r = await page.evaluate(() => window.__kgDocRender!);
      again.push(r.ms);
      parts.push(r.parts);
    }
    const allArcs: number[] = [];
    const allCpu: number[] = [];
    let allCount = 0;
    for (let i = 0; i < Number(values.runs); i++) {
      const before = await page.evaluate(() => window.__kgDocRender!.at);
      await page.keyboard.press('w');
      await page.waitForFunction((t) => window.__kgDocRender!.at > t, before);
      const before2 = await page.evaluate(() => window.__kgDocRender!.at);
      await page.keyboard.press('w');
      await page.waitForFunction((t) => window.__kgDocRender!.at > t, before2);
      const c0 = await cpu();
      const r = await page.evaluate(() => { const x = window.__kgDoc!.drawAllArcs(); return { ...x, render: window.__kgDocRender!.ms }; });
      allCpu.push(await cpu() - c0);
      allArcs.push(r.render + r.ms);
      allCount = r.arcs;
    }
    const keysCpu0 = await cpu();
    const keys = await page.evaluate(async (n) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        out.push(performance.now() - t0);
      }
      return out;
    }, Number(values.keys));
    const keysCpu = (await cpu() - keysCpu0) / Number(values.keys);
    // corrections: `a` accepts the mention under the cursor and moves on to the next one
    const rtCpu0 = await cpu();
    const rt = await page.evaluate(async (n) => {
      const doc: number[] = [];
      const graph: number[] = [];
      const g = window.__kg!.graph;
      for (let i = 0; i < n; i++) {
        const v0 = Number(g.getAttribute('version'));
        const r0 = window.__kgDocRender!.at;
        const t0 = performance.now();
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
        while (window.__kgDocRender!.at === r0) await new Promise((r) => setTimeout(r, 2));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))); // until the frame that shows it
        doc.push(performance.now() - t0);
        while (Number(g.getAttribute('version')) <= v0) await new Promise((r) => setTimeout(r, 2));
        graph.push(performance.now() - t0);
      }
      return { doc, graph };
    }, Number(values.corrections));
    const rtCpu = (await cpu() - rtCpu0) / Number(values.corrections);
    console.log(`\n${doc.name}: ${arcs} arcs on screen at open, ${allCount} in all`);
    console.log(line('render, first open', first));
    console.log(line('render, again (spans + arcs on screen)', again));
    console.log(line('render + every arc of the document', allArcs));
    console.log(`  of which (medians): build ${pct(parts.map((p) => p.build), 0.5).toFixed(1)} ms, DOM + layout ${pct(parts.map((p) => p.layout), 0.5).toFixed(1)} ms, arcs ${pct(parts.map((p) => p.arcs), 0.5).toFixed(1)} ms`);
    console.log(line('key j → next mention, next frame', keys));
    console.log(line('correction → document re-rendered', rt.doc));
    console.log(line('correction → graph updated (SSE)', rt.graph));
    console.log(`main-thread CPU per step (Chromium ThreadTime, mean): every arc drawn at once ${(allCpu.reduce((a, b) => a + b, 0) / allCpu.length).toFixed(1)} ms (after the render), key j ${keysCpu.toFixed(1)} ms, correction with its graph update ${rtCpu.toFixed(1)} ms`);
    console.log(`\n${await loadNote()}`);
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
