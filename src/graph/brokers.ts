// kg/graph: the ONE broker definition — used by the explorer (viewer/src/lib), `kg cypher --query brokers` and the tests.
//
// A broker is an ACTOR — a Person or an Organization (governments and ministries are organisations),
// not rejected — whose relation ties reach entities of BOTH countries of a pair. Places (even countries),
// events, agreements and documents are never brokers: an agreement "between" the two states is what is
// brokered, not a broker. Only relation edges count (MENTIONS is co-occurrence, not a tie), direction is
// ignored, each neighbour counts once however many ties lead to it, and a neighbour's country is its
// `country`, else its `iso` (a country's own Place node). Ranking: the weaker side first (a real broker
// is well tied on both), then both sides together, then the key (code-unit order, as Cypher sorts strings).
//
// Pure: no runtime imports, so vite (viewer) and tsc (src) both compile it; BROKERS_CYPHER is the same
// definition for Neo4j, checked against `findBrokers` on the real server in test/neo4j.

/** Classes that can be brokers. */
export const BROKER_TYPES: readonly string[] = ['Person', 'Organization'];

/** The node attributes the definition reads (a kg entity node has them all). */
export interface BrokerNodeLike {
  nodeType?: string;
  type?: string;
  status?: string;
  country?: string | null;
  iso?: string | null;
  name?: string;
  label?: string;
}

/** The few graphology methods the definition needs (any graphology Graph satisfies it). */
export interface BrokerGraphLike {
  forEachNode(cb: (key: string, attributes: BrokerNodeLike) => void): void;
  forEachEdge(node: string, cb: (edge: string, attributes: { edgeType?: string }, source: string, target: string) => void): void;
  getNodeAttributes(key: string): BrokerNodeLike;
}

/** One ranked broker. */
export interface Broker {
  key: string;
  name: string;
  type: string;
  country: string | null;
  /** Distinct relation neighbours in the first / second country. */
  neighboursA: number;
  neighboursB: number;
  /** min(neighboursA, neighboursB): the ranking score. */
  score: number;
  /** Distinct relation neighbours of any country. */
  neighbours: number;
}

/** Options of {@link findBrokers}. */
export interface BrokerOptions {
  /** The two countries (e.g. 'US', 'MX'); omitted or equal → each actor's two most frequent neighbour countries. */
  a?: string | null;
  b?: string | null;
  /** Only these relation edges count (e.g. the explorer's current filters). */
  edges?: ReadonlySet<string>;
  /** Keep the first `limit` (default: all). */
  limit?: number;
}

/** The country an entity stands for: its `country`, else its `iso` (country places), else null. */
export function brokerCountry(a: BrokerNodeLike | undefined): string | null {
  return a?.country ?? a?.iso ?? null;
}

/** Can this node be a broker (an actor that is not rejected)? */
export function isBrokerCandidate(a: BrokerNodeLike): boolean {
  return a.nodeType === 'entity' && BROKER_TYPES.includes(a.type ?? '') && a.status !== 'rejected';
}

/** Broker order: weaker side desc, both sides desc, key asc (code units, as Cypher's ORDER BY). */
export function compareBrokers(x: Broker, y: Broker): number {
  return y.score - x.score || (y.neighboursA + y.neighboursB) - (x.neighboursA + x.neighboursB) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
}

/** Every broker between countries `a` and `b` of `graph`, ranked (see the module comment). */
export function findBrokers(graph: BrokerGraphLike, opts: BrokerOptions = {}): Broker[] {
  const fixed = opts.a && opts.b && opts.a !== opts.b;
  const out: Broker[] = [];
  graph.forEachNode((key, attrs) => {
    if (!isBrokerCandidate(attrs)) return;
    const seen = new Set<string>();
    const perCountry = new Map<string, number>();
    graph.forEachEdge(key, (edge, ea, source, target) => {
      if (ea.edgeType !== 'relation' || (opts.edges && !opts.edges.has(edge))) return;
      const other = source === key ? target : source;
      if (other === key || seen.has(other)) return;
      const oa = graph.getNodeAttributes(other);
      if (oa.nodeType !== 'entity' || oa.status === 'rejected') return;
      seen.add(other);
      const c = brokerCountry(oa);
      if (c) perCountry.set(c, (perCountry.get(c) ?? 0) + 1);
    });
    let na: number, nb: number;
    if (fixed) {
      na = perCountry.get(opts.a!) ?? 0;
      nb = perCountry.get(opts.b!) ?? 0;
    } else {
      const top = [...perCountry.values()].sort((x, y) => y - x);
      [na, nb] = [top[0] ?? 0, top[1] ?? 0];
    }
    if (na > 0 && nb > 0) {
      out.push({ key, name: attrs.name ?? attrs.label ?? key, type: attrs.type ?? '', country: brokerCountry(attrs), neighboursA: na, neighboursB: nb, score: Math.min(na, nb), neighbours: seen.size });
    }
  });
  out.sort(compareBrokers);
  return opts.limit === undefined ? out : out.slice(0, opts.limit);
}

/**
 * The same definition in Cypher for kg's Neo4j model (labels Entity/Person/Organization, every
 * ontology predicate as a relationship type): parameters `$a`, `$b`, `$limit`. `ties` is the
 * relationship-type alternation of the ontology predicates (names.ts builds it from validated names).
 */
export function brokersCypher(ties: string): string {
  return `MATCH (x:Entity) WHERE (x:Person OR x:Organization) AND coalesce(x.status, '') <> 'rejected' AND $a <> $b
MATCH (x)-[:${ties}]-(y:Entity) WHERE y <> x AND coalesce(y.status, '') <> 'rejected'
WITH x, collect(DISTINCT y) AS ns
WITH x, size(ns) AS neighbours,
     size([y IN ns WHERE coalesce(y.country, y.iso) = $a]) AS neighboursA,
     size([y IN ns WHERE coalesce(y.country, y.iso) = $b]) AS neighboursB
WHERE neighboursA > 0 AND neighboursB > 0
RETURN x.name AS actor, coalesce(x.country, x.iso) AS country, x.type AS type, neighboursA, neighboursB,
       CASE WHEN neighboursA < neighboursB THEN neighboursA ELSE neighboursB END AS score, neighbours, x.key AS key
ORDER BY score DESC, neighboursA + neighboursB DESC, key
LIMIT $limit`;
}
