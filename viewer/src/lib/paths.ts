// Shortest path between two actors over relation ties (direction ignored), with evidence per hop.
import Graph from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted';
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { EdgeEvidence } from '../../../src/types.ts';

/** One hop of a path: the ties between two consecutive nodes and their evidence. */
export interface Hop {
  from: string;
  to: string;
  edges: { key: string; predicate: string; source: string; target: string; evidence: EdgeEvidence[] }[];
}

/** The path's nodes and hops, or null when the two are not connected. */
export interface PathResult {
  nodes: string[];
  hops: Hop[];
}

/**
 * Shortest path from `a` to `b` on an undirected view of the relation edges (MENTIONS and
 * document nodes excluded: a path through a document is co-occurrence, not a tie).
 * `edges` restricts to the currently visible edges when given.
 */
export function shortestPath(
  graph: AbstractGraph<Attributes, Attributes, Attributes>,
  a: string,
  b: string,
  edges?: Set<string>,
): PathResult | null {
  if (!graph.hasNode(a) || !graph.hasNode(b)) return null;
  const u = new Graph({ type: 'undirected', multi: false });
  graph.forEachEdge((e, ea, s, t) => {
    if (ea.edgeType !== 'relation' || (edges && !edges.has(e)) || s === t) return;
    u.mergeNode(s); u.mergeNode(t); u.mergeEdge(s, t);
  });
  if (!u.hasNode(a) || !u.hasNode(b)) return null;
  const nodes = a === b ? [a] : bidirectional(u, a, b);
  if (!nodes) return null;
  const hops: Hop[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    const from = nodes[i], to = nodes[i + 1];
    const ties = [...graph.edges(from, to), ...graph.edges(to, from)]
      .filter((e, j, all) => all.indexOf(e) === j && graph.getEdgeAttribute(e, 'edgeType') === 'relation')
      .map((e) => ({
        key: e,
        predicate: graph.getEdgeAttribute(e, 'predicate') as string,
        source: graph.source(e),
        target: graph.target(e),
        evidence: (graph.getEdgeAttribute(e, 'evidence') ?? []) as EdgeEvidence[],
      }));
    hops.push({ from, to, edges: ties });
  }
  return { nodes, hops };
}
