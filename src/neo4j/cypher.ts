// kg/neo4j: the load's Cypher, as pure functions of validated names (tested without a database).
import { ENTITY_TYPES, PREDICATES, type Predicate } from '../types.js';
import { ABOUT, BASED_IN, COUNTRY_LABEL, DOCUMENT_LABEL, ENTITY_LABEL, HAS_SENTENCE, MENTIONS, SENTENCE_LABEL, entityLabel, relationshipType } from './names.js';

/** A statement and the parameters it runs with. */
export interface Statement { text: string; params?: Record<string, unknown> }

function constraintName(label: string, prop: string): string {
  return `kg_${label.toLowerCase()}_${prop}`;
}

/**
 * Uniqueness constraints, created before any data: one per label kg MERGEs on — Entity and
 * Document on `key`, Country on `code`. (Class labels like :Person ride on :Entity's constraint; a
 * second unique index per node would halve the load rate for no extra guarantee.)
 */
export function constraintStatements(): string[] {
  const nodes: [string, string][] = [[ENTITY_LABEL, 'key'], [DOCUMENT_LABEL, 'key'], [COUNTRY_LABEL, 'code'], [SENTENCE_LABEL, 'key']];
  return nodes.map(([l, p]) => `CREATE CONSTRAINT ${constraintName(l, p)} IF NOT EXISTS FOR (n:${l}) REQUIRE n.${p} IS UNIQUE`);
}

/**
 * Upserts entities of one class. `SET n = row.props` replaces all properties, so a re-load
 * converges; a class label left over from a retyped entity is removed by `fixClassLabels`.
 */
export function upsertEntities(type: string): string {
  const label = entityLabel(type);
  return `UNWIND $rows AS row
MERGE (n:${ENTITY_LABEL} {key: row.key})
SET n = row.props
SET n:${label}`;
}

/** Removes class labels that disagree with the entity's `type` property (after a retype). */
export function fixClassLabels(): string[] {
  return ENTITY_TYPES.map((t) => entityLabel(t)).map((l) => `MATCH (n:${l}) WHERE n.type <> '${l}' REMOVE n:${l}`);
}

/** Upserts document nodes, keeping `mentionsHash` (the fingerprint of the mentions loaded for it). */
export function upsertDocuments(): string {
  return `UNWIND $rows AS row
MERGE (n:${DOCUMENT_LABEL} {key: row.key})
WITH n, row, n.mentionsHash AS hash
SET n = row.props
SET n.mentionsHash = hash`;
}

/** Upserts country nodes. */
export function upsertCountries(): string {
  return `UNWIND $rows AS row
MERGE (c:${COUNTRY_LABEL} {code: row.code})
SET c.name = row.name`;
}

/** Links entities to their country. */
export function upsertBasedIn(): string {
  return `UNWIND $rows AS row
MATCH (e:${ENTITY_LABEL} {key: row.entity})
MATCH (c:${COUNTRY_LABEL} {code: row.country})
MERGE (e)-[:${BASED_IN}]->(c)`;
}

/**
 * Replaces a document's MENTIONS (one relationship per span, identified by its document, entity,
 * `start` and `end` — no `key` property: nothing looks a mention up by key, and building one per span
 * cost ~15% of a first load's server CPU) unless the document's `mentionsHash`
 * already equals the fingerprint of its spans and it has as many MENTIONS as spans (so mentions
 * deleted by hand, e.g. with `kg cypher --write`, come back). Rows: `{key, hash, n, edges: [[entityKey,
 * [[start, end, text, rule, status], …]], …]}`. One transaction per batch of documents, so a load
 * killed halfway leaves each document either fully old or fully new, and a re-run only redoes the
 * documents that differ; an unchanged document is not written at all.
 */
export function replaceMentions(): string {
  return `UNWIND $rows AS doc
MATCH (d:${DOCUMENT_LABEL} {key: doc.key})
WHERE d.mentionsHash IS NULL OR d.mentionsHash <> doc.hash OR COUNT { (d)-[:${MENTIONS}]->() } <> doc.n
CALL (d) { MATCH (d)-[old:${MENTIONS}]->() DELETE old }
SET d.mentionsHash = doc.hash
WITH d, doc
UNWIND doc.edges AS edge
MATCH (e:${ENTITY_LABEL} {key: edge[0]})
UNWIND edge[1] AS s
CREATE (d)-[:${MENTIONS} {start: s[0], end: s[1], text: s[2], rule: s[3], status: s[4]}]->(e)`;
}

/**
 * Upserts evidence sentences: `(:Document)-[:HAS_SENTENCE]->(:Sentence {key, doc, start, end, text, date?})`
 * and `(:Sentence)-[:ABOUT]->(:Entity)` for both ends of every tie it states. Rows: `{key, doc, props, about}`.
 */
export function upsertSentences(): string {
  return `UNWIND $rows AS row
MATCH (d:${DOCUMENT_LABEL} {key: row.doc})
MERGE (s:${SENTENCE_LABEL} {key: row.key})
SET s = row.props
MERGE (d)-[:${HAS_SENTENCE}]->(s)
WITH s, row
CALL (s, row) {
  MATCH (s)-[old:${ABOUT}]->(e) WHERE NOT e.key IN row.about DELETE old
}
WITH s, row
UNWIND row.about AS k
MATCH (e:${ENTITY_LABEL} {key: k})
MERGE (s)-[:${ABOUT}]->(e)`;
}

/** Upserts relations of one predicate: one relationship per graph edge (`subject|PREDICATE|object`), evidence as parallel lists. */
export function upsertRelations(predicate: string): string {
  const type = relationshipType(predicate);
  return `UNWIND $rows AS row
MATCH (a:${ENTITY_LABEL} {key: row.subject})
MATCH (b:${ENTITY_LABEL} {key: row.object})
MERGE (a)-[r:${type}]->(b)
SET r = row.props`;
}

/**
 * Statements of the first load into a database that holds no kg node (fresh, or just wiped):
 * nothing can match, so CREATE replaces MERGE and the stale-data checks go. Labels and types are
 * dynamic (Neo4j 5.26 `SET n:$(…)`, `CREATE ()-[:$(…)]->()`), so one planned statement serves every
 * class and predicate — `row.type` / `row.predicate` were validated against the ontology (rows.ts).
 * A fresh load killed halfway leaves a non-empty database, and the re-run takes the MERGE path.
 */
export const freshStatements = {
  countries: `UNWIND $rows AS row
CREATE (c:${COUNTRY_LABEL} {code: row.code, name: row.name})`,
  documents: `UNWIND $rows AS row
CREATE (n:${DOCUMENT_LABEL})
SET n = row.props`,
  entities: `UNWIND $rows AS row
CREATE (n:${ENTITY_LABEL})
SET n = row.props, n:$(row.type)`,
  basedIn: `UNWIND $rows AS row
MATCH (e:${ENTITY_LABEL} {key: row.entity})
MATCH (c:${COUNTRY_LABEL} {code: row.country})
CREATE (e)-[:${BASED_IN}]->(c)`,
  relations: `UNWIND $rows AS row
MATCH (a:${ENTITY_LABEL} {key: row.subject})
MATCH (b:${ENTITY_LABEL} {key: row.object})
CREATE (a)-[r:$(row.predicate)]->(b)
SET r = row.props`,
  sentences: `UNWIND $rows AS row
MATCH (d:${DOCUMENT_LABEL} {key: row.doc})
CREATE (d)-[:${HAS_SENTENCE}]->(s:${SENTENCE_LABEL})
SET s = row.props
WITH s, row
UNWIND row.about AS k
MATCH (e:${ENTITY_LABEL} {key: k})
CREATE (s)-[:${ABOUT}]->(e)`,
  mentions: `UNWIND $rows AS doc
MATCH (d:${DOCUMENT_LABEL} {key: doc.key})
SET d.mentionsHash = doc.hash
WITH d, doc
UNWIND doc.edges AS edge
MATCH (e:${ENTITY_LABEL} {key: edge[0]})
UNWIND edge[1] AS s
CREATE (d)-[:${MENTIONS} {start: s[0], end: s[1], text: s[2], rule: s[3], status: s[4]}]->(e)`,
} as const;

/** Whether the database holds any kg node (a load into one that holds none may take `freshStatements`). */
export function anyKgNode(): string {
  return `OPTIONAL MATCH (n) WHERE n:${ENTITY_LABEL} OR n:${DOCUMENT_LABEL} OR n:${COUNTRY_LABEL} OR n:${SENTENCE_LABEL}
WITH n LIMIT 1 RETURN n IS NOT NULL AS any`;
}

/** Which key set a prune statement keeps (`null`: it needs none). */
export type PruneKeys = 'entities' | 'documents' | 'countries' | 'sentences' | Predicate | null;

/** A prune statement: deletes kg data whose key is not in the key set `keys`. */
export interface PruneStatement { what: string; keys: PruneKeys; text: string }

/**
 * Relationships per inner transaction of a delete. A transaction's memory grows with what it
 * deletes, so deletes are sized by relationships, never by nodes (a document node carries thousands
 * of MENTIONS, an entity hundreds): one DETACH DELETE of a few thousand such nodes ran out of
 * transaction memory at 388k relationships.
 */
export const DELETE_BATCH = 10_000;

/**
 * Deletes kg nodes matching `where` (on `n:label`): their relationships first, in batches of
 * relationships, then the nodes, each step `CALL … IN TRANSACTIONS` (so it runs in an auto-commit
 * transaction: session.run, not executeWrite).
 */
function deleteNodes(label: string, where: string): string[] {
  return [
    `MATCH (n:${label})-[r]-() WHERE ${where}
WITH DISTINCT r
CALL (r) { DELETE r } IN TRANSACTIONS OF ${DELETE_BATCH} ROWS`,
    `MATCH (n:${label}) WHERE ${where}
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF ${DELETE_BATCH} ROWS`,
  ];
}

/**
 * Statements that delete what the graph no longer holds (the load mirrors the graph, so a re-run
 * after a crash or after corrections converges). Each takes `$keys`, the keys that must stay, and
 * commits in batches (`CALL … IN TRANSACTIONS`): run them with session.run.
 */
export function pruneStatements(): PruneStatement[] {
  return [
    ...PREDICATES.map((p) => relationshipType(p)).map((t) => ({
      what: t, keys: t,
      text: `MATCH ()-[r:${t}]->() WHERE NOT r.key IN $keys
CALL (r) { DELETE r } IN TRANSACTIONS OF ${DELETE_BATCH} ROWS`,
    })),
    {
      what: 'based-in', keys: null,
      text: `MATCH (e:${ENTITY_LABEL})-[r:${BASED_IN}]->(c:${COUNTRY_LABEL}) WHERE e.country IS NULL OR e.country <> c.code
CALL (r) { DELETE r } IN TRANSACTIONS OF ${DELETE_BATCH} ROWS`,
    },
    ...deleteNodes(ENTITY_LABEL, 'NOT n.key IN $keys').map((text) => ({ what: 'entities', keys: 'entities' as const, text })),
    ...deleteNodes(DOCUMENT_LABEL, 'NOT n.key IN $keys').map((text) => ({ what: 'documents', keys: 'documents' as const, text })),
    ...deleteNodes(COUNTRY_LABEL, 'NOT n.code IN $keys').map((text) => ({ what: 'countries', keys: 'countries' as const, text })),
    ...deleteNodes(SENTENCE_LABEL, 'NOT n.key IN $keys').map((text) => ({ what: 'sentences', keys: 'sentences' as const, text })),
  ];
}

/**
 * Deletes every node kg manages (Entity, Document, Country) with their relationships: kg's own
 * relationships first (they all start at an Entity or a Document), in batches of relationships, then
 * the nodes (DETACH: a relationship from a node of yours to a kg node goes too; your nodes stay).
 */
export function wipeStatements(): string[] {
  return [
    `MATCH (n)-[r]->() WHERE n:${ENTITY_LABEL} OR n:${DOCUMENT_LABEL} OR n:${SENTENCE_LABEL}
CALL (r) { DELETE r } IN TRANSACTIONS OF ${DELETE_BATCH} ROWS`,
    `MATCH (n) WHERE n:${ENTITY_LABEL} OR n:${DOCUMENT_LABEL} OR n:${COUNTRY_LABEL} OR n:${SENTENCE_LABEL}
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF ${DELETE_BATCH} ROWS`,
  ];
}

/** Counts nodes per kg label and relationships per kg type (served from Neo4j's count store). */
export function countStatements(): { nodes: string; relationships: string } {
  const labels = [ENTITY_LABEL, DOCUMENT_LABEL, COUNTRY_LABEL, SENTENCE_LABEL, ...ENTITY_TYPES.map((t) => entityLabel(t))];
  const types = [MENTIONS, BASED_IN, HAS_SENTENCE, ABOUT, ...PREDICATES.map((p) => relationshipType(p))];
  return {
    nodes: labels.map((l) => `MATCH (n:${l}) RETURN '${l}' AS name, count(n) AS n`).join('\nUNION ALL\n'),
    relationships: types.map((t) => `MATCH ()-[r:${t}]->() RETURN '${t}' AS name, count(r) AS n`).join('\nUNION ALL\n'),
  };
}
