/**
 * Analytics the explorer shows without computing: degree, Louvain community, ForceAtlas2 layout
 * (seeded start, iterations scaled to size: rebuilds give the same positions), node size.
 */
import Graph, { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { EdgeAttributes, NodeAttributes } from '../types.js';

/** Deterministic pseudo-random numbers (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Compute degree, community, layout and size in place. */
export function analyse(graph: Graph<NodeAttributes, EdgeAttributes>, options: { layout?: boolean } = {}): void {
  const simple = new UndirectedGraph();
  graph.forEachNode((n) => simple.addNode(n));
  graph.forEachEdge((_e, attrs, s, t) => {
    const w = attrs.edgeType === 'relation' ? 2 * attrs.weight : Math.min(attrs.weight, 3) * 0.5;
    if (simple.hasEdge(s, t)) simple.updateEdgeAttribute(s, t, 'weight', (x: number) => x + w);
    else simple.addEdge(s, t, { weight: w });
  });
  const communities = simple.size > 0 ? louvain(simple, { rng: seeded(42), getEdgeWeight: 'weight' }) : {};
  graph.forEachNode((n, attrs) => {
    attrs.degree = graph.degree(n);
    attrs.community = communities[n] ?? 0;
    const r = seeded(hash(n));
    attrs.x = r() * 100 - 50;
    attrs.y = r() * 100 - 50;
  });
  if (options.layout !== false && graph.order > 1) {
    simple.forEachNode((n) => simple.mergeNodeAttributes(n, { x: graph.getNodeAttribute(n, 'x'), y: graph.getNodeAttribute(n, 'y') }));
    const iterations = graph.order > 20000 ? 30 : graph.order > 5000 ? 80 : graph.order > 1000 ? 200 : 400;
    const settings = { ...forceAtlas2.inferSettings(simple), barnesHutOptimize: graph.order > 2000, edgeWeightInfluence: 1, gravity: 1, scalingRatio: 10 };
    const pos = forceAtlas2(simple, { iterations, settings, getEdgeWeight: 'weight' });
    graph.forEachNode((n, attrs) => {
      attrs.x = round(pos[n]!.x);
      attrs.y = round(pos[n]!.y);
    });
  }
  graph.forEachNode((_n, attrs) => {
    attrs.size = round(attrs.nodeType === 'document' ? 6 : 3 + Math.sqrt(attrs.degree) * 2);
  });
}
