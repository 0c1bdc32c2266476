// test/neo4j: BENCHMARK-SIZED (≥ 400k relationships, minutes): load, prune and wipe at the size that ran
// out of transaction memory before. Runs only with KG_SCALE_TEST=1 — `npm run test:scale`.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { connect, type Connection } from '../../src/neo4j/connect.js';
import { loadRows, readCounts } from '../../src/neo4j/load.js';
import { expectedCounts, graphToRows, type GraphRows } from '../../src/neo4j/rows.js';
import { runQuery } from '../../src/neo4j/run.js';
import { syntheticGraph } from './fixtures/synthetic.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WANT = Number(process.env.KG_SCALE_RELATIONSHIPS ?? 400_000);
let conn: Connection;
let rows: GraphRows;

/** Every relationship the load writes (MENTIONS, BASED_IN, HAS_SENTENCE, ABOUT and the ties). */
const rels = (r: GraphRows): number => Object.values(expectedCounts(r).relationships).reduce((a, b) => a + b, 0);

/** The rows without every other document (its node, its mentions, the evidence it alone gave). */
function _halved(r: GraphRows): GraphRows {
  const drop = new Set(r.documents.filter((_, i) => i % 2 === 1).map((d) => d.key));
  return { ...r, documents: r.documents.filter((d) => !drop.has(d.key)), mentions: r.mentions.filter((m) => !drop.has(m.doc)), sentences: r.sentences.filter((x) => !drop.has(x.doc)) };
}

describe.runIf(process.env.KG_SCALE_TEST === '1')(`scale: ≥ ${WANT.toLocaleString('en')} relationships (benchmark-sized)`, () => {
  beforeAll(async () => {
    conn = await connect(inject('neo4j'));
    // ties are shared by every copy and only the mentions grow, so the size is linear from the second copy on
    const one = rels(graphToRows(await syntheticGraph({ corpus: `${ROOT}corpus`, ontology: `${ROOT}ontology` })));
    const two = rels(graphToRows(await syntheticGraph({ corpus: `${ROOT}corpus`, ontology: `${ROOT}ontology`, copies: 2 })));
    const copies = 1 + Math.ceil((WANT - one) / Math.max(1, two - one));
    rows = graphToRows(await syntheticGraph({ corpus: `${ROOT}corpus`, ontology: `${ROOT}ontology`, copies }));
    console.info(`scale: corpus × ${copies}: ${rows.entities.length + rows.documents.length} nodes, ${rels(rows)} relationships`);
    expect(rels(rows)).toBeGreaterThanOrEqual(WANT);
  }, 600_000);

  afterAll(async () => {
    await conn?.close();
  });

  it('should load it all', async () => {
    const t = performance.now();
    await loadRows(conn, rows, { wipe: true });
    console.info(`scale: first load ${((performance.now() - t) / 1000).toFixed(1)} s`);
    expect(await readCounts(conn)).toEqual(expectedCounts(rows));
  }, 1_800_000);

  it('should prune half of the documents with their mentions', async () => {
    const half = _halved(rows);
    expect(rels(rows) - rels(half)).toBeGreaterThan(WANT / 3);
    const t = performance.now();
    const r = await loadRows(conn, half);
    console.info(`scale: prune of ${rels(rows) - rels(half)} relationships, ${r.seconds.prune?.toFixed(1)} s`);
    expect(await readCounts(conn)).toEqual(expectedCounts(half));
    console.info(`scale: load + prune ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }, 1_800_000);

  it('should wipe and reload the whole graph', async () => {
    await loadRows(conn, rows);
    const r = await loadRows(conn, rows, { wipe: true });
    console.info(`scale: wipe ${r.seconds.wipe?.toFixed(1)} s`);
    expect(await readCounts(conn)).toEqual(expectedCounts(rows));
  }, 1_800_000);

  it('should run a batched delete of every MENTIONS through kg cypher --write (auto-commit)', async () => {
    await runQuery(conn, 'MATCH ()-[m:MENTIONS]->() CALL (m) { DELETE m } IN TRANSACTIONS OF 10000 ROWS', {}, { write: true });
    expect((await readCounts(conn)).relationships.MENTIONS).toBeUndefined();
    await loadRows(conn, rows);
    expect(await readCounts(conn)).toEqual(expectedCounts(rows));
  }, 1_800_000);
});
