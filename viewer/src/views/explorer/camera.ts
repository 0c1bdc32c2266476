// Camera control: fit what was asked (search, ego network, path, filters) with an animation,
// leaving room on the right for labels; zoom in / out / fit / reset buttons over the canvas.
import type Sigma from 'sigma';
import { fitCamera } from '../../lib/camera-fit.ts';
import type { Padding } from '../../lib/camera-fit.ts';
import { focus, path, visibility } from '../../state/derived.ts';
import { graph } from '../../state/graph.ts';
import { h } from '../dom.ts';

let renderer: Sigma | null = null;
const DURATION = 450;

/** Room around fitted nodes: labels run to the right of their node (up to ~200 px). */
function padding(keys: string[]): Padding {
  const ctx = document.createElement('canvas').getContext('2d');
  let widest = 0;
  if (ctx) {
    ctx.font = `12px ${renderer?.getSetting('labelFont') ?? 'sans-serif'}`;
    for (const k of keys.slice(0, 60)) widest = Math.max(widest, ctx.measureText(String(graph.getNodeAttribute(k, 'label') ?? k)).width);
  }
  return { top: 36, bottom: 36, left: 36, right: 24 + Math.min(220, widest) };
}

/** Animate the camera so every node of `keys` is in view (labels included). No-op when none is drawn. */
export function fitNodes(keys: Iterable<string>, opts: { duration?: number; singleRatio?: number } = {}): void {
  const r = renderer;
  if (!r) return;
  const list: string[] = [];
  const points: { x: number; y: number }[] = [];
  for (const k of keys) {
    const d = r.getNodeDisplayData(k);
    if (!d || d.hidden) continue;
    list.push(k);
    points.push({ x: d.x, y: d.y });
  }
  if (!points.length) return;
  const { width, height } = r.getDimensions();
  if (!width || !height) return;
  // pixels per framed unit at ratio 1, read from sigma's own transform (signed: y points up)
  const cameraState = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  const o = r.framedGraphToViewport({ x: 0.5, y: 0.5 }, { cameraState });
  const px = r.framedGraphToViewport({ x: 1.5, y: 0.5 }, { cameraState });
  const py = r.framedGraphToViewport({ x: 0.5, y: 1.5 }, { cameraState });
  const cam = fitCamera(points, {
    width, height, kx: px.x - o.x, ky: py.y - o.y, padding: padding(list),
    minRatio: r.getSetting('minCameraRatio') ?? 0.02, maxRatio: r.getSetting('maxCameraRatio') ?? 4,
    singleRatio: opts.singleRatio ?? Math.min(0.35, r.getCamera().ratio),
  });
  if (cam) void r.getCamera().animate({ ...cam, angle: 0 }, { duration: opts.duration ?? DURATION });
}

/** What `fitSoon` can fit. */
export type FitTarget = 'visible' | 'focus' | 'path';

/**
 * Fit after the stores have settled and sigma has drawn them (the renderer refreshes in a
 * microtask; display coordinates are current after that), so call it right after a change.
 */
export function fitSoon(target: FitTarget): void {
  setTimeout(() => {
    if (target === 'visible') fitNodes(visibility.get().nodes);
    else if (target === 'focus') fitNodes(focus.get().nodes);
    else fitNodes(path.get()?.nodes ?? []);
  }, 0);
}

/** Zoom buttons (+ − fit reset) over the canvas; binds the camera helpers to `r`. */
export function mountCamera(r: Sigma, container: HTMLElement): void {
  renderer = r;
  const cam = r.getCamera();
  const btn = (label: string, title: string, id: string, fn: () => void) =>
    h('button', { type: 'button', title, 'aria-label': title, 'data-testid': id, onclick: fn }, label);
  container.appendChild(h('div', { class: 'zoom-controls' },
    btn('+', 'Zoom in', 'zoom-in', () => void cam.animatedZoom({ duration: 250 })),
    btn('−', 'Zoom out', 'zoom-out', () => void cam.animatedUnzoom({ duration: 250 })),
    btn('⤢', 'Fit the visible graph', 'zoom-fit', () => fitNodes(visibility.get().nodes)),
    btn('⟲', 'Reset the camera', 'zoom-reset', () => void cam.animatedReset({ duration: 300 }))));
}
