// kg bench: Neo4j load throughput (nodes/s, relationships/s) on a ≥ 20 MB corpus graph, and the
// time of each library query. Run: npx tsx scripts/bench/neo4j.ts [--mb 20] [--batch-size 5000]
//   [--synthetic] [--uri bolt://… --user … --password …]  (without --uri: the bundled Neo4j, temp data dir)
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type Graph from 'graphology';
import { connect, resolveTarget } from '../../src/neo4j/connect.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/neo4j/embedded.js';
import { loadRows } from '../../src/neo4j/load.js';
import { QUERIES, resolveParams } from '../../src/neo4j/queries.js';
import { graphToRows } from '../../src/neo4j/rows.js';
import { runQuery } from '../../src/neo4j/run.js';
import type { EdgeAttributes, NodeAttributes } from '../../src/types.js';
import { syntheticGraph } from '../../test/neo4j/fixtures/synthetic.js';

const { values: opt } = parseArgs({
  options: {
    mb: { type: 'string', default: '20' }, 'batch-size': { type: 'string', default: '5000' }, synthetic: { type: 'boolean', default: false },
    uri: { type: 'string' }, user: { type: 'string' }, password: { type: 'string' }, database: { type: 'string' },
  },
});
const ROOT = new URL('../..', import.meta.url).pathname;

async function corpusSize(): Promise<{ files: string[]; bytes: number }> {
  const files = (await readdir(join(ROOT, 'corpus'))).filter((f) => /\.(txt|md|html)$/.test(f));
  let bytes = 0;
  for (const f of files) bytes += (await readFile(join(ROOT, 'corpus', f))).length;
  return { files, bytes };
}

/** A graph of a corpus replicated to ≥ `mb` MB: the real build when src/build.ts exists, else synthetic. */
async function bigGraph(mb: number): Promise<{ graph: Graph<NodeAttributes, EdgeAttributes>; how: string; megabytes: number }> {
  const { files, bytes } = await corpusSize();
  const copies = Math.ceil((mb * 1e6) / bytes);
  if (!opt.synthetic && existsSync(join(ROOT, 'src/build.ts'))) {
    const dir = await mkdtemp(join(tmpdir(), 'kg-bench-corpus-'));
    for (let c = 0; c < copies; c++) {
      for (const f of files) await writeFile(join(dir, f.replace(/(\.[a-z]+)$/, `--${c}$1`)), await readFile(join(ROOT, 'corpus', f)));
    }
    const data = join(dir, '.data');
    await mkdir(data);
    const { buildProject } = (await import(join(ROOT, 'src/build.ts'))) as { buildProject(o: object): Promise<{ graph: Graph<NodeAttributes, EdgeAttributes> }> };
    const { graph } = await buildProject({ corpus: dir, ontology: join(ROOT, 'ontology'), data, corrections: false,
      onProgress: (d: number, t: number) => { if (d % 50 === 0 || d === t) process.stderr.write(`build ${d}/${t}\r`); } });
    await rm(dir, { recursive: true, force: true });
    return { graph, how: `buildProject on corpus × ${copies}`, megabytes: (copies * bytes) / 1e6 };
  }
  const graph = await syntheticGraph({ corpus: join(ROOT, 'corpus'), ontology: join(ROOT, 'ontology'), copies });
  return { graph, how: `synthetic graph of corpus × ${copies} (gazetteer + co-occurrence)`, megabytes: (copies * bytes) / 1e6 };
}

function table(rows: string[][]): string {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r, j) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ') + (j === 0 ? `\n${w.map((x) => '-'.repeat(x)).join('  ')}` : '')).join('\n');
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const { graph, how, megabytes } = await bigGraph(Number(opt.mb));
  const rows = graphToRows(graph);
  const nNodes = rows.entities.length + rows.documents.length + rows.countries.length;
  const nRels = rows.mentions.length + rows.basedIn.length + rows.relations.length;
  console.log(`graph: ${how}, ${megabytes.toFixed(1)} MB of text; ${nNodes} nodes, ${nRels} relationships (${rows.mentions.length} MENTIONS) — built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  let server: EmbeddedNeo4j | undefined;
  let dataDir: string | undefined;
  let target = resolveTarget({ uri: opt.uri, user: opt.user, password: opt.password, database: opt.database });
  if (!opt.uri) {
    dataDir = await mkdtemp(join(tmpdir(), 'kg-bench-neo4j-'));
    server = await startEmbeddedNeo4j({ dataDir });
    target = { uri: server.uri, user: server.user, password: server.password };
    console.log(`bundled Neo4j at ${server.uri} (data ${dataDir})`);
  }
  const conn = await connect(target);
  try {
    const batchSize = Number(opt['batch-size']);
    const first = await loadRows(conn, rows, { wipe: true, batchSize });
    const again = await loadRows(conn, rows, { batchSize });
    const s = first.seconds;
    const load: string[][] = [['load (batch ' + batchSize + ')', 'rows', 'seconds', 'rows/s']];
    load.push(['nodes', String(nNodes), s.nodes.toFixed(2), Math.round(nNodes / s.nodes).toLocaleString('en')]);
    load.push(['relationships', String(nRels), s.relationships.toFixed(2), Math.round(nRels / s.relationships).toLocaleString('en')]);
    const total1 = Object.entries(first.seconds).filter(([k]) => k !== "relationships").map(([, v]) => v).reduce((a, b) => a + b, 0);
    const total2 = Object.entries(again.seconds).filter(([k]) => k !== "relationships").map(([, v]) => v).reduce((a, b) => a + b, 0);
    load.push(['first load, all phases', String(nNodes + nRels), total1.toFixed(2), Math.round((nNodes + nRels) / total1).toLocaleString('en')]);
    load.push(['re-load (idempotent), all phases', String(nNodes + nRels), total2.toFixed(2), Math.round((nNodes + nRels) / total2).toLocaleString('en')]);
    console.log(`\n${table(load)}`);
    console.log(`phases (first load): ${Object.entries(s).filter(([k]) => k !== "relationships").map(([k, v]) => `${k} ${v.toFixed(2)} s`).join(', ')}`);

    const brokers = await runQuery(conn, QUERIES.find((q) => q.name === 'brokers')!.cypher, resolveParams(QUERIES.find((q) => q.name === 'brokers')!, {}));
    const a = String(brokers.rows[0]?.key ?? rows.entities[0].key);
    const b = String(brokers.rows[brokers.rows.length - 1]?.key ?? rows.entities[1].key);
    const qt: string[][] = [['query', 'params', 'rows', 'ms (median of 3)']];
    for (const q of QUERIES) {
      const raw: Record<string, string> = q.name === 'path' ? { from: a, to: b } : q.name === 'neighbourhood' ? { actor: a } : {};
      const params = resolveParams(q, raw);
      const times: number[] = [];
      let n = 0;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        n = (await runQuery(conn, q.cypher, params)).rows.length;
        times.push(performance.now() - t);
      }
      times.sort((x, y) => x - y);
      qt.push([q.name, Object.entries(raw).map(([k, v]) => `${k}=${v}`).join(' ') || '-', String(n), times[1].toFixed(1)]);
    }
    console.log(`\n${table(qt)}`);
  } finally {
    await conn.close();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
