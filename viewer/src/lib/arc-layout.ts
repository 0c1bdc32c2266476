// Geometry of relation arcs over the text (pure, tested): levels per line, path data and label positions, all
// kept inside the gap between a mark's line and the line above it, so no arc or label covers that line's text.

/** A mark's first line box, relative to the arcs' host (what getClientRects()[0] gives, shifted). */
export interface MarkBox { left: number; top: number; width: number; height: number }

/** One arc to lay out: its two ends and the free space above each (line height − the mark's height). */
export interface ArcEnds { a: MarkBox; b: MarkBox; gapA: number; gapB: number }

/** Where an arc goes: one path (same line) or two (brat's split arc), and its label's baseline point. */
export interface ArcGeometry { paths: string[]; label: { x: number; y: number }; level: number }

/** px between stacked arcs. */
export const LEVEL = 4;
/** Height of the lowest arc above the mark. */
export const BASE = 5;
/** Label font size (px, CSS `.arc-label`): the label is centred on the arc's top, half of it above. */
export const LABEL_PX = 9;
/** Highest level whatever the gap. */
const MAX_LEVEL = 3;

/** Half the label's glyph box plus a pixel: how far a label reaches above the line it is centred on. */
const LABEL_REACH = Math.ceil(LABEL_PX / 2) + 1;

/** Levels that fit in a gap of `gap` px: the top arc's label must stay below the line above. */
export function levelsFor(gap: number): number {
  return Math.max(0, Math.min(MAX_LEVEL, Math.floor((gap - LABEL_REACH - BASE) / LEVEL)));
}

/** Lowest free level on a line for [x1, x2] (each line keeps its taken intervals per level), at most `top`. */
function level(taken: Map<number, [number, number][][]>, line: number, x1: number, x2: number, top: number): number {
  const levels = taken.get(line) ?? [];
  taken.set(line, levels);
  const [a, b] = x1 < x2 ? [x1, x2] : [x2, x1];
  for (let l = 0; l <= top; l++) {
    const used = (levels[l] ??= []);
    if (l === top || !used.some(([u, v]) => a < v + 30 && b > u - 30)) { used.push([a, b]); return l; }
  }
  return top;
}

/**
 * Lay out arcs in the given order (shorter first, so they take the low levels): same-line arcs as one curve
 * from subject to object, others leaving the subject's line at the right edge and entering the object's line
 * from the left. `textLeft`/`textRight` are the line edges in host coordinates.
 */
export function layoutArcs(items: readonly ArcEnds[], textLeft: number, textRight: number): ArcGeometry[] {
  const taken = new Map<number, [number, number][][]>();
  return items.map(({ a, b, gapA, gapB }) => {
    const x1 = a.left + a.width / 2, y1 = a.top;
    const x2 = b.left + b.width / 2, y2 = b.top;
    if (Math.abs(y1 - y2) < 4) {
      const l = level(taken, Math.round(y1), x1, x2, levelsFor(Math.min(gapA, gapB)));
      const h = BASE + LEVEL * l;
      // the curve's apex is at 3/4 of its control height: the label sits on it
      const top = y1 - h * 0.75;
      return { paths: [`M${x1},${y1} C${x1},${y1 - h} ${x2},${y1 - h} ${x2},${y2}`], label: { x: (x1 + x2) / 2, y: top + LABEL_PX / 2 - 1.5 }, level: l };
    }
    const forward = y2 > y1;
    const [edge1, edge2] = forward ? [textRight, textLeft] : [textLeft, textRight];
    const l1 = level(taken, Math.round(y1), x1, edge1, levelsFor(gapA));
    const h1 = BASE + LEVEL * l1;
    const h2 = BASE + LEVEL * level(taken, Math.round(y2), edge2, x2, levelsFor(gapB));
    const paths = [
      `M${x1},${y1} C${x1},${y1 - h1} ${x1},${y1 - h1} ${x1 + (edge1 - x1) / 4},${y1 - h1} L${edge1},${y1 - h1}`,
      `M${edge2},${y2 - h2} L${x2 - (x2 - edge2) / 4},${y2 - h2} C${x2},${y2 - h2} ${x2},${y2 - h2} ${x2},${y2}`,
    ];
    // arcs leaving one line stack a few px apart: spread their labels along the line too
    const lx = Math.min(Math.max(x1 + (edge1 - x1) * (0.3 + 0.22 * l1), 40), textRight - 40);
    return { paths, label: { x: lx, y: y1 - h1 + LABEL_PX / 2 - 1.5 }, level: l1 };
  });
}
