// npm run fuzz: generate hostile files and throw them at kg, then count what went wrong, per file and per family.
//   1. `kg build` over the whole hostile corpus: one child process, as a user runs it, its pool sized to
//      the cores; every document's time, CPU time and error recorded by a preload (_timings.mjs), so a
//      crash, stack trace or hang is still pinned to its file; the graph and its good documents checked;
//   2. `kg extract` on a sample (1 in --sample of the hostile files, plus the good ones): one process;
//   3. `kg serve` (startServer, building with the same --timeout) on a second, smaller hostile corpus
//      (the same families at 1/--sample the count, every file-system trap, the good documents):
//      nothing from outside the corpus in any answer.
// Each document is extracted once per phase: the run's cost is one pass over the corpus plus two small ones.
// Usage: npx tsx scripts/fuzz/run.ts [--n 2000] [--seed 1] [--timeout 10] [--scale 1] [--sample 20] [--workers N]
//        [--keep] [--skip-extract] [--skip-serve]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildProject } from '../../src/build.js';
import { startServer } from '../../src/server/index.js';
import { SECRET, makeHostileCorpus, type HostileCorpus } from '../../test/fuzz/_hostile.js';

const { values } = parseArgs({ options: {
  n: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' }, timeout: { type: 'string', default: '10' },
  scale: { type: 'string', default: '1' }, sample: { type: 'string', default: '20' }, workers: { type: 'string' },
  keep: { type: 'boolean', default: false }, 'skip-extract': { type: 'boolean', default: false }, 'skip-serve': { type: 'boolean', default: false },
} });
const N = Number(values.n);
const TIMEOUT = Number(values.timeout);
const SAMPLE = Math.max(1, Number(values.sample));
const WORKERS = Number(values.workers ?? Math.max(1, Math.min(availableParallelism(), 4)));
const STACK = /^\s+at .+[:(]\d+|\n\s+at /m;
const SUMMARY = /^(kg: |documents: |ontology: |entities: |relations: |wrote )/;
const CLI = join('dist', 'src', 'cli.js');
const PRELOAD = resolve('scripts', 'fuzz', '_timings.mjs');
if (!existsSync(CLI)) throw new Error('run `npm run build` first (the fuzz run uses dist/src/cli.js)');

const root = mkdtempSync(join(tmpdir(), 'kg-fuzz-'));
const runStarted = performance.now();
const load0 = loadavg()[0]!;
const hostile = makeHostileCorpus(root, N, Number(values.seed), { mutateFrom: 'corpus', scale: Number(values.scale) });
const bytes = hostile.files.reduce((s, f) => s + (() => { try { return statSync(join(hostile.corpus, f.name)).size; } catch { return 0; } })(), 0);
console.log(`generated ${hostile.files.length} hostile entries (${(bytes / 1e6).toFixed(1)} MB) + ${hostile.canaries.length} good documents in ${hostile.corpus} ` +
  `(${((performance.now() - runStarted) / 1000).toFixed(1)} s); --timeout ${TIMEOUT} s, ${WORKERS} workers, load average ${load0.toFixed(1)}`);

/** What went wrong, over all phases; each example names its file. */
const counts = { crashes: 0, stackTraces: 0, hangs: 0, multiLine: 0, strayLines: 0, outOfMemory: 0 };
const examples: Record<string, string[]> = {};
const note = (k: string, line: string) => ((examples[k] ??= []).length < 6 && examples[k]!.push(line.slice(0, 240)));

/** How one error line of a skipped document is counted. */
function classify(msg: string): 'hang' | 'crash' | 'oom' | 'skipped' {
  if (/took longer than/.test(msg)) return 'hang';
  // a pipeline component that throws is a bug (a document dropped), even though it is reported in one line
  if (/internal error|its worker exited|pipeline component '[^']*' failed/.test(msg)) return 'crash';
  if (/ran out of memory/.test(msg)) return 'oom';
  return 'skipped';
}

interface Timing { event: 'queued' | 'done'; file: string; name: string; secs?: number; cpuSecs?: number; sinceQueued: number; error?: string }

/** Runs the CLI with the timings preload; stderr kept, stdout counted in lines. */
async function kg(args: string[], timings: string, limitS: number): Promise<{ code: number | null; stderr: string; stdout: string; secs: number; killed: boolean; records: Timing[] }> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', PRELOAD, CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KG_FUZZ_TIMINGS: timings } });
    let err = '';
    let out = '';
    let killed = false;
    // the whole process over its limit is a hang too (the pool's own limits failed)
    const guard = setTimeout(() => ((killed = true), child.kill('SIGKILL')), limitS * 1000);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => {
      clearTimeout(guard);
      const records = existsSync(timings) ? readFileSync(timings, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Timing) : [];
      done({ code, stderr: err, stdout: out, secs: (performance.now() - started) / 1000, killed, records });
    });
  });
}

/** Checks a CLI's stderr: stack-trace lines, lines that are not one of kg's, multi-line messages. */
function checkStderr(phase: string, stderr: string): void {
  for (const l of stderr.split('\n').filter(Boolean)) {
    if (/^\s+at /.test(l)) (counts.stackTraces++, note('stackTraces', `${phase}: ${l}`));
    else if (!SUMMARY.test(l)) (counts.strayLines++, note('strayLines', `${phase}: ${l}`));
  }
}

const kindOf = new Map<string, string>([...hostile.files.map((f) => [f.name, f.kind] as const), ...hostile.canaries.map((c) => [c.name, 'good'] as const)]);
const family = (name: string) => kindOf.get(name) ?? 'fs';

interface FamilyRow { files: number; extracted: number; skipped: number; hangs: number; crashes: number; oom: number; cpu: number; maxCpu: number; maxName: string }

/** Per-family table of one phase's finished documents. */
function perFamily(records: Timing[]): Map<string, FamilyRow> {
  const t = new Map<string, FamilyRow>();
  for (const r of records.filter((x) => x.event === 'done')) {
    const k = family(r.name);
    const row = t.get(k) ?? { files: 0, extracted: 0, skipped: 0, hangs: 0, crashes: 0, oom: 0, cpu: 0, maxCpu: 0, maxName: '' };
    row.files++;
    const cpu = r.cpuSecs ?? (r.error && /took longer than/.test(r.error) ? TIMEOUT : (r.secs ?? 0));
    row.cpu += cpu;
    if (cpu > row.maxCpu) (row.maxCpu = cpu, row.maxName = r.name);
    if (r.error === undefined) row.extracted++;
    else ({ hang: () => row.hangs++, crash: () => row.crashes++, oom: () => row.oom++, skipped: () => row.skipped++ })[classify(r.error)]();
    t.set(k, row);
  }
  return t;
}

/** Counts a phase's finished documents: hangs, crashes, stack traces and multi-line messages, each with its file. */
function countRecords(phase: string, records: Timing[]): void {
  for (const r of records.filter((x) => x.event === 'done')) {
    // a file that finished but over the budget in CPU time (the budget check polls): a hang as well
    if (r.error === undefined && (r.cpuSecs ?? 0) > TIMEOUT) (counts.hangs++, note('hangs', `${phase}: ${r.name} ${r.cpuSecs!.toFixed(1)} CPU-s`));
    if (r.error === undefined) continue;
    if (STACK.test(r.error)) (counts.stackTraces++, note('stackTraces', `${phase}: ${r.error}`));
    if (r.error.includes('\n')) (counts.multiLine++, note('multiLine', `${phase}: ${r.error}`));
    const c = classify(r.error);
    if (c === 'hang') (counts.hangs++, note('hangs', `${phase}: ${r.error}`));
    else if (c === 'crash') (counts.crashes++, note('crashes', `${phase}: ${r.error}`));
    else if (c === 'oom') (counts.outOfMemory++, note('outOfMemory', `${phase}: ${r.error}`));
  }
}

/** Files queued but never finished (the process died or was killed): the first ones are the suspects. */
function unfinished(records: Timing[]): string[] {
  const finished = new Set(records.filter((r) => r.event === 'done').map((r) => r.file));
  return records.filter((r) => r.event === 'queued' && !finished.has(r.file)).map((r) => r.name);
}

/** Checks a written graph: the good documents' MENTIONS edges, the secret. */
function checkGraph(out: string, canaries: HostileCorpus['canaries']): { written: boolean; good: number; secret: boolean } {
  if (!existsSync(out)) return { written: false, good: 0, secret: false };
  const text = readFileSync(out, 'utf8');
  const g = JSON.parse(text) as { nodes: { key: string; attributes: { name?: string } }[]; edges: { key: string }[] };
  const docs = new Map(g.nodes.filter((x) => x.key.startsWith('doc:')).map((x) => [x.attributes.name, x.key]));
  const edges = new Set(g.edges.map((e) => e.key));
  return { written: true, good: canaries.filter((c) => docs.has(c.name) && edges.has(`${docs.get(c.name)}|MENTIONS|${c.entity}`)).length, secret: text.includes(SECRET) };
}

const pct = (xs: number[], p: number) => xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]! : 0;
let problems = 0;

// 1 ─ kg build over all of it
{
  const out = join(root, 'graph.json');
  const timings = join(root, 'build-timings.jsonl');
  // generous: every document at its budget, in wall time at a load of 10, on the pool's threads
  const limit = Math.max(1800, (hostile.files.length * TIMEOUT * 10) / WORKERS);
  const r = await kg(['build', hostile.corpus, '--out', out, '--data', join(root, 'data'), '--timeout', String(TIMEOUT), '--no-layout', '--workers', String(WORKERS)], timings, limit);
  checkStderr('build', r.stderr);
  countRecords('build', r.records);
  const lost = unfinished(r.records);
  if (r.killed) (counts.hangs++, note('hangs', `build: killed after ${limit} s; unfinished: ${lost.slice(0, WORKERS).join(', ')}`));
  else if (r.code !== 0 && r.code !== 2) (counts.crashes++, note('crashes', `build: exit ${r.code}; unfinished: ${lost.slice(0, WORKERS).join(', ')}`));
  const g = checkGraph(out, hostile.canaries);
  const done = r.records.filter((x) => x.event === 'done');
  const cpus = done.map((x) => x.cpuSecs ?? 0);
  const walkerLines = r.stderr.split('\n').filter((l) => l.startsWith('kg: ') && !done.some((d) => d.error && l.includes(d.error.slice(0, 60)))).length;
  console.log(`\n1. kg build over everything (${WORKERS} workers): exit ${r.code} in ${r.secs.toFixed(0)} s wall; ${done.length} documents through the pool ` +
    `(${done.filter((x) => x.error === undefined).length} extracted, ${done.filter((x) => x.error !== undefined).length} skipped), ` +
    `other kg: lines (walker skips, warnings): ${walkerLines}; CPU-s per document median ${pct(cpus, 0.5).toFixed(2)}, p99 ${pct(cpus, 0.99).toFixed(1)}, ` +
    `total ${cpus.reduce((a, b) => a + b, 0).toFixed(0)}; graph written: ${g.written}; good documents extracted: ${g.good}/${hostile.canaries.length}; ` +
    `secret in graph: ${g.secret}; load average ${loadavg()[0]!.toFixed(1)}`);
  console.log('   family                  files  extracted  skipped  hangs  crashes  oom   CPU-s  max CPU-s');
  for (const [k, v] of [...perFamily(r.records)].sort()) {
    console.log(`   ${k.padEnd(22)} ${String(v.files).padStart(6)} ${String(v.extracted).padStart(10)} ${String(v.skipped).padStart(8)} ${String(v.hangs).padStart(6)} ` +
      `${String(v.crashes).padStart(8)} ${String(v.oom).padStart(4)} ${v.cpu.toFixed(1).padStart(7)} ${v.maxCpu.toFixed(2).padStart(10)}`);
  }
  problems += (g.written ? 0 : 1) + (g.good === hostile.canaries.length ? 0 : 1) + (g.secret ? 1 : 0);
  if (!g.written) note('graph', 'build: no graph written');
}

// 2 ─ kg extract on a sample
if (!values['skip-extract']) {
  const files = [...hostile.files.filter((f) => f.kind !== 'fs').filter((_, i) => i % SAMPLE === 0).map((f) => f.name), ...hostile.canaries.map((c) => c.name)];
  const timings = join(root, 'extract-timings.jsonl');
  const r = await kg(['extract', ...files.map((f) => join(hostile.corpus, f)), '--corpus', hostile.corpus, '--timeout', String(TIMEOUT)], timings, Math.max(900, files.length * TIMEOUT * 10));
  checkStderr('extract', r.stderr);
  countRecords('extract', r.records);
  if (r.killed) (counts.hangs++, note('hangs', `extract: killed; unfinished: ${unfinished(r.records)[0]}`));
  else if (r.code !== 0 && r.code !== 2) (counts.crashes++, note('crashes', `extract: exit ${r.code}; unfinished: ${unfinished(r.records)[0]}`));
  const lines = r.stdout.split('\n').filter(Boolean);
  const json = lines.filter((l) => { try { JSON.parse(l); return true; } catch { return false; } }).length;
  const errLines = r.stderr.split('\n').filter((l) => l.startsWith('kg: ')).length;
  const good = hostile.canaries.filter((c) => lines.some((l) => l.includes(`"${c.entity}"`) && l.includes(c.name))).length;
  console.log(`\n2. kg extract on 1 in ${SAMPLE} hostile files + the good ones: ${files.length} files, exit ${r.code} in ${r.secs.toFixed(0)} s; ` +
    `${json} JSON lines + ${errLines} one-line refusals (${json + errLines === files.length ? 'one per file' : `expected ${files.length}`}); good documents extracted: ${good}/${hostile.canaries.length}`);
  problems += (json === lines.length ? 0 : 1) + (json + errLines === files.length ? 0 : 1) + (good === hostile.canaries.length ? 0 : 1);
}

// 3 ─ kg serve on a smaller hostile corpus: nothing from outside the corpus in any answer
if (!values['skip-serve']) {
  const root2 = join(root, 'serve');
  const small = makeHostileCorpus(root2, Math.ceil(N / SAMPLE), Number(values.seed) + 1, { mutateFrom: 'corpus', scale: Number(values.scale) });
  const serve = { answers: 0, secretServed: 0, good: 0, healthOk: false, docs: 0, secs: 0 };
  const logLines: string[] = [];
  const started = performance.now();
  // the real build (worker pool, walker, corrections) in this thread, with the run's budget (kg serve's own is 120 s)
  const server = await startServer({
    corpus: small.corpus, data: join(root2, 'data'), port: 0, log: (l) => logLines.push(l), watch: false, viewerDir: join(root2, 'no-viewer'),
    build: (o) => buildProject({ ...o, timeout: TIMEOUT, workers: WORKERS }),
  });
  try {
    const get = async (path: string) => {
      const r = await fetch(`${server.url}${path}`);
      const text = await r.text();
      serve.answers++;
      if (text.includes(SECRET)) (serve.secretServed++, note('secretServed', path));
      if (STACK.test(text)) (counts.stackTraces++, note('stackTraces', `serve ${path}: ${text.slice(0, 200)}`));
      return { status: r.status, text };
    };
    serve.healthOk = (await get('api/health')).status === 200;
    const docs = JSON.parse((await get('api/documents')).text) as { name: string }[];
    serve.docs = docs.length;
    await get('api/graph');
    for (const d of docs) await get(`api/documents/${encodeURIComponent(d.name)}`);
    for (const p of ['link-out.txt', 'link-dir-out%2Fsecret.txt', '..%2Fsecret.txt', '%2E%2E%2Fsecret.txt', 'link-dir-out/secret.txt', '..%252Fsecret.txt']) await get(`api/documents/${p}`);
    serve.good = small.canaries.filter((c) => docs.some((d) => d.name === c.name)).length;
  } finally {
    await server.close();
  }
  serve.secs = (performance.now() - started) / 1000;
  for (const l of logLines) if (STACK.test(l)) (counts.stackTraces++, note('stackTraces', `serve log: ${l}`));
  console.log(`\n3. kg serve on ${small.files.length} hostile entries + ${small.canaries.length} good documents (seed ${Number(values.seed) + 1}): ${serve.docs} documents listed, ` +
    `${serve.answers} answers in ${serve.secs.toFixed(0)} s, health ok: ${serve.healthOk}, good documents served: ${serve.good}/${small.canaries.length}, ` +
    `answers holding bytes from outside the corpus: ${serve.secretServed}`);
  problems += serve.secretServed + (serve.good === small.canaries.length ? 0 : 1) + (serve.healthOk ? 0 : 1);
}

const secs = (performance.now() - runStarted) / 1000;
console.log(`\ncounts: ${JSON.stringify(counts)}`);
for (const [k, list] of Object.entries(examples)) console.log(`  ${k}: ${list.join(' | ')}`);
const failed = problems + counts.crashes + counts.stackTraces + counts.hangs + counts.multiLine + counts.strayLines;
console.log(`run: ${(secs / 60).toFixed(1)} min wall, load average ${load0.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end`);
console.log(failed ? `FAIL: ${failed} problems` : 'PASS: 0 crashes, 0 stack traces, 0 hangs, good documents extracted, graph written, nothing from outside the corpus served');
if (!values.keep) rmSync(root, { recursive: true, force: true });
else console.log(`kept ${root}`);
process.exit(failed ? 1 : 0);
