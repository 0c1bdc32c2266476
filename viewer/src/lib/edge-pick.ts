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

/**
 * The drawn segments bucketed in a uniform grid over their extent, so a pick looks at the few segments in
 * the cells around the point instead of all of them: a hover picks once per frame, and a linear pass over
 * 60k ties took 100+ ms of a frame in software WebGL at load (bench:viewer). Each segment is listed in
 * every cell its line crosses (exactly, column by column), so a segment within `tol` of a point has its
 * nearest point in one of the cells that the point's box (± tol) overlaps.
 */
export class SegmentGrid {
  private readonly keys: string[] = [];
  private readonly coords: Float64Array;
  private readonly x0: number;
  private readonly y0: number;
  private readonly cell: number;
  private readonly cols: number;
  private readonly rows: number;
  /** CSR: the segments of cell c are items[start[c] .. start[c + 1]). */
  private readonly start: Int32Array;
  private readonly items: Int32Array;

  constructor(each: EachSegment, cellsAcross = 128) {
    const xy: number[] = [];
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    each((key, ax, ay, bx, by) => {
      this.keys.push(key);
      xy.push(ax, ay, bx, by);
      if (ax < minX) minX = ax; if (bx < minX) minX = bx; if (ax > maxX) maxX = ax; if (bx > maxX) maxX = bx;
      if (ay < minY) minY = ay; if (by < minY) minY = by; if (ay > maxY) maxY = ay; if (by > maxY) maxY = by;
    });
    this.coords = Float64Array.from(xy);
    const n = this.keys.length;
    if (!n) { minX = minY = 0; maxX = maxY = 1; }
    this.x0 = minX; this.y0 = minY;
    this.cell = Math.max(maxX - minX, maxY - minY, 1e-9) / cellsAcross;
    this.cols = Math.max(1, Math.ceil((maxX - minX) / this.cell) + 1);
    this.rows = Math.max(1, Math.ceil((maxY - minY) / this.cell) + 1);
    // two passes over the crossed cells: count, then fill
    const count = new Int32Array(this.cols * this.rows + 1);
    for (let i = 0; i < n; i++) this.cross(i, (c) => { count[c + 1]++; });
    for (let c = 1; c < count.length; c++) count[c] += count[c - 1];
    this.start = count.slice();
    this.items = new Int32Array(count[count.length - 1]);
    for (let i = 0; i < n; i++) this.cross(i, (c) => { this.items[count[c]++] = i; });
  }

  /** Number of segments held. */
  get size(): number {
    return this.keys.length;
  }

  private col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.x0) / this.cell)));
  }

  private row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.y0) / this.cell)));
  }

  /** Calls `cb` with every cell segment i's line crosses (each once). */
  private cross(i: number, cb: (cell: number) => void): void {
    const c = this.coords;
    const ax = c[4 * i], ay = c[4 * i + 1], bx = c[4 * i + 2], by = c[4 * i + 3];
    const lo = Math.min(ax, bx), hi = Math.max(ax, bx);
    const c0 = this.col(lo), c1 = this.col(hi);
    for (let col = c0; col <= c1; col++) {
      // the part of the segment inside this column, and the rows it spans there
      const xl = Math.max(lo, this.x0 + col * this.cell), xr = Math.min(hi, this.x0 + (col + 1) * this.cell);
      let ya: number, yb: number;
      if (ax === bx) { ya = ay; yb = by; }
      else { const k = (by - ay) / (bx - ax); ya = ay + (xl - ax) * k; yb = ay + (xr - ax) * k; }
      const r0 = this.row(Math.min(ya, yb)), r1 = this.row(Math.max(ya, yb));
      for (let r = r0; r <= r1; r++) cb(r * this.cols + col);
    }
  }

  /** As nearestEdge over the same segments: the nearest within `tol`, the first given on a tie. */
  nearest(x: number, y: number, tol: number): string | null {
    if (!this.keys.length) return null;
    const c = this.coords;
    let best = -1, bestD = tol * tol;
    const r0 = this.row(y - tol), r1 = this.row(y + tol), c0 = this.col(x - tol), c1 = this.col(x + tol);
    // outside the grid's extent by more than tol: nothing is near
    if (x < this.x0 - tol || y < this.y0 - tol || x > this.x0 + this.cols * this.cell + tol || y > this.y0 + this.rows * this.cell + tol) return null;
    for (let r = r0; r <= r1; r++) {
      for (let col = c0; col <= c1; col++) {
        const cell = r * this.cols + col;
        for (let j = this.start[cell]; j < this.start[cell + 1]; j++) {
          const i = this.items[j];
          const d = segmentDistance2(x, y, c[4 * i], c[4 * i + 1], c[4 * i + 2], c[4 * i + 3]);
          if (d < bestD || (d === bestD && (best === -1 || i < best))) { best = i; bestD = d; }
        }
      }
    }
    return best === -1 ? null : this.keys[best];
  }
}
