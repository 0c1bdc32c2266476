// The camera state that shows a set of points inside a padded viewport: pure math behind "fit".
// Sigma's camera lives in framed-graph units; at ratio r a framed unit spans k / r pixels (k per axis,
// signed: sigma flips y), so the fit is a closed form, no trial renders.

/** A sigma camera state without rotation. */
export interface FitCamera { x: number; y: number; ratio: number }

/** Pixels kept free on each side of the viewport (labels to the right, panels, buttons). */
export interface Padding { top: number; right: number; bottom: number; left: number }

/** What the fit needs to know about the view. */
export interface FitView {
  width: number;
  height: number;
  /** Viewport pixels per framed unit at ratio 1 (signed; sigma's y axis points up). */
  kx: number;
  ky: number;
  padding: Padding;
  minRatio: number;
  maxRatio: number;
  /** Ratio used when the points have no extent (one node, or all at one spot). */
  singleRatio: number;
}

/**
 * Camera that puts the bounding box of `points` (framed-graph coordinates) in the middle of the
 * padded viewport, as large as fits. Null when there are no points.
 */
export function fitCamera(points: Iterable<{ x: number; y: number }>, view: FitView): FitCamera | null {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    if (p.x < minX) minX = p.x;
    if (p.x > maxX) maxX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.y > maxY) maxY = p.y;
  }
  if (minX === Infinity) return null;
  const { padding: pad } = view;
  const availW = Math.max(40, view.width - pad.left - pad.right);
  const availH = Math.max(40, view.height - pad.top - pad.bottom);
  const spanX = (maxX - minX) * Math.abs(view.kx);
  const spanY = (maxY - minY) * Math.abs(view.ky);
  let ratio = spanX === 0 && spanY === 0 ? view.singleRatio : Math.max(spanX / availW, spanY / availH);
  ratio = Math.min(view.maxRatio, Math.max(view.minRatio, ratio));
  // the box centre must land on the centre of the padded area, dx/dy pixels off the viewport centre
  const dx = (pad.left - pad.right) / 2;
  const dy = (pad.top - pad.bottom) / 2;
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
  return { x: cx - (dx * ratio) / view.kx, y: cy - (dy * ratio) / view.ky, ratio };
}
