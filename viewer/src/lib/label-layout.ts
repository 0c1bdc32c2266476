// Label placement on the canvas: first come, first placed, never on top of another label, and
// flipped to the left of its node when it would run off the right edge (into the side panel).

/** An axis-aligned box in viewport pixels. */
export interface Box { x: number; y: number; w: number; h: number }

const CELL = 64;
/** Grid cells a box touches (keys packed as col * 65536 + row, offset so negatives stay apart). */
function cells(b: Box): number[] {
  const out: number[] = [];
  const c0 = Math.floor(b.x / CELL), c1 = Math.floor((b.x + b.w) / CELL);
  const r0 = Math.floor(b.y / CELL), r1 = Math.floor((b.y + b.h) / CELL);
  for (let c = c0; c <= c1; c++) for (let r = r0; r <= r1; r++) out.push((c + 32768) * 65536 + (r + 32768));
  return out;
}

/** Do two boxes overlap (touching is fine)? */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * The labels placed in one frame. Sigma draws labels in priority order (the label grid's picks,
 * then forced ones; the focus layer inserts the selection first), so a later label that would
 * cover an earlier one is dropped instead of drawn over it. Linear scan per label: a frame
 * places at most a few hundred labels.
 */
export class LabelSpace {
  private boxes: Box[] = [];
  /** Node discs of this frame, bucketed by CELL px columns/rows (a label must not cross a node). */
  private discs = new Map<number, Box[]>();

  /** Forget every placed label and node (call before each frame). */
  reset(): void {
    this.boxes.length = 0;
    this.discs.clear();
  }

  /** A drawn node's disc (viewport px): labels placed afterwards avoid it, unless forced. */
  addNode(x: number, y: number, r: number): void {
    const b: Box = { x: x - r, y: y - r, w: 2 * r, h: 2 * r };
    for (const k of cells(b)) {
      const list = this.discs.get(k);
      if (list) list.push(b); else this.discs.set(k, [b]);
    }
  }

  /** Does the box cross a node's disc (its bounding square)? */
  coversNode(b: Box): boolean {
    for (const k of cells(b)) for (const d of this.discs.get(k) ?? []) if (overlaps(d, b)) return true;
    return false;
  }

  /** Keep only the first `n` placed labels (node labels stay while edge labels are redrawn). */
  truncate(n: number): void {
    this.boxes.length = Math.min(this.boxes.length, n);
  }

  /** Number of labels placed this frame. */
  get size(): number {
    return this.boxes.length;
  }

  /** Is the box free (of labels and of nodes)? */
  fits(b: Box): boolean {
    for (const o of this.boxes) if (overlaps(o, b)) return false;
    return !this.coversNode(b);
  }

  /** What this frame placed: label boxes (in order) and node discs (tests check that none cross). */
  snapshot(): { labels: Box[]; nodes: Box[] } {
    return { labels: [...this.boxes], nodes: [...new Set([...this.discs.values()].flat())] };
  }

  /** Take the box if it is free (or unconditionally with `force`); true when taken. */
  place(b: Box, force = false): boolean {
    if (!force && !this.fits(b)) return false;
    this.boxes.push(b);
    return true;
  }
}

/**
 * Where a node label goes: right of the node, or left of it when the right side would cross
 * `width - margin` and the left side has more room. `room` is the width available on that side:
 * a longer label is to be shortened to it (never drawn past the canvas edge, under the side panel).
 */
export function labelBox(nodeX: number, nodeY: number, nodeSize: number, textWidth: number, fontSize: number, width: number, margin = 4, flip?: boolean): { textX: number; box: Box; flipped: boolean; room: number } {
  const gap = 3;
  const right = width - margin - (nodeX + nodeSize + gap);
  const left = nodeX - nodeSize - gap - margin;
  // `flip` forces a side (the other one, when a node or label takes the usual one)
  const flipped = flip ?? (textWidth > right && left > right);
  const room = Math.max(0, flipped ? left : right);
  const w = Math.min(textWidth, room);
  const textX = flipped ? nodeX - nodeSize - gap - w : nodeX + nodeSize + gap;
  return { textX, flipped, room, box: { x: textX - 1, y: nodeY - fontSize * 0.75, w: w + 2, h: fontSize * 1.2 } };
}

/** `text` cut with an ellipsis to fit `room` pixels (`measure` gives a string's width). */
export function fitText(text: string, room: number, measure: (s: string) => number): string {
  if (measure(text) <= room) return text;
  let lo = 0, hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(text.slice(0, mid) + '…') <= room) lo = mid; else hi = mid - 1;
  }
  return lo > 0 ? text.slice(0, lo).trimEnd() + '…' : '';
}
