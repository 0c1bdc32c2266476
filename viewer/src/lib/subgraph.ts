// The filtered graph as a standalone graphology instance (for GEXF export), with flat attributes.
import Graph from 'graphology';
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { Visibility } from './filters.ts';

/**
 * Copy the visible nodes and edges. Arrays become '; '-joined strings and evidence becomes its
 * first sentence plus a count, because GEXF attributes are scalar and Gephi reads them as such.
 */
export function visibleSubgraph(graph: AbstractGraph<Attributes, Attributes, Attributes>, vis: Visibility, color: (key: string, a: Attributes) => string): Graph {
  const out = new Graph({ type: 'mixed', multi: true, allowSelfLoops: true });
  for (const n of vis.nodes) {
    const a = graph.getNodeAttributes(n);
    const flat: Attributes = {};
    for (const [k, v] of Object.entries(a)) flat[k] = flatten(v);
    flat.color = color(n, a);
    out.addNode(n, flat);
  }
  for (const e of vis.edges) {
    const a = graph.getEdgeAttributes(e);
    const s = graph.source(e), t = graph.target(e);
    if (!out.hasNode(s) || !out.hasNode(t)) continue;
    const flat: Attributes = { predicate: a.predicate, status: a.status, weight: a.weight ?? 1 };
    if (Array.isArray(a.evidence)) {
      flat.evidenceCount = a.evidence.length;
      flat.evidence = a.evidence[0]?.text ?? '';
      flat.documents = [...new Set(a.evidence.map((x: { doc: string }) => x.doc))].join('; ');
    }
    if (Array.isArray(a.rules)) flat.rules = a.rules.join('; ');
    if (out.hasEdge(e)) continue;
    if (graph.isDirected(e)) out.addDirectedEdgeWithKey(e, s, t, flat);
    else out.addUndirectedEdgeWithKey(e, s, t, flat);
  }
  return out;
}

function flatten(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join('; ');
  if (v && typeof v === 'object') return JSON.stringify(v);
  return v ?? '';
}
