// test/neo4j: the library's questions answered on the graphology graph, to check Neo4j against.
import type Graph from 'graphology';
import { nameKey, nameKeys } from '../../src/neo4j/lookup.js';
import type { EdgeAttributes, EntityNodeAttributes, NodeAttributes, RelationEdgeAttributes } from '../../src/types.js';

type G = Graph<NodeAttributes, EdgeAttributes>;
interface Rel { key: string; s: string; o: string; a: RelationEdgeAttributes }

const BASED = new Set(['US', 'MX', 'CA']);

function entity(g: G, k: string): EntityNodeAttributes {
  return g.getNodeAttributes(k) as EntityNodeAttributes;
}

/** Relation edges as stored (source → target). */
export function _relations(g: G): Rel[] {
  const out: Rel[] = [];
  g.forEachEdge((key, a, s, o) => { if (a.edgeType === 'relation') out.push({ key, s, o, a }); });
  return out;
}

function countryOf(g: G, k: string): string | null {
  const c = entity(g, k).country;
  return c && BASED.has(c) ? c : null;
}

const docs = (r: Rel): string[] => [...new Set(r.a.evidence.map((e) => e.doc))].sort();

/** ties: relation edges with one end based in `a`, the other in `b`. */
export function _ties(g: G, a: string, b: string): unknown[] {
  return _relations(g)
    .filter((r) => { const cs = countryOf(g, r.s), co = countryOf(g, r.o); return (cs === a && co === b) || (cs === b && co === a); })
    .map((r) => ({ subjectKey: r.s, predicate: r.a.predicate, objectKey: r.o, evidence: r.a.evidence.length, documents: docs(r) }));
}

function neighbours(g: G): Map<string, Set<string>> {
  const n = new Map<string, Set<string>>();
  for (const r of _relations(g)) {
    if (r.s === r.o) continue;
    if (!n.has(r.s)) n.set(r.s, new Set());
    if (!n.has(r.o)) n.set(r.o, new Set());
    n.get(r.s)!.add(r.o);
    n.get(r.o)!.add(r.s);
  }
  return n;
}

/** Entities whose key is `q` or one of whose names folds to the same key (src/neo4j/lookup.ts's rule). */
export function _actors(g: G, q: string): string[] {
  const k = nameKey(q);
  return g.filterNodes((key, a) => a.nodeType === 'entity' && (key === q || nameKeys(a.name, a.aliases).includes(k)));
}

/** neighbourhood: an actor's ties with direction, evidence count and documents. */
export function _neighbourhood(g: G, q: string): unknown[] {
  const actors = new Set(_actors(g, q));
  const out: unknown[] = [];
  for (const r of _relations(g)) {
    for (const [me, other, direction] of [[r.s, r.o, 'out'], [r.o, r.s, 'in']] as const) {
      if (actors.has(me) && !(r.s === r.o && direction === 'in')) {
        out.push({ actor: entity(g, me).name, direction, predicate: r.a.predicate, neighbourKey: other, evidence: r.a.evidence.length, documentKeys: docs(r) });
      }
    }
  }
  return out;
}

function names(g: G, keys: string[]): string[] {
  return [...new Set(keys.map((k) => entity(g, k).name))].sort();
}

/** agreements: parties, signatories, what they established. */
export function _agreements(g: G): unknown[] {
  const rels = _relations(g);
  return g.filterNodes((_, a) => a.nodeType === 'entity' && a.type === 'Agreement').map((k) => ({
    key: k,
    parties: names(g, rels.filter((r) => r.o === k && r.a.predicate === 'PARTY_TO').map((r) => r.s)),
    signatories: names(g, rels.filter((r) => r.o === k && r.a.predicate === 'SIGNED').map((r) => r.s)),
    established: names(g, rels.filter((r) => r.s === k && r.a.predicate === 'ESTABLISHED').map((r) => r.o)),
  }));
}

/** cases: who filed them and whom they target. */
export function _cases(g: G): unknown[] {
  const rels = _relations(g);
  return g.filterNodes((_, a) => a.nodeType === 'entity' && a.type === 'Case').map((k) => ({
    key: k,
    filedBy: names(g, rels.filter((r) => r.o === k && r.a.predicate === 'FILED').map((r) => r.s)),
    targets: names(g, rels.filter((r) => r.s === k && r.a.predicate === 'TARGETS').map((r) => r.o)),
  }));
}
