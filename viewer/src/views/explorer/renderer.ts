// The sigma renderer: draws the precomputed layout; every highlight and filter goes through reducers.
import Sigma from 'sigma';
import type { Attributes } from 'graphology-types';
import { communityColor, predicateColor, typeColor } from '../../lib/colors.ts';
import { sizeScale } from '../../lib/appearance.ts';
import { graph, graphVersion } from '../../state/graph.ts';
import { appearance, hovered, initialCamera, selection } from '../../state/explorer.ts';
import { focus, visibility } from '../../state/derived.ts';

const FADED_NODE = '#e4e2dd';
const FADED_EDGE = '#efedea';

let size: (a: Attributes) => number = () => 4;

/** Create sigma in `container`, wire reducers and events; returns the renderer. */
export function createRenderer(container: HTMLElement): Sigma {
  size = sizeScale(graph, appearance.get().sizeBy);
  const renderer = new Sigma(graph, container, {
    // big graphs stay responsive while panning (DESIGN.md: 11 fps vs 3 fps in SwiftShader)
    hideEdgesOnMove: graph.size > 5000,
    hideLabelsOnMove: graph.order > 5000,
    labelRenderedSizeThreshold: graph.order > 2000 ? 7 : 5,
    labelDensity: 0.7,
    labelGridCellSize: 90,
    labelFont: 'system-ui, sans-serif',
    labelSize: 12,
    renderEdgeLabels: true,
    edgeLabelSize: 10,
    defaultEdgeType: 'arrow',
    zIndex: true,
    // the explorer is hidden while the document view shows; graph updates then must not throw
    allowInvalidContainer: true,
    minCameraRatio: 0.02,
    maxCameraRatio: 4,
    nodeReducer,
    edgeReducer,
  });

  // Hover focus re-runs the reducers over the whole graph: skip it while dragging, and on big
  // graphs (> 5k nodes) where one pass costs more than a frame — there a click focuses instead.
  const captor = renderer.getMouseCaptor();
  const hoverFocus = () => graph.order <= 5000 && !captor.isMouseDown && !captor.isMoving;
  renderer.on('enterNode', ({ node }) => { if (hoverFocus()) hovered.set(node); });
  renderer.on('leaveNode', () => hovered.set(null));
  renderer.on('clickNode', ({ node }) => selection.set(node));
  renderer.on('clickStage', () => selection.set(null));

  // scheduled: several store changes in one tick (visibility → path → focus) cost one render
  const refresh = () => renderer.scheduleRefresh();
  visibility.subscribe(refresh);
  focus.subscribe(refresh);
  appearance.subscribe(() => { size = sizeScale(graph, appearance.get().sizeBy); refresh(); });
  graphVersion.subscribe(() => { size = sizeScale(graph, appearance.get().sizeBy); refresh(); });

  const cam = initialCamera.get();
  if (cam) renderer.getCamera().setState(cam);
  return renderer;
}

function nodeReducer(key: string, a: Attributes): Attributes {
  const vis = visibility.get();
  const f = focus.get();
  const colorBy = appearance.get().colorBy;
  const res: Attributes = {
    x: a.x, y: a.y, label: a.label ?? a.name ?? key, size: size(a), type: 'circle', zIndex: 0,
    color: colorBy === 'community' ? communityColor(a.community) : typeColor(a.type),
    hidden: !vis.nodes.has(key), highlighted: false,
    // a small filtered view (cross-border, ego, one document) is read by its labels
    forceLabel: vis.nodes.size <= 40,
  };
  if (f.nodes.size) {
    if (f.nodes.has(key)) {
      res.forceLabel = true;
      res.zIndex = 2;
      res.highlighted = key === selection.get() || key === hovered.get();
    } else {
      res.color = FADED_NODE;
      res.label = '';
      res.zIndex = 0;
    }
  }
  return res;
}

function edgeReducer(key: string, a: Attributes): Attributes {
  const vis = visibility.get();
  const f = focus.get();
  const relation = a.edgeType === 'relation';
  const res: Attributes = {
    color: predicateColor(a.predicate),
    size: relation ? Math.min(1 + Math.log2(1 + (a.weight ?? 1)), 5) * (a.status === 'inferred' ? 0.7 : 1) : 0.4,
    type: graph.isDirected(key) ? 'arrow' : 'line',
    hidden: !vis.edges.has(key), label: '', zIndex: 0,
  };
  if (f.nodes.size) {
    if (f.edges.has(key)) {
      res.zIndex = 2;
      res.label = a.predicate;
      if (f.pathEdges.has(key)) res.size = 5;
    } else {
      res.color = FADED_EDGE;
    }
  }
  return res;
}

/** Animate the camera onto a node (after search or a click in a list). */
export function focusNode(renderer: Sigma, key: string, ratio = 0.25): void {
  const d = renderer.getNodeDisplayData(key);
  if (!d) return;
  renderer.getCamera().animate({ x: d.x, y: d.y, ratio }, { duration: 500 });
}
