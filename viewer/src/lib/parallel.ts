// Parallel ties (several predicates between the same two actors) drawn apart: a curvature per edge.
import type { AbstractGraph, Attributes } from 'graphology-types';

/** Curvature step between neighbouring parallel edges (@sigma/edge-curve's default is 0.25). */
export const CURVE_STEP = 0.3;

/**
 * Curvature of every relation edge that shares its two endpoints with another relation edge
 * (either direction); edges alone between their endpoints are left out (drawn straight). The
 * curves of one pair fan out symmetrically; an edge running the other way gets the opposite sign,
 * because a curve bends to the left of its own direction. Deterministic: edges sorted by key.
 */
export function parallelCurvatures(graph: AbstractGraph<Attributes, Attributes, Attributes>): Map<string, number> {
  const groups = new Map<string, string[]>();
  graph.forEachEdge((e, a, s, t) => {
    if (a.edgeType !== 'relation' || s === t) return;
    const id = s < t ? `${s}\u0000${t}` : `${t}\u0000${s}`;
    const g = groups.get(id);
    if (g) g.push(e); else groups.set(id, [e]);
  });
  const out = new Map<string, number>();
  for (const edges of groups.values()) {
    if (edges.length < 2) continue;
    edges.sort();
    const n = edges.length;
    edges.forEach((e, i) => {
      const idx = i - (n - 1) / 2;
      const s = graph.source(e), t = graph.target(e);
      // the pair's canonical direction is key order; an edge against it mirrors its curve
      const sign = s < t ? 1 : -1;
      out.set(e, idx === 0 ? 0 : sign * idx * CURVE_STEP);
    });
  }
  return out;
}
