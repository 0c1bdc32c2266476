// kg/neo4j: loads graph rows into Neo4j — constraints, batched UNWIND … MERGE writes, prune, counts.
import type { Session } from 'neo4j-driver';
import type { Connection } from './connect.js';
import { toNeo4jError } from './connect.js';
import {
  anyKgNode, constraintStatements, countStatements, fixClassLabels, freshStatements, pruneStatements, replaceMentions, upsertBasedIn, upsertCountries,
  upsertDocuments, upsertEntities, upsertRelations, upsertSentences, wipeStatements,
} from './cypher.js';
import { createHash } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { GraphRows } from './rows.js';
import { fulltextStatements } from './lookup.js';
import { fromNeo4j, toNeo4j } from './values.js';
import { ENTITY_TYPES, PREDICATES } from '../types.js';

/** Load options. */
export interface LoadOptions {
  /** Rows (for mentions: spans) per transaction (default 5000). */
  batchSize?: number;
  /** Concurrent write transactions (default 2: the client packs one batch while the server runs another; deadlocks are retried). */
  concurrency?: number;
  /** Delete all kg nodes (Entity, Document, Country) first. */
  wipe?: boolean;
  /**
   * CREATE instead of MERGE (`freshStatements`). Default: when the database holds no kg node at the
   * start (a first load, or after `wipe`); `false` forces the MERGE path (benchmarks compare both).
   */
  fresh?: boolean;
  /** Delete kg data the graph no longer holds (default true: the database mirrors the graph; a fresh load has none to delete and skips it). */
  prune?: boolean;
  /** Called after each batch with rows written so far, the total, and the phase name. */
  onProgress?: (done: number, total: number, phase: string) => void;
  /** Called as each timed phase ends (the keys of `LoadResult.seconds`), e.g. for a benchmark to read the server's CPU time. */
  onPhaseEnd?: (phase: string) => void;
}

/** Counts read back from Neo4j after the load, and timings. */
export interface LoadResult {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  /** Rows written (nodes + relationships). */
  rows: number;
  /** Whether the load took the CREATE path (the database held no kg node). */
  fresh: boolean;
  /** What the data statements changed (Neo4j's counters): none created or deleted by a load that finds everything equal. */
  written: Written;
  /** Seconds per phase: constraints, wipe, nodes, relations (BASED_IN + predicates), mentions, prune; relationships = relations + mentions. */
  seconds: Record<string, number>;
}

/** Neo4j's update counters, summed over a load's data statements. */
export interface Written { nodesCreated: number; nodesDeleted: number; relationshipsCreated: number; relationshipsDeleted: number }

/** One unit of work: a statement, its rows (already in driver form), and how many rows it counts for. */
interface Batch { phase: string; text: string; rows: unknown; size: number }

function batches(phase: string, text: string, rows: unknown[], size: number): Batch[] {
  const out: Batch[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    out.push({ phase, text, rows: chunk, size: chunk.length });
  }
  return out;
}

/**
 * Mentions grouped per document (then per entity), in the compact list form `replaceMentions`
 * takes, each with a fingerprint of its spans; batched so a transaction holds about `size` spans.
 * Every document gets a row, even without mentions, so stale ones are cleared.
 */
export function mentionBatches(rows: GraphRows, size: number): Batch[] {
  const out: Batch[] = [];
  let cur: unknown[] = [];
  let spans = 0;
  const flush = (): void => {
    if (cur.length) out.push({ phase: 'MENTIONS', text: replaceMentions(), rows: cur, size: spans });
    cur = [];
    spans = 0;
  };
  for (const { key, hash, list } of mentionGroups(rows)) {
    const n = list.reduce((k, [, s]) => k + s.length, 0);
    cur.push({ key, hash, n: neo4j.int(n), edges: list.map(([e, s]) => [e, s.map((x) => [neo4j.int(x[0] as number), neo4j.int(x[1] as number), x[2], x[3], x[4]])]) });
    spans += n;
    if (spans >= size) flush();
  }
  flush();
  return out;
}

/**
 * Each document's mentions grouped per entity (sorted), with the fingerprint the load stores as
 * `mentionsHash` — also written by the CSV export, so a load after a bulk import skips them all.
 */
export function mentionGroups(rows: GraphRows): { key: string; hash: string; list: [string, unknown[][]][] }[] {
  const byDoc = new Map<string, Map<string, unknown[][]>>();
  for (const d of rows.documents) byDoc.set(d.key, new Map());
  for (const m of rows.mentions) {
    const edges = byDoc.get(m.doc) ?? byDoc.set(m.doc, new Map()).get(m.doc)!;
    if (!edges.has(m.entity)) edges.set(m.entity, []);
    const p = m.props;
    edges.get(m.entity)!.push([p.start, p.end, p.text, p.rule, p.status ?? null]);
  }
  return [...byDoc].map(([key, edges]) => {
    const list = [...edges].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // 'v2': MENTIONS without a `key` property — a database loaded by an older kg has a different
    // fingerprint for every document, so its keyed mentions are replaced once, not kept beside new ones
    return { key, hash: createHash('sha256').update('v2').update(JSON.stringify(list)).digest('base64'), list };
  });
}

function plan(rows: GraphRows, size: number, fresh: boolean): { nodes: Batch[]; rels: Batch[]; mentions: Batch[] } {
  const conv = (xs: unknown[]): unknown[] => toNeo4j(xs) as unknown[];
  // a sentence row carries ~3 relationships (HAS_SENTENCE + ABOUT ×2)
  const sentenceSize = Math.max(1, Math.floor(size / 3));
  if (fresh) {
    const f = freshStatements;
    return {
      nodes: [...batches('countries', f.countries, rows.countries, size), ...batches('documents', f.documents, conv(rows.documents), size),
        ...batches('entities', f.entities, conv(rows.entities), size)],
      rels: [...batches('BASED_IN', f.basedIn, rows.basedIn, size), ...batches('relations', f.relations, conv(rows.relations), size),
        ...batches('sentences', f.sentences, conv(rows.sentences), sentenceSize)],
      mentions: mentionBatches(rows, size).map((b) => ({ ...b, text: f.mentions })),
    };
  }
  const nodes: Batch[] = [
    ...batches('countries', upsertCountries(), rows.countries, size),
    ...batches('documents', upsertDocuments(), conv(rows.documents), size),
    ...ENTITY_TYPES.flatMap((t) => batches(t, upsertEntities(t), conv(rows.entities.filter((e) => e.type === t)), size)),
  ];
  const rels: Batch[] = [
    ...batches('BASED_IN', upsertBasedIn(), rows.basedIn, size),
    ...PREDICATES.flatMap((p) => batches(p, upsertRelations(p), conv(rows.relations.filter((r) => r.predicate === p)), size)),
    ...batches('sentences', upsertSentences(), conv(rows.sentences), sentenceSize),
  ];
  return { nodes, rels, mentions: mentionBatches(rows, size) };
}

/** Runs batches on `concurrency` sessions; executeWrite retries transient failures (deadlocks). */
async function writeBatches(conn: Connection, list: Batch[], concurrency: number, tick: (n: number, phase: string) => void, written: Written, stop = { failed: false }, onDone?: (b: Batch) => void): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    const session = conn.driver.session({ database: conn.target.database });
    try {
      // After one worker fails the others stop taking batches, so a failed load stops promptly.
      while (next < list.length && !stop.failed) {
        const b = list[next++];
        const c = (await session.executeWrite((tx) => tx.run(b.text, { rows: b.rows }))).summary.counters.updates();
        written.nodesCreated += c.nodesCreated;
        written.nodesDeleted += c.nodesDeleted;
        written.relationshipsCreated += c.relationshipsCreated;
        written.relationshipsDeleted += c.relationshipsDeleted;
        tick(b.size, b.phase);
        onDone?.(b);
      }
    } catch (err) {
      stop.failed = true;
      throw err;
    } finally {
      await session.close();
    }
  };
  // settled, not all: a failed load returns only when no worker is still writing
  const ended = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(concurrency, list.length)) }, worker));
  for (const e of ended) if (e.status === 'rejected') throw e.reason;
}

/** Reads node counts per kg label and relationship counts per kg type. */
export async function readCounts(conn: Connection): Promise<{ nodes: Record<string, number>; relationships: Record<string, number> }> {
  const { nodes, relationships } = countStatements();
  const read = async (q: string): Promise<Record<string, number>> => {
    const res = await conn.driver.executeQuery(q, {}, { database: conn.target.database, routing: 'READ' });
    const out: Record<string, number> = {};
    for (const r of res.records) {
      const n = fromNeo4j(r.get('n')) as number;
      if (n > 0) out[r.get('name') as string] = n;
    }
    return out;
  };
  try {
    return { nodes: await read(nodes), relationships: await read(relationships) };
  } catch (err) {
    throw toNeo4jError(err, conn.target);
  }
}

/**
 * Loads `rows` into the connected database. Idempotent: nodes and relations are MERGEd on unique
 * keys, a document's mentions are replaced only when their fingerprint changed, so running it
 * twice changes nothing and a run killed halfway converges when re-run; the prune step then
 * removes what the graph no longer holds. Throws Neo4jError.
 */
export async function loadRows(conn: Connection, rows: GraphRows, opts: LoadOptions = {}): Promise<LoadResult> {
  const size = Math.max(1, opts.batchSize ?? 5000);
  const seconds: Record<string, number> = {};
  let total = 0;
  let done = 0;
  let fresh = false;
  const written: Written = { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 };
  const tick = (n: number, phase: string): void => {
    done += n;
    opts.onProgress?.(done, total, phase);
  };
  let t = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    seconds[name] = (now - t) / 1000;
    t = now;
    opts.onPhaseEnd?.(name);
  };
  const session = conn.driver.session({ database: conn.target.database });
  try {
    // Schema first, each in its own auto-commit transaction (schema and data cannot share one).
    for (const c of [...constraintStatements(), ...fulltextStatements()]) await session.run(c);
    await session.run('CALL db.awaitIndexes(300)');
    lap('constraints');
    if (opts.wipe) {
      for (const w of wipeStatements()) await session.run(w);
      lap('wipe');
    }
    fresh = opts.fresh ?? !(await session.run(anyKgNode())).records[0]!.get('any');
    const { nodes, rels, mentions } = plan(rows, size, fresh);
    total = [...nodes, ...rels, ...mentions].reduce((n, b) => n + b.size, 0);
    opts.onProgress?.(0, total, 'start');
    await writeBatches(conn, nodes, opts.concurrency ?? 2, tick, written);
    if (!fresh) for (const q of fixClassLabels()) await session.executeWrite((tx) => tx.run(q).then(() => undefined));
    lap('nodes');
    if (fresh) {
      // One queue of every relationship batch — ties, sentences, then mentions — taken by `concurrency`
      // sessions: the client packs and sends one batch while the server runs another, and neither kind
      // waits for the other to finish (two fixed streams, one per kind, left a core idle once the ties
      // were done). A deadlock between two batches on a shared node is retried by executeWrite (the
      // transaction rolled back whole); after one failure the other sessions stop taking batches.
      const t0 = performance.now();
      const list = [...rels, ...mentions];
      const isRel = new Set(rels);
      let relsLeft = rels.length;
      let mentionsLeft = mentions.length;
      const ended = (b: Batch): void => {
        const at = (performance.now() - t0) / 1000;
        if (isRel.has(b)) { if (--relsLeft === 0) seconds.relations = at; } else if (--mentionsLeft === 0) seconds.mentions = at;
      };
      await writeBatches(conn, list, opts.concurrency ?? 2, tick, written, undefined, ended);
      seconds.relations ??= 0;
      seconds.mentions ??= 0;
      lap('relationships');
    } else {
      await writeBatches(conn, rels, opts.concurrency ?? 2, tick, written);
      lap('relations');
      await writeBatches(conn, mentions, opts.concurrency ?? 2, tick, written);
      lap('mentions');
      seconds.relationships = seconds.relations + seconds.mentions;
    }
    // A fresh load that got here wrote exactly the rows into a database that held no kg node: there is
    // nothing to prune (and its ~20 statements, each planned on a cold server, cost seconds of CPU).
    if (opts.prune !== false && !fresh) {
      const keys: Record<string, string[]> = {
        entities: rows.entities.map((e) => e.key),
        documents: rows.documents.map((d) => d.key),
        countries: rows.countries.map((c) => c.code),
        sentences: rows.sentences.map((x) => x.key),
      };
      for (const p of PREDICATES) keys[p] = rows.relations.filter((r) => r.predicate === p).map((r) => r.key);
      // auto-commit: each statement commits in batches of relationships (CALL … IN TRANSACTIONS)
      for (const p of pruneStatements()) await session.run(p.text, p.keys ? { keys: keys[p.keys] } : {});
      lap('prune');
    }
  } catch (err) {
    throw toNeo4jError(err, conn.target);
  } finally {
    await session.close();
  }
  const counts = await readCounts(conn);
  return { ...counts, rows: total, fresh, written, seconds };
}
