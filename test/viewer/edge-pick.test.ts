// Picking a tie by geometry (graphs above the edge-events limit): nearest segment within the tolerance.
import { describe, expect, it } from 'vitest';
import { drawnSegments, nearestEdge, segmentDistance2 } from '../../viewer/src/lib/edge-pick.ts';
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
