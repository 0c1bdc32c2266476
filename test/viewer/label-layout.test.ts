import { describe, expect, it } from 'vitest';
import { LabelSpace, fitText, labelBox, overlaps } from '../../viewer/src/lib/label-layout.ts';

describe('LabelSpace', () => {
  it('should place labels first come first served and refuse overlapping ones', () => {
    const s = new LabelSpace();
    expect(s.place({ x: 0, y: 0, w: 50, h: 10 })).toBe(true);
    expect(s.place({ x: 40, y: 5, w: 50, h: 10 })).toBe(false);
    expect(s.place({ x: 50, y: 0, w: 50, h: 10 })).toBe(true);
    // a forced label (the selection) is placed anyway
    expect(s.place({ x: 10, y: 2, w: 5, h: 5 }, true)).toBe(true);
    expect(s.size).toBe(3);
    s.truncate(1);
    expect(s.place({ x: 55, y: 0, w: 10, h: 10 })).toBe(true);
    s.reset();
    expect(s.size).toBe(0);
  });

  it.each([
    [{ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 10, h: 10 }, false],
    [{ x: 0, y: 0, w: 10, h: 10 }, { x: 9, y: 9, w: 10, h: 10 }, true],
  ])('should tell overlaps apart from touching boxes', (a, b, want) => {
    expect(overlaps(a, b)).toBe(want);
  });
});

describe('labelBox', () => {
  it('should put a label right of its node, and left of it at the right edge', () => {
    expect(labelBox(100, 50, 5, 80, 12, 800).flipped).toBe(false);
    const r = labelBox(760, 50, 5, 80, 12, 800);
    expect(r.flipped).toBe(true);
    expect(r.textX + 80).toBeLessThanOrEqual(760 - 5);
    // no room on either side: the roomier side, and the room to shorten the text to
    const narrow = labelBox(300, 50, 5, 900, 12, 800);
    expect(narrow.flipped).toBe(false);
    expect(narrow.room).toBe(800 - 4 - 308);
    expect(narrow.textX + narrow.room).toBeLessThanOrEqual(800);
    expect(labelBox(600, 50, 5, 900, 12, 800).flipped).toBe(true);
  });
});

describe('fitText', () => {
  const measure = (s: string) => s.length * 10;
  it.each([
    ['Mexico', 100, 'Mexico'],
    ['Workshop on Labor Rights', 100, 'Workshop…'],
    ['Workshop', 5, ''],
  ])('should fit %s in %i px', (text, room, want) => {
    expect(fitText(text, room, measure)).toBe(want);
  });
});

describe('LabelSpace with nodes', () => {
  it('should refuse a label over a node’s disc, and forget the nodes on reset', () => {
    const space = new LabelSpace();
    space.addNode(100, 100, 6);
    expect(space.fits({ x: 90, y: 95, w: 40, h: 12 })).toBe(false);
    expect(space.place({ x: 110, y: 95, w: 40, h: 12 })).toBe(true);
    // far away, in another grid cell, and at negative coordinates
    space.addNode(-70, -70, 4);
    expect(space.fits({ x: -80, y: -72, w: 30, h: 10 })).toBe(false);
    expect(space.fits({ x: 300, y: 300, w: 30, h: 10 })).toBe(true);
    expect(space.snapshot().nodes).toHaveLength(2);
    space.reset();
    expect(space.fits({ x: 90, y: 95, w: 40, h: 12 })).toBe(true);
    expect(space.snapshot()).toEqual({ labels: [], nodes: [] });
  });

  it('should let a label go on the other side of its node when asked (flip)', () => {
    const right = labelBox(100, 100, 5, 50, 12, 800);
    const left = labelBox(100, 100, 5, 50, 12, 800, 4, true);
    expect(right.flipped).toBe(false);
    expect(left.flipped).toBe(true);
    expect(left.textX + 50).toBeLessThanOrEqual(100 - 5);
    // neither side's box covers the node's own disc
    const space = new LabelSpace();
    space.addNode(100, 100, 5);
    expect(space.fits(right.box)).toBe(true);
    expect(space.fits(left.box)).toBe(true);
  });
});
