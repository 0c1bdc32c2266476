// Shortest path between two actors in the explorer: a thin call of the ONE definition (src/graph/paths.ts),
// shared with `kg cypher --query path`, so both find the same chain; this file adds each hop's evidence.
import type { AbstractGraph, Attributes } from 'graphology-types';
import { MAX_HOPS, shortestPaths } from '../../../src/graph/paths.ts';
import type { PathGraphLike } from '../../../src/graph/paths.ts';
import type { EdgeEvidence } from '../../../src/types.ts';

export { MAX_HOPS };

/** One hop of a path: the ties between two consecutive nodes and their evidence. */
export interface Hop {
  from: string;
  to: string;
  edges: { key: string; predicate: string; source: string; target: string; evidence: EdgeEvidence[] }[];
}

/** The path shown: its nodes and hops, how many equally short ones exist, and whether it crosses a place. */
export interface PathResult {
  nodes: string[];
  hops: Hop[];
  /** Equally short paths the definition found (the first in key order is shown, as the Cypher query sorts). */
  alternatives: number;
  /** No path avoiding places fits the hop limit: this one passes through one. */
  throughAvoided: boolean;
}

/** A search's outcome: the path, or none and whether one longer than the hop limit exists. */
export interface PathSearch {
  path: PathResult | null;
  longer: boolean;
}

type G = AbstractGraph<Attributes, Attributes, Attributes>;

/**
 * Search the shortest path from `a` to `b` by the shared definition: relation ties only (never documents
 * or MENTIONS), direction ignored, at most {@link MAX_HOPS} ties, places passed through only when there is
 * no other way. `edges` restricts to the currently visible edges when given.
 */
export function findPath(graph: G, a: string, b: string, edges?: ReadonlySet<string>): PathSearch {
  if (!graph.hasNode(a) || !graph.hasNode(b)) return { path: null, longer: false };
  if (a === b) return { path: { nodes: [a], hops: [], alternatives: 1, throughAvoided: false }, longer: false };
  const found = shortestPaths(graph as unknown as PathGraphLike, [a], [b], { edges });
  const nodes = found.paths[0];
  if (!nodes) return { path: null, longer: found.longer };
  const hops: Hop[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    const from = nodes[i]!, to = nodes[i + 1]!;
    const ties = [...graph.edges(from, to), ...graph.edges(to, from)]
      .filter((e, j, all) => all.indexOf(e) === j && graph.getEdgeAttribute(e, 'edgeType') === 'relation' && (!edges || edges.has(e)))
      .map((e) => ({
        key: e,
        predicate: graph.getEdgeAttribute(e, 'predicate') as string,
        source: graph.source(e),
        target: graph.target(e),
        evidence: (graph.getEdgeAttribute(e, 'evidence') ?? []) as EdgeEvidence[],
      }));
    hops.push({ from, to, edges: ties });
  }
  return { path: { nodes, hops, alternatives: found.paths.length, throughAvoided: found.throughAvoided }, longer: false };
}

/** The shortest path from `a` to `b` (see {@link findPath}), or null when none fits the hop limit. */
export function shortestPath(graph: G, a: string, b: string, edges?: ReadonlySet<string>): PathResult | null {
  return findPath(graph, a, b, edges).path;
}
