// kg bench: first-load variants of the Neo4j load, interleaved on ONE server (each: wipe, load, counts checked).
// Variants: merge (MERGE path), auto (kg load-neo4j: CREATE path), fpar, fintx, fconc, fnokey, …, and q, qnokey, qclient,
// qft, q20k, q1k: the load-neo4j first load (one queue on 2 sessions) with one thing changed (see queueLoad).
// Usage: npx tsx scripts/bench/_neo4j-variants.ts GRAPH ROUNDS v1,v2,…
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { connect, type Connection } from '../../src/neo4j/connect.js';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded.js';
import { loadRows, readCounts, mentionGroups } from '../../src/neo4j/load.js';
import { readGraphFile } from '../../src/neo4j/read-graph.js';
import { expectedCounts, graphToRows, type GraphRows } from '../../src/neo4j/rows.js';
import { wipeStatements } from '../../src/neo4j/cypher.js';
import * as cy from '../../src/neo4j/cypher.js';
import { fulltextStatements } from '../../src/neo4j/lookup.js';
import { toNeo4j } from '../../src/neo4j/values.js';
import { ENTITY_TYPES, PREDICATES } from '../../src/types.js';

const [graphFile, roundsArg, listArg] = process.argv.slice(2);
const rows = graphToRows(await readGraphFile(graphFile!), graphFile);
const want = expectedCounts(rows);
const totalRels = Object.values(want.relationships).reduce((a, b) => a + b, 0);
const totalNodes = want.nodes.Entity + want.nodes.Document + want.nodes.Country + (want.nodes.Sentence ?? 0);
console.log(`graph ${graphFile}: ${totalNodes} nodes, ${totalRels} relationships`);

interface Batch { text: string; rows: unknown; size: number }
const conv = (xs: unknown[]): unknown[] => toNeo4j(xs) as unknown[];
function chunk(text: string, xs: unknown[], n: number): Batch[] {
  const out: Batch[] = [];
  for (let i = 0; i < xs.length; i += n) out.push({ text, rows: xs.slice(i, i + n), size: Math.min(n, xs.length - i) });
  return out;
}
let retries = 0;
async function run(conn: Connection, list: Batch[], concurrency: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    const s = conn.driver.session();
    try {
      while (next < list.length) {
        const b = list[next++]!;
        let tries = 0;
        await s.executeWrite((tx) => { tries++; return tx.run(b.text, { rows: b.rows }).then(() => undefined); });
        if (tries > 1) retries += tries - 1;
      }
    } finally { await s.close(); }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, list.length)) }, worker));
}
async function autocommit(conn: Connection, list: Batch[], concurrency: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    const s = conn.driver.session();
    try {
      while (next < list.length) { const b = list[next++]!; await s.run(b.text, { rows: b.rows }); }
    } finally { await s.close(); }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, list.length)) }, worker));
}

/** mention rows grouped per doc, batched so a batch holds ≈ size spans. */
function mentionRows(size: number, withKey = true): { rows: unknown[]; spans: number }[] {
  const out: { rows: unknown[]; spans: number }[] = [];
  let cur: unknown[] = []; let spans = 0;
  for (const { key, hash, list } of mentionGroups(rows)) {
    cur.push({ key, hash, edges: list.map(([e, s]) => [e, s.map((x) => [neo4j.int(x[0] as number), neo4j.int(x[1] as number), x[2], x[3], x[4]])]) });
    spans += list.reduce((k, [, s]) => k + s.length, 0);
    if (spans >= size) { out.push({ rows: cur, spans }); cur = []; spans = 0; }
  }
  if (cur.length) out.push({ rows: cur, spans });
  void withKey;
  return out;
}
const MENTIONS_NOKEY = cy.replaceMentions().replace(/key: d\.key[^,]*,\n  /, '');

function nodeBatches(size: number, dynamic: boolean): Batch[] {
  const ents = dynamic
    ? chunk(`UNWIND $rows AS row
MERGE (n:Entity {key: row.key})
SET n = row.props
SET n:$(row.type)`, conv(rows.entities.map((e) => ({ key: e.key, type: e.type, props: e.props }))), size)
    : ENTITY_TYPES.flatMap((t) => chunk(cy.upsertEntities(t), conv(rows.entities.filter((e) => e.type === t)), size));
  return [...chunk(cy.upsertCountries(), rows.countries, size), ...chunk(cy.upsertDocuments(), conv(rows.documents), size), ...ents];
}
function relationBatches(size: number, dynamic: boolean): Batch[] {
  const rels = dynamic
    ? chunk(`UNWIND $rows AS row
MATCH (a:Entity {key: row.subject})
MATCH (b:Entity {key: row.object})
MERGE (a)-[r:$(row.predicate)]->(b)
SET r = row.props`, conv(rows.relations), size)
    : PREDICATES.flatMap((p) => chunk(cy.upsertRelations(p), conv(rows.relations.filter((r) => r.predicate === p)), size));
  return [...chunk(cy.upsertBasedIn(), rows.basedIn, size), ...rels];
}
const sentenceBatches = (size: number): Batch[] => chunk(cy.upsertSentences(), conv(rows.sentences), Math.max(1, Math.floor(size / 3)));
const mentionBatches = (size: number, nokey = false): Batch[] => mentionRows(size).map((m) => ({ text: nokey ? MENTIONS_NOKEY : cy.replaceMentions(), rows: m.rows, size: m.spans }));

async function nodesPhase(conn: Connection, size: number, conc: number, dynamic = false): Promise<void> {
  await run(conn, nodeBatches(size, dynamic), conc);
  const s = conn.driver.session();
  try { for (const q of cy.fixClassLabels()) await s.executeWrite((tx) => tx.run(q).then(() => undefined)); } finally { await s.close(); }
}

type Timing = { nodes: number; rels: number };
function inTx(text: string, per: number, conc: string): string {
  const [head, ...rest] = text.split('\n');
  const v = head!.replace('UNWIND $rows AS ', '');
  return `${head}\nCALL (${v}) {\n${rest.join('\n')}\n} IN${conc} TRANSACTIONS OF ${per} ROWS`;
}
async function freshInTx(conn: Connection, conc: string): Promise<Timing> {
  const f = cy.freshStatements;
  const one = async (text: string, rs: unknown[]): Promise<void> => { const ss = conn.driver.session(); try { await ss.run(text, { rows: rs }); } finally { await ss.close(); } };
  let t = now();
  await one(inTx(f.countries, 5000, ''), rows.countries);
  await one(inTx(f.documents, 5000, ''), conv(rows.documents));
  await one(inTx(f.entities, 5000, ''), conv(rows.entities));
  const nodes = now() - t;
  t = now();
  const perDoc = Math.max(1, Math.round(Number(process.env.MB ?? 5000) / (rows.mentions.length / rows.documents.length)));
  const all = mentionRows(1e12)[0]!.rows;
  await Promise.all([
    (async () => { await one(inTx(f.basedIn, 5000, ''), rows.basedIn); await one(inTx(f.relations, 5000, ''), conv(rows.relations)); await one(inTx(f.sentences, 1666, ''), conv(rows.sentences)); })(),
    one(inTx(f.mentions, perDoc, conc), all),
  ]);
  return { nodes, rels: now() - t };
}

async function freshWith(conn: Connection, mtext: string, clientKey: boolean, parallel = false): Promise<Timing> {
  const f = cy.freshStatements;
  let t = now();
  await run(conn, [...chunk(f.countries, rows.countries, 5000), ...chunk(f.documents, conv(rows.documents), 5000), ...chunk(f.entities, conv(rows.entities), 5000)], 2);
  const nodes = now() - t;
  t = now();
  const rel = [...chunk(f.basedIn, rows.basedIn, 5000), ...chunk(f.relations, conv(rows.relations), 5000), ...chunk(f.sentences, conv(rows.sentences), 1666)];
  const size = Number(process.env.MB ?? 5000);
  const mb = mentionRows(size).map((m) => ({ text: mtext, rows: clientKey ? (m.rows as { key: string; edges: [string, unknown[][]][] }[]).map((d) => ({ ...d, edges: d.edges.map(([e, ss]) => [e, ss.map((x) => [...x, `${d.key}#${x[0]}-${x[1]}|${e}`])]) })) : m.rows, size: m.spans }));
  if (parallel) await Promise.all([run(conn, rel, 1), run(conn, mb, Number(process.env.MC ?? 1))]);
  else {
    await run(conn, rel, 2);
    const t1 = now();
    await run(conn, mb, Number(process.env.MC ?? 2));
    console.log(`  mentions ${(now() - t1).toFixed(1)} s, others ${(t1 - t).toFixed(1)} s`);
  }
  return { nodes, rels: now() - t };
}

const now = (): number => performance.now() / 1000;
const VARIANTS: Record<string, (conn: Connection) => Promise<Timing>> = {

  /** first load into an empty database: CREATE instead of MERGE (nothing to match), mentions as before; timed per part */
  fresh: async (conn) => {
    const ents = ENTITY_TYPES.flatMap((t) => chunk(`UNWIND $rows AS row CREATE (n:Entity:${t}) SET n = row.props`, conv(rows.entities.filter((e) => e.type === t)), 5000));
    let t = now();
    await run(conn, [...chunk('UNWIND $rows AS row CREATE (c:Country {code: row.code, name: row.name})', rows.countries, 5000), ...chunk('UNWIND $rows AS row CREATE (n:Document) SET n = row.props', conv(rows.documents), 5000), ...ents], 2);
    const nodes = now() - t;
    t = now();
    const rel = [...chunk(cy.upsertBasedIn().replace('MERGE', 'CREATE'), rows.basedIn, 5000),
      ...PREDICATES.flatMap((p) => chunk(cy.upsertRelations(p).replace('MERGE (a)-[r:', 'CREATE (a)-[r:'), conv(rows.relations.filter((r) => r.predicate === p)), 5000))];
    await run(conn, rel, 2);
    const t1 = now();
    await run(conn, chunk(`UNWIND $rows AS row
MATCH (d:Document {key: row.doc})
CREATE (d)-[:HAS_SENTENCE]->(s:Sentence)
SET s = row.props
WITH s, row
UNWIND row.about AS k
MATCH (e:Entity {key: k})
CREATE (s)-[:ABOUT]->(e)`, conv(rows.sentences), Number(process.env.SB ?? 1666)), 2);
    const t2 = now();
    await run(conn, mentionBatches(Number(process.env.MB ?? 5000)), Number(process.env.MC ?? 2));
    const t3 = now();
    console.log(`  fresh: relations ${(t1 - t).toFixed(1)} s, sentences ${(t2 - t1).toFixed(1)} s, mentions ${(t3 - t2).toFixed(1)} s`);
    return { nodes, rels: now() - t };
  },
  /** the current statements, timed per part */
  parts: async (conn) => {
    let t = now(); await nodesPhase(conn, 5000, 2); const nodes = now() - t;
    t = now();
    await run(conn, relationBatches(5000, false), 2);
    const t1 = now();
    await run(conn, sentenceBatches(5000), 2);
    const t2 = now();
    await run(conn, mentionBatches(5000), 2);
    const t3 = now();
    console.log(`  parts: relations ${(t1 - t).toFixed(1)} s, sentences ${(t2 - t1).toFixed(1)} s, mentions ${(t3 - t2).toFixed(1)} s`);
    return { nodes, rels: now() - t };
  },
  auto: async (conn) => { const r = await loadRows(conn, rows, { prune: false, batchSize: Number(process.env.B ?? 5000), concurrency: Number(process.env.C ?? 2) }); if (!r.fresh) throw new Error('not fresh'); console.log('  auto: ' + Object.entries(r.seconds).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')); return { nodes: r.seconds.nodes!, rels: r.seconds.relationships! }; },
  merge: async (conn) => { const r = await loadRows(conn, rows, { prune: false, fresh: false, batchSize: Number(process.env.B ?? 5000), concurrency: Number(process.env.C ?? 2) }); console.log('  merge: ' + Object.entries(r.seconds).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')); return { nodes: r.seconds.nodes!, rels: r.seconds.relationships! }; },

  /** fresh, with a different mentions statement / batching (env MB batch spans, MC sessions) */
  fnokey: async (conn) => freshWith(conn, cy.freshStatements.mentions.replace(/key: d\.key[^,]*,\n  /, ''), false),
  fclient: async (conn) => freshWith(conn, cy.freshStatements.mentions.replace(/key: d\.key[^,]*,\n  /, 'key: s[5], '), true),
  fpar: async (conn) => freshWith(conn, cy.freshStatements.mentions, false, true),

  /** fresh statements as CALL … IN [CONCURRENT] TRANSACTIONS: one auto-commit statement per kind, all rows as its parameter */
  fintx: async (conn) => freshInTx(conn, ''),
  fconc: async (conn) => freshInTx(conn, ' CONCURRENT'),
  /** the loader as on main */
  base: async (conn) => { const r = await loadRows(conn, rows, { prune: false }); return { nodes: r.seconds.nodes!, rels: r.seconds.relationships! }; },
  b20k: async (conn) => { const r = await loadRows(conn, rows, { prune: false, batchSize: 20000 }); return { nodes: r.seconds.nodes!, rels: r.seconds.relationships! }; },
  b2k: async (conn) => { const r = await loadRows(conn, rows, { prune: false, batchSize: 2000 }); return { nodes: r.seconds.nodes!, rels: r.seconds.relationships! }; },
  c1: async (conn) => { const r = await loadRows(conn, rows, { prune: false, concurrency: 1 }); return { nodes: r.seconds.nodes!, rels: r.seconds.relationships! }; },
  c4: async (conn) => { const r = await loadRows(conn, rows, { prune: false, concurrency: 4 }); return { nodes: r.seconds.nodes!, rels: r.seconds.relationships! }; },
  /** dynamic labels / types: one statement for all entity classes, one for all predicates */
  dyn: async (conn) => {
    let t = now(); await nodesPhase(conn, 5000, 2, true); const nodes = now() - t;
    t = now();
    await run(conn, [...relationBatches(5000, true), ...sentenceBatches(5000)], 2);
    await run(conn, mentionBatches(5000), 2);
    return { nodes, rels: now() - t };
  },
  /** parallel sessions per relationship type: MENTIONS on 2 sessions while sentences+ABOUT and relations run on a third */
  pertype: async (conn) => {
    let t = now(); await nodesPhase(conn, 5000, 2); const nodes = now() - t;
    t = now();
    await Promise.all([run(conn, mentionBatches(5000), 2), run(conn, [...relationBatches(5000, false), ...sentenceBatches(5000)], 1)]);
    return { nodes, rels: now() - t };
  },
  /** CALL … IN TRANSACTIONS: statements of ≈ 50k spans, committed per ≈ 5k spans inside (rows = documents) */
  intx: async (conn) => {
    let t = now(); await nodesPhase(conn, 5000, 2); const nodes = now() - t;
    t = now();
    await run(conn, relationBatches(5000, false), 2);
    const per = Math.max(1, Math.round(5000 / (rows.mentions.length / rows.documents.length)));
    const inner = cy.replaceMentions().replace('UNWIND $rows AS doc\n', '');
    const mtext = `UNWIND $rows AS doc\nCALL (doc) {\n${inner}\n} IN TRANSACTIONS OF ${per} ROWS`;
    const stext = `UNWIND $rows AS row\nCALL (row) {\n${cy.upsertSentences().replace('UNWIND $rows AS row\n', '')}\n} IN TRANSACTIONS OF 1666 ROWS`;
    await autocommit(conn, [...chunk(stext, conv(rows.sentences), 16660), ...mentionRows(50000).map((m) => ({ text: mtext, rows: m.rows, size: m.spans }))], 2);
    return { nodes, rels: now() - t };
  },
  /** full-text indexes dropped before, created (and awaited) after the data; their time counts */
  ftafter: async (conn) => {
    const s = conn.driver.session();
    await s.run('DROP INDEX kg_entity_names IF EXISTS'); await s.run('DROP INDEX kg_sentences IF EXISTS');
    let t = now(); await nodesPhase(conn, 5000, 2); const nodes = now() - t;
    t = now();
    await run(conn, [...relationBatches(5000, false), ...sentenceBatches(5000)], 2);
    await run(conn, mentionBatches(5000), 2);
    const t2 = now();
    for (const c of fulltextStatements()) await s.run(c);
    await s.run('CALL db.awaitIndexes(300)');
    console.log(`  ftafter: index creation ${(now() - t2).toFixed(1)} s`);
    await s.close();
    return { nodes, rels: now() - t };
  },
  /** MENTIONS without the key property (how much the key costs) */
  nokey: async (conn) => {
    let t = now(); await nodesPhase(conn, 5000, 2); const nodes = now() - t;
    t = now();
    await run(conn, [...relationBatches(5000, false), ...sentenceBatches(5000)], 2);
    await run(conn, mentionBatches(5000, true), 2);
    return { nodes, rels: now() - t };
  },
};


/**
 * The first load as kg load-neo4j does it (CREATE statements, one queue of every relationship batch on
 * 2 sessions), with one thing changed: the mentions statement or its batch size (env MB), or the
 * full-text indexes dropped before and built (and awaited) after the data, their time counted.
 */
async function queueLoad(conn: Connection, o: { mtext?: string; msize?: number; ftAfter?: boolean; clientKey?: boolean; conc?: number; rtiAfter?: boolean } = {}): Promise<Timing> {
  const f = cy.freshStatements;
  const s = conn.driver.session();
  try {
    if (o.ftAfter) { await s.run('DROP INDEX kg_entity_names IF EXISTS'); await s.run('DROP INDEX kg_sentences IF EXISTS'); }
    let rti: string | undefined;
    if (o.rtiAfter) {
      rti = (await s.run("SHOW INDEXES YIELD name, type, entityType WHERE type = 'LOOKUP' AND entityType = 'RELATIONSHIP' RETURN name")).records[0]?.get('name') as string | undefined;
      if (!rti) throw new Error('no relationship type lookup index');
      await s.run(`DROP INDEX ${rti}`);
    }
    let t = now();
    await run(conn, [...chunk(f.countries, rows.countries, 5000), ...chunk(f.documents, conv(rows.documents), 5000), ...chunk(f.entities, conv(rows.entities), 5000)], 2);
    const nodes = now() - t;
    t = now();
    const rel = [...chunk(f.basedIn, rows.basedIn, 5000), ...chunk(f.relations, conv(rows.relations), 5000), ...chunk(f.sentences, conv(rows.sentences), 1666)];
    const mb = mentionRows(o.msize ?? 5000).map((m) => ({ text: o.mtext ?? f.mentions, size: m.spans,
      rows: o.clientKey ? (m.rows as { key: string; edges: [string, unknown[][]][] }[]).map((d) => ({ ...d, edges: d.edges.map(([e, ss]) => [e, ss.map((x) => [...x, `${d.key}#${x[0]}-${x[1]}|${e}`])]) })) : m.rows }));
    await run(conn, [...rel, ...mb], o.conc ?? 2);
    if (rti) {
      const t2 = now();
      await s.run(`CREATE LOOKUP INDEX ${rti} FOR ()-[r]-() ON EACH type(r)`);
      await s.run('CALL db.awaitIndexes(300)');
      console.log(`  relationship type lookup index rebuilt after the data in ${(now() - t2).toFixed(1)} s`);
    }
    if (o.ftAfter) {
      const t2 = now();
      for (const c of fulltextStatements()) await s.run(c);
      await s.run('CALL db.awaitIndexes(300)');
      console.log(`  full-text indexes built after the data in ${(now() - t2).toFixed(1)} s`);
    }
    return { nodes, rels: now() - t };
  } finally { await s.close(); }
}
const NOKEY = cy.freshStatements.mentions.replace(/key: d\.key[^,]*,\n  /, '');
void NOKEY; // MENTIONS carry no key since 32114dd: qnokey is q
Object.assign(VARIANTS, {
  q: (conn: Connection) => queueLoad(conn),
  qnokey: (conn: Connection) => queueLoad(conn, { mtext: NOKEY }),
  qclient: (conn: Connection) => queueLoad(conn, { mtext: cy.freshStatements.mentions.replace(/key: d\.key[^,]*,\n  /, 'key: s[5], '), clientKey: true }),
  qft: (conn: Connection) => queueLoad(conn, { ftAfter: true }),
  q20k: (conn: Connection) => queueLoad(conn, { msize: 20000 }),
  q1k: (conn: Connection) => queueLoad(conn, { msize: 1000 }),
  /** MENTIONS without any property (a diagnostic: what the span payload costs) */
  qnoprops: (conn: Connection) => queueLoad(conn, { mtext: cy.freshStatements.mentions.replace(/ \{start: [^}]*\}/, '') }),
  /** MENTIONS with start and end only */
  qse: (conn: Connection) => queueLoad(conn, { mtext: cy.freshStatements.mentions.replace(/ \{start: [^}]*\}/, ' {start: s[0], end: s[1]}') }),
  qc1: (conn: Connection) => queueLoad(conn, { conc: 1 }),
  /** the relationship type lookup index dropped before the data and rebuilt (and awaited) after it; its time counts */
  qnorti: (conn: Connection) => queueLoad(conn, { rtiAfter: true }),
  qc3: (conn: Connection) => queueLoad(conn, { conc: 3 }),
});
if (!cy.freshStatements.mentions.match(/ \{start: [^}]*\}/)) throw new Error('the mentions statement has no {start: …} map');
const names = (listArg ?? Object.keys(VARIANTS).join(',')).split(',');
const rounds = Number(roundsArg ?? 2);
const work = await mkdtemp(join(tmpdir(), 'kg-n2-var-'));
const t0 = now();
const server = process.env.NEO4J_URI ? { uri: process.env.NEO4J_URI, user: 'neo4j', password: process.env.NEO4J_PASSWORD!, stop: async () => {} } : await startEmbeddedNeo4j({ dataDir: join(work, 'data'), password: randomBytes(12).toString('base64url'), passwordFile: join(work, 'pw') });
console.log(`server up in ${(now() - t0).toFixed(0)} s`);
const results: Record<string, { rps: number; nps: number; load: number }[]> = {};
try {
  const conn = await connect({ uri: server.uri, user: server.user, password: server.password });
  try {
    const s = conn.driver.session();
    for (const c of [...cy.constraintStatements(), ...fulltextStatements()]) await s.run(c);
    await s.run('CALL db.awaitIndexes(300)');
    await s.close();
    for (let r = 0; r < rounds; r++) {
      for (const name of names) {
        const w = conn.driver.session();
        for (const q of wipeStatements()) await w.run(q);
        await w.close();
        const load = os.loadavg()[0]!;
        const cpu = (): number => { const f = readFileSync(`/proc/${process.env.SERVER_PID ?? (server as { pid?: number }).pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) / 100; };
        const c0 = cpu(); const u0 = process.cpuUsage();
        const tm = await VARIANTS[name]!(conn);
        const c1 = cpu() - c0; const u1 = process.cpuUsage(u0);
        console.log(`  ${name}: server CPU ${c1.toFixed(1)} s (${(totalRels / c1).toFixed(0)} rels per server CPU-s), client CPU ${((u1.user + u1.system) / 1e6).toFixed(1)} s, retried transactions ${retries}`);
        retries = 0;
        const got = await readCounts(conn);
        const canon = (o: unknown): string => JSON.stringify(o, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x));
        const ok = canon(got) === canon(want) ? 'ok' : `COUNTS DIFFER ${JSON.stringify(got)}`;
        const rps = totalRels / tm.rels; const nps = totalNodes / tm.nodes;
        (results[name] ??= []).push({ rps, nps, load });
        console.log(`round ${r + 1} ${name.padEnd(8)} rels/s ${rps.toFixed(0).padStart(6)} (${tm.rels.toFixed(1)} s)  nodes/s ${nps.toFixed(0).padStart(6)} (${tm.nodes.toFixed(1)} s)  load ${load.toFixed(1)}  ${ok}`);
      }
    }
  } finally { await conn.close(); }
} finally {
  await server.stop();
  await rm(work, { recursive: true, force: true });
}
const med = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2; };
console.log('\nvariant   median rels/s  median nodes/s  runs  load (1 min) at start of each');
for (const [n, xs] of Object.entries(results)) console.log(`${n.padEnd(9)} ${med(xs.map((x) => x.rps)).toFixed(0).padStart(13)}  ${med(xs.map((x) => x.nps)).toFixed(0).padStart(14)}  ${String(xs.length).padStart(4)}  ${xs.map((x) => x.load.toFixed(1)).join(', ')}`);
