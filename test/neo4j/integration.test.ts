// test/neo4j: the load and the query library against a real Neo4j (one file: they share the database).
import { createHash } from 'node:crypto';
import type Graph from 'graphology';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, type Connection } from '../../src/neo4j/connect.js';
import { loadRows, readCounts } from '../../src/neo4j/load.js';
import { getQuery, resolveParams } from '../../src/neo4j/queries.js';
import { graphToRows, type GraphRows } from '../../src/neo4j/rows.js';
import { runQuery } from '../../src/neo4j/run.js';
import type { EdgeAttributes, NodeAttributes } from '../../src/types.js';
import { INJECTION_NAME, UNICODE_ALIAS } from './fixtures/extras.js';
import { findBrokers } from '../../src/graph/brokers.js';
import { shortestPaths } from '../../src/graph/paths.js';
import { MINISTRY_KINDS, PARTICIPATION, UNION_KINDS } from '../../src/neo4j/analyst.js';
import { _actors, _agreements, _cases, _coParticipation, _ministers, _neighbourhood, _relations, _tieEvidence, _ties, _unionPairs } from './_reference.js';
import { _corpusGraph, _graphSource } from './_corpus-graph.js';

let conn: Connection;
let graph: Graph<NodeAttributes, EdgeAttributes>;
let rows: GraphRows;

/** Every kg node and relationship with its properties, hashed: equal hashes ⇔ equal databases. */
async function _snapshot(): Promise<string> {
  const res = await runQuery(conn, `
    CALL () { MATCH (n) WHERE n:Entity OR n:Document OR n:Country OR n:Sentence
              RETURN 'n' AS kind, apoc_free_labels(n) AS id, properties(n) AS p }
    RETURN kind, id, p ORDER BY kind, id`.replace('apoc_free_labels(n)', "reduce(s = '', l IN labels(n) | s + ':' + l) + coalesce(n.key, n.code)"));
  const rels = await runQuery(conn, `
    MATCH (a)-[r]->(b) WHERE (a:Entity OR a:Document OR a:Sentence) AND (b:Entity OR b:Country OR b:Sentence)
    RETURN type(r) + '|' + coalesce(a.key, '') + '|' + coalesce(b.key, b.code) + '|' + coalesce(r.key, '') AS id, properties(r) AS p ORDER BY id, r.start, r.end`);
  const canon = (v: unknown): string => JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x));
  return createHash('sha256').update(canon(res.rows)).update(canon(rels.rows)).digest('hex');
}

/** Counts straight from the graph (not from the rows, so the check is not circular). */
function _graphCounts(): { nodes: Record<string, number>; relationships: Record<string, number> } {
  const nodes: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  const add = (m: Record<string, number>, k: string, n = 1): void => { m[k] = (m[k] ?? 0) + n; };
  const countries = new Set<string>();
  graph.forEachNode((_k, a) => {
    if (a.nodeType === 'document') add(nodes, 'Document');
    else {
      add(nodes, 'Entity'); add(nodes, a.type);
      if (a.country && ['US', 'MX', 'CA'].includes(a.country)) { countries.add(a.country); add(relationships, 'BASED_IN'); }
      if (a.type === 'Place' && a.iso && ['US', 'MX', 'CA'].includes(a.iso)) countries.add(a.iso);
    }
  });
  if (countries.size) nodes.Country = countries.size;
  const sentences = new Map<string, Set<string>>();
  graph.forEachEdge((_k, a, s, t) => {
    if (a.edgeType === 'mentions') add(relationships, 'MENTIONS', a.spans.length);
    else {
      add(relationships, a.predicate);
      for (const e of a.evidence) {
        const k = `${e.doc}#${e.start}-${e.end}`;
        if (!sentences.has(k)) sentences.set(k, new Set());
        sentences.get(k)!.add(s).add(t);
      }
    }
  });
  if (sentences.size) {
    nodes.Sentence = sentences.size;
    add(relationships, 'HAS_SENTENCE', sentences.size);
    add(relationships, 'ABOUT', [...sentences.values()].reduce((n, x) => n + x.size, 0));
  }
  return { nodes, relationships };
}

async function _library(name: string, params: Record<string, string | number> = {}): Promise<Record<string, unknown>[]> {
  const q = getQuery(name);
  return (await runQuery(conn, q.cypher, resolveParams(q, { limit: 100000, ...params }))).rows;
}

const sortJson = (xs: unknown[]): string[] => xs.map((x) => JSON.stringify(x)).sort();

/** The node-key sequence of each path of a `path` result (one row per hop), in path order. */
function _pathKeys(rows: Record<string, unknown>[]): string[] {
  const byPath = new Map<number, string[]>();
  for (const r of rows) {
    const keys = byPath.get(r.path as number) ?? [r.fromKey as string];
    keys.push(r.toKey as string);
    byPath.set(r.path as number, keys);
  }
  return [...byPath.values()].map((k) => JSON.stringify(k));
}
const pick = (row: Record<string, unknown>, keys: string[]): Record<string, unknown> => Object.fromEntries(keys.map((k) => [k, row[k]]));

beforeAll(async () => {
  const target = inject('neo4j');
  conn = await connect(target);
  graph = await _corpusGraph();
  rows = graphToRows(graph);
  console.info(`neo4j tests: graph from ${_graphSource}: ${graph.order} nodes, ${graph.size} edges`);
  const first = await loadRows(conn, rows, { wipe: true, batchSize: 500 });
  // after a wipe the load takes the CREATE path; the tests below check it leaves what MERGE would
  expect(first.fresh).toBe(true);
}, 600_000);

afterAll(async () => {
  await conn?.close();
});

describe('load', () => {
  it('should leave exactly the graph\'s nodes and relationships in Neo4j', async () => {
    const counts = await readCounts(conn);
    expect(counts).toEqual(_graphCounts());
    expect(counts.relationships.MENTIONS).toBeGreaterThan(500);
  });

  it('should store properties with their types (integers, lists) and names verbatim', async () => {
    const r = await runQuery(conn, `MATCH (d:Document)-[m:MENTIONS]->(e:Entity {key: $k})
      RETURN e.name AS name, e.aliases AS aliases, e.country AS country, labels(e) AS labels,
             valueType(m.start) AS startType, m.text AS text ORDER BY m.start LIMIT 1`, { k: 'org:fixture-quote-union' });
    expect(r.rows[0]).toMatchObject({ name: INJECTION_NAME, country: 'MX', startType: 'INTEGER NOT NULL', text: 'Sindicato ' });
    expect(r.rows[0].aliases).toContain(UNICODE_ALIAS);
    expect((r.rows[0].labels as string[]).sort()).toEqual(['Entity', 'Organization']);
    const rel = await runQuery(conn, `MATCH (:Entity {key: 'org:fixture-quote-union'})-[r:FILED]->(c:Case) RETURN r.count AS count, r.evidenceDocs AS docs, r.evidenceTexts AS texts, c.key AS c`);
    expect(rel.rows).toEqual([{ count: 1, docs: ['doc:fixture-extras'], texts: [`The union "Independiente" filed Submission 9702; it's about Han Young.`], c: 'case:fixture-nao-9702' }]);
  });

  it('should change nothing when run twice', async () => {
    const before = await _snapshot();
    const again = await loadRows(conn, rows, { batchSize: 700 });
    expect(await _snapshot()).toBe(before);
    expect(again.fresh).toBe(false);
    expect(again.written).toEqual({ nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 });
  });

  it('should converge to the same database when a killed load is re-run', async () => {
    const clean = await _snapshot();
    // the MERGE path into an empty database leaves the same as the CREATE path
    expect((await loadRows(conn, rows, { wipe: true, fresh: false })).fresh).toBe(false);
    expect(await _snapshot()).toBe(clean);
    // "Kill" the load after a few committed batches (the callback throws mid-way).
    await expect(loadRows(conn, rows, {
      wipe: true, batchSize: 200, concurrency: 1, onProgress: (_done, _total, phase) => { if (phase === 'MENTIONS') throw new Error('killed'); },
    })).rejects.toThrow('killed');
    const partial = (await readCounts(conn)).relationships.MENTIONS ?? 0;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(rows.mentions.length);
    await loadRows(conn, rows);
    expect(await _snapshot()).toBe(clean);
  });

  it('should prune what the graph no longer holds and re-type retyped entities', async () => {
    const clean = await _snapshot();
    const stale = structuredClone(rows);
    stale.entities.push({ key: 'org:stale', type: 'Organization', props: { key: 'org:stale', type: 'Organization', name: 'Stale', aliases: [] } });
    const jose = stale.entities.find((e) => e.key === 'person:jose-garcia-nunez')!;
    jose.type = 'Organization';
    jose.props = { ...jose.props, type: 'Organization' };
    stale.mentions.push({ doc: 'doc:fixture-extras', entity: 'org:stale', key: 'doc:fixture-extras#1-2|org:stale', props: { start: 1, end: 2, text: 'i', rule: 'x' } });
    await loadRows(conn, stale);
    expect(await _snapshot()).not.toBe(clean);
    expect((await runQuery(conn, "MATCH (n:Entity {key: 'person:jose-garcia-nunez'}) RETURN labels(n) AS l")).rows[0].l).toEqual(['Entity', 'Organization']);
    await loadRows(conn, rows);
    expect(await _snapshot()).toBe(clean);
  });

  it('should identify a mention by its document, entity and span, with no key property', async () => {
    // the load never looks a mention up by key: a document's MENTIONS are replaced whole when its
    // fingerprint or their number differs (the tests around this one), and pruned with their nodes
    const r = await runQuery(conn, `MATCH (d:Document)-[m:MENTIONS]->(e:Entity)
      RETURN count(m) AS n, count(DISTINCT [d.key, e.key, m.start, m.end]) AS spans, count(m.key) AS keyed`);
    expect(r.rows[0]).toEqual({ n: rows.mentions.length, spans: rows.mentions.length, keyed: 0 });
    // one span's text changed in the graph: only that document's mentions are rewritten
    const changed = structuredClone(rows);
    const m0 = changed.mentions[0]!;
    m0.props = { ...m0.props, text: `${String(m0.props.text)}!` };
    const perDoc = rows.mentions.filter((m) => m.doc === m0.doc).length;
    const res = await loadRows(conn, changed);
    expect(res.written).toMatchObject({ relationshipsCreated: perDoc, relationshipsDeleted: perDoc, nodesCreated: 0, nodesDeleted: 0 });
    const got = await runQuery(conn, 'MATCH (:Document {key: $d})-[m:MENTIONS {start: $s, end: $e}]->(:Entity {key: $k}) RETURN m.text AS text',
      { d: m0.doc, s: m0.props.start, e: m0.props.end, k: m0.entity });
    expect(got.rows).toEqual([{ text: m0.props.text }]);
    await loadRows(conn, rows);
  });

  it('should bring back mentions deleted by hand (their fingerprint unchanged)', async () => {
    const clean = await _snapshot();
    await runQuery(conn, "MATCH (:Document {key: 'doc:fixture-extras'})-[m:MENTIONS]->() WITH m LIMIT 1 DELETE m", {}, { write: true });
    expect(await _snapshot()).not.toBe(clean);
    await loadRows(conn, rows);
    expect(await _snapshot()).toBe(clean);
  });
});

describe('query library', () => {
  it('should list the same US–MX ties as the graph', async () => {
    const got = await _library('ties');
    const want = _ties(graph, 'US', 'MX');
    expect(want.length).toBeGreaterThan(0);
    expect(sortJson(got.map((r) => ({ ...pick(r, ['subjectKey', 'predicate', 'objectKey', 'evidence']), documents: [...(r.documents as string[])].sort() }))))
      .toEqual(sortJson(want));
    expect(got.every((r) => typeof r.sentence === 'string')).toBe(true);
  });

  it('should rank the same brokers, in the same order, as the shared definition the explorer uses', async () => {
    const got = await _library('brokers', { a: 'US', b: 'MX' });
    const want = findBrokers(graph, { a: 'US', b: 'MX' });
    expect(want.length).toBeGreaterThan(0);
    expect(got.map((r) => pick(r, ['key', 'neighboursA', 'neighboursB', 'score', 'neighbours'])))
      .toEqual(want.map((b) => pick(b as unknown as Record<string, unknown>, ['key', 'neighboursA', 'neighboursB', 'score', 'neighbours'])));
    // only actors: no place, event or agreement, and the states themselves are not brokers
    expect(got.every((r) => r.type === 'Person' || r.type === 'Organization')).toBe(true);
    expect(got.map((r) => r.key)).not.toContain('place:mexico');
  });

  it('should find the same shortest paths as the shared definition, by name, alias and accent-folded alias', async () => {
    const cases: [string, string][] = [
      ['José García Núñez', 'Fixture Commission for Labor Cooperation'], [`Tricky' OR 1=1 //`, 'GM'], ['jose garcia nunez', 'gm'],
      // the corpus's own: 7 ties, only through the place "Mexico" (no place-free path exists)
      ['AFL-CIO', 'Secretaría del Trabajo y Previsión Social'],
    ];
    for (const [from, to] of cases) {
      const rows = await _library('path', { from, to, limit: 1000 });
      const want = shortestPaths(graph, _actors(graph, from), _actors(graph, to));
      expect(want.paths.length, `${from} → ${to}`).toBeGreaterThan(0);
      expect(_pathKeys(rows)).toEqual(want.paths.map((p) => JSON.stringify(p)));
      expect(rows.every((r) => r.hops === want.hops && r.throughAvoided === want.throughAvoided)).toBe(true);
      // evidence per hop: each hop names its ties and carries a sentence
      expect(rows.every((r) => (r.ties as string[]).length > 0 && typeof r.sentence === 'string' && (r.sentence as string).length > 0)).toBe(true);
    }
    const afl = await _library('path', { from: 'AFL-CIO', to: 'STPS' });
    if (graph.hasNode('org:afl-cio') && graph.hasNode('org:stps')) expect(afl.length).toBeGreaterThan(0);
  });

  it('should prune the avoided classes at each hop and still agree with the shared definition, for any avoid list', async () => {
    // the avoided classes are checked inside the quantified pattern (per hop), not on whole paths:
    // nothing avoided, the default, more classes avoided, and a class that is never on a path
    let pruned = 0;
    for (const avoid of ['', 'Place', 'Place,Organization', 'Place,Event,Agreement', 'Law']) {
      for (const [from, to] of [['AFL-CIO', 'Secretaría del Trabajo y Previsión Social'], ['José García Núñez', 'Fixture Commission for Labor Cooperation'], ['jose garcia nunez', 'gm']]) {
        const want = shortestPaths(graph, _actors(graph, from), _actors(graph, to), { avoid: avoid ? avoid.split(',') : [] });
        const rows = await _library('path', { from, to, avoid, limit: 1000 });
        const at = `${from} → ${to}, avoid "${avoid}"`;
        expect(_pathKeys(rows), at).toEqual(want.paths.map((p) => JSON.stringify(p)));
        expect(rows.every((r) => r.hops === want.hops && r.throughAvoided === want.throughAvoided), at).toBe(true);
        // a path that avoids them passes through none of the avoided classes between its ends
        const cls = new Set(avoid.split(','));
        if (!want.throughAvoided) for (const p of want.paths) expect(p.slice(1, -1).some((k) => cls.has(graph.getNodeAttribute(k, 'type') as string)), at).toBe(false);
        if (want.paths.length && avoid) pruned += 1;
      }
    }
    expect(pruned).toBeGreaterThan(0);
  });

  it('should say why a path is missing: an unknown name, or the hop limit with the length that would do', async () => {
    const q = getQuery('path');
    const note = async (p: Record<string, string | number>): Promise<string> => (await runQuery(conn, q.emptyNote!, resolveParams(q, p))).rows[0].note as string;
    expect(await note({ from: 'Nobody At All', to: 'GM' })).toBe('no entity matches "Nobody At All" (try kg cypher --query search --param q=…)');
    const want = shortestPaths(graph, _actors(graph, 'José García Núñez'), _actors(graph, 'Fixture Commission for Labor Cooperation'));
    expect(await _library('path', { from: 'José García Núñez', to: 'Fixture Commission for Labor Cooperation', maxHops: want.hops! - 1 })).toEqual([]);
    expect(await note({ from: 'José García Núñez', to: 'Fixture Commission for Labor Cooperation', maxHops: want.hops! - 1 }))
      .toBe(`no path of at most ${want.hops! - 1} ties between José García Núñez and Fixture Commission for Labor Cooperation: the shortest has ${want.hops} (add --param maxHops=${want.hops})`);
  });

  it('should find names through the full-text index, accents folded', async () => {
    const hits = await _library('search', { q: 'Secretaria del Trabajo y Prevision Social', limit: 3 });
    if (graph.hasNode('org:stps')) expect(hits[0].key).toBe('org:stps');
    expect((await _library('search', { q: 'confederacion' })).map((r) => r.key)).toContain('org:fixture-quote-union');
    expect(await _library('search', { q: 'zzzqqqxx' })).toEqual([]);
  });

  it("should give an actor's neighbourhood with the same provenance as the graph", async () => {
    const busiest = [...new Set(_relations(graph).map((r) => r.s))].sort((x, y) => graph.degree(y) - graph.degree(x))[0];
    for (const actor of [busiest, 'j. garcía', UNICODE_ALIAS]) {
      const got = await _library('neighbourhood', { actor });
      const want = _neighbourhood(graph, actor);
      expect(want.length).toBeGreaterThan(0);
      expect(sortJson(got.map((r) => ({ ...pick(r, ['actor', 'direction', 'predicate', 'neighbourKey', 'evidence']), documentKeys: [...(r.documentKeys as string[])].sort() }))))
        .toEqual(sortJson(want));
    }
  });

  it('should list agreements and cases as the graph does', async () => {
    const ag = await _library('agreements');
    expect(sortJson(ag.map((r) => pick(r, ['key', 'parties', 'signatories', 'established'])))).toEqual(sortJson(_agreements(graph)));
    expect(ag.find((r) => r.key === 'agreement:fixture-labor-accord')).toMatchObject({ parties: ['Fixtureland MX', 'Fixtureland US'], established: ['Fixture Commission for Labor Cooperation'] });
    const cases = await _library('cases');
    expect(sortJson(cases.map((r) => pick(r, ['key', 'filedBy', 'targets', 'places'])))).toEqual(sortJson(_cases(graph)));
    expect(cases.find((r) => r.key === 'case:fixture-nao-9702')).toMatchObject({ filedBy: ['Fixture Workers United', INJECTION_NAME], targets: ['Han Young de México'], places: ['Tijuana Fixture'] });
    expect(cases.find((r) => r.key === 'case:fixture-gm-silao')).toMatchObject({ places: ['Silao Fixture'] });
  });
});

describe('the five analyst questions', () => {
  it('should rank cross-border union pairs by documents as the graph does', async () => {
    const got = await _library('union-pairs');
    const want = _unionPairs(graph, 'US', 'MX', UNION_KINDS);
    expect(want.length).toBeGreaterThan(0);
    expect(sortJson(got.map((r) => pick(r, ['unionKey', 'partnerKey', 'documents', 'evidence'])))).toEqual(sortJson(want));
    const docs = got.map((r) => r.documents as number);
    expect(docs).toEqual([...docs].sort((x, y) => y - x));
  });

  it('should give every US–MX tie with each evidence sentence, through Sentence nodes', async () => {
    const got = await _library('tie-evidence');
    const want = _tieEvidence(graph, 'US', 'MX');
    expect(want.length).toBeGreaterThan(0);
    expect(sortJson(got.map((r) => pick(r, ['subjectKey', 'predicate', 'objectKey', 'sentence', 'sentenceKey'])))).toEqual(sortJson(want));
    // full-text over sentences jumps to the actors they are about
    const hit = await runQuery(conn, `CALL db.index.fulltext.queryNodes('kg_sentences', 'cooperate') YIELD node
      MATCH (node)-[:ABOUT]->(e:Entity) RETURN DISTINCT e.key AS key`);
    expect(hit.rows.map((r) => r.key)).toEqual(expect.arrayContaining(['org:fixture-quote-union', 'org:fixture-us-union']));
  });

  it('should list binational co-participation in events and programs as the graph does', async () => {
    const got = await _library('co-participation');
    expect(sortJson(got.map((r) => pick(r, ['key', 'participantsA', 'participantsB'])))).toEqual(sortJson(_coParticipation(graph, 'US', 'MX', PARTICIPATION)));
  });

  it('should list cases with filers, targets and places, with rows on the real corpus', async () => {
    const got = await _library('cases');
    expect(got.filter((r) => !String(r.key).includes('fixture')).length).toBeGreaterThan(0);
    expect(got.find((r) => r.key === 'case:fixture-gm-silao')).toMatchObject({ filedBy: ['José García Núñez'], targets: ['General Motors Fixture'] });
  });

  it('should list labor ministers\' cross-border ties as the graph does, dated', async () => {
    const got = await _library('ministers');
    const want = _ministers(graph, MINISTRY_KINDS);
    expect(sortJson(got.map((r) => pick(r, ['ministerKey', 'otherKey', 'tie', 'counterparts'])))).toEqual(sortJson(want));
    if (graph.hasNode('person:elaine-chao')) expect(got.some((r) => r.ministerKey === 'person:elaine-chao' && typeof r.dateFrom === 'string' && (r.dateFrom as string) >= '2003')).toBe(true);
  });

  it('should carry document and relation dates, so "after 2018" is a plain comparison', async () => {
    const docs = await runQuery(conn, 'MATCH (d:Document) WHERE d.date IS NOT NULL RETURN d.key AS key, d.date AS date, d.year AS year');
    for (const r of docs.rows) expect(r.year).toBe(Number(String(r.date).slice(0, 4)));
    const want = _relations(graph).filter((r) => (r.a.dateTo ?? '') >= '2019').map((r) => r.key).sort();
    const got = await runQuery(conn, "MATCH ()-[r]->() WHERE r.dateTo >= '2019' AND r.evidenceTexts IS NOT NULL RETURN r.key AS key ORDER BY key");
    expect(got.rows.map((r) => r.key)).toEqual(want);
  });
});

describe('injection safety', () => {
  it('should treat quotes, Cypher fragments and unicode in parameters as plain values', async () => {
    const before = await readCounts(conn);
    for (const actor of [`x' OR 1=1 //`, `"}) MATCH (n) DETACH DELETE n //`, "') CALL { MATCH (n) DETACH DELETE n } //", '\\u0027 OR true //']) {
      // a plain value: it finds at most the entity whose name holds that very text (full-text), never more
      expect((await _library('neighbourhood', { actor })).every((r) => r.actor === INJECTION_NAME)).toBe(true);
      expect(await _library('ties', { a: actor, b: 'MX' })).toEqual([]);
    }
    const got = await _library('neighbourhood', { actor: INJECTION_NAME });
    expect(got.length).toBeGreaterThan(0);
    expect(await readCounts(conn)).toEqual(before);
  });

  it('should refuse writes from library queries (read transactions)', async () => {
    await expect(runQuery(conn, 'CREATE (:Entity {key: "x"})')).rejects.toMatchObject({ name: 'Neo4jError' });
    expect((await runQuery(conn, 'MATCH (n:Entity {key: "x"}) RETURN n')).rows).toEqual([]);
  });
});
