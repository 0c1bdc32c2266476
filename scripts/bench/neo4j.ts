// kg bench: Neo4j load throughput (nodes/s, relationships/s) of a REAL build — `kg build` of corpus/
// replicated to ≥ 20 MB — through the `kg load-neo4j` code path (readGraphFile → graphToRows →
// loadRows): first load on the fresh server, idempotent re-load, then wipe + load on the warm server;
// then the first and median time of each library query (the `kg cypher --query NAME` path:
// resolveParams → runQuery). Also the server's CPU seconds per load (Linux /proc), a rate that holds
// on a busy machine. Prints what the graph holds (nodes and relationships by type).
// Run: npx tsx scripts/bench/neo4j.ts [--mb 20] [--graph FILE] [--batch-size 5000] [--concurrency 2]
//   [--runs 5] [--workers N] [--synthetic] [--summary FILE] [--uri bolt://… --user … --password …]
//   [--loads first,reload,warm] [--skip-queries]
//   --loads       which loads to run, in that order (default all three): first (fresh server), reload
//                 (idempotent, nothing changes), warm (wipe + load on the warm server)
//   --skip-queries  no library query timings (a load-only measurement)
//   NEO4J_JIT=tiered  the server with the JVM's default JIT (C1 + C2) instead of start.sh's C1 only
//   --graph       load this graph.json instead of building one (e.g. the pipeline bench's --keep-graph)
//   --synthetic   the test fixture's synthetic graph instead of a real build
//   --import 40000,200000,400000   instead: `kg export neo4j-csv` + `npm run neo4j -- import DIR` against
//                 `kg load-neo4j` (wipe + load) at each size — the graph scaled by its documents — then a
//                 server on the largest import and a `kg load-neo4j` into it (what it had to rewrite)
// Without --uri and without NEO4J_URI: the bundled Neo4j (scripts/neo4j, Java 17 + Maven) is built if
// needed and started on a free port with a throw-away data directory, as the Neo4j tests do.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { connect, resolveTarget } from '../../src/neo4j/connect.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/neo4j/embedded.js';
import { loadRows, readCounts, type LoadResult } from '../../src/neo4j/load.js';
import { wipeStatements } from '../../src/neo4j/cypher.js';
import { QUERIES, resolveParams } from '../../src/neo4j/queries.js';
import { readGraphFile } from '../../src/neo4j/read-graph.js';
import { expectedCounts, graphToRows, type GraphRows, type KgSerializedGraph } from '../../src/neo4j/rows.js';
import { runQuery } from '../../src/neo4j/run.js';
import { loadNote, measureNode, table } from './_measure.ts';

const { values: opt } = parseArgs({
  options: {
    mb: { type: 'string', default: '20' }, graph: { type: 'string' }, 'batch-size': { type: 'string', default: '5000' },
    concurrency: { type: 'string' }, runs: { type: 'string', default: '5' }, workers: { type: 'string' },
    synthetic: { type: 'boolean', default: false }, summary: { type: 'string' }, import: { type: 'string' },
    uri: { type: 'string' }, user: { type: 'string' }, password: { type: 'string' }, database: { type: 'string' },
    loads: { type: 'string', default: 'first,reload,warm' }, 'skip-queries': { type: 'boolean', default: false },
  },
});
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CLI = join(ROOT, 'dist/src/cli.js');

/** corpus/ replicated to ≥ `mb` MB, built with `kg build` (the real CLI, worker threads); returns the graph file. */
async function realBuild(mb: number, work: string): Promise<{ file: string; how: string }> {
  if (!existsSync(CLI)) execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.json')], { stdio: 'inherit', cwd: ROOT });
  const files = (await readdir(join(ROOT, 'corpus'))).filter((f) => !f.startsWith('.')).sort();
  const texts = await Promise.all(files.map((f) => readFile(join(ROOT, 'corpus', f))));
  const bytes = texts.reduce((a, t) => a + t.length, 0);
  const copies = Math.ceil((mb * 1048576) / bytes);
  const dir = join(work, 'corpus');
  await mkdir(dir, { recursive: true });
  for (let c = 0; c < copies; c++) for (let i = 0; i < files.length; i++) await writeFile(join(dir, `${String(c).padStart(5, '0')}-${files[i]}`), texts[i]!);
  const file = join(work, 'graph.json');
  process.stderr.write(`kg build of corpus × ${copies} (${((copies * bytes) / 1048576).toFixed(1)} MB)…\n`);
  const m = await measureNode('kg build', CLI, ['build', dir, '--out', file, '--quiet', '--no-corrections', '--ontology', join(ROOT, 'ontology'), ...(opt.workers ? ['--workers', opt.workers] : [])], { cwd: work });
  await rm(dir, { recursive: true, force: true });
  return { file, how: `kg build of corpus/ × ${copies} (${((copies * bytes) / 1048576).toFixed(1)} MB, ${copies * files.length} documents) in ${m.secs.toFixed(0)} s, peak RSS ${m.rssMB.toFixed(0)} MB` };
}

/** What the graph holds: nodes by kind/class, relationships by type. */
function contents(rows: GraphRows): { nodes: Record<string, number>; rels: Record<string, number> } {
  const nodes: Record<string, number> = { Document: rows.documents.length, Country: rows.countries.length };
  for (const e of rows.entities) nodes[`Entity:${e.type}`] = (nodes[`Entity:${e.type}`] ?? 0) + 1;
  const rels: Record<string, number> = { MENTIONS: rows.mentions.length, BASED_IN: rows.basedIn.length, HAS_SENTENCE: rows.sentences.length, ABOUT: rows.sentences.reduce((n, x) => n + x.about.length, 0) };
  for (const r of rows.relations) rels[r.predicate] = (rels[r.predicate] ?? 0) + 1;
  return { nodes, rels };
}

const rate = (n: number, s: number): string => (s > 0 ? Math.round(n / s).toLocaleString('en') : '-');

/** CPU seconds (user + system) of a process so far, from /proc (Linux); NaN elsewhere or when unknown. */
function procCpu(pid: number | undefined): number {
  if (!pid || pid < 0) return NaN;
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return NaN;
  }
}

/** Wall seconds and CPU seconds (user + system, from /usr/bin/time; NaN without it) of a child process, or throws with its last output. */
function timedRun(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): { secs: number; cpu: number; out: string } {
  const t = performance.now();
  const cpuFile = join(tmpdir(), `kg-bench-cpu-${process.pid}`); // never into the repository (cwd may be ROOT)
  const timed = existsSync('/usr/bin/time');
  try {
    const out = timed
      ? execFileSync('/usr/bin/time', ['-f', '%U %S', '-o', cpuFile, cmd, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 })
      : execFileSync(cmd, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
    const cpu = timed ? readFileSync(cpuFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number).reduce((a, b) => a + b, 0) : NaN;
    return { secs: (performance.now() - t) / 1000, cpu, out };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed: ${(e.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
  }
}

/** `--import SIZES`: bulk import against load, per size; see the header. */
async function importBench(base: KgSerializedGraph, how: string, sizes: number[], work: string): Promise<void> {
  const { scaleToRelationships } = await import('./_neo4j-scale.ts');
  process.stderr.write('starting the bundled Neo4j for the loads…\n');
  const server = await startEmbeddedNeo4j({ dataDir: join(work, 'load-data'), password: randomBytes(15).toString('base64url'), passwordFile: join(work, 'load-pw') });
  const tab: string[][] = [['relationships', 'nodes', 'export s', 'import s (neo4j-admin + schema)', 'import CPU-s', 'import rels/s', 'load s (wipe excluded)', 'load server CPU-s', 'load rels/s', 'wipe s', 'load / import (wall)', 'load / import (CPU)', 'load avg']];
  let last: { dir: string; rows: GraphRows; file: string } | undefined;
  try {
    const conn = await connect({ uri: server.uri, user: server.user, password: server.password });
    try {
      for (const size of sizes) {
        const g = scaleToRelationships(base, size);
        const file = join(work, `graph-${size}.json`);
        await writeFile(file, JSON.stringify(g));
        const rows = graphToRows(g, file);
        const want = expectedCounts(rows);
        const nRels = Object.values(want.relationships).reduce((a, b) => a + b, 0);
        const nNodes = want.nodes.Entity + want.nodes.Document + want.nodes.Country + (want.nodes.Sentence ?? 0);
        const csv = join(work, `csv-${size}`);
        process.stderr.write(`${size}: export…\n`);
        const ex = timedRun(process.execPath, [CLI, 'export', 'neo4j-csv', file, csv]);
        process.stderr.write(`${size}: import…\n`);
        const home = join(work, `import-${size}`);
        const im = timedRun('bash', [join(ROOT, 'scripts/neo4j/start.sh'), 'import', csv], { NEO4J_HOME_DIR: home }, work); // neo4j-admin writes import.report into its working directory
        process.stderr.write(`${size}: ${im.out.trim().split('\n').pop()}\n${size}: load…\n`);
        const w0 = performance.now();
        const s0 = conn.driver.session();
        try { for (const q of wipeStatements()) await s0.run(q); } finally { await s0.close(); }
        const wipe = (performance.now() - w0) / 1000;
        const t0 = performance.now();
        const c0 = procCpu(server.pid);
        const r = await loadRows(conn, graphToRows(await readGraphFile(file), file));
        const load = (performance.now() - t0) / 1000;
        const loadCpu = procCpu(server.pid) - c0;
        if (JSON.stringify(sortKeys(r)) !== JSON.stringify(sortKeys(want))) throw new Error(`${size}: the load's counts differ from the graph's`);
        tab.push([nRels.toLocaleString('en'), nNodes.toLocaleString('en'), ex.secs.toFixed(1), im.secs.toFixed(1), im.cpu.toFixed(1), rate(nRels, im.secs), load.toFixed(1), loadCpu.toFixed(1), rate(nRels, load), wipe.toFixed(1),
          (load / im.secs).toFixed(2), (loadCpu / im.cpu).toFixed(2), loadavg()[0]!.toFixed(1)]);
        last = { dir: home, rows, file };
      }
    } finally {
      await conn.close();
    }
  } finally {
    await server.stop();
  }
  console.log(`graph: ${how}, scaled by its documents\n\n${table(tab)}`);
  console.log('(import s: the whole `npm run neo4j -- import DIR`: JVM start, neo4j-admin, constraints and full-text indexes built and awaited; import CPU-s: that process\'s;\n load s: `kg load-neo4j`\'s path: read + rows + constraints + load + prune + counts, into a running server just wiped; load server CPU-s: the server JVM\'s over it)');
  if (!last) return;
  // the largest import, served, then loaded into: what did the load have to write?
  process.stderr.write('starting the bundled Neo4j on the largest import…\n');
  const imported = await startEmbeddedNeo4j({ dataDir: last.dir, password: randomBytes(15).toString('base64url'), passwordFile: join(work, 'import-pw') });
  try {
    const conn = await connect({ uri: imported.uri, user: imported.user, password: imported.password });
    try {
      const counts = await readCounts(conn);
      const want = expectedCounts(last.rows);
      const types = await runQuery(conn, `MATCH (d:Document)-[m:MENTIONS]->() WITH m LIMIT 1
        MATCH ()-[r]->() WHERE r.evidenceStarts IS NOT NULL WITH m, r LIMIT 1
        RETURN valueType(m.start) AS start, valueType(r.evidenceStarts) AS evidenceStarts, valueType(r.count) AS count`);
      const t0 = performance.now();
      const r = await loadRows(conn, graphToRows(await readGraphFile(last.file), last.file));
      console.log(`\nimport of ${last.rows.mentions.length.toLocaleString('en')} mentions, served: counts ${JSON.stringify(sortKeys(counts)) === JSON.stringify(sortKeys(want)) ? 'equal to the graph\'s' : `DIFFER ${JSON.stringify(counts)}`}; `
        + `types ${Object.entries(types.rows[0] ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      console.log(`kg load-neo4j into it: ${((performance.now() - t0) / 1000).toFixed(1)} s, took the ${r.fresh ? 'CREATE' : 'MERGE'} path, wrote ${JSON.stringify(r.written)}`);
    } finally {
      await conn.close();
    }
  } finally {
    await imported.stop();
  }
  console.log(`\n${await loadNote()}`);
}

const sortKeys = (c: { nodes: Record<string, number>; relationships: Record<string, number> }): unknown =>
  ({ nodes: Object.fromEntries(Object.entries(c.nodes).sort()), relationships: Object.fromEntries(Object.entries(c.relationships).sort()) });

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'kg-bench-neo4j-'));
  let server: EmbeddedNeo4j | undefined;
  try {
    let graphFile: string;
    let how: string;
    let serializedGraph: KgSerializedGraph | undefined;
    if (opt.graph) {
      graphFile = resolve(opt.graph);
      how = `graph file ${graphFile}`;
    } else if (opt.synthetic) {
      const { syntheticGraph } = await import('../../test/neo4j/fixtures/synthetic.js');
      const bytes = (await Promise.all((await readdir(join(ROOT, 'corpus'))).map((f) => readFile(join(ROOT, 'corpus', f))))).reduce((a, t) => a + t.length, 0);
      const copies = Math.ceil((Number(opt.mb) * 1048576) / bytes);
      serializedGraph = (await syntheticGraph({ corpus: join(ROOT, 'corpus'), ontology: join(ROOT, 'ontology'), copies })).export() as KgSerializedGraph;
      graphFile = '(synthetic)';
      how = `synthetic graph of corpus × ${copies} (gazetteer + co-occurrence)`;
    } else {
      ({ file: graphFile, how } = await realBuild(Number(opt.mb), work));
    }
    if (opt.import) {
      await importBench(serializedGraph ?? ((await readGraphFile(graphFile)) as KgSerializedGraph), how, opt.import.split(',').map(Number), work);
      return;
    }
    // the `kg load-neo4j` path: read the file, validate and flatten it into rows
    let t = performance.now();
    const rows = graphToRows(serializedGraph ?? (await readGraphFile(graphFile)), graphFile);
    const prep = (performance.now() - t) / 1000;
    const want = expectedCounts(rows);
    const nNodes = Object.entries(want.nodes).filter(([k]) => ['Entity', 'Document', 'Country', 'Sentence'].includes(k)).reduce((a, [, v]) => a + v, 0);
    const nRels = Object.values(want.relationships).reduce((a, b) => a + b, 0); // MENTIONS, BASED_IN, HAS_SENTENCE, ABOUT and the ties
    const c = contents(rows);
    console.log(`graph: ${how}`);
    console.log(`  ${nNodes.toLocaleString('en')} nodes: ${Object.entries(c.nodes).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`  ${nRels.toLocaleString('en')} relationships: ${Object.entries(c.rels).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`  read + graphToRows: ${prep.toFixed(2)} s`);

    let target = resolveTarget({ uri: opt.uri, user: opt.user, password: opt.password, database: opt.database });
    let dataDir: string | undefined;
    if (!opt.uri && !process.env.NEO4J_URI) {
      dataDir = join(work, 'neo4j-data');
      process.stderr.write('starting the bundled Neo4j…\n');
      t = performance.now();
      server = await startEmbeddedNeo4j({ dataDir, password: randomBytes(15).toString('base64url'), passwordFile: join(dataDir, 'kg-password') });
      target = { uri: server.uri, user: server.user, password: server.password };
      console.log(`bundled Neo4j at ${server.uri} (started in ${((performance.now() - t) / 1000).toFixed(0)} s, data ${dataDir})`);
    } else console.log(`Neo4j at ${target.uri} (existing server; the first load wipes kg's nodes)`);
    const conn = await connect(target);
    const batchSize = Number(opt['batch-size']);
    const concurrency = opt.concurrency ? Number(opt.concurrency) : undefined;
    const loads: { name: string; r: LoadResult; secs: number; serverCpu: number; relCpu: number; clientCpu: number; load: number }[] = [];
    try {
      // first load on the fresh server (cold JVM and query plans), the idempotent re-load, then a wipe and
      // a load again on the now warm server: the steady-state rate, without JIT and planning costs
      const LOADS = { first: ['first load', true], reload: ['re-load (idempotent)', false], warm: ['wipe + load (warm server)', true] } as const;
      const picked = opt.loads.split(',').map((x) => x.trim()).filter(Boolean);
      for (const k of picked) if (!(k in LOADS)) throw new Error(`--loads ${opt.loads}: expected first, reload and/or warm`);
      if (picked[0] === 'reload') throw new Error(`--loads ${opt.loads}: a reload needs a load before it`);
      for (const [name, wipe] of picked.map((k) => LOADS[k as keyof typeof LOADS])) {
        process.stderr.write(`${name}…\n`);
        t = performance.now();
        const c0 = procCpu(server?.pid);
        const u0 = process.cpuUsage();
        const at: Record<string, number> = {};
        const r = await loadRows(conn, rows, { wipe, batchSize, concurrency, onPhaseEnd: (p) => { at[p] = procCpu(server?.pid); } });
        const u = process.cpuUsage(u0);
        // the relationship phases: from the end of the nodes to the end of the last relationship phase
        const relCpu = (at.relationships ?? at.mentions ?? NaN) - (at.nodes ?? NaN);
        loads.push({ name, r, secs: (performance.now() - t) / 1000, serverCpu: procCpu(server?.pid) - c0, relCpu, clientCpu: (u.user + u.system) / 1e6, load: loadavg()[0]! });
      }
      const first = loads[0]!.r;
      console.log(`\nread back: nodes ${Object.entries(first.nodes).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      console.log(`           relationships ${Object.entries(first.relationships).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      const lt: string[][] = [['load (batch ' + batchSize + (concurrency ? `, ${concurrency} sessions` : '') + ')', 'nodes/s', 'relationships/s', 'MENTIONS/s', 'other rels/s', 'total s', 'server CPU s', 'client CPU s', 'rows / server CPU-s', 'server CPU-s per 100k rels (rel. phases)', 'load avg (1 min, at end)']];
      const fmt = (x: number, d = 1): string => (Number.isNaN(x) ? '-' : x.toFixed(d));
      for (const { name, r, secs, serverCpu, relCpu, clientCpu, load } of loads) {
        const s = r.seconds;
        lt.push([name, rate(nNodes, s.nodes!), rate(nRels, s.relationships!), rate(rows.mentions.length, s.mentions!), rate(nRels - rows.mentions.length, s.relations!), secs.toFixed(2),
          fmt(serverCpu), clientCpu.toFixed(1), Number.isNaN(serverCpu) ? '-' : rate(nNodes + nRels, serverCpu), fmt((relCpu / nRels) * 1e5, 2), load.toFixed(1)]);
      }
      console.log(`\n${table(lt)}`);
      console.log(`server JIT: ${process.env.NEO4J_JIT ?? 'c1'}${opt.uri || process.env.NEO4J_URI ? ' (not ours: an existing server)' : ''}`);
      console.log('(rates: rows of a phase / that phase\'s wall seconds; the re-load skips documents whose mentions are unchanged, so its MENTIONS rate is a check rate;\n server CPU-s per 100k rels: the JVM\'s CPU time (/proc) over the relationship phases only, per 100,000 relationships — the figure that holds on a busy machine:\n 20k relationships/s needs it ≤ 5 with one free core)');
      for (const { name, r } of loads) console.log(`phases, ${name}: ${Object.entries(r.seconds).filter(([k]) => k !== 'relationships').map(([k, v]) => `${k} ${v.toFixed(2)} s`).join(', ')}`);

      const queries: Record<string, number> = {};
      if (!opt['skip-queries']) {
        const brokersQ = QUERIES.find((q) => q.name === 'brokers')!;
        const brokers = await runQuery(conn, brokersQ.cypher, resolveParams(brokersQ, {}));
        const a = String(brokers.rows[0]?.key ?? rows.entities[0]!.key);
        const b = String(brokers.rows[brokers.rows.length - 1]?.key ?? rows.entities[1]!.key);
        const runs = Math.max(1, Number(opt.runs));
        const qt: string[][] = [['query', 'params', 'rows', 'first ms', `median ms (${runs} runs)`]];
        // every library query once; `path` also between the README's named actors (a long, place-avoiding chain)
        const cases: [string, Record<string, string>][] = QUERIES.flatMap((q): [string, Record<string, string>][] =>
          q.name === 'path' ? [['path', { from: a, to: b }], ['path', { from: 'AFL-CIO', to: 'Kim Nolan' }], ['path', { from: 'AFL-CIO', to: 'STPS' }]]
            : [[q.name, q.name === 'neighbourhood' ? { actor: a } : q.name === 'search' ? { q: 'Secretaría del Trabajo' } : {}]]);
        for (const [name, raw] of cases) {
          const q = QUERIES.find((x) => x.name === name)!;
          const params = resolveParams(q, raw);
          const times: number[] = [];
          let n = 0;
          for (let i = 0; i <= runs; i++) {
            const t1 = performance.now();
            n = (await runQuery(conn, q.cypher, params)).rows.length;
            times.push(performance.now() - t1);
          }
          const cold = times.shift()!;
          times.sort((x, y) => x - y);
          const median = times.length % 2 ? times[(times.length - 1) / 2]! : (times[times.length / 2 - 1]! + times[times.length / 2]!) / 2;
          const label = Object.entries(raw).map(([k, v]) => `${k}=${v}`).join(' ');
          queries[name === 'path' ? `path ${label}` : name] = median;
          qt.push([name, label || '-', String(n), cold.toFixed(1), median.toFixed(1)]);
        }
        console.log(`\n${table(qt)}`);
      }
      console.log(`\n${await loadNote()}`);
      if (opt.summary) {
        await writeFile(opt.summary, JSON.stringify({
          how, nodes: nNodes, relationships: nRels, contents: c, batchSize,
          loads: loads.map(({ name, r, secs, serverCpu, relCpu, clientCpu }) => ({ name, secs, serverCpu, relCpu, clientCpu, seconds: r.seconds, nodesPerSec: nNodes / r.seconds.nodes!, relsPerSec: nRels / r.seconds.relationships! })),
          queries, load: await loadNote(),
        }, null, 2));
      }
    } finally {
      await conn.close();
    }
  } finally {
    await server?.stop();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`bench neo4j: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  process.exit(1);
});
