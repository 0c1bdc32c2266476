// Relations as arcs over the text, brat's way: subject → object above the line, the predicate at the top;
// an arc whose ends are on different lines leaves its line at the right edge and comes in from the left.
import type { Relation } from '../../../../src/types.ts';
import { predicateColor } from '../../lib/colors.ts';
import type { FlatMention } from '../../lib/doc-model.ts';
import { relationEnds } from '../../lib/doc-model.ts';
import { layoutArcs, type MarkBox } from '../../lib/arc-layout.ts';

const SVG = 'http://www.w3.org/2000/svg';

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

/**
 * Draw every relation whose two ends are shown as an arc into `svg` (replaced), sized to `host`.
 * Coordinates come from the marks' first client rects relative to `host`. Everything is read first (one
 * layout), then the arcs are built off-document and put in with one replaceChildren (no layout in between).
 * Returns the arcs by relation.
 */
export function drawArcs(svg: SVGSVGElement, host: HTMLElement, input: ArcInput): DrawnArcs {
  // ── read: host box and size, each end's line box and the free space above its line
  const box = host.getBoundingClientRect();
  const width = host.scrollWidth, height = host.scrollHeight, clientWidth = host.clientWidth;
  const gaps = new Map<HTMLElement, number>();
  const gapOf = (mark: HTMLElement, r: DOMRect) => {
    let g = gaps.get(mark);
    if (g === undefined) { g = (parseFloat(getComputedStyle(mark).lineHeight) || r.height * 1.6) - r.height; gaps.set(mark, g); }
    return g;
  };
  const rel = (r: DOMRect): MarkBox => ({ left: r.left - box.left, top: r.top - box.top, width: r.width, height: r.height });
  const items = input.relations.map((r, i) => ({ r, i, ends: r.status === 'rejected' ? null : relationEnds(r, input.byEntity) }))
    .filter((x) => x.ends && input.marks.has(x.ends[0].id) && input.marks.has(x.ends[1].id)
      && (!input.shown || input.shown(input.marks.get(x.ends[0].id)![0]!, input.marks.get(x.ends[1].id)![0]!)))
    .map((x) => {
      const ma = input.marks.get(x.ends![0].id)![0]!, mb = input.marks.get(x.ends![1].id)![0]!;
      const ra = ma.getClientRects()[0], rb = mb.getClientRects()[0];
      return ra && rb ? { r: x.r, i: x.i, a: rel(ra), b: rel(rb), gapA: gapOf(ma, ra), gapB: gapOf(mb, rb) } : null;
    })
    .filter((x): x is NonNullable<typeof x> => x !== null)
    // shorter arcs first, so they take the low levels and longer ones go over them
    .sort((p, q) => Math.abs(p.a.left - p.b.left) + Math.abs(p.a.top - p.b.top) - (Math.abs(q.a.left - q.b.left) + Math.abs(q.a.top - q.b.top)));
  const geometry = layoutArcs(items, 4, clientWidth - 4);

  // ── write: build off-document, then one swap
  const frag = document.createDocumentFragment();
  const defs = el('defs', {});
  frag.appendChild(defs);
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
  const drawn: DrawnArcs = new Map();
  items.forEach(({ r, i }, k) => {
    const { paths: ds, label: at } = geometry[k]!;
    const color = predicateColor(r.predicate);
    const status = r.status ?? 'inferred';
    const g = el('g', { class: `arc s-${status}`, 'data-rel': i });
    const stroke = { stroke: color, fill: 'none', 'stroke-width': status === 'confirmed' ? 2 : 1.4, ...(status === 'inferred' ? { 'stroke-dasharray': '4 3' } : {}) };
    const end = input.symmetric(r.predicate) ? {} : { 'marker-end': arrow(color) };
    ds.forEach((d, j) => g.appendChild(el('path', { d, ...stroke, ...(j === ds.length - 1 ? end : {}) })));
    const label = el('text', { x: at.x, y: at.y, 'text-anchor': 'middle', class: 'arc-label', fill: color });
    label.textContent = r.predicate;
    g.appendChild(label);
    // a wide invisible stroke makes the arc easy to hover and click
    for (const d of ds) g.appendChild(el('path', { d, class: 'arc-hit', stroke: 'transparent', 'stroke-width': 8, fill: 'none' }));
    frag.appendChild(g);
    drawn.set(i, [g]);
  });
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.replaceChildren(frag);
  return drawn;
}
