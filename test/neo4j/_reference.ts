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

/** cases: who filed them, whom they target, and where (the places the targets or the case itself are LOCATED_IN). */
export function _cases(g: G): unknown[] {
  const rels = _relations(g);
  const placesOf = (k: string): string[] => rels.filter((r) => r.s === k && r.a.predicate === 'LOCATED_IN' && g.getNodeAttribute(r.o, 'type') === 'Place').map((r) => r.o);
  return g.filterNodes((_, a) => a.nodeType === 'entity' && a.type === 'Case').map((k) => {
    const targets = rels.filter((r) => r.s === k && r.a.predicate === 'TARGETS').map((r) => r.o);
    return {
      key: k,
      filedBy: names(g, rels.filter((r) => r.o === k && r.a.predicate === 'FILED').map((r) => r.s)),
      targets: names(g, targets),
      places: names(g, [...targets.flatMap(placesOf), ...placesOf(k)]),
    };
  });
}

// ---- the five analyst questions (src/neo4j/analyst.ts), answered on the graph ----

const KG_COUNTRIES = ['US', 'MX', 'CA'];

/** union-pairs: unions of `a` and `b` tied by relations, with the documents that state the ties. */
export function _unionPairs(g: G, a: string, b: string, kinds: readonly string[]): unknown[] {
  const pairs = new Map<string, { unionKey: string; partnerKey: string; docs: Set<string>; evidence: number }>();
  for (const r of _relations(g)) {
    for (const [x, y] of [[r.s, r.o], [r.o, r.s]]) {
      const ex = entity(g, x), ey = entity(g, y);
      if (ex.type !== 'Organization' || ey.type !== 'Organization' || !kinds.includes(ex.kind ?? '') || !kinds.includes(ey.kind ?? '')) continue;
      if (ex.country !== a || ey.country !== b) continue;
      const k = `${x}|${y}`;
      const p = pairs.get(k) ?? { unionKey: x, partnerKey: y, docs: new Set<string>(), evidence: 0 };
      for (const d of docs(r)) p.docs.add(d);
      p.evidence += r.a.evidence.length;
      pairs.set(k, p);
    }
  }
  return [...pairs.values()].map((p) => ({ unionKey: p.unionKey, partnerKey: p.partnerKey, documents: p.docs.size, evidence: p.evidence }));
}

/** tie-evidence: one row per (tie, evidence sentence) between the two countries. */
export function _tieEvidence(g: G, a: string, b: string): unknown[] {
  const out: unknown[] = [];
  for (const r of _relations(g)) {
    const cs = entity(g, r.s).country, co = entity(g, r.o).country;
    if (!((cs === a && co === b) || (cs === b && co === a))) continue;
    const seen = new Set<string>();
    for (const e of r.a.evidence) {
      const k = `${e.doc}#s${e.start}-${e.end}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ subjectKey: r.s, predicate: r.a.predicate, objectKey: r.o, sentence: e.text, sentenceKey: k });
    }
  }
  return out;
}

/** co-participation: events/programs with participants (by `predicates`) from both countries. */
export function _coParticipation(g: G, a: string, b: string, predicates: readonly string[]): unknown[] {
  const by = new Map<string, { A: Set<string>; B: Set<string> }>();
  for (const r of _relations(g)) {
    const o = entity(g, r.o);
    if (!predicates.includes(r.a.predicate) || !['Event', 'Program'].includes(o.type)) continue;
    const p = entity(g, r.s);
    const x = by.get(r.o) ?? { A: new Set(), B: new Set() };
    if (p.country === a) x.A.add(p.name);
    if (p.country === b) x.B.add(p.name);
    by.set(r.o, x);
  }
  return [...by].filter(([, x]) => x.A.size && x.B.size).map(([key, x]) => ({ key, participantsA: [...x.A].sort(), participantsB: [...x.B].sort() }));
}

/** ministers: people leading a ministry, and their ties across the border (direct, or via a non-national entity the other side is tied to). */
export function _ministers(g: G, kinds: readonly string[]): unknown[] {
  const rels = _relations(g);
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (const lead of rels.filter((r) => r.a.predicate === 'LEADS')) {
    const m = lead.s, min = entity(g, lead.o);
    if (entity(g, m).type !== 'Person' || min.type !== 'Organization' || !kinds.includes(min.kind ?? '') || !KG_COUNTRIES.includes(min.country ?? '')) continue;
    for (const r of rels) {
      if (r.s !== m && r.o !== m) continue;
      const o = r.s === m ? r.o : r.s;
      if (o === lead.o) continue;
      const oc = entity(g, o).country ?? '';
      const counterparts = [...new Set(rels.filter((q) => q.s === o || q.o === o).map((q) => (q.s === o ? q.o : q.s))
        .filter((c) => c !== m && KG_COUNTRIES.includes(entity(g, c).country ?? '') && entity(g, c).country !== min.country).map((c) => entity(g, c).name))].sort();
      const direct = KG_COUNTRIES.includes(oc) && oc !== min.country;
      if (!direct && !(!KG_COUNTRIES.includes(oc) && counterparts.length)) continue;
      const k = `${m}|${r.key}|${lead.o}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ ministerKey: m, otherKey: o, tie: r.s === m ? `${r.a.predicate} →` : `← ${r.a.predicate}`, counterparts });
    }
  }
  return out;
}
