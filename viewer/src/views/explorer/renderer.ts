// The sigma renderer: draws the precomputed layout; every highlight and filter goes through reducers.
import Sigma from 'sigma';
import type { Attributes } from 'graphology-types';
import { communityColor, predicateColor, typeColor } from '../../lib/colors.ts';
import { allArrows, edgeScale, labelThreshold, sizeScale } from '../../lib/appearance.ts';
import { beforeImport, graph, graphVersion } from '../../state/graph.ts';
import { appearance, hovered, initialCamera, selection } from '../../state/explorer.ts';
import { focus, visibility } from '../../state/derived.ts';

const FADED_NODE = '#e4e2dd';
const FADED_EDGE = '#efedea';
/** Above this many nodes / edges, sigma hides edges and labels while the camera moves. */
const BIG_NODES = 5000;
const BIG_EDGES = 5000;

let size: (a: Attributes) => number = () => 4;

// What the reducers read, captured once per refresh pass (not once per node): see prepare().
let visNodes: Set<string> = new Set();
let visEdges: Set<string> = new Set();
let focusNodes: Set<string> = new Set();
let focusEdges: Set<string> = new Set();
let pathEdges: Set<string> = new Set();
let byCommunity = false;
let fewVisible = false;
let selected: string | null = null;
let hover: string | null = null;
let arrows = true;
let edgeFactor = 1;

function prepare(): void {
  const vis = visibility.get();
  const f = focus.get();
  visNodes = vis.nodes; visEdges = vis.edges;
  focusNodes = f.nodes; focusEdges = f.edges; pathEdges = f.pathEdges;
  byCommunity = appearance.get().colorBy === 'community';
  // a small filtered view (cross-border, ego, one document) is read by its labels
  fewVisible = vis.nodes.size <= 40;
  selected = selection.get();
  hover = hovered.get();
  arrows = allArrows(graph.size);
  edgeFactor = edgeScale(graph.size);
}

/** The settings that depend on the graph's size. */
function sizeSettings(): { hideEdgesOnMove: boolean; hideLabelsOnMove: boolean; labelRenderedSizeThreshold: number } {
  return {
    // big graphs stay responsive while panning (DESIGN.md: 11 fps vs 3 fps in SwiftShader)
    hideEdgesOnMove: graph.size > BIG_EDGES,
    hideLabelsOnMove: graph.order > BIG_NODES,
    labelRenderedSizeThreshold: labelThreshold(graph.order),
  };
}

/** Create sigma in `container`, wire reducers and events; returns the renderer. */
export function createRenderer(container: HTMLElement): Sigma {
  size = sizeScale(graph, appearance.get().sizeBy);
  prepare();
  const renderer = new Sigma(graph, container, {
    ...sizeSettings(),
    labelDensity: 0.7,
    labelGridCellSize: 90,
    labelFont: 'system-ui, sans-serif',
    labelSize: 12,
    renderEdgeLabels: true,
    edgeLabelSize: 10,
    defaultEdgeType: 'arrow',
    // only the focus (zIndex 2) is lifted; with nothing focused every item is 0 and sigma skips the sort
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
  const hoverFocus = () => graph.order <= BIG_NODES && !captor.isMouseDown && !captor.isMoving;
  renderer.on('enterNode', ({ node }) => { if (hoverFocus()) hovered.set(node); });
  renderer.on('leaveNode', () => hovered.set(null));
  renderer.on('clickNode', ({ node }) => selection.set(node));
  renderer.on('clickStage', () => selection.set(null));

  // Several store changes in one task (visibility → path → focus, or filters + URL) cost one
  // reducer pass, run at the end of the task (microtask). It renders right away: sigma only
  // normalises display coordinates when it draws, so a scheduled render would leave
  // getNodeDisplayData() (focusNode's camera target) in raw graph units until the next frame.
  let queued = false;
  const refresh = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      prepare();
      renderer.refresh();
    });
  };
  visibility.subscribe(refresh);
  focus.subscribe(refresh);
  appearance.subscribe(() => { size = sizeScale(graph, appearance.get().sizeBy); refresh(); });
  graphVersion.subscribe(() => {
    size = sizeScale(graph, appearance.get().sizeBy);
    // a rebuild may cross the big-graph thresholds
    for (const [k, v] of Object.entries(sizeSettings()) as [keyof ReturnType<typeof sizeSettings>, never][]) {
      if (renderer.getSetting(k) !== v) renderer.setSetting(k, v);
    }
    refresh();
  });
  // A re-import fires one graph event per node and edge, each re-running the reducers in sigma:
  // detach sigma from the graph meanwhile; the graphVersion bump then does one full pass.
  const r = renderer as unknown as { unbindGraphHandlers(): void; bindGraphHandlers(): void };
  beforeImport(() => { r.unbindGraphHandlers(); return () => r.bindGraphHandlers(); });

  const cam = initialCamera.get();
  if (cam) renderer.getCamera().setState(cam);
  return renderer;
}

// sigma hands the reducers a shallow copy of the attributes: fill it in place (no allocation per item)
function nodeReducer(key: string, a: Attributes): Attributes {
  a.color = byCommunity ? communityColor(a.community) : typeColor(a.type);
  a.label = a.label ?? a.name ?? key;
  a.size = size(a);
  a.type = 'circle';
  a.zIndex = 0;
  a.hidden = !visNodes.has(key);
  a.highlighted = false;
  a.forceLabel = fewVisible;
  if (focusNodes.size) {
    if (focusNodes.has(key)) {
      a.forceLabel = true;
      a.zIndex = 2;
      a.highlighted = key === selected || key === hover;
    } else {
      a.color = FADED_NODE;
      a.label = '';
    }
  }
  return a;
}

function edgeReducer(key: string, a: Attributes): Attributes {
  const relation = a.edgeType === 'relation';
  a.color = predicateColor(a.predicate);
  a.size = edgeFactor * (relation ? Math.min(1 + Math.log2(1 + (a.weight ?? 1)), 5) * (a.status === 'inferred' ? 0.7 : 1) : 0.4);
  // arrow heads double the edge geometry: on big graphs only the focus gets them
  a.type = arrows && graph.isDirected(key) ? 'arrow' : 'line';
  a.hidden = !visEdges.has(key);
  a.label = '';
  a.zIndex = 0;
  if (focusNodes.size) {
    if (focusEdges.has(key)) {
      a.zIndex = 2;
      if (graph.isDirected(key)) a.type = 'arrow';
      a.label = a.predicate;
      if (pathEdges.has(key)) a.size = 5;
    } else {
      a.color = FADED_EDGE;
    }
  }
  return a;
}

/** Animate the camera onto a node (after search or a click in a list). */
export function focusNode(renderer: Sigma, key: string, ratio = 0.25): void {
  const d = renderer.getNodeDisplayData(key);
  if (!d) return;
  renderer.getCamera().animate({ x: d.x, y: d.y, ratio }, { duration: 500 });
}
