/**
 * kg benchmarks, in sequence: pipeline (MB/s and peak RSS of compromise's bare parse, `kg extract`,
 * `kg build` at two corpus sizes), neo4j (load rate of a real build into the bundled Neo4j, library
 * query medians), server (correction round-trip), viewer (first frame and pan in headless Chromium),
 * annotator (document render with every span and arc, keyboard step, correction round-trip in Chromium);
 * then one summary table of the key figures. Each bench runs in its own child process (its output is
 * shown as it comes) and can be run alone: `npm run bench:pipeline`, `bench:neo4j`, `bench:server`, `bench:viewer`, `bench:annotator`.
 *
 * Usage: npm run bench [-- [pipeline] [neo4j] [server] [viewer] [annotator] [--mb N[,M]] [--quick]]
 *   names     the benches to run (default: all five, in that order)
 *   --mb      pipeline corpus sizes (default 5,20) — the neo4j bench builds the largest (default 20)
 *   --quick   small sizes for a smoke run (pipeline 1,2 MB; neo4j 2 MB; server 10/50; viewer 5k/15k)
 * When pipeline and neo4j both run, neo4j loads the graph the pipeline bench built of its largest
 * corpus instead of building it again. Needs: `npm install` (dist/ is compiled if missing); neo4j:
 * Java 17+ and Maven unless NEO4J_URI is set; viewer: /usr/bin/chromium (scripts/install-chromium.sh
 * is run if it is missing).
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNote, table } from './_measure.ts';
import type { PipelineSummary } from './pipeline.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const ALL = ['pipeline', 'neo4j', 'server', 'viewer', 'annotator'] as const;
type Bench = (typeof ALL)[number];

const argv = process.argv.slice(2);
let mb: string | undefined;
let quick = false;
const chosen: Bench[] = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]!;
  if (a === '--mb') mb = argv[++i];
  else if (a.startsWith('--mb=')) mb = a.slice(5);
  else if (a === '--quick') quick = true;
  else if (a === '--help' || a === '-h') {
    console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]!.replace(/^\/\*\*?|^ \* ?/gm, ''));
    process.exit(0);
  } else if ((ALL as readonly string[]).includes(a)) chosen.push(a as Bench);
  else {
    console.error(`bench: unknown argument '${a}' (benches: ${ALL.join(', ')}; options: --mb N[,M], --quick)`);
    process.exit(2);
  }
}
const benches = ALL.filter((b) => (chosen.length ? chosen.includes(b) : true));
if (mb !== undefined && !/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/.test(mb)) {
  console.error(`bench: --mb ${mb}: expected a size in MB or a comma-separated list (e.g. 20 or 5,20)`);
  process.exit(2);
}
const sizes = mb ?? (quick ? '1,2' : '5,20');
const largest = String(Math.max(...sizes.split(',').map(Number)));

/** Runs `tsx scripts/bench/<name>.ts args`, echoing its output; resolves with stdout and exit code. */
function run(name: string, args: string[]): Promise<{ code: number; stdout: string; secs: number }> {
  console.log(`\n━━ bench ${name}: ${['scripts/bench/' + name + '.ts', ...args].join(' ')}`);
  const t0 = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/bench', `${name}.ts`), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); process.stdout.write(d); });
    child.once('error', (e) => { console.error(`bench ${name}: ${e.message}`); done({ code: 1, stdout, secs: 0 }); });
    child.once('exit', (code) => done({ code: code ?? 1, stdout, secs: (performance.now() - t0) / 1000 }));
  });
}

const work = mkdtempSync(join(tmpdir(), 'kg-bench-'));
const summary: string[][] = [['bench', 'figure', 'value']];
const failed: string[] = [];
const loads: string[] = [await loadNote()];
const num = (x: number, d = 2): string => (Number.isFinite(x) ? x.toFixed(d) : '-');

try {
  if (!existsSync(join(ROOT, 'dist/src/cli.js'))) {
    console.log('dist/src/cli.js missing: npm run build');
    spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  let keptGraph: string | undefined;
  for (const bench of benches) {
    if (bench === 'pipeline') {
      const file = join(work, 'pipeline.json');
      const args = ['--mb', sizes, '--summary', file];
      if (benches.includes('neo4j')) args.push('--keep-graph', (keptGraph = join(work, 'graph.json')));
      const r = await run('pipeline', args);
      if (r.code !== 0 || !existsSync(file)) { failed.push('pipeline'); keptGraph = undefined; continue; }
      const s = JSON.parse(readFileSync(file, 'utf8')) as PipelineSummary;
      for (const size of s.sizes) {
        for (const row of size.rows) {
          summary.push(['pipeline', `${row.label}, ${size.mb} MB`, `${num(row.mbps, 3)} MB/s wall, ${num(row.mbPerCpuSec, 3)} MB/CPU-s, ${row.vsCompromise ? `×${num(row.vsCompromise)} (CPU ×${num(row.vsCompromiseCpu!)}) compromise, ` : ''}peak RSS ${num(row.rssMB, 0)} MB`]);
        }
      }
      if (keptGraph && !existsSync(keptGraph)) keptGraph = undefined;
    } else if (bench === 'neo4j') {
      const file = join(work, 'neo4j.json');
      const args = keptGraph ? ['--graph', keptGraph, '--summary', file] : ['--mb', quick && !mb ? '2' : largest, '--summary', file];
      const r = await run('neo4j', args);
      if (r.code !== 0 || !existsSync(file)) { failed.push('neo4j'); continue; }
      const s = JSON.parse(readFileSync(file, 'utf8')) as { nodes: number; relationships: number; contents: { rels: Record<string, number> }; loads: { name: string; nodesPerSec: number; relsPerSec: number; secs: number }[]; queries: Record<string, number> };
      summary.push(['neo4j', 'graph', `${s.nodes} nodes, ${s.relationships} relationships (${s.contents.rels.MENTIONS ?? 0} MENTIONS)`]);
      for (const l of s.loads) summary.push(['neo4j', l.name, `${Math.round(l.nodesPerSec).toLocaleString('en')} nodes/s, ${Math.round(l.relsPerSec).toLocaleString('en')} relationships/s, ${num(l.secs, 1)} s in all`]);
      summary.push(['neo4j', 'query medians', Object.entries(s.queries).map(([k, v]) => `${k} ${num(v, 0)} ms`).join(', ')]);
    } else if (bench === 'server') {
      const r = await run('server', quick ? ['--n', '10', '--burst', '50'] : []);
      if (r.code !== 0) { failed.push('server'); continue; }
      const pick = (re: RegExp): string => re.exec(r.stdout)?.[1] ?? '?';
      summary.push(['server', 'initial build', pick(/initial build: (\d+ ms)/)]);
      summary.push(['server', 'POST → 201', pick(/POST → 201\s+(median .*)/)]);
      summary.push(['server', 'POST → SSE graph', pick(/POST → SSE graph\s+(median .*)/)]);
      summary.push(['server', 'burst', pick(/burst of (.*)/)]);
    } else if (bench === 'viewer') {
      const chromium = process.env.KG_CHROMIUM ?? '/usr/bin/chromium';
      try { accessSync(chromium, constants.X_OK); } catch {
        console.log(`\n${chromium} missing: bash scripts/install-chromium.sh`);
        if (spawnSync('bash', [join(ROOT, 'scripts/install-chromium.sh')], { cwd: ROOT, stdio: 'inherit' }).status !== 0) { failed.push('viewer (no chromium)'); continue; }
      }
      const r = await run('viewer', quick ? ['5000', '15000'] : []);
      if (r.code !== 0) { failed.push('viewer'); continue; }
      const head = /viewer bench: (\d+ nodes \/ \d+ edges)/.exec(r.stdout)?.[1] ?? '';
      for (const m of r.stdout.matchAll(/^(kg explorer|bare sigma[^\d]*?)\s+([\d.]+ s)\s+([\d.]+) \(([\d.]+)\)\s+(\d+)\s*$/gm)) {
        summary.push(['viewer', `${m[1]!.trim()} (${head})`, `first frame ${m[2]}, pan ${m[3]} ms/frame (p95 ${m[4]}), ${m[5]} frames`]);
      }
      const ff = /^first frame, explorer ÷ bare sigma \(defaults\): ([\d.]+×)/m.exec(r.stdout)?.[1];
      if (ff) summary.push(['viewer', 'first frame, explorer ÷ bare sigma', ff]);
      // the interactions: input → the frame that shows it, against bare sigma's refresh() on the same graph
      for (const m of r.stdout.matchAll(/^(bare sigma refresh\(\)|bare sigma render\(\)|kg explorer click-select|kg explorer hover|kg explorer click a tie)\s+(\d+ ms|— \(no frame\))\s*(?:\((\d+) samples, max (\d+)\))?\s*$/gm)) {
        summary.push(['viewer', `${m[1]} (input → next frame)`, m[3] ? `median ${m[2]} (${m[3]} samples, max ${m[4]} ms)` : m[2]!]);
      }
      const ratio = /^explorer ÷ bare refresh\(\): (.*)$/m.exec(r.stdout)?.[1];
      if (ratio) summary.push(['viewer', 'explorer ÷ bare sigma refresh()', ratio]);
    } else if (bench === 'annotator') {
      const r = await run('annotator', quick ? ['--runs', '3', '--keys', '10', '--corrections', '5'] : []);
      if (r.code !== 0) { failed.push('annotator'); continue; }
      for (const m of r.stdout.matchAll(/^(render, first open|render, again \(spans \+ arcs on screen\)|render \+ every arc of the document|key j → next mention, next frame|correction → document re-rendered|correction → graph updated \(SSE\))\s+(median .*)$/gm)) {
        summary.push(['annotator', m[1]!, m[2]!.replace(/\s+/g, ' ')]);
      }
    }
    loads.push(await loadNote());
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`\n━━ summary (${benches.join(', ')})\n${table(summary, 3)}`);
console.log(`machine: ${loads[0]} at start, ${loads[loads.length - 1]} at the end`);
if (failed.length) {
  console.error(`bench: failed: ${failed.join(', ')}`);
  process.exit(1);
}
