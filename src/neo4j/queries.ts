// kg/neo4j: the library of named, parameterised Cypher queries for cross-border questions.
import { UsageError } from '../errors.js';
import { brokersCypher } from '../graph/brokers.js';
import { MAX_HOPS } from '../graph/paths.js';
import { analystQueries } from './analyst.js';
import { actorLookup, luceneQuery, nameKey, NAMES_INDEX } from './lookup.js';
import { BASED_IN, COUNTRY_LABEL, ENTITY_LABEL, entityLabel, relationAlternation } from './names.js';
import { HOPS_CEILING, pathCypher, pathEmptyNote } from './path-cypher.js';

/**
 * A query parameter: how it is coerced from `--param k=v` and its default. An `actor` is a string
 * naming an entity (key, name or alias); it also passes `<name>Key` (its folded form) and
 * `<name>Text` (a Lucene phrase) for {@link actorLookup}.
 */
export interface QueryParam {
  name: string;
  type: 'string' | 'integer' | 'actor';
  description: string;
  default?: string | number;
  /** Largest value of an integer parameter. */
  max?: number;
}

/** A named query of the library. */
export interface NamedQuery {
  name: string;
  description: string;
  params: QueryParam[];
  cypher: string;
  /** Run when the query returns no rows; its `note` says why (an unknown name, a hop limit). */
  emptyNote?: string;
  /** Table cells are cut at this width (0: never; the default cuts at 48). */
  maxWidth?: number;
}

const TIES = relationAlternation();
const E = ENTITY_LABEL;

const limit: QueryParam = { name: 'limit', type: 'integer', description: 'maximum rows', default: 100 };
const countryA: QueryParam = { name: 'a', type: 'string', description: 'first country code (US, MX, CA)', default: 'US' };
const countryB: QueryParam = { name: 'b', type: 'string', description: 'second country code', default: 'MX' };

/** The library. Labels and types in the text come from names.ts only; all values are parameters. */
export const QUERIES: readonly NamedQuery[] = [
  {
    name: 'ties',
    description: 'All ties between actors of two countries, with predicate and evidence',
    params: [countryA, countryB, limit],
    cypher: `MATCH (:${COUNTRY_LABEL} {code: $a})<-[:${BASED_IN}]-(x:${E})-[r:${TIES}]-(y:${E})-[:${BASED_IN}]->(:${COUNTRY_LABEL} {code: $b})
WHERE $a <> $b
WITH startNode(r) AS s, r, endNode(r) AS o
RETURN s.name AS subject, s.country AS subjectCountry, type(r) AS predicate, o.name AS object,
       o.country AS objectCountry, r.count AS evidence, r.documents AS documents, r.evidenceTexts[0] AS sentence,
       s.key AS subjectKey, o.key AS objectKey
ORDER BY evidence DESC, subjectKey, predicate, objectKey
LIMIT $limit`,
  },
  {
    name: 'brokers',
    description: 'Brokers: actors (people, organisations, governments) tied to entities of both countries, weaker side first (src/graph/brokers.ts)',
    params: [countryA, countryB, limit],
    cypher: brokersCypher(TIES),
  },
  {
    name: 'path',
    description: 'All shortest chains of ties between two actors, one row per hop with its evidence; avoids passing through places unless there is no other way (src/graph/paths.ts)',
    params: [
      { name: 'from', type: 'actor', description: 'actor key, name or alias' },
      { name: 'to', type: 'actor', description: 'actor key, name or alias' },
      { name: 'maxHops', type: 'integer', description: `most ties on a path (at most ${HOPS_CEILING})`, default: MAX_HOPS, max: HOPS_CEILING },
      { name: 'avoid', type: 'string', description: 'classes a path should not pass through, comma-separated ("" for none)', default: 'Place' },
      { name: 'limit', type: 'integer', description: 'maximum paths', default: 20 },
    ],
    cypher: pathCypher(),
    emptyNote: pathEmptyNote(),
    maxWidth: 0,
  },
  {
    name: 'neighbourhood',
    description: "An actor's ties with provenance: which documents state each tie, and an evidence sentence",
    params: [{ name: 'actor', type: 'actor', description: 'actor key, name or alias' }, limit],
    emptyNote: `RETURN 'no entity matches "' + $actor + '" (try kg cypher --query search --param q=…)' AS note`,
    cypher: `${actorLookup('a', 'actor')}
MATCH (a)-[r:${TIES}]-(n:${E})
RETURN a.name AS actor, CASE WHEN startNode(r) = a THEN 'out' ELSE 'in' END AS direction, type(r) AS predicate,
       n.name AS neighbour, n.country AS country, r.count AS evidence,
       COLLECT { MATCH (d:Document) WHERE d.key IN r.documents RETURN d.title ORDER BY d.title } AS documents,
       r.evidenceTexts[0] AS sentence, n.key AS neighbourKey, r.documents AS documentKeys
ORDER BY a.key, predicate, direction, neighbourKey
LIMIT $limit`,
  },
  {
    name: 'agreements',
    description: 'Agreements with the actors party to or signing them, and what they established',
    params: [limit],
    cypher: `MATCH (ag:${entityLabel('Agreement')})
RETURN ag.name AS agreement,
       COLLECT { MATCH (p:${E})-[:PARTY_TO]->(ag) RETURN DISTINCT p.name ORDER BY p.name } AS parties,
       COLLECT { MATCH (p:${E})-[:SIGNED]->(ag) RETURN DISTINCT p.name ORDER BY p.name } AS signatories,
       COLLECT { MATCH (ag)-[:ESTABLISHED]->(x:${E}) RETURN DISTINCT x.name ORDER BY x.name } AS established,
       ag.key AS key
ORDER BY agreement, key
LIMIT $limit`,
  },
  {
    name: 'cases',
    description: 'Cases: who filed them, against whom (companies included) and where',
    params: [limit],
    cypher: `MATCH (c:${entityLabel('Case')})
RETURN c.name AS \`case\`, c.country AS country,
       COLLECT { MATCH (f:${E})-[:FILED]->(c) RETURN DISTINCT f.name ORDER BY f.name } AS filedBy,
       COLLECT { MATCH (c)-[:TARGETS]->(t:${E}) RETURN DISTINCT t.name ORDER BY t.name } AS targets,
       COLLECT { CALL (c) { MATCH (c)-[:TARGETS]->(:${E})-[:LOCATED_IN]->(p:Place) RETURN p.name AS n
                            UNION MATCH (c)-[:LOCATED_IN]->(p:Place) RETURN p.name AS n }
                 RETURN n ORDER BY n } AS places,
       c.key AS key
ORDER BY \`case\`, key
LIMIT $limit`,
  },
  ...analystQueries(),
  {
    name: 'search',
    description: 'Entities whose name or an alias matches words (full-text, accents and case folded), best first',
    params: [{ name: 'q', type: 'string', description: 'words or a Lucene query ("Secretaría del Trabajo", stps, trabaj*)' }, { ...limit, default: 20 }],
    cypher: `CALL db.index.fulltext.queryNodes('${NAMES_INDEX}', $q, {limit: $limit}) YIELD node, score
RETURN node.name AS name, node.type AS type, node.country AS country, round(score, 3) AS score, node.aliases AS aliases, node.key AS key
ORDER BY score DESC, key`,
    emptyNote: `RETURN 'no entity name or alias matches "' + $q + '"' AS note`,
  },
];

/** The named query, or UsageError listing the names. */
export function getQuery(name: string): NamedQuery {
  const q = QUERIES.find((x) => x.name === name);
  if (!q) throw new UsageError(`--query ${JSON.stringify(name)}: no such query (known: ${QUERIES.map((x) => x.name).join(', ')})`);
  return q;
}

/** Parses repeated `k=v` strings into a map (UsageError on a missing `=`). */
export function parseParamArgs(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of args) {
    const i = a.indexOf('=');
    if (i <= 0) throw new UsageError(`--param ${JSON.stringify(a)}: expected name=value`);
    out[a.slice(0, i)] = a.slice(i + 1);
  }
  return out;
}

/**
 * Coerces `--param` strings to the query's declared types and fills defaults. Unknown, missing
 * or mistyped parameters are UsageErrors. Values only ever travel as Cypher parameters.
 */
export function resolveParams(q: NamedQuery, raw: Record<string, string | number>): Record<string, string | number> {
  const known = new Set(q.params.map((p) => p.name));
  for (const k of Object.keys(raw)) {
    if (!known.has(k)) throw new UsageError(`--param ${k}: query "${q.name}" has no such parameter (has: ${[...known].join(', ')})`);
  }
  const out: Record<string, string | number> = {};
  for (const p of q.params) {
    const v = raw[p.name] ?? p.default;
    if (v === undefined) throw new UsageError(`query "${q.name}": missing --param ${p.name}=… (${p.description})`);
    if (p.type === 'integer') {
      const n = typeof v === 'number' ? v : Number(v);
      if (!Number.isInteger(n) || n < 0) throw new UsageError(`--param ${p.name}=${v}: expected a non-negative integer`);
      if (p.max !== undefined && n > p.max) throw new UsageError(`--param ${p.name}=${v}: at most ${p.max}`);
      out[p.name] = n;
    } else if (p.type === 'actor') {
      out[p.name] = String(v);
      out[`${p.name}Key`] = nameKey(String(v));
      out[`${p.name}Text`] = luceneQuery(String(v));
    } else {
      out[p.name] = String(v);
    }
  }
  return out;
}

/** Coerces ad-hoc `--param` values: integers, true/false, null, else strings. */
export function coerceAdHoc(raw: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    out[k] = /^-?\d{1,15}$/.test(v) ? Number(v) : v === 'true' ? true : v === 'false' ? false : v === 'null' ? null : v;
  }
  return out;
}
