// Node size and focus sets: pure helpers behind the sigma reducers.
import type { AbstractGraph, Attributes } from 'graphology-types';

/** Up to this many edges every directed tie has an arrow head; above, only the focused ones. */
export const ARROW_EDGE_LIMIT = 10_000;

/** Does the explorer draw arrow heads on every directed edge of a graph with `edges` edges? */
export function allArrows(edges: number): boolean {
  return edges <= ARROW_EDGE_LIMIT;
}

/**
 * Node size range in px for a graph of `order` nodes: [2, 16] up to 2,000 nodes; above, the
 * largest size shrinks with the density (≥ 5 px), since thousands of big discs only overlap
 * and every covered pixel costs fill time (SwiftShader: most of a big graph's frame).
 */
export function sizeRange(order: number): [number, number] {
  if (order <= 2000) return [2, 16];
  return [1.5, Math.max(5, 16 * Math.sqrt(2000 / order))];
}

/** Smallest on-screen node size that gets a label: on big graphs about the top fifth of the size range (the hubs). */
export function labelThreshold(order: number): number {
  return order > 2000 ? Math.min(7, 0.8 * sizeRange(order)[1]) : 5;
}

/** Edge thickness factor: thinner ties on big graphs (a 60k-edge hairball reads better, draws faster). */
export function edgeScale(edges: number): number {
  return edges > 20_000 ? 0.5 : 1;
}

/** Numeric node attributes the explorer can size, colour and filter by (graph.json computes them). */
export const METRICS = ['degree', 'mentions', 'betweenness', 'pagerank'] as const;
export type Metric = (typeof METRICS)[number];
/** What nodes can be sized by. */
export type SizeBy = Metric | 'uniform';
/** What nodes can be coloured by: a category or a metric (binned). */
export type ColorBy = 'type' | 'community' | 'country' | Metric;
export const SIZE_BY: readonly SizeBy[] = [...METRICS, 'uniform'];
export const COLOR_BY: readonly ColorBy[] = ['type', 'community', 'country', ...METRICS];

/** Human names of the metrics (legend, drop-downs, side panel). */
export const METRIC_LABELS: Record<Metric, string> = {
  degree: 'degree (ties)', mentions: 'mentions', betweenness: 'betweenness', pagerank: 'PageRank',
};

/** A node's value of a metric (documents and graphs without the metric: null). */
export function metricValue(a: Attributes, m: Metric): number | null {
  if (a.nodeType === 'document') return null;
  const v = a[m];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Does any node of the graph carry the metric (betweenness is skipped on very big graphs)? */
export function hasMetric(graph: AbstractGraph<Attributes, Attributes, Attributes>, m: Metric): boolean {
  return graph.someNode((_k, a) => metricValue(a, m) !== null);
}

/**
 * Size scale: sqrt of the metric relative to the graph's maximum, within sizeRange(). Documents
 * (no metric) get a fixed size a third of the way up; 'uniform' gives every node the same size.
 */
export function sizeScale(graph: AbstractGraph<Attributes, Attributes, Attributes>, by: SizeBy): (a: Attributes) => number {
  const [lo, hi] = sizeRange(graph.order);
  const docSize = lo + (hi - lo) * 0.35;
  if (by === 'uniform') { const u = lo + (hi - lo) * 0.3; return (a) => (a.nodeType === 'document' ? docSize : u); }
  let max = 0;
  graph.forEachNode((_k, a) => { const v = metricValue(a, by); if (v !== null && v > max) max = v; });
  const root = Math.sqrt(max) || 1;
  return (a) => {
    if (a.nodeType === 'document') return docSize;
    const v = metricValue(a, by) ?? 0;
    return lo + (hi - lo) * Math.sqrt(Math.max(0, v)) / root;
  };
}

/**
 * Bins of a metric for colouring: upper bounds (inclusive) of up to `n` quantile bins over entity
 * nodes. Centralities are mostly 0 (leaves), so 0 gets a bin of its own and the quantiles are
 * taken over the positive values; otherwise one bin would swallow most nodes.
 */
export function metricBins(graph: AbstractGraph<Attributes, Attributes, Attributes>, m: Metric, n = 6): number[] {
  const vals: number[] = [];
  let zeros = 0;
  graph.forEachNode((_k, a) => { const v = metricValue(a, m); if (v === null) return; if (v <= 0) zeros++; else vals.push(v); });
  const bounds: number[] = zeros ? [0] : [];
  if (!vals.length) return bounds;
  vals.sort((a, b) => a - b);
  if (zeros) n = Math.max(1, n - 1);
  for (let i = 1; i <= n; i++) {
    const v = vals[Math.min(vals.length - 1, Math.ceil((i * vals.length) / n) - 1)];
    if (!bounds.length || v > bounds[bounds.length - 1]) bounds.push(v);
  }
  return bounds;
}

/** Index of the bin holding `v` (bounds from metricBins; values past the last bound go in the last). */
export function binOf(bounds: readonly number[], v: number): number {
  for (let i = 0; i < bounds.length; i++) if (v <= bounds[i]) return i;
  return Math.max(0, bounds.length - 1);
}

/** What the focus layer draws: nodes and edges in priority order (first = most important label). */
export interface FocusSets { nodes: Set<string>; edges: Set<string>; pathEdges: Set<string> }

/**
 * Nodes and edges to emphasise: the focus node (selected or hovered) with its visible neighbours,
 * or the focus edge with its two ends, plus the path. Empty sets = nothing focused (then
 * everything draws normally). Insertion order is label priority: the focus first.
 */
export function focusSets(
  graph: AbstractGraph<Attributes, Attributes, Attributes>,
  focus: string | null,
  visibleEdges: Set<string>,
  path: string[] | null,
  focusEdge: string | null = null,
): FocusSets {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const pathEdges = new Set<string>();
  if (focusEdge && graph.hasEdge(focusEdge) && visibleEdges.has(focusEdge)) {
    edges.add(focusEdge);
    nodes.add(graph.source(focusEdge));
    nodes.add(graph.target(focusEdge));
  } else if (focus && graph.hasNode(focus)) {
    nodes.add(focus);
    graph.forEachEdge(focus, (e, _a, s, t) => {
      if (!visibleEdges.has(e)) return;
      edges.add(e);
      nodes.add(s === focus ? t : s);
    });
  }
  if (path) {
    for (let i = 0; i < path.length; i++) {
      nodes.add(path[i]);
      if (i + 1 < path.length) {
        for (const e of [...graph.edges(path[i], path[i + 1]), ...graph.edges(path[i + 1], path[i])]) {
          if (graph.getEdgeAttribute(e, 'edgeType') === 'relation') { pathEdges.add(e); edges.add(e); }
        }
      }
    }
  }
  return { nodes, edges, pathEdges };
}
