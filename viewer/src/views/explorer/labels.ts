// Sigma label drawers that avoid collisions (LabelSpace), flip at the right edge and put a halo
// behind edge labels so a predicate stays legible over the ties it crosses.
import type { Attributes } from 'graphology-types';
import SigmaClass from 'sigma';
import type Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import { LabelSpace, fitText, labelBox } from '../../lib/label-layout.ts';
import type { Box } from '../../lib/label-layout.ts';

type NodeData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & Attributes;
type EdgeData = Attributes & { label?: string | null; size: number; curvature?: number };

/** Nodes drawn smaller than this (screen px radius) do not keep labels away: dots under a label stay readable. */
const MIN_OBSTACLE_PX = 2.5;

const cssWidth = (ctx: CanvasRenderingContext2D) => ctx.canvas.clientWidth || ctx.canvas.width;

/** The drawers of one sigma instance, sharing one LabelSpace that is reset before every frame. */
export function labelDrawers(space: LabelSpace) {
  /** The node labels drawn since the last reset (their text, the full label, and whether moved to the other side). */
  const drawn: DrawnLabel[] = [];
  const font = (s: Settings, size: number, weight = s.labelWeight) => `${weight} ${size}px ${s.labelFont}`;

  /** A node label; selected/hovered (highlighted) ones are placed whatever they cover. */
  function drawNodeLabel(ctx: CanvasRenderingContext2D, data: NodeData, s: Settings): void {
    if (!data.label) return;
    const size = s.labelSize;
    ctx.font = font(s, size, data.highlighted ? 'bold' : s.labelWeight);
    const w = ctx.measureText(data.label).width;
    // on its side, else on the other side when that one is free of labels and nodes; a focused label always goes
    const sides = [labelBox(data.x, data.y, data.size, w, size, cssWidth(ctx))];
    sides.push(labelBox(data.x, data.y, data.size, w, size, cssWidth(ctx), 4, !sides[0]!.flipped));
    for (let i = 0; i < sides.length; i++) {
      const { textX, box, room } = sides[i]!;
      // the other side takes only the whole label: moved away from a collision and cut short with "…" it
      // read worse than no label (sigma's label grid shows it at another zoom); on its own side a label is
      // shortened only at the canvas edge
      if (i > 0 && w > room) continue;
      const text = w > room ? fitText(data.label, room, (t) => ctx.measureText(t).width) : data.label;
      if (!text || room <= 0) continue;
      const fitted = text === data.label ? box : { ...box, w: ctx.measureText(text).width + 2 };
      if (!space.place(fitted, false)) continue;
      ctx.fillStyle = '#222';
      ctx.fillText(text, textX, data.y + size / 3);
      drawn.push({ text, label: data.label, moved: i > 0 });
      return;
    }
    if (!data.highlighted) return;
    const { textX, box, room } = sides[0]!;
    const text = w > room ? fitText(data.label, room, (t) => ctx.measureText(t).width) : data.label;
    if (!text) return;
    space.place(box, true);
    ctx.fillStyle = '#222';
    ctx.fillText(text, textX, data.y + size / 3);
    drawn.push({ text, label: data.label, moved: false });
  }

  /** The hover/selection box: white card behind the label, on the side the label was put. */
  function drawNodeHover(ctx: CanvasRenderingContext2D, data: NodeData, s: Settings): void {
    const size = s.labelSize;
    ctx.font = font(s, size, 'bold');
    ctx.shadowColor = '#0006';
    ctx.shadowBlur = 8;
    ctx.fillStyle = '#fff';
    ctx.beginPath();
    ctx.arc(data.x, data.y, data.size + 2, 0, Math.PI * 2);
    ctx.fill();
    if (data.label) {
      const full = ctx.measureText(data.label).width;
      const { textX, room } = labelBox(data.x, data.y, data.size, full, size, cssWidth(ctx));
      const text = full > room ? fitText(data.label, room, (t) => ctx.measureText(t).width) : data.label;
      const w = ctx.measureText(text).width;
      ctx.fillRect(textX - 3, data.y - size / 2 - 3, w + 6, size + 6);
      ctx.shadowBlur = 0;
      ctx.fillStyle = '#111';
      ctx.fillText(text, textX, data.y + size / 3);
    }
    ctx.shadowBlur = 0;
  }

  /** A straight or curved edge's label at the middle of its line, upright, with a white halo. */
  function drawEdgeLabel(ctx: CanvasRenderingContext2D, edge: EdgeData, src: NodeData, tgt: NodeData, s: Settings): void {
    const label = edge.label;
    if (!label) return;
    const size = s.edgeLabelSize;
    // upright: always read left to right
    const ltr = src.x <= tgt.x;
    const a = ltr ? src : tgt, b = ltr ? tgt : src;
    const dx = b.x - a.x, dy = b.y - a.y;
    const d = Math.hypot(dx, dy);
    if (d < a.size + b.size + 12) return;
    let cx = (a.x + b.x) / 2, cy = (a.y + b.y) / 2;
    const curvature = edge.curvature ?? 0;
    if (curvature) {
      // the midpoint of @sigma/edge-curve's quadratic curve: half way to its control point
      const o = (ltr ? 1 : -1) * curvature / 2;
      cx += dy * o;
      cy -= dx * o;
    }
    ctx.font = font(s, size, s.edgeLabelWeight);
    const w = ctx.measureText(label).width;
    if (w > d - a.size - b.size) return;
    const angle = Math.atan2(dy, dx);
    const cos = Math.abs(Math.cos(angle)), sin = Math.abs(Math.sin(angle));
    const bw = w * cos + size * sin, bh = w * sin + size * cos;
    const box: Box = { x: cx - bw / 2, y: cy - bh / 2, w: bw, h: bh };
    if (!space.place(box)) return;
    ctx.save();
    ctx.translate(cx, cy);
    ctx.rotate(angle);
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#fff';
    ctx.strokeText(label, -w / 2, size / 3);
    ctx.fillStyle = (edge.labelColor as string | undefined) ?? '#333';
    ctx.fillText(label, -w / 2, size / 3);
    ctx.restore();
  }

  return { drawNodeLabel, drawNodeHover, drawEdgeLabel, drawn };
}

/** A node label as drawn in a frame (the e2e tests read these). */
export interface DrawnLabel { text: string; label: string; moved: boolean }
type Snapshot = ReturnType<LabelSpace['snapshot']> & { texts: DrawnLabel[] };
/** Sigma's label passes (private in its types; called through `this`, so a subclass's prototype wins). */
interface LabelPasses {
  renderLabels(): unknown; renderEdgeLabels(): unknown;
  nodeDataCache: Record<string, { x: number; y: number; size: number; hidden?: boolean }>;
}

/**
 * Collision-aware labels for one sigma: construct it with `new labels.Sigma(graph, container, {...labels.settings})`.
 * The subclass's label passes are in place from the constructor's first frame on: node labels start a fresh
 * LabelSpace each frame with the nodes drawn in it as obstacles, edge labels (also redrawn alone on hover)
 * start from the node labels of that frame. (`install` is kept for callers; it does nothing now.)
 */
export function collisionLabels(): { settings: Record<string, unknown>; Sigma: typeof Sigma; install(renderer: Sigma): void } {
  const space = new LabelSpace();
  const d = labelDrawers(space);
  let nodeLabels = 0;
  let frame: Snapshot = { ...space.snapshot(), texts: [] };
  // the node labels (boxes and texts) and node discs of the last frame, per sigma (the base first), for the e2e tests
  const w = window as { __kgLabelFrames?: (() => Snapshot)[] };
  (w.__kgLabelFrames ??= []).push(() => frame);
  class LabelledSigma extends SigmaClass {}
  const base = SigmaClass.prototype as unknown as LabelPasses;
  Object.assign(LabelledSigma.prototype, {
    renderLabels(this: Sigma) {
      const passes = this as unknown as LabelPasses;
      space.reset();
      d.drawn.length = 0;
      // the nodes drawn this frame are obstacles: a label never crosses another node (drawn under the label it
      // made the label hard to read, and the analyst saw the node covering it)
      const { width, height } = this.getDimensions();
      for (const n of Object.values(passes.nodeDataCache)) {
        if (n.hidden) continue;
        const size = this.scaleSize(n.size);
        if (size < MIN_OBSTACLE_PX) continue;
        const p = this.framedGraphToViewport(n);
        if (p.x + size < 0 || p.y + size < 0 || p.x - size > width || p.y - size > height) continue;
        space.addNode(p.x, p.y, size);
      }
      const out = base.renderLabels.call(this);
      nodeLabels = space.size;
      frame = { ...space.snapshot(), texts: [...d.drawn] };
      return out;
    },
    renderEdgeLabels(this: Sigma) {
      space.truncate(nodeLabels);
      return base.renderEdgeLabels.call(this);
    },
  });
  return {
    // given to the constructor: setSetting() afterwards would schedule a second full refresh
    settings: { defaultDrawNodeLabel: d.drawNodeLabel, defaultDrawNodeHover: d.drawNodeHover, defaultDrawEdgeLabel: d.drawEdgeLabel },
    Sigma: LabelledSigma as unknown as typeof Sigma,
    install: () => undefined,
  };
}
