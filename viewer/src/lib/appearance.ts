// Node size and focus sets: pure helpers behind the sigma reducers.
import type { AbstractGraph, Attributes } from 'graphology-types';

/** Size scale: sqrt of degree or mentions, relative to the graph's maximum, in [2, 16] px. */
export function sizeScale(graph: AbstractGraph<Attributes, Attributes, Attributes>, by: 'degree' | 'mentions'): (a: Attributes) => number {
  let max = 1;
  graph.forEachNode((_k, a) => { max = Math.max(max, Number(a[by] ?? a.degree ?? 0)); });
  const root = Math.sqrt(max);
  return (a) => 2 + 14 * Math.sqrt(Math.max(0, Number(a[by] ?? a.degree ?? 0))) / root;
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
