/**
 * Pipeline benchmark: replicate corpus/ to each size (distinct file names, text unchanged), then time
 * in separate child processes (so peak RSS is each one's own): compromise's bare parse of the same
 * text (nlp(text) + people/organizations/places), `kg extract` (streams one document at a time), and
 * `kg build` (worker threads on every core above 4 MB). Reports wall MB/s, MB per CPU-second (the
 * per-core rate, robust to a loaded machine), the ratio to compromise, and peak RSS — at two sizes by
 * default, so a flat RSS shows memory does not grow with the corpus.
 * Peak RSS comes from process.resourceUsage() at the child's exit (scripts/bench/_measure.ts), no /usr/bin/time.
 *
 * Usage: npx tsx scripts/bench/pipeline.ts [--mb 5,20] [--workers N] [--single] [--no-compromise]
 *          [--keep-graph FILE] [--summary FILE]
 *   --mb        corpus sizes in MB, comma-separated (default 5,20)
 *   --workers   `kg build --workers N` (default: kg's own choice, every core above 4 MB)
 *   --single    also time `kg build --workers 1`
 *   --keep-graph  copy the graph.json of the largest size there (the neo4j bench can load it)
 *   --summary   write the figures as JSON there (scripts/bench/index.ts reads it)
 *   --parallel  run the steps of a size at the same time (a busy machine: wall figures then mean
 *               little, the MB/CPU-s and peak RSS figures still hold)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadNote, measureNode, table, type Measured } from './_measure.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { values: opt } = parseArgs({
  options: {
    mb: { type: 'string', default: '5,20' }, workers: { type: 'string' }, single: { type: 'boolean', default: false },
    'no-compromise': { type: 'boolean', default: false }, parallel: { type: 'boolean', default: false }, 'keep-graph': { type: 'string' }, summary: { type: 'string' },
  },
});
const sizes = opt.mb.split(',').map(Number).filter((x) => x > 0).sort((a, b) => a - b);
if (!sizes.length) throw new Error(`--mb ${opt.mb}: expected sizes in MB, e.g. 5,20`);

const CLI = join(ROOT, 'dist/src/cli.js');
if (!existsSync(CLI)) {
  console.error('dist/src/cli.js missing: compiling (npm run build)…');
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.json')], { stdio: 'inherit', cwd: ROOT });
}

const root = join(tmpdir(), `kg-bench-pipeline-${process.pid}`);
const sources = readdirSync(join(ROOT, 'corpus')).filter((f) => !f.startsWith('.')).sort().map((f) => ({ f, text: readFileSync(join(ROOT, 'corpus', f), 'utf8') }));

/** corpus/ copied until ≥ `mb` MB; returns the directory, its files and exact size. */
function replicate(mb: number): { dir: string; files: string[]; MB: number; copies: number } {
  const dir = join(root, `corpus-${mb}mb`);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  let copies = 0;
  while (bytes < mb * 1048576) {
    for (const { f, text } of sources) {
      const p = join(dir, `${String(copies).padStart(5, '0')}-${f}`);
      writeFileSync(p, text);
      files.push(p);
      bytes += Buffer.byteLength(text);
    }
    copies++;
  }
  return { dir, files, MB: bytes / 1048576, copies };
}

interface Row extends Measured { MB: number; mbps: number; mbPerCpuSec: number; vsCompromise?: number; vsCompromiseCpu?: number }
export interface PipelineSummary { load: string[]; sizes: { mb: number; files: number; copies: number; rows: Row[]; graphMB?: number }[] }

async function main(): Promise<void> {
  const summary: PipelineSummary = { load: [await loadNote()], sizes: [] };
  console.log(`pipeline bench: sizes ${sizes.join(', ')} MB; ${availableParallelism()} cores; ${summary.load[0]}`);
  try {
    for (const mb of sizes) {
      const c = replicate(mb);
      console.log(`\ncorpus ${mb} MB: ${c.files.length} files, ${c.MB.toFixed(1)} MB (${c.copies} copies of corpus/)`);
      const graph = join(root, `graph-${mb}mb.json`);
      const runs: [string, () => Promise<Measured>][] = [];
      if (!opt['no-compromise']) runs.push(['compromise bare parse', () => measureNode('compromise bare parse', fileURLToPath(new URL('./_compromise-bare.mjs', import.meta.url)), [c.dir])]);
      runs.push(['kg extract', () => measureNode('kg extract', CLI, ['extract', '--ontology', join(ROOT, 'ontology'), ...c.files], { cwd: root })]);
      const build = (w?: string) => () => measureNode(`kg build (${w ?? 'auto'} workers)`, CLI,
        ['build', c.dir, '--out', graph, '--quiet', '--no-corrections', '--ontology', join(ROOT, 'ontology'), ...(w ? ['--workers', w] : [])], { cwd: root });
      if (opt.single) runs.push(['kg build (1 thread)', build('1')]);
      runs.push([`kg build (${opt.workers ?? 'auto'} workers)`, build(opt.workers)]);
      const step = async ([label, run]: (typeof runs)[number]): Promise<Row> => {
        if (!opt.parallel) process.stderr.write(`  ${label}…`);
        const m = await run();
        if (opt.parallel) process.stderr.write(`  ${label}:`);
        process.stderr.write(` ${m.secs.toFixed(1)} s, ${m.cpuSecs.toFixed(1)} CPU s, ${m.rssMB.toFixed(0)} MB RSS\n`);
        return { ...m, label, MB: c.MB, mbps: c.MB / m.secs, mbPerCpuSec: c.MB / m.cpuSecs };
      };
      const rows: Row[] = [];
      if (opt.parallel) rows.push(...(await Promise.all(runs.map(step))));
      else for (const r of runs) rows.push(await step(r));
      const base = rows.find((r) => r.label.startsWith('compromise'));
      for (const r of rows) if (base) { r.vsCompromise = r.mbps / base.mbps; r.vsCompromiseCpu = r.mbPerCpuSec / base.mbPerCpuSec; }
      const graphMB = existsSync(graph) ? statSync(graph).size / 1048576 : undefined;
      summary.sizes.push({ mb, files: c.files.length, copies: c.copies, rows, graphMB });
      summary.load.push(await loadNote());
      if (opt.parallel) console.log('(steps run in parallel: compare MB/CPU-s, not wall MB/s)');
      console.log(table([
        ['step', 'wall s', 'MB/s', '× compromise', 'CPU s', 'MB/CPU-s', '× compromise (CPU)', 'peak RSS MB'],
        ...rows.map((r) => [r.label, r.secs.toFixed(1), r.mbps.toFixed(3), r.vsCompromise?.toFixed(2) ?? '-', r.cpuSecs.toFixed(1), r.mbPerCpuSec.toFixed(3), r.vsCompromiseCpu?.toFixed(2) ?? '-', r.rssMB.toFixed(0)]),
      ]));
      if (graphMB !== undefined) console.log(`graph.json: ${graphMB.toFixed(1)} MB; ${summary.load[summary.load.length - 1]}`);
      if (mb === sizes[sizes.length - 1] && opt['keep-graph'] && existsSync(graph)) {
        copyFileSync(graph, resolve(opt['keep-graph']));
        console.log(`graph of the ${mb} MB corpus kept at ${resolve(opt['keep-graph'])}`);
      }
      rmSync(c.dir, { recursive: true, force: true });
    }
    if (summary.sizes.length > 1) {
      console.log('\npeak RSS by corpus size (MB):');
      const labels = summary.sizes[0]!.rows.map((r) => r.label);
      console.log(table([['step', ...summary.sizes.map((s) => `${s.mb} MB corpus`)], ...labels.map((l) => [l, ...summary.sizes.map((s) => s.rows.find((r) => r.label === l)?.rssMB.toFixed(0) ?? '-')])]));
    }
    if (opt.summary) writeFileSync(opt.summary, JSON.stringify(summary, null, 2));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`bench pipeline: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
