// Relation arcs: levels and labels stay inside the gap above the line they leave, whatever the stacking.
import { describe, expect, it } from 'vitest';
import { BASE, LABEL_PX, LEVEL, layoutArcs, levelsFor } from '../../viewer/src/lib/arc-layout.ts';
import type { ArcEnds } from '../../viewer/src/lib/arc-layout.ts';

const _box = (left: number, top: number, width = 40, height = 19) => ({ left, top, width, height });
/** How far above its baseline a label's glyph box reaches (generous: system-ui's ascent is below 0.95em). */
const _ascent = 0.95 * LABEL_PX;
/** Every y a drawn path passes through (the control points bound a cubic Bézier curve). */
const _ys = (d: string) => [...d.matchAll(/-?\d+(\.\d+)?,(-?\d+(\.\d+)?)/g)].map((m) => Number(m[2]));

describe('levelsFor', () => {
  it.each([[6, 0], [16, 1], [20, 2], [24, 3], [80, 3]])('should fit the levels whose label clears a gap of %i px', (gap, want) => {
    expect(levelsFor(gap)).toBe(want);
  });
});

describe('layoutArcs', () => {
  // eight arcs over one line (y = 100) and four leaving it for the next line, with the gap of a 39 px line
  const gap = 39 - 19;
  const same: ArcEnds[] = Array.from({ length: 8 }, (_, i) => ({ a: _box(10 + i * 5, 100), b: _box(300 + i * 7, 100), gapA: gap, gapB: gap }));
  const split: ArcEnds[] = Array.from({ length: 4 }, (_, i) => ({ a: _box(400 + i * 3, 100), b: _box(50, 139), gapA: gap, gapB: gap }));

  it.each([['on one line', same], ['across lines', split]])('should keep arcs and labels below the line above (%s)', (_what, items) => {
    const out = layoutArcs(items, 4, 860);
    for (const [k, g] of out.entries()) {
      const y = items[k]!.a.top;
      // the label's glyph box starts below the text of the line above (which ends `gap` px above the mark)
      expect(g.label.y - _ascent).toBeGreaterThan(y - gap);
      for (const d of g.paths) for (const py of _ys(d)) expect(py).toBeGreaterThanOrEqual(Math.min(y, items[k]!.b.top) - BASE - LEVEL * levelsFor(gap));
    }
  });

  it('should stack overlapping arcs on one line at different levels', () => {
    const out = layoutArcs(same.slice(0, 3), 4, 860);
    expect(out.map((g) => g.level)).toEqual([0, 1, 2]);
  });

  it('should draw a split arc as two paths, out at the right edge and in from the left', () => {
    const [g] = layoutArcs(split.slice(0, 1), 4, 860);
    expect(g!.paths).toHaveLength(2);
    expect(g!.paths[0]).toContain('L860,');
    expect(g!.paths[1]).toMatch(/^M4,/);
  });

  it('should keep a label of a tight line (a heading) inside its gap by giving up levels', () => {
    const tight = 12;
    const out = layoutArcs(Array.from({ length: 3 }, (_, i) => ({ a: _box(10 + i, 200), b: _box(200 + i, 200), gapA: tight, gapB: tight })), 4, 860);
    expect(out.every((g) => g.level === 0)).toBe(true);
    for (const g of out) expect(g.label.y - _ascent).toBeGreaterThan(200 - tight);
  });
});
