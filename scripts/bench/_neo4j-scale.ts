// kg bench helper: a real kg graph scaled to a number of relationships by its documents — fewer
// documents (a prefix) or copies of them — with their mentions and the evidence they give.
import type { KgSerializedGraph } from '../../src/neo4j/rows.js';
import { expectedCounts, graphToRows } from '../../src/neo4j/rows.js';

/** Relationships a load of `g` writes (every kind: MENTIONS, BASED_IN, HAS_SENTENCE, ABOUT, ties). */
export function relationshipsOf(g: KgSerializedGraph): number {
  return Object.values(expectedCounts(graphToRows(g)).relationships).reduce((a, b) => a + b, 0);
}

/**
 * `g` with its documents taken `factor` times (0.2: the first fifth; 2.5: every document twice and
 * half of them a third time). Copy c ≥ 1 of a document is keyed `key~c`; its mention edges and the
 * evidence it gives are copied with it, so per-document shape (mentions, sentences) stays real.
 * Entities, and ties that keep at least one piece of evidence, stay.
 */
export function scaleByDocuments(g: KgSerializedGraph, factor: number): KgSerializedGraph {
  const docs = g.nodes.filter((n) => n.attributes?.nodeType === 'document');
  const want = Math.max(1, Math.round(docs.length * factor));
  const copies = new Map<string, string[]>(); // original key → keys of its copies (the original first)
  for (let i = 0; i < want; i++) {
    const d = docs[i % docs.length]!;
    const c = Math.floor(i / docs.length);
    if (!copies.has(d.key)) copies.set(d.key, []);
    copies.get(d.key)!.push(c === 0 ? d.key : `${d.key}~${c}`);
  }
  const nodes: KgSerializedGraph['nodes'] = [];
  for (const n of g.nodes) {
    if (n.attributes?.nodeType !== 'document') { nodes.push(n); continue; }
    for (const [c, key] of (copies.get(n.key) ?? []).entries()) {
      const a = n.attributes;
      nodes.push(c === 0 ? n : { key, attributes: { ...a, name: `${c}~${a.name}`, path: a.path ? `${a.path}~${c}` : a.path } as typeof a });
    }
  }
  const edges: KgSerializedGraph['edges'] = [];
  for (const e of g.edges) {
    const a = e.attributes!;
    if (a.edgeType === 'mentions') {
      for (const key of copies.get(e.source) ?? []) edges.push(key === e.source ? e : { ...e, key: `${key}|MENTIONS|${e.target}`, source: key });
    } else if (a.edgeType === 'relation') {
      const had = (a.evidence ?? []).length;
      const evidence = (a.evidence ?? []).flatMap((ev) => (copies.get(ev.doc) ?? []).map((doc) => ({ ...ev, doc })));
      if (had && !evidence.length) continue;
      edges.push({ ...e, attributes: { ...a, evidence } });
    } else edges.push(e);
  }
  return { ...g, nodes, edges };
}

/** `g` scaled to about `target` relationships (two passes: the ratio is near-linear in documents). */
export function scaleToRelationships(g: KgSerializedGraph, target: number): KgSerializedGraph {
  let factor = target / relationshipsOf(g);
  let out = scaleByDocuments(g, factor);
  factor *= target / relationshipsOf(out);
  out = scaleByDocuments(g, factor);
  return out;
}
