// kg/neo4j: the five questions an analyst of US–Mexico labor networks asks, as library queries.
// Each is checked against the same question answered on the graphology graph (test/neo4j/_reference.ts).
import { ENTITY_LABEL, relationAlternation } from './names.js';
import type { NamedQuery, QueryParam } from './queries.js';

/** Organisation kinds that count as unions (ontology `kind`). */
export const UNION_KINDS: readonly string[] = ['union', 'federation', 'confederation'];
/** Organisation kinds whose head is a labor minister. */
export const MINISTRY_KINDS: readonly string[] = ['ministry'];
/** What counts as taking part in an event or program. */
export const PARTICIPATION: readonly string[] = ['PARTICIPATED_IN', 'LEADS', 'FUNDS', 'ESTABLISHED', 'SUPPORTS'];

const E = ENTITY_LABEL;
const list = (xs: readonly string[]): string => `[${xs.map((x) => `'${x}'`).join(', ')}]`;
const a: QueryParam = { name: 'a', type: 'string', description: 'first country code', default: 'US' };
const b: QueryParam = { name: 'b', type: 'string', description: 'second country code', default: 'MX' };
const limit: QueryParam = { name: 'limit', type: 'integer', description: 'maximum rows', default: 100 };

/** The analyst questions (appended to the library in queries.ts). */
export function analystQueries(): NamedQuery[] {
  const T = relationAlternation();
  return [
    {
      name: 'union-pairs',
      description: 'Union pairs across the border, by the number of documents that tie them',
      params: [a, b, limit],
      cypher: `MATCH (x:Organization)-[r:${T}]-(y:Organization)
WHERE x.kind IN ${list(UNION_KINDS)} AND y.kind IN ${list(UNION_KINDS)} AND x.country = $a AND y.country = $b
WITH x, y, collect(r) AS ties
WITH x, y, ties, reduce(ds = [], r IN ties | ds + [d IN r.documents WHERE NOT d IN ds]) AS docs
RETURN x.name AS union, y.name AS partner, size(docs) AS documents, [r IN ties | type(r)] AS ties,
       reduce(n = 0, r IN ties | n + r.count) AS evidence, x.key AS unionKey, y.key AS partnerKey, docs AS documentKeys
ORDER BY documents DESC, evidence DESC, unionKey, partnerKey
LIMIT $limit`,
    },
    {
      name: 'tie-evidence',
      description: 'Every tie between the two countries with each of its evidence sentences (Sentence nodes), dated',
      params: [a, b, limit],
      cypher: `MATCH (x:${E})-[r:${T}]->(y:${E})
WHERE (x.country = $a AND y.country = $b) OR (x.country = $b AND y.country = $a)
MATCH (s:Sentence) WHERE s.key IN r.sentences
MATCH (d:Document)-[:HAS_SENTENCE]->(s)
RETURN x.name AS subject, type(r) AS predicate, y.name AS object, s.text AS sentence, d.title AS document,
       coalesce(s.date, d.date) AS date, x.key AS subjectKey, y.key AS objectKey, s.key AS sentenceKey
ORDER BY subjectKey, predicate, objectKey, sentenceKey
LIMIT $limit`,
    },
    {
      name: 'co-participation',
      description: 'Events and programs with participants from both countries (took part in, led, funded, set up, supported)',
      params: [a, b, limit],
      cypher: `MATCH (p:${E})-[r:${PARTICIPATION.join('|')}]->(e:${E})
WHERE (e:Event OR e:Program) AND p.country IN [$a, $b]
WITH e, p, collect(r) AS ties
WITH e, collect({p: p, ties: ties}) AS parts
WITH e, [x IN parts WHERE x.p.country = $a | x.p.name] AS sideA, [x IN parts WHERE x.p.country = $b | x.p.name] AS sideB, parts
WHERE size(sideA) > 0 AND size(sideB) > 0
WITH e, sideA, sideB, reduce(ds = [], x IN parts | ds + reduce(acc = [], r IN x.ties | acc + r.documents)) AS docs
RETURN e.name AS activity, e.type AS type, apoc_free_sort_a AS participantsA, apoc_free_sort_b AS participantsB,
       size(reduce(u = [], d IN docs | CASE WHEN d IN u THEN u ELSE u + d END)) AS documents, e.key AS key
ORDER BY size(sideA) + size(sideB) DESC, key
LIMIT $limit`.replace('apoc_free_sort_a', 'COLLECT { UNWIND sideA AS n RETURN DISTINCT n ORDER BY n }').replace('apoc_free_sort_b', 'COLLECT { UNWIND sideB AS n RETURN DISTINCT n ORDER BY n }'),
    },
    {
      name: 'ministers',
      description: 'Labor ministers (people who lead a ministry) and their ties across the border, over time: direct, or through an agreement, event or program the other side is tied to as well',
      params: [limit],
      cypher: `MATCH (m:Person)-[:LEADS]->(min:Organization)
WHERE min.kind IN ${list(MINISTRY_KINDS)} AND min.country IN ['US', 'MX', 'CA']
MATCH (m)-[r:${T}]-(o:${E}) WHERE o <> min
WITH m, min, r, o, COLLECT {
  MATCH (o)-[:${T}]-(c:${E}) WHERE c <> m AND c.country IN ['US', 'MX', 'CA'] AND c.country <> min.country
  RETURN DISTINCT c.name AS n ORDER BY n } AS counterparts
WHERE (o.country IN ['US', 'MX', 'CA'] AND o.country <> min.country)
   OR (NOT coalesce(o.country, '') IN ['US', 'MX', 'CA'] AND size(counterparts) > 0)
RETURN coalesce(r.dateFrom, '') AS dateFrom, m.name AS minister, min.country AS country,
       CASE WHEN startNode(r) = m THEN type(r) + ' →' ELSE '← ' + type(r) END AS tie, o.name AS other, o.country AS otherCountry,
       counterparts, r.dateTo AS dateTo, r.evidenceTexts[0] AS sentence, min.name AS ministry, m.key AS ministerKey, o.key AS otherKey
ORDER BY dateFrom, ministerKey, tie, otherKey
LIMIT $limit`,
    },
  ];
}
