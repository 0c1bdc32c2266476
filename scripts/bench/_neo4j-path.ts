// kg bench: the `path` query on one loaded graph — the library's Cypher against another version of it
// (a file exporting pathCypher, e.g. main's src/neo4j/path-cypher.ts), each checked against graphology's
// shortest paths (src/graph/paths.ts). Cold run, then the median of RUNS.
// Usage: npx tsx scripts/bench/_neo4j-path.ts GRAPH [OTHER_PATH_CYPHER.ts] [RUNS]
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Graph from 'graphology';
import { connect } from '../../src/neo4j/connect.js';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded.js';
import { loadRows } from '../../src/neo4j/load.js';
import { getQuery, resolveParams } from '../../src/neo4j/queries.js';
import { pathCypher } from '../../src/neo4j/path-cypher.js';
import { readGraphFile } from '../../src/neo4j/read-graph.js';
import { graphToRows } from '../../src/neo4j/rows.js';
import { runQuery } from '../../src/neo4j/run.js';
import { shortestPaths } from '../../src/graph/paths.js';
import { _actors } from '../../test/neo4j/_reference.js';

const [graphFile, other, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const json = await readGraphFile(resolve(graphFile!));
const graph = Graph.from(json as never);
const versions: [string, string][] = [['this branch', pathCypher()]];
if (other) versions.push([other, ((await import(resolve(other))) as { pathCypher: () => string }).pathCypher()]);
const pairs: [string, string][] = [['AFL-CIO', 'Kim Nolan'], ['AFL-CIO', 'STPS'], ['AFL-CIO', 'Secretaría del Trabajo y Previsión Social'], ['José García Núñez', 'GM']];
const work = await mkdtemp(join(tmpdir(), 'kg-bench-path-'));
const server = await startEmbeddedNeo4j({ dataDir: join(work, 'data'), password: randomBytes(12).toString('base64url'), passwordFile: join(work, 'pw') });
try {
  const conn = await connect({ uri: server.uri, user: server.user, password: server.password });
  try {
    await loadRows(conn, graphToRows(json, graphFile));
    const q = getQuery('path');
    for (const [from, to] of pairs) {
      const want = shortestPaths(graph, _actors(graph, from), _actors(graph, to));
      for (const [name, cypher] of versions) {
        const params = resolveParams(q, { from, to, limit: 100000 });
        const times: number[] = [];
        let rows: Record<string, unknown>[] = [];
        for (let i = 0; i <= runs; i++) {
          const t = performance.now();
          rows = (await runQuery(conn, cypher, params)).rows;
          times.push(performance.now() - t);
        }
        const cold = times.shift()!;
        times.sort((a, b) => a - b);
        const byPath = new Map<number, string[]>();
        for (const r of rows) { const k = byPath.get(r.path as number) ?? [r.fromKey as string]; k.push(r.toKey as string); byPath.set(r.path as number, k); }
        const got = [...byPath.values()].map((p) => JSON.stringify(p));
        const agree = JSON.stringify(got) === JSON.stringify(want.paths.map((p) => JSON.stringify(p))) && rows.every((r) => r.hops === want.hops && r.throughAvoided === want.throughAvoided);
        console.log(`${from} → ${to} [${name}]: ${byPath.size} paths of ${want.hops} hops${want.throughAvoided ? ' (through avoided)' : ''}, cold ${cold.toFixed(0)} ms, median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms of ${runs}; graphology ${agree ? 'agrees' : `DISAGREES (${want.paths.length} paths)`}; load ${loadavg()[0]!.toFixed(1)}`);
      }
    }
  } finally { await conn.close(); }
} finally {
  await server.stop();
  await rm(work, { recursive: true, force: true });
}
