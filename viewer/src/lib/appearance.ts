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

/** Size scale: sqrt of degree or mentions, relative to the graph's maximum, within sizeRange(). */
export function sizeScale(graph: AbstractGraph<Attributes, Attributes, Attributes>, by: 'degree' | 'mentions'): (a: Attributes) => number {
  let max = 1;
  graph.forEachNode((_k, a) => { max = Math.max(max, Number(a[by] ?? a.degree ?? 0)); });
  const root = Math.sqrt(max);
  const [lo, hi] = sizeRange(graph.order);
  return (a) => lo + (hi - lo) * Math.sqrt(Math.max(0, Number(a[by] ?? a.degree ?? 0))) / root;
}

/**
 * Nodes and edges to emphasise: the focus node (selected or hovered) with its visible neighbours,
 * plus the path. Empty sets = nothing focused (then everything draws normally).
 */
export function focusSets(
  graph: AbstractGraph<Attributes, Attributes, Attributes>,
  focus: string | null,
  visibleEdges: Set<string>,
  path: string[] | null,
): { nodes: Set<string>; edges: Set<string>; pathEdges: Set<string> } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const pathEdges = new Set<string>();
  if (focus && graph.hasNode(focus)) {
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
