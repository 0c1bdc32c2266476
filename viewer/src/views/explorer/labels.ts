// Sigma label drawers that avoid collisions (LabelSpace), flip at the right edge and put a halo
// behind edge labels so a predicate stays legible over the ties it crosses.
import type { Attributes } from 'graphology-types';
import type Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import { LabelSpace, fitText, labelBox } from '../../lib/label-layout.ts';
import type { Box } from '../../lib/label-layout.ts';

type NodeData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & Attributes;
type EdgeData = Attributes & { label?: string | null; size: number; curvature?: number };

const cssWidth = (ctx: CanvasRenderingContext2D) => ctx.canvas.clientWidth || ctx.canvas.width;

/** The drawers of one sigma instance, sharing one LabelSpace that is reset before every frame. */
export function labelDrawers(space: LabelSpace) {
  const font = (s: Settings, size: number, weight = s.labelWeight) => `${weight} ${size}px ${s.labelFont}`;

  /** A node label; selected/hovered (highlighted) ones are placed whatever they cover. */
  function drawNodeLabel(ctx: CanvasRenderingContext2D, data: NodeData, s: Settings): void {
    if (!data.label) return;
    const size = s.labelSize;
    ctx.font = font(s, size, data.highlighted ? 'bold' : s.labelWeight);
    const w = ctx.measureText(data.label).width;
    const { textX, box, room } = labelBox(data.x, data.y, data.size, w, size, cssWidth(ctx));
    const text = w > room ? fitText(data.label, room, (t) => ctx.measureText(t).width) : data.label;
    if (!text || !space.place(box, Boolean(data.highlighted))) return;
    ctx.fillStyle = '#222';
    ctx.fillText(text, textX, data.y + size / 3);
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

  return { drawNodeLabel, drawNodeHover, drawEdgeLabel };
}

/** Collision-aware label drawers for one sigma: pass `settings` to its constructor, then `install(renderer)`. */
export function collisionLabels(): { settings: Record<string, unknown>; install(renderer: Sigma): void } {
  const space = new LabelSpace();
  const d = labelDrawers(space);
  return {
    // given to the constructor: setSetting() afterwards would schedule a second full refresh
    settings: { defaultDrawNodeLabel: d.drawNodeLabel, defaultDrawNodeHover: d.drawNodeHover, defaultDrawEdgeLabel: d.drawEdgeLabel },
    install: (renderer) => wrapLabelPasses(renderer, space),
  };
}

/**
 * Node labels start a fresh LabelSpace each frame, edge labels (also redrawn alone on hover)
 * start from the node labels of that frame.
 */
function wrapLabelPasses(renderer: Sigma, space: LabelSpace): void {
  // sigma calls these through `this`, so instance properties wrap them (its API has no hook here)
  const r = renderer as unknown as { renderLabels(): unknown; renderEdgeLabels(): unknown };
  const labels = r.renderLabels.bind(r), edgeLabels = r.renderEdgeLabels.bind(r);
  let nodeLabels = 0;
  r.renderLabels = () => { space.reset(); const out = labels(); nodeLabels = space.size; return out; };
  r.renderEdgeLabels = () => { space.truncate(nodeLabels); return edgeLabels(); };
}
