// Picking a tie by geometry (graphs above the edge-events limit): nearest segment within the tolerance.
import { describe, expect, it } from 'vitest';
import { SegmentGrid, drawnSegments, nearestEdge, segmentDistance2 } from '../../viewer/src/lib/edge-pick.ts';
import type { EachSegment } from '../../viewer/src/lib/edge-pick.ts';

const _segments = (list: [string, number, number, number, number][]): EachSegment => (cb) => { for (const s of list) cb(...s); };

describe('segmentDistance2', () => {
  it.each([
    ['on the segment', 5, 0, 0],
    ['above the middle', 5, 3, 9],
    ['beyond the end: distance to the end', 13, 4, 25],
    ['before the start', -3, 0, 9],
  ])('should measure a point %s', (_what, x, y, d2) => {
    expect(segmentDistance2(x, y, 0, 0, 10, 0)).toBeCloseTo(d2);
  });

  it('should treat a zero-length segment as a point', () => {
    expect(segmentDistance2(3, 4, 0, 0, 0, 0)).toBe(25);
  });
});

describe('nearestEdge', () => {
  const ties = _segments([['a', 0, 0, 10, 0], ['b', 0, 2, 10, 2], ['c', 20, 20, 30, 30]]);

  it('should pick the nearest segment within the tolerance', () => {
    expect(nearestEdge(5, 0.5, 3, ties)).toBe('a');
    expect(nearestEdge(5, 1.6, 3, ties)).toBe('b');
    expect(nearestEdge(25, 25.5, 1, ties)).toBe('c');
  });

  it('should pick nothing when no segment is near enough', () => {
    expect(nearestEdge(5, 10, 3, ties)).toBeNull();
    expect(nearestEdge(15, 0, 3, ties)).toBeNull();
  });

  it('should keep the first of two ties at the same distance', () => {
    expect(nearestEdge(5, 1, 3, ties)).toBe('a');
  });
});

describe('drawnSegments', () => {
  const ties: [string, string, string][] = [['ab', 'a', 'b'], ['bc', 'b', 'c'], ['cd', 'c', 'd'], ['ax', 'a', 'x']];
  const caches = {
    nodes: { a: { x: 0, y: 0 }, b: { x: 10, y: 0 }, c: { x: 10, y: 10, hidden: true }, d: { x: 0, y: 10 } },
    edges: { ab: { hidden: false }, bc: {}, cd: { hidden: true }, ax: {} },
  };

  it('should give only ties drawn with both ends drawn, at their ends’ display positions', () => {
    const got: unknown[] = [];
    drawnSegments((cb) => { for (const t of ties) cb(...t); }, caches)((...seg) => got.push(seg));
    // bc: its end c is hidden; cd: hidden itself; ax: x was never drawn
    expect(got).toEqual([['ab', 0, 0, 10, 0]]);
  });

  it('should let nearestEdge pick from the caches', () => {
    expect(nearestEdge(5, 1, 2, drawnSegments((cb) => { for (const t of ties) cb(...t); }, caches))).toBe('ab');
  });
});

describe('SegmentGrid', () => {
  /** Deterministic PRNG (mulberry32). */
  const _rng = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  it('should pick what nearestEdge picks, for random segments and points at several tolerances', () => {
    const r = _rng(7);
    const list: [string, number, number, number, number][] = [];
    // short ties in clusters, long ones across, some vertical and horizontal, a zero-length one
    for (let i = 0; i < 400; i++) {
      const cx = r(), cy = r(), long = i % 7 === 0;
      const ax = cx + (r() - 0.5) * 0.05, ay = cy + (r() - 0.5) * 0.05;
      const bx = long ? r() : ax + (r() - 0.5) * 0.05, by = long ? r() : ay + (r() - 0.5) * 0.05;
      list.push([`e${i}`, ax, ay, i % 11 === 0 ? ax : bx, i % 13 === 0 ? ay : by]);
    }
    list.push(['dot', 0.5, 0.5, 0.5, 0.5]);
    const each = _segments(list);
    let hits = 0;
    for (const cells of [1, 16, 128]) {
      const grid = new SegmentGrid(each, cells);
      expect(grid.size).toBe(list.length);
      for (const tol of [0.001, 0.004, 0.02]) {
        for (let k = 0; k < 500; k++) {
          const x = r() * 1.2 - 0.1, y = r() * 1.2 - 0.1;
          const want = nearestEdge(x, y, tol, each);
          if (want) hits++;
          expect(grid.nearest(x, y, tol), `${cells} cells, tol ${tol}, at ${x},${y}`).toBe(want);
        }
      }
    }
    // not a comparison of nulls: a good share of the points is near a tie
    expect(hits).toBeGreaterThan(1000);
  });

  it('should keep the first of two ties at the same distance, as nearestEdge', () => {
    const ties = _segments([['a', 0, 0, 10, 0], ['b', 0, 2, 10, 2], ['c', 20, 20, 30, 30]]);
    const grid = new SegmentGrid(ties, 8);
    expect(grid.nearest(5, 1, 3)).toBe('a');
    expect(grid.nearest(5, 1.6, 3)).toBe('b');
    expect(grid.nearest(25, 25.5, 1)).toBe('c');
    expect(grid.nearest(15, 0, 3)).toBeNull();
  });

  it('should pick nothing from no segments, or far outside them', () => {
    expect(new SegmentGrid(_segments([])).nearest(0, 0, 1)).toBeNull();
    expect(new SegmentGrid(_segments([['a', 0, 0, 1, 1]])).nearest(5, 5, 1)).toBeNull();
    expect(new SegmentGrid(_segments([['a', 0, 0, 1, 1]])).nearest(1.5, 1, 0.6)).toBe('a');
  });
});
