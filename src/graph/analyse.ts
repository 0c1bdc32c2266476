/**
 * Analytics the explorer shows without computing: degree, betweenness and PageRank over the relation
 * ties, Louvain community, ForceAtlas2 layout (seeded start, iterations scaled to size: rebuilds give
 * the same positions), node size.
 */
import Graph, { DirectedGraph, UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import betweenness from 'graphology-metrics/centrality/betweenness.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
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
/** Four significant digits: enough to rank by, and stable in graph.json. */
const sig = (v: number) => (Number.isFinite(v) && v !== 0 ? Number(v.toPrecision(4)) : 0);

/**
 * Betweenness (Brandes) is O(nodes × ties): 2k actors / 6k ties take ≈ 0.5 s on an idle core of
 * this machine, so above this product (≈ 2 s) it is left out and the explorer offers the other
 * metrics. The 20 MB corpus graph (≈ 1k actors) is far below it.
 */
export const BETWEENNESS_BUDGET = 5e7;

/**
 * Centralities over the relation ties only (MENTIONS edges are co-occurrence, not ties): `degree` =
 * number of relation edges (parallel ties of different predicates count apiece, self-loops once),
 * `pagerank` on the directed ties (COOPERATES_WITH both ways), `betweenness` (normalised) on the
 * undirected simple graph, as the path finder walks it. Document nodes get degree 0 and no metrics.
 */
export function relationMetrics(graph: Graph<NodeAttributes, EdgeAttributes>): Map<string, { degree: number; pagerank?: number; betweenness?: number }> {
  const out = new Map<string, { degree: number; pagerank?: number; betweenness?: number }>();
  const directed = new DirectedGraph();
  const simple = new UndirectedGraph();
  graph.forEachNode((n, a) => {
    out.set(n, { degree: 0 });
    if (a.nodeType === 'entity') { directed.addNode(n); simple.addNode(n); }
  });
  graph.forEachEdge((e, a, s, t) => {
    if (a.edgeType !== 'relation') return;
    out.get(s)!.degree++;
    if (s === t) return;
    out.get(t)!.degree++;
    directed.mergeEdge(s, t);
    if (!graph.isDirected(e)) directed.mergeEdge(t, s);
    simple.mergeEdge(s, t);
  });
  if (directed.order === 0) return out;
  const pr = pagerank(directed, { getEdgeWeight: null });
  const bc = simple.order * simple.size <= BETWEENNESS_BUDGET ? betweenness(simple, { getEdgeWeight: null, normalized: true }) : null;
  directed.forEachNode((n) => {
    const m = out.get(n)!;
    m.pagerank = sig(pr[n] ?? 0);
    if (bc) m.betweenness = sig(bc[n] ?? 0);
  });
  return out;
}

/** Compute degree, centralities, community, layout and size in place. */
export function analyse(graph: Graph<NodeAttributes, EdgeAttributes>, options: { layout?: boolean } = {}): void {
  const simple = new UndirectedGraph();
  graph.forEachNode((n) => simple.addNode(n));
  graph.forEachEdge((_e, attrs, s, t) => {
    const w = attrs.edgeType === 'relation' ? 2 * attrs.weight : Math.min(attrs.weight, 3) * 0.5;
    if (simple.hasEdge(s, t)) simple.updateEdgeAttribute(s, t, 'weight', (x: number) => x + w);
    else simple.addEdge(s, t, { weight: w });
  });
  const communities = simple.size > 0 ? louvain(simple, { rng: seeded(42), getEdgeWeight: 'weight' }) : {};
  const metrics = relationMetrics(graph);
  graph.forEachNode((n, attrs) => {
    const m = metrics.get(n)!;
    attrs.degree = m.degree;
    if (attrs.nodeType === 'entity') {
      if (m.pagerank !== undefined) attrs.pagerank = m.pagerank;
      if (m.betweenness !== undefined) attrs.betweenness = m.betweenness;
    } else {
      // a document's size in the explorer: how many entities it mentions
      attrs.entities = graph.outDegree(n);
    }
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
