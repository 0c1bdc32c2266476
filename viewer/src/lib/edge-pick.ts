// Picking a tie by geometry, for graphs too big for sigma's edge events (its picking pass redraws every
// edge on each frame): on a click that hit no node, the nearest drawn segment within a few pixels wins.

/** Calls `cb` with each candidate edge and its two ends (any consistent coordinates). */
export type EachSegment = (cb: (key: string, ax: number, ay: number, bx: number, by: number) => void) => void;

/** Squared distance from (x, y) to the segment a–b. */
export function segmentDistance2(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
  const px = ax + t * dx - x, py = ay + t * dy - y;
  return px * px + py * py;
}

/**
 * The edge whose segment passes nearest to (x, y), if within `tol` (same units); null when none does.
 * Ties at equal distance go to the first given. One pass, no allocation: 60k edges take a few ms.
 */
export function nearestEdge(x: number, y: number, tol: number, each: EachSegment): string | null {
  let best: string | null = null;
  let bestD = tol * tol;
  each((key, ax, ay, bx, by) => {
    // cheap reject: the click is outside the segment's box grown by the tolerance
    if (x < Math.min(ax, bx) - tol || x > Math.max(ax, bx) + tol || y < Math.min(ay, by) - tol || y > Math.max(ay, by) + tol) return;
    const d = segmentDistance2(x, y, ax, ay, bx, by);
    if (d <= bestD && (best === null || d < bestD)) { best = key; bestD = d; }
  });
  return best;
}

/** What sigma keeps per drawn node / edge (its display data), as far as picking reads it. */
export interface DisplayCaches {
  nodes: Readonly<Record<string, { x: number; y: number; hidden?: boolean } | undefined>>;
  edges: Readonly<Record<string, { hidden?: boolean } | undefined>>;
}

/**
 * The drawn (not hidden) ties with both ends drawn, read straight from the display caches: sigma's
 * getNodeDisplayData/getEdgeDisplayData copy the object on every call, and three copies per tie on
 * 60k ties made a tie click take seconds (allocation and GC), where reading the caches takes a few ms.
 */
export function drawnSegments(forEachEdge: (cb: (key: string, source: string, target: string) => void) => void, caches: DisplayCaches): EachSegment {
  return (cb) => forEachEdge((e, s, t) => {
    const de = caches.edges[e];
    if (!de || de.hidden) return;
    const ds = caches.nodes[s], dt = caches.nodes[t];
    if (ds && dt && !ds.hidden && !dt.hidden) cb(e, ds.x, ds.y, dt.x, dt.y);
  });
}
