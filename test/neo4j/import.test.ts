// test/neo4j: `kg export neo4j-csv` + `npm run neo4j -- import DIR` (the bundled neo4j-admin), then a server on it and a load.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/neo4j/connect.js';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded.js';
import { loadRows, readCounts } from '../../src/neo4j/load.js';
import { expectedCounts, graphToRows, type GraphRows, type KgSerializedGraph } from '../../src/neo4j/rows.js';
import { runQuery } from '../../src/neo4j/run.js';
import { addExtras } from './fixtures/extras.js';
import { syntheticGraph } from './fixtures/synthetic.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let rows: GraphRows;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kg-neo4j-import-'));
  const graph = addExtras(await syntheticGraph({ corpus: join(ROOT, 'corpus'), ontology: join(ROOT, 'ontology') }));
  const file = join(dir, 'graph.json');
  writeFileSync(file, JSON.stringify(graph.export()));
  rows = graphToRows(graph.export() as KgSerializedGraph, file);
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/neo4j/_cli.ts'), 'export', 'neo4j-csv', file, join(dir, 'csv')], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run neo4j -- import DIR', () => {
  it('should bulk-import the export with its schema, so the next load-neo4j finds everything equal', async () => {
    const home = join(dir, 'home');
    // cwd: neo4j-admin writes import.report into its working directory
    const r = spawnSync('bash', [join(ROOT, 'scripts/neo4j/start.sh'), 'import', join(dir, 'csv')], { cwd: dir, encoding: 'utf8', env: { ...process.env, NEO4J_HOME_DIR: home }, timeout: 1_200_000 });
    expect(r.stderr.split('\n').filter((l) => l.startsWith('kg-neo4j:') && !l.includes('build'))).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^kg-neo4j: imported .* \(neo4j-admin [\d.]+ s, 6 schema statements/m);

    const server = await startEmbeddedNeo4j({ dataDir: home, password: randomBytes(15).toString('base64url'), passwordFile: join(dir, 'pw') });
    try {
      const conn = await connect({ uri: server.uri, user: server.user, password: server.password });
      try {
        expect(await readCounts(conn)).toEqual(expectedCounts(rows));
        const schema = await runQuery(conn, 'SHOW INDEXES YIELD name, state WHERE name STARTS WITH $p RETURN name, state ORDER BY name', { p: 'kg_' });
        expect(schema.rows).toEqual(['kg_country_code', 'kg_document_key', 'kg_entity_key', 'kg_entity_names', 'kg_sentence_key', 'kg_sentences'].map((name) => ({ name, state: 'ONLINE' })));
        // 64-bit integers and integer arrays, as the load writes them
        const types = await runQuery(conn, `MATCH ()-[m:MENTIONS]->() WITH m LIMIT 1 MATCH ()-[r]->() WHERE r.evidenceStarts IS NOT NULL WITH m, r LIMIT 1
          RETURN valueType(m.start) AS start, valueType(r.evidenceStarts) AS starts, valueType(r.count) AS count`);
        expect(types.rows).toEqual([{ start: 'INTEGER NOT NULL', starts: 'LIST<INTEGER NOT NULL> NOT NULL', count: 'INTEGER NOT NULL' }]);
        const load = await loadRows(conn, rows);
        expect(load.fresh).toBe(false);
        expect(load.written).toEqual({ nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 });
        expect({ nodes: load.nodes, relationships: load.relationships }).toEqual(expectedCounts(rows));
      } finally {
        await conn.close();
      }
    } finally {
      await server.stop();
    }
  }, 1_800_000);
});
