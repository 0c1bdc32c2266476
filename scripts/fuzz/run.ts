// npm run fuzz: generate hostile files and throw them at kg three ways, then count what went wrong.
//   1. each file through the extraction pool on its own (what `kg extract` does), timed;
//   2. `kg build` over the whole hostile corpus (a child process, as a user runs it);
//   3. `kg serve` on it: nothing from outside the corpus in any answer.
// Usage: npx tsx scripts/fuzz/run.ts [--n 2000] [--seed 1] [--timeout 10] [--scale 1] [--keep] [--skip-build] [--skip-serve]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ExtractionPool } from '../../src/build/pool.js';
import { walkCorpus } from '../../src/corpus/walk.js';
import { startServer } from '../../src/server/index.js';
import { SECRET, makeHostileCorpus } from '../../test/fuzz/_hostile.js';

const { values } = parseArgs({ options: {
  n: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' }, timeout: { type: 'string', default: '10' },
  scale: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false },
  'skip-build': { type: 'boolean', default: false }, 'skip-serve': { type: 'boolean', default: false },
} });
const N = Number(values.n);
const TIMEOUT = Number(values.timeout);
const STACK = /^\s+at .+[:(]\d+|\n\s+at /m;

const root = mkdtempSync(join(tmpdir(), 'kg-fuzz-'));
const t0 = performance.now();
const hostile = makeHostileCorpus(root, N, Number(values.seed), { mutateFrom: 'corpus', scale: Number(values.scale) });
console.log(`generated ${hostile.files.length} hostile entries + ${hostile.canaries.length} good documents in ${hostile.corpus} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

const counts = { files: 0, extracted: 0, skippedCleanly: 0, crashes: 0, hangs: 0, stackTraces: 0, multiLine: 0, slowOver10s: 0, outOfMemory: 0 };
const examples: Record<string, string[]> = {};
const note = (k: string, line: string) => ((examples[k] ??= []).length < 5 && examples[k]!.push(line));
let exitCode = 0;

// 1 ─ every file alone, through the pool (two threads), each with the CPU budget
{
  const { root: real, entries, errors } = await walkCorpus(hostile.corpus);
  counts.skippedCleanly += errors.length; // walker skips (links out, loops, fifos): one line each
  for (const e of errors) if (e.message.includes('\n')) (counts.multiLine++, note('multiLine', e.message));
  const pool = new ExtractionPool({ ontology: 'ontology', size: 2, timeoutS: TIMEOUT });
  // both threads started (ontology loaded) before anything is timed
  const warm = entries.find((e) => e.name === hostile.canaries[0]!.name)!;
  await Promise.all([0, 1].map(() => pool.run(warm.file, { displayPath: warm.shown, name: warm.name, id: warm.id, root: real })));
  const times: number[] = [];
  const cpus: number[] = [];
  const started = performance.now();
  // two files at a time, one per pool thread, so a file's time is its own (not time spent queued)
  const queue = [...entries];
  const one = async (e: (typeof entries)[number]) => {
    const t = performance.now();
    const r = await pool.run(e.file, { displayPath: e.shown, name: e.name, id: e.id, root: real });
    // the file's own time in its worker (not queueing); CPU seconds where Linux tells them
    const secs = r.secs ?? (performance.now() - t) / 1000;
    const cpu = r.cpuSecs ?? secs;
    times.push(secs);
    cpus.push(cpu);
    counts.files++;
    if (cpu > 10 && !('error' in r && /took longer than/.test(r.error))) (counts.slowOver10s++, note('slowOver10s', `${e.name} ${cpu.toFixed(1)} CPU-s (${secs.toFixed(1)} s wall)`));
    if ('doc' in r) return void counts.extracted++;
    const msg = r.error;
    if (STACK.test(msg)) (counts.stackTraces++, note('stackTraces', msg.slice(0, 300)));
    if (msg.includes('\n')) (counts.multiLine++, note('multiLine', msg.slice(0, 300)));
    if (/took longer than/.test(msg)) (counts.hangs++, note('hangs', msg));
    else if (/internal error|its worker exited/.test(msg)) (counts.crashes++, note('crashes', msg));
    else if (/ran out of memory/.test(msg)) (counts.outOfMemory++, note('outOfMemory', msg));
    else counts.skippedCleanly++;
  };
  await Promise.all([0, 1].map(async () => {
    for (let e = queue.shift(); e; e = queue.shift()) await one(e);
  }));
  await pool.close();
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  const canariesOk = hostile.canaries.every((c) => entries.some((e) => e.name === c.name));
  console.log(`\n1. each file alone (extraction pool, 2 threads, --timeout ${TIMEOUT} s): ${counts.files} files in ${((performance.now() - started) / 1000).toFixed(0)} s; ` +
    `per file: wall median ${times[Math.floor(times.length / 2)]?.toFixed(2)} s, max ${times[times.length - 1]?.toFixed(1)} s; CPU median ${cpus[Math.floor(cpus.length / 2)]?.toFixed(2)} s, max ${cpus[cpus.length - 1]?.toFixed(1)} s; canaries listed: ${canariesOk}; load average ${loadavg()[0]!.toFixed(1)}`);
}

// 2 ─ kg build over all of it
let build = { code: -1 as number | null, stackTraces: 0, strayLines: 0, graphWritten: false, canariesExtracted: 0, secretInGraph: false, secs: 0 };
if (!values['skip-build']) {
  const out = join(root, 'graph.json');
  const cli = join('dist', 'src', 'cli.js');
  if (!existsSync(cli)) throw new Error('run `npm run build` first (the fuzz run uses dist/src/cli.js)');
  const started = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [cli, 'build', hostile.corpus, '--out', out, '--data', join(root, 'data'), '--timeout', String(TIMEOUT), '--no-layout'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (c) => resolve({ code: c, stderr: err }));
  });
  build.secs = (performance.now() - started) / 1000;
  build.code = code;
  const lines = stderr.split('\n').filter(Boolean);
  build.stackTraces = lines.filter((l) => /^\s+at /.test(l)).length;
  build.strayLines = lines.filter((l) => !/^(kg: |documents: |ontology: |entities: |relations: |wrote )/.test(l)).length;
  for (const l of lines.filter((x) => !/^(kg: |documents: |ontology: |entities: |relations: |wrote )/.test(x)).slice(0, 5)) note('buildStray', l.slice(0, 200));
  build.graphWritten = existsSync(out);
  if (build.graphWritten) {
    const text = readFileSync(out, 'utf8');
    build.secretInGraph = text.includes(SECRET);
    const g = JSON.parse(text) as { nodes: { key: string; attributes: { name?: string } }[]; edges: { key: string }[] };
    const docs = new Map(g.nodes.filter((x) => x.key.startsWith('doc:')).map((x) => [x.attributes.name, x.key]));
    const edges = new Set(g.edges.map((e) => e.key));
    build.canariesExtracted = hostile.canaries.filter((c) => docs.has(c.name) && edges.has(`${docs.get(c.name)}|MENTIONS|${c.entity}`)).length;
  }
  if (code !== 0 && code !== 2) counts.crashes++;
  console.log(`\n2. kg build over everything: exit ${code} in ${build.secs.toFixed(0)} s; graph written: ${build.graphWritten}; ` +
    `good documents extracted: ${build.canariesExtracted}/${hostile.canaries.length}; stack-trace lines: ${build.stackTraces}; lines not "kg: …": ${build.strayLines}; secret in graph: ${build.secretInGraph}`);
}

// 3 ─ kg serve on it: nothing from outside the corpus in any answer
let serve = { answers: 0, secretServed: 0, canariesServed: 0, healthOk: false };
if (!values['skip-serve']) {
  const server = await startServer({ corpus: hostile.corpus, data: join(root, 'data-serve'), port: 0, log: () => {}, watch: false, viewerDir: join(root, 'no-viewer') });
  try {
    const get = async (path: string) => {
      const r = await fetch(`${server.url}${path}`);
      const text = await r.text();
      serve.answers++;
      if (text.includes(SECRET)) (serve.secretServed++, note('secretServed', path));
      return { status: r.status, text };
    };
    serve.healthOk = (await get('api/health')).status === 200;
    const docs = JSON.parse((await get('api/documents')).text) as { name: string }[];
    await get('api/graph');
    for (const d of docs) await get(`api/documents/${encodeURIComponent(d.name)}`);
    for (const p of ['link-out.txt', 'link-dir-out%2Fsecret.txt', '..%2Fsecret.txt', '%2E%2E%2Fsecret.txt']) await get(`api/documents/${p}`);
    serve.canariesServed = hostile.canaries.filter((c) => docs.some((d) => d.name === c.name)).length;
  } finally {
    await server.close();
  }
  console.log(`\n3. kg serve: ${serve.answers} answers, health ok: ${serve.healthOk}, good documents served: ${serve.canariesServed}/${hostile.canaries.length}, answers holding bytes from outside the corpus: ${serve.secretServed}`);
}

console.log(`\ncounts: ${JSON.stringify(counts)}`);
for (const [k, list] of Object.entries(examples)) console.log(`  ${k}: ${list.join(' | ')}`);
const failed = counts.crashes + counts.stackTraces + counts.hangs + counts.multiLine + counts.slowOver10s
  + (values['skip-build'] ? 0 : build.stackTraces + build.strayLines + (build.graphWritten ? 0 : 1) + (build.canariesExtracted === hostile.canaries.length ? 0 : 1) + (build.secretInGraph ? 1 : 0))
  + (values['skip-serve'] ? 0 : serve.secretServed + (serve.canariesServed === hostile.canaries.length ? 0 : 1));
console.log(failed ? `FAIL: ${failed} problems` : 'PASS: 0 crashes, 0 stack traces, 0 hangs, good documents extracted, graph written, nothing from outside the corpus served');
exitCode = failed ? 1 : 0;
if (!values.keep) rmSync(root, { recursive: true, force: true });
else console.log(`kept ${root}`);
process.exit(exitCode);
