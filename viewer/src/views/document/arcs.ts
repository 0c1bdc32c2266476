// Relations as arcs over the text, brat's way: subject → object above the line, the predicate at the top;
// an arc whose ends are on different lines leaves its line at the right edge and comes in from the left.
import type { Relation } from '../../../../src/types.ts';
import { predicateColor } from '../../lib/colors.ts';
import type { FlatMention } from '../../lib/doc-model.ts';
import { relationEnds } from '../../lib/doc-model.ts';

const SVG = 'http://www.w3.org/2000/svg';
const LEVEL = 6; // px between stacked arcs
const BASE = 7; // height of the lowest arc above the text
const MAX_LEVEL = 3;

/** What an arc is drawn for. */
export interface ArcInput {
  relations: readonly Relation[];
  byEntity: ReadonlyMap<string, readonly FlatMention[]>;
  marks: ReadonlyMap<number, readonly HTMLElement[]>;
  symmetric: (predicate: string) => boolean;
  /** Draw the arc between these two marks now? (The view draws those whose text the browser renders.) */
  shown?: (a: HTMLElement, b: HTMLElement) => boolean;
}

/** Arcs drawn: relation index → its path elements (for hover and focus). */
export type DrawnArcs = Map<number, SVGElement[]>;

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number | undefined>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, String(v));
  return e;
}

/** Lowest free level on a line for [x1, x2] (each line keeps its taken intervals per level). */
function level(taken: Map<number, [number, number][][]>, line: number, x1: number, x2: number): number {
  const levels = taken.get(line) ?? [];
  taken.set(line, levels);
  const [a, b] = x1 < x2 ? [x1, x2] : [x2, x1];
  for (let l = 0; l <= MAX_LEVEL; l++) {
    const used = (levels[l] ??= []);
    if (l === MAX_LEVEL || !used.some(([u, v]) => a < v + 30 && b > u - 30)) { used.push([a, b]); return l; }
  }
  return MAX_LEVEL;
}

/**
 * Draw every relation whose two ends are shown as an arc into `svg` (cleared first), sized to `host`.
 * Coordinates come from the marks' first client rects relative to `host`. Returns the arcs by relation.
 */
export function drawArcs(svg: SVGSVGElement, host: HTMLElement, input: ArcInput): DrawnArcs {
  const box = host.getBoundingClientRect();
  svg.replaceChildren();
  svg.setAttribute('width', String(host.scrollWidth));
  svg.setAttribute('height', String(host.scrollHeight));
  const defs = el('defs', {});
  svg.appendChild(defs);
  const arrows = new Set<string>();
  const arrow = (color: string) => {
    const id = `kg-arrow-${color.slice(1)}`;
    if (!arrows.has(id)) {
      arrows.add(id);
      const m = el('marker', { id, viewBox: '0 0 6 6', refX: 5, refY: 3, markerWidth: 6, markerHeight: 6, orient: 'auto' });
      m.appendChild(el('path', { d: 'M0,0 L6,3 L0,6 z', fill: color }));
      defs.appendChild(m);
    }
    return `url(#${id})`;
  };
  const textLeft = 4;
  const textRight = host.clientWidth - 4;
  const taken = new Map<number, [number, number][][]>();
  const drawn: DrawnArcs = new Map();
  // shorter arcs first, so they take the low levels and longer ones go over them
  const items = input.relations.map((r, i) => ({ r, i, ends: r.status === 'rejected' ? null : relationEnds(r, input.byEntity) }))
    .filter((x) => x.ends && input.marks.has(x.ends[0].id) && input.marks.has(x.ends[1].id)
      && (!input.shown || input.shown(input.marks.get(x.ends[0].id)![0]!, input.marks.get(x.ends[1].id)![0]!)))
    .map((x) => {
      const rect = (m: FlatMention) => input.marks.get(m.id)![0]!.getClientRects()[0];
      const a = rect(x.ends![0]);
      const b = rect(x.ends![1]);
      return { ...x, a, b };
    })
    .filter((x) => x.a && x.b)
    .sort((p, q) => Math.abs(p.a!.left - p.b!.left) + Math.abs(p.a!.top - p.b!.top) - (Math.abs(q.a!.left - q.b!.left) + Math.abs(q.a!.top - q.b!.top)));
  for (const { r, i, a, b } of items) {
    const color = predicateColor(r.predicate);
    const x1 = a!.left + a!.width / 2 - box.left;
    const y1 = a!.top - box.top;
    const x2 = b!.left + b!.width / 2 - box.left;
    const y2 = b!.top - box.top;
    const status = r.status ?? 'inferred';
    const g = el('g', { class: `arc s-${status}`, 'data-rel': i });
    const stroke = { stroke: color, fill: 'none', 'stroke-width': status === 'confirmed' ? 2 : 1.4, ...(status === 'inferred' ? { 'stroke-dasharray': '4 3' } : {}) };
    const end = input.symmetric(r.predicate) ? {} : { 'marker-end': arrow(color) };
    const paths: SVGElement[] = [];
    let lx: number, ly: number;
    if (Math.abs(y1 - y2) < 4) {
      const h = BASE + LEVEL * level(taken, Math.round(y1), x1, x2);
      paths.push(el('path', { d: `M${x1},${y1} C${x1},${y1 - h} ${x2},${y1 - h} ${x2},${y2}`, ...stroke, ...end }));
      lx = (x1 + x2) / 2;
      ly = y1 - h * 0.75 - 1;
    } else {
      // brat's split arc: out of the subject's line to the right, into the object's line from the left
      const forward = y2 > y1;
      const [edge1, edge2] = forward ? [textRight, textLeft] : [textLeft, textRight];
      const l1 = level(taken, Math.round(y1), x1, edge1);
      const h1 = BASE + LEVEL * l1;
      const h2 = BASE + LEVEL * level(taken, Math.round(y2), edge2, x2);
      paths.push(el('path', { d: `M${x1},${y1} C${x1},${y1 - h1} ${x1},${y1 - h1} ${x1 + (edge1 - x1) / 4},${y1 - h1} L${edge1},${y1 - h1}`, ...stroke }));
      paths.push(el('path', { d: `M${edge2},${y2 - h2} L${x2 - (x2 - edge2) / 4},${y2 - h2} C${x2},${y2 - h2} ${x2},${y2 - h2} ${x2},${y2}`, ...stroke, ...end }));
      // arcs leaving one line stack a few px apart: spread their labels along the line too
      lx = Math.min(Math.max(x1 + (edge1 - x1) * (0.3 + 0.22 * l1), 40), textRight - 40);
      ly = y1 - h1 - 1;
    }
    for (const p of paths) g.appendChild(p);
    const label = el('text', { x: lx, y: ly, 'text-anchor': 'middle', class: 'arc-label', fill: color });
    label.textContent = r.predicate;
    g.appendChild(label);
    // a wide invisible stroke makes the arc easy to hover and click
    for (const p of paths) g.appendChild(el('path', { d: p.getAttribute('d')!, class: 'arc-hit', stroke: 'transparent', 'stroke-width': 8, fill: 'none' }));
    svg.appendChild(g);
    drawn.set(i, [g]);
  }
  return drawn;
}
