// Viewer benchmark: a generated 20k-node / 60k-edge graph served by the real server to the built
// viewer in headless Chromium (SwiftShader). Reports time to first frame and pan frame times for
// our explorer and for bare sigma on the same graph, then the interactions: click-select and hover of a
// node and of a tie in the explorer (input event → the frame that shows the focus) against bare sigma's
// refresh() (reprocess + draw) and render() (draw only) on the same graph, and says for each whether
// issue 8's bar (≤ 2× bare sigma's refresh()) is met.
//   npx tsx scripts/bench/viewer.ts [nodes] [edges]
// A warm-up load (not reported) comes first, so no page pays for Chromium's cold start.
// KG_BENCH_RUNS=3 measures each page 3 times, interleaved, and reports medians (on a loaded
// machine use it); KG_BENCH_MOVES sets the drag moves; KG_BENCH_MARKS=1 prints the explorer's
// start-up marks (kg:fetch-end, kg:import-end, kg:sigma-end …) to stderr.
import Graph from 'graphology';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { ENTITY_TYPES, PREDICATES } from '../../src/types.ts';
import { startServer } from '../../src/server/index.ts';
import type { BuildFn } from '../../src/server/index.ts';
import { _launch } from '../../test/e2e/_browser.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { loadNote } from './_measure.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const N = Number(process.argv[2] ?? 20_000);
const E = Number(process.argv[3] ?? 60_000);
const MOVES = Number(process.env.KG_BENCH_MOVES ?? 15);
const RUNS = Math.max(1, Number(process.env.KG_BENCH_RUNS ?? 1));
const MARKS = process.env.KG_BENCH_MARKS === '1';
/** Interactions measured per page and run (different hubs each time). */
const CLICKS = Math.max(1, Number(process.env.KG_BENCH_CLICKS ?? 3));

/** Deterministic PRNG (mulberry32), so every run benches the same graph. */
function rng(seed: number): () => number {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Clustered graph with the attribute shapes of src/types.ts and a cheap precomputed layout. */
export function generateGraph(n: number, m: number): Graph {
  const r = rng(42);
  const g = new Graph({ type: 'mixed', multi: false, allowSelfLoops: false });
  const clusters = Math.max(4, Math.round(Math.sqrt(n) / 3));
  const centers = Array.from({ length: clusters }, () => [r() * 2000 - 1000, r() * 2000 - 1000]);
  const countries = ['US', 'MX', 'CA', 'INTL', null];
  for (let i = 0; i < n; i++) {
    const c = Math.floor(r() * clusters);
    const gauss = () => (r() + r() + r() - 1.5) * 120;
    const type = ENTITY_TYPES[i % ENTITY_TYPES.length];
    g.addNode(`gen:${i}`, {
      nodeType: 'entity', type, label: `${type} ${i}`, name: `${type} ${i}`, aliases: [], country: countries[c % countries.length],
      status: i % 3 ? 'inferred' : 'curated', mentions: 1 + Math.floor(r() * 20), documents: [], degree: 0, community: c,
      x: centers[c][0] + gauss(), y: centers[c][1] + gauss(), size: 2,
    });
  }
  let made = 0;
  while (made < m) {
    const a = Math.floor(r() * n);
    // 85% of ties inside the cluster neighbourhood (nearby ids share clusters often enough), 15% anywhere
    const b = r() < 0.85 ? (a + 1 + Math.floor(r() * 50)) % n : Math.floor(r() * n);
    const s = `gen:${a}`, t = `gen:${b}`;
    if (s === t || g.hasEdge(s, t) || g.hasEdge(t, s)) continue;
    const predicate = PREDICATES[made % PREDICATES.length];
    const attrs = { edgeType: 'relation', predicate, evidence: [{ doc: 'doc:gen', start: 0, end: 10, text: 'generated.', rule: 'gen' }], rules: ['gen'], status: 'inferred', weight: 1 };
    const key = `${s}|${predicate}|${t}`;
    if (predicate === 'COOPERATES_WITH') g.addUndirectedEdgeWithKey(key, s, t, attrs);
    else g.addDirectedEdgeWithKey(key, s, t, attrs);
    made++;
  }
  g.forEachNode((k) => g.setNodeAttribute(k, 'degree', g.degree(k)));
  g.setAttribute('version', 1);
  return g;
}

const BARE_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>bare sigma</title><link rel="icon" href="data:,">
<style>html,body,#c{margin:0;width:100%;height:100%}</style></head><body><div id="c"></div>
<script type="module" src="./bare.ts"></script></body></html>`;
const BARE_TS = `import Graph from 'graphology';
import Sigma from 'sigma';
const data = await (await fetch('/api/graph')).json();
performance.mark('kg:fetch-end');
// sigma reads node "type" as its program name: drop the entity type, nothing else
for (const n of data.nodes) if (n.attributes) delete n.attributes.type;
const g = new Graph({ type: 'mixed', multi: false, allowSelfLoops: true });
g.import(data);
performance.mark('kg:import-end');
const hide = new URLSearchParams(location.search).get('hide') === '1';
const renderer = new Sigma(g, document.getElementById('c'), { hideEdgesOnMove: hide, hideLabelsOnMove: hide });
performance.mark('kg:sigma-end');
const w = window as any;
w.__kg = { renderer, graph: g };
// sigma renders synchronously in its constructor; the frame is presented at the next animation frame
requestAnimationFrame(() => { w.__kg.firstFrameAt = performance.now(); performance.mark('kg:first-frame'); });
`;

/** Drag across the canvas and time the frames sigma renders meanwhile. */
async function panFrames(page: Page): Promise<{ frames: number; msPerFrame: number; p95: number }> {
  await page.evaluate(() => {
    const w = window as any;
    w.__frames = [];
    w.__kg.renderer.on('afterRender', () => w.__frames.push(performance.now()));
  });
  const box = (await page.locator('canvas').first().boundingBox())!;
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const t0 = await page.evaluate(() => performance.now());
  // each move waits for the page to take the event, so a slow frame delays the next move: frames ≈ moves
  for (let i = 1; i <= MOVES; i++) await page.mouse.move(cx + Math.sin(i / 3) * 200, cy + Math.cos(i / 4) * 150);
  const t1 = await page.evaluate(() => performance.now());
  await page.mouse.up();
  await page.waitForTimeout(1500);
  const frames: number[] = await page.evaluate(([a, b]) => (window as any).__frames.filter((t: number) => t >= a && t <= b), [t0, t1]);
  const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
  const ms = frames.length > 1 ? (frames[frames.length - 1] - frames[0]) / (frames.length - 1) : t1 - t0;
  return { frames: frames.length, msPerFrame: ms, p95: gaps[Math.floor(gaps.length * 0.95)] ?? ms };
}

/**
 * Arm a timer: t0 at the next input event of `kind` (capture phase, before sigma sees it), t1 at the
 * animation frame after the first sigma render that follows it (so the frame is on screen). Every
 * renderer the page exposes counts (`__kg.renderers`, else `__kg.renderer`).
 */
async function arm(page: Page, kind: 'mousedown' | 'mousemove'): Promise<void> {
  await page.evaluate((k) => {
    const w = window as any;
    const b = (w.__bench ??= { hooked: new Set() });
    b.t0 = 0; b.t1 = 0; b.kind = k;
    if (!b.listening) {
      b.listening = true;
      for (const ev of ['mousedown', 'mousemove']) {
        window.addEventListener(ev, () => { if (b.kind === ev && !b.t0) b.t0 = performance.now(); }, true);
      }
    }
    for (const r of w.__kg.renderers ?? [w.__kg.renderer]) {
      if (b.hooked.has(r)) continue;
      b.hooked.add(r);
      r.on('afterRender', () => {
        if (!b.t0 || b.t1 || b.waiting) return;
        b.waiting = true;
        // WebGL draws run in the GPU process: read a pixel back so the frame's drawing is really done
        for (const gl of Object.values(r.webGLContexts ?? {}) as WebGLRenderingContext[]) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
        requestAnimationFrame(() => { b.t1 = performance.now(); b.waiting = false; });
      });
    }
  }, kind);
}

/** ms from the armed event to the frame after the render it caused (null: no render within 20 s). */
async function elapsed(page: Page): Promise<number | null> {
  try {
    await page.waitForFunction(() => (window as any).__bench.t1 > 0, null, { timeout: 20_000, polling: 50 });
  } catch { return null; }
  return page.evaluate(() => (window as any).__bench.t1 - (window as any).__bench.t0);
}

/**
 * CPU ms used so far by this process's descendants (Chromium's browser, GPU and renderer processes),
 * from /proc (Linux; NaN elsewhere). On a loaded machine an interaction's wall time mostly waits for a
 * core; its CPU time is what the page really costs. Resolution: one clock tick (10 ms).
 */
function chromiumCpuMs(): number {
  try {
    const kids = new Map<number, number[]>();
    const cpu = new Map<number, number>();
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      let stat: string;
      try { stat = readFileSync(`/proc/${d}/stat`, 'utf8'); } catch { continue; }
      // fields after the command (which may hold spaces): state ppid … utime(14) stime(15)
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(d), ppid = Number(f[1]);
      (kids.get(ppid) ?? kids.set(ppid, []).get(ppid)!).push(pid);
      cpu.set(pid, Number(f[11]) + Number(f[12]));
    }
    let ticks = 0;
    const todo = [...(kids.get(process.pid) ?? [])];
    while (todo.length) { const p = todo.pop()!; ticks += cpu.get(p) ?? 0; todo.push(...(kids.get(p) ?? [])); }
    return ticks * 10;
  } catch { return NaN; }
}

/** The location hash once it holds `part` (or as it is after 2 s). */
async function hashWith(page: Page, part: string): Promise<string> {
  await page.waitForFunction((p) => location.hash.includes(p), part, { timeout: 2000, polling: 20 }).catch(() => undefined);
  return page.evaluate(() => location.hash);
}

/** Hubs near the middle of the canvas (highest degree first), in page coordinates. */
async function hubsOnScreen(page: Page, n: number): Promise<{ key: string; x: number; y: number }[]> {
  return page.evaluate((count) => {
    const w = window as any;
    const r = w.__kg.renderer, g = w.__kg.graph;
    const box = r.getContainer().getBoundingClientRect();
    const out: { key: string; x: number; y: number; d: number }[] = [];
    g.forEachNode((k: string) => {
      const d = r.getNodeDisplayData(k);
      if (!d || d.hidden) return;
      const p = r.framedGraphToViewport(d);
      if (p.x < box.width * 0.25 || p.x > box.width * 0.75 || p.y < box.height * 0.25 || p.y > box.height * 0.75) return;
      out.push({ key: k, x: box.left + p.x, y: box.top + p.y, d: g.degree(k) });
    });
    out.sort((a, b) => b.d - a.d);
    // hubs apart from each other, so each click lands on its own node
    const picked: typeof out = [];
    for (const o of out) if (picked.every((p) => Math.hypot(p.x - o.x, p.y - o.y) > 40)) { picked.push(o); if (picked.length === count) break; }
    return picked.map(({ key, x, y }) => ({ key, x, y }));
  }, n);
}

/** What interact() measures: wall ms (input → frame) and CPU ms of the Chromium processes, per kind. */
interface Interactions { click: number[]; hover: number[]; tie: number[]; tieHover: number[]; clickCpu: number[]; hoverCpu: number[]; tieCpu: number[]; tieHoverCpu: number[] }

/** Explorer: hover then click each hub, then hover and click a tie; each time from the idle state (nothing focused). */
async function interact(page: Page): Promise<Interactions> {
  const x: Interactions = { click: [], hover: [], tie: [], tieHover: [], clickCpu: [], hoverCpu: [], tieCpu: [], tieHoverCpu: [] };
  const box = (await page.locator('#sigma canvas').first().boundingBox())!;
  const hubs = await hubsOnScreen(page, CLICKS);
  for (const hub of hubs) {
    // idle: mouse on a corner of the stage, nothing selected
    await page.mouse.move(box.x + 3, box.y + 3);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1500);
    await arm(page, 'mousemove');
    const hcpu0 = chromiumCpuMs();
    await page.mouse.move(hub.x, hub.y);
    const h = await elapsed(page);
    if (h !== null) { x.hover.push(h); x.hoverCpu.push(chromiumCpuMs() - hcpu0); }
    await page.waitForTimeout(1500);
    await arm(page, 'mousedown');
    const cpu0 = chromiumCpuMs();
    await page.mouse.down();
    await page.mouse.up();
    const c = await elapsed(page);
    if (c !== null) { x.click.push(c); x.clickCpu.push(chromiumCpuMs() - cpu0); }
    // the node on top under the cursor is selected (in a dense cluster not always the hub itself)
    // the URL is written 50 ms after the selection (debounced): the frame can come sooner
    const selected = await hashWith(page, 'node=');
    if (!selected.includes('node=')) process.stderr.write(`  (click at ${hub.key} selected nothing: ${selected})\n`);
    await page.waitForTimeout(1500);
  }
  // a tie: above the edge-events limit the explorer picks it by geometry, on hover and on a stage click
  const tie = await tieOnScreen(page);
  if (tie) {
    await page.mouse.move(box.x + 3, box.y + 3);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1500);
    await arm(page, 'mousemove');
    const hcpu0 = chromiumCpuMs();
    await page.mouse.move(tie.x, tie.y);
    const h = await elapsed(page);
    const hcpu = chromiumCpuMs() - hcpu0;
    // the hover drew the tie: the focus layer holds exactly it
    const drawn = await page.evaluate((k) => (window as any).__kg.focusRenderer.getGraph().edges().join(' ') === k, tie.key);
    if (h !== null && drawn) { x.tieHover.push(h); x.tieHoverCpu.push(hcpu); }
    else process.stderr.write(`  (hover on tie ${tie.key} drew ${h === null ? 'no frame' : 'another focus'})\n`);
    await page.waitForTimeout(1500);
    await arm(page, 'mousedown');
    const cpu0 = chromiumCpuMs();
    await page.mouse.down();
    await page.mouse.up();
    const c = await elapsed(page);
    const cpu = chromiumCpuMs() - cpu0;
    const hash = decodeURIComponent(await hashWith(page, 'edge='));
    if (c !== null && hash.includes('edge=')) { x.tie.push(c); x.tieCpu.push(cpu); }
    else process.stderr.write(`  (click on tie ${tie.key} selected no tie: ${hash})\n`);
    await page.waitForTimeout(1500);
  }
  await page.keyboard.press('Escape');
  return x;
}

/** A long tie in the middle of the canvas whose midpoint is clear of every node and other tie ends, in page coordinates. */
async function tieOnScreen(page: Page): Promise<{ key: string; x: number; y: number } | null> {
  return page.evaluate(() => {
    const w = window as any;
    const r = w.__kg.renderer, g = w.__kg.graph;
    const box = r.getContainer().getBoundingClientRect();
    const pts: { x: number; y: number }[] = [];
    g.forEachNode((k: string) => { const d = r.getNodeDisplayData(k); if (d && !d.hidden) pts.push(r.framedGraphToViewport(d)); });
    let found: { key: string; x: number; y: number } | null = null;
    g.forEachEdge((e: string, _a: unknown, s: string, t: string) => {
      if (found) return;
      const ds = r.getNodeDisplayData(s), dt = r.getNodeDisplayData(t);
      if (!ds || !dt || ds.hidden || dt.hidden) return;
      const a = r.framedGraphToViewport(ds), b = r.framedGraphToViewport(dt);
      const x = (a.x + b.x) / 2, y = (a.y + b.y) / 2;
      if (Math.hypot(a.x - b.x, a.y - b.y) < 150 || x < box.width * 0.2 || x > box.width * 0.8 || y < box.height * 0.2 || y > box.height * 0.8) return;
      if (pts.every((p) => Math.hypot(p.x - x, p.y - y) > 12)) found = { key: e, x: box.left + x, y: box.top + y };
    });
    return found;
  });
}

/** Bare sigma: refresh() (reprocess every node and edge, draw) and render() (draw only), to the next frame. */
async function bareRefresh(page: Page): Promise<{ refresh: number[]; render: number[] }> {
  return page.evaluate(async (n) => {
    // no named helpers in here: tsx would wrap them in a __name() the page does not have
    const r = (window as any).__kg.renderer;
    const refresh: number[] = [], render: number[] = [];
    for (let i = 0; i < n; i++) {
      await new Promise((res) => setTimeout(res, 500));
      // as in arm(): a pixel read back so the GPU process has finished drawing, then the next frame
      let t = performance.now(); r.refresh();
      for (const gl of Object.values(r.webGLContexts) as WebGLRenderingContext[]) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      refresh.push(await new Promise<number>((res) => requestAnimationFrame(() => res(performance.now()))) - t);
      await new Promise((res) => setTimeout(res, 500));
      t = performance.now(); r.render();
      for (const gl of Object.values(r.webGLContexts) as WebGLRenderingContext[]) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      render.push(await new Promise<number>((res) => requestAnimationFrame(() => res(performance.now()))) - t);
    }
    return { refresh, render };
  }, CLICKS);
}

async function measure(page: Page, url: string): Promise<{ firstFrame: number; pan: Awaited<ReturnType<typeof panFrames>> }> {
  process.stderr.write(`measuring ${url}…\n`);
  await page.goto(url);
  await page.waitForFunction(() => (window as any).__kg?.firstFrameAt !== undefined, null, { timeout: 180_000 });
  const firstFrame = await page.evaluate(() => (window as any).__kg.firstFrameAt as number);
  if (MARKS) {
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('kg:'))
      .map((m) => `${m.name.slice(3)} ${m.startTime.toFixed(0)}`).join(', '));
    process.stderr.write(`  first frame ${firstFrame.toFixed(0)} ms; marks: ${marks || '—'}\n`);
  }
  await page.waitForTimeout(1000);
  return { firstFrame, pan: await panFrames(page) };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'kg-bench-viewer-'));
  const viewerDir = join(dir, 'viewer');
  const bareSrc = join(ROOT, '.bench', 'bare');
  await mkdir(bareSrc, { recursive: true });
  await writeFile(join(bareSrc, 'bare.html'), BARE_HTML);
  await writeFile(join(bareSrc, 'bare.ts'), BARE_TS);
  process.stderr.write('building viewer and bare sigma page…\n');
  await build({ configFile: join(ROOT, 'viewer/vite.config.ts'), logLevel: 'warn', build: { outDir: viewerDir, emptyOutDir: true } });
  await build({ configFile: false, root: bareSrc, base: '/bare/', logLevel: 'warn',
    build: { outDir: join(viewerDir, 'bare'), emptyOutDir: true, target: 'es2022', rollupOptions: { input: join(bareSrc, 'bare.html') } } });

  process.stderr.write(`generating ${N} nodes / ${E} edges…\n`);
  const t = performance.now();
  const graph = generateGraph(N, E);
  process.stderr.write(`generated in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  const stub: BuildFn = async () => ({ graph: graph as never, documents: [], extractions: [], errors: [] });
  const server = await startServer({ corpus: dir, data: join(dir, 'data'), port: 0, viewerDir, build: stub, log: () => undefined });
  const browser = await _launch({ width: 1280, height: 800 });
  try {
    const page = browser.context.pages()[0] ?? await browser.context.newPage();
    page.on('pageerror', (e) => process.stderr.write(`pageerror: ${e.message}\n`));
    page.on('console', (m) => { if (m.type() === 'error') process.stderr.write(`console: ${m.text()}\n`); });
    console.log(`viewer bench: ${graph.order} nodes / ${graph.size} edges, headless Chromium (SwiftShader), 1280×800, ${MOVES} drag moves`);
    console.log('page                            first frame   pan ms/frame (p95)   frames');
    const pages = [['kg explorer', ''], ['bare sigma (defaults)', 'bare/bare.html'], ['bare sigma (hideEdgesOnMove)', 'bare/bare.html?hide=1']];
    // warm-up: the first page a fresh Chromium loads pays for its GPU process and shader caches
    process.stderr.write('warm-up load…\n');
    await page.goto(server.url + 'bare/bare.html');
    await page.waitForFunction(() => (window as any).__kg?.firstFrameAt !== undefined, null, { timeout: 180_000 });
    const results = new Map<string, Awaited<ReturnType<typeof measure>>[]>();
    const inter: Interactions & { refresh: number[]; render: number[] } = { click: [], hover: [], tie: [], tieHover: [], clickCpu: [], hoverCpu: [], tieCpu: [], tieHoverCpu: [], refresh: [], render: [] };
    const loadBefore = await loadNote();
    for (let run = 0; run < RUNS; run++) {
      for (const [name, path] of pages) {
        const r = await measure(page, server.url + path);
        results.set(name, [...(results.get(name) ?? []), r]);
        if (RUNS > 1) process.stderr.write(`  run ${run + 1} ${name}: ${(r.firstFrame / 1000).toFixed(2)} s, pan ${r.pan.msPerFrame.toFixed(1)} ms/frame\n`);
        if (name === 'kg explorer') {
          const x = await interact(page);
          for (const k of Object.keys(x) as (keyof Interactions)[]) inter[k].push(...x[k]);
          const list = (xs: number[]) => xs.map((v) => v.toFixed(0)).join(', ') || '—';
          process.stderr.write(`  run ${run + 1} explorer click ${list(x.click)} ms (CPU ${list(x.clickCpu)} ms); hover ${list(x.hover)} ms (CPU ${list(x.hoverCpu)}); `
            + `tie hover ${list(x.tieHover)} ms (CPU ${list(x.tieHoverCpu)}); tie click ${list(x.tie)} ms (CPU ${list(x.tieCpu)} ms)\n`);
        } else if (name === 'bare sigma (defaults)') {
          const x = await bareRefresh(page);
          inter.refresh.push(...x.refresh); inter.render.push(...x.render);
          process.stderr.write(`  run ${run + 1} bare refresh ${x.refresh.map((v) => v.toFixed(0)).join(', ')} ms; render ${x.render.map((v) => v.toFixed(0)).join(', ')} ms\n`);
        }
      }
    }
    const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
    for (const [name] of pages) {
      const rs = results.get(name)!;
      const ff = median(rs.map((r) => r.firstFrame)), ms = median(rs.map((r) => r.pan.msPerFrame));
      const p95 = median(rs.map((r) => r.pan.p95)), frames = median(rs.map((r) => r.pan.frames));
      console.log(`${name.padEnd(32)}${(ff / 1000).toFixed(2).padStart(8)} s   ${ms.toFixed(1).padStart(8)} (${p95.toFixed(1)})   ${String(Math.round(frames)).padStart(6)}`);
    }
    if (RUNS > 1) console.log(`(medians of ${RUNS} interleaved runs after a warm-up load)`);
    const ffOf = (name: string) => median(results.get(name)!.map((r) => r.firstFrame));
    console.log(`first frame, explorer ÷ bare sigma (defaults): ${(ffOf('kg explorer') / ffOf('bare sigma (defaults)')).toFixed(2)}×`);
    const fmt = (xs: number[]) => (xs.length ? `${median(xs).toFixed(0).padStart(8)} ms   (${xs.length} samples, max ${Math.max(...xs).toFixed(0)})` : '       — (no frame)');
    console.log('\ninteraction (input → next frame)          median');
    console.log(`${'bare sigma refresh()'.padEnd(42)}${fmt(inter.refresh)}`);
    console.log(`${'bare sigma render()'.padEnd(42)}${fmt(inter.render)}`);
    console.log(`${'kg explorer click-select'.padEnd(42)}${fmt(inter.click)}`);
    console.log(`${'kg explorer hover a node'.padEnd(42)}${fmt(inter.hover)}`);
    console.log(`${'kg explorer click a tie'.padEnd(42)}${fmt(inter.tie)}`);
    console.log(`${'kg explorer hover a tie'.padEnd(42)}${fmt(inter.tieHover)}`);
    console.log('\nCPU time of the Chromium processes (input → frame)   median');
    console.log(`${'kg explorer click-select'.padEnd(42)}${fmt(inter.clickCpu)}`);
    console.log(`${'kg explorer hover a node'.padEnd(42)}${fmt(inter.hoverCpu)}`);
    console.log(`${'kg explorer click a tie'.padEnd(42)}${fmt(inter.tieCpu)}`);
    console.log(`${'kg explorer hover a tie'.padEnd(42)}${fmt(inter.tieHoverCpu)}`);
    console.log(`${loadBefore} at the start; ${await loadNote()} at the end`);
    // issue 8's speed bar: click-select and hover within 2× bare sigma's refresh time on the same graph
    console.log('\nspeed bar (issue 8): click-select and hover ≤ 2× bare sigma refresh() on the same graph, medians');
    const ref = inter.refresh.length ? median(inter.refresh) : NaN;
    for (const [name, xs] of [['click a node', inter.click], ['hover a node', inter.hover], ['click a tie', inter.tie], ['hover a tie', inter.tieHover]] as const) {
      // two significant digits: the ratio is far below 1 when the focus layer spares the big graph
      const verdict = !xs.length || Number.isNaN(ref) ? 'NOT SHOWN (no samples)' : median(xs) <= 2 * ref ? 'MET' : 'NOT MET';
      const ratio = xs.length && !Number.isNaN(ref) ? `${median(xs).toFixed(0)} ms = ${(median(xs) / ref).toPrecision(2)}× of ${ref.toFixed(0)} ms` : '—';
      console.log(`  ${name.padEnd(14)} ${verdict.padEnd(8)} ${ratio}`);
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => { console.error(`bench viewer: ${e instanceof Error ? e.message : e}`); process.exit(1); });
}
