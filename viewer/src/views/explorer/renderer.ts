// The sigma renderer of the whole graph: layout, filters and appearance through reducers. Focus
// (selection, hover, path) is drawn by the focus layer on top, so a click or a hover never
// re-runs these reducers over 80k items (see focus-layer.ts).
import Sigma from 'sigma';
import type { Attributes } from 'graphology-types';
import { communityColor, countryColor, predicateColor, rampColor, typeColor } from '../../lib/colors.ts';
import { allArrows, binOf, edgeScale, labelThreshold, metricBins, metricValue, sizeScale } from '../../lib/appearance.ts';
import type { ColorBy, Metric } from '../../lib/appearance.ts';
import { countryOf } from '../../lib/filters.ts';
import { SegmentGrid, drawnSegments, nearestEdge, type DisplayCaches } from '../../lib/edge-pick.ts';
import { parallelCurvatures } from '../../lib/parallel.ts';
import { beforeImport, graph, graphVersion } from '../../state/graph.ts';
import { appearance, edgeSelection, hovered, hoveredEdge, initialCamera, selection } from '../../state/explorer.ts';
import { visibility } from '../../state/derived.ts';
import { collisionLabels } from './labels.ts';
import { EDGE_PROGRAMS, STRAIGHT_PROGRAMS, edgeProgram } from './programs.ts';

/** Above this many nodes / edges, sigma hides edges and labels while the camera moves. */
const BIG_NODES = 5000;
const BIG_EDGES = 5000;
/**
 * Up to this many edges, sigma's edge events are on (its picking pass redraws every edge on each frame) and
 * its picked tie answers hover and click first. Above it, and wherever sigma's half-resolution pick misses a
 * thin tie, hover and click pick the drawn tie by geometry (EDGE_PICK_PX, see the mousemove and clickStage
 * handlers).
 */
export const EDGE_EVENTS_LIMIT = 20_000;
/** How near (screen px) a hover or a click on the stage must land to a drawn tie to pick it. */
const EDGE_PICK_PX = 4;

let size: (a: Attributes) => number = () => 4;
let color: (a: Attributes) => string = (a) => typeColor(a.type);
let curvatures = new Map<string, number>();

// What the reducers read, captured once per refresh pass (not once per node): see prepare().
let visNodes: Set<string> = new Set();
let visEdges: Set<string> = new Set();
let fewVisible = false;
let arrows = true;
let edgeFactor = 1;

/** Node colour for the current appearance (the legend and the focus layer use the same). */
export function nodeColor(a: Attributes): string {
  return color(a);
}

/** Node size for the current appearance. */
export function nodeSize(a: Attributes): number {
  return size(a);
}

/** Curvature of a parallel tie (0 = drawn straight). */
export function edgeCurvature(key: string): number {
  return curvatures.get(key) ?? 0;
}

/** Relation edge thickness (weight and status), scaled for big graphs. */
export function edgeSize(a: Attributes): number {
  const relation = a.edgeType === 'relation';
  return edgeFactor * (relation ? Math.min(1 + Math.log2(1 + (a.weight ?? 1)), 5) * (a.status === 'inferred' ? 0.7 : 1) : 0.4);
}

/** The colour function of a "colour by" choice (metric bins are computed over the graph once). */
export function colorFunction(by: ColorBy): (a: Attributes) => string {
  if (by === 'type') return (a) => typeColor(a.type);
  if (by === 'community') return (a) => (a.nodeType === 'document' ? typeColor('Document') : communityColor(a.community));
  if (by === 'country') return (a) => (a.nodeType === 'document' ? typeColor('Document') : countryColor(countryOf(a)));
  const bounds = metricBins(graph, by as Metric);
  return (a) => {
    if (a.nodeType === 'document') return typeColor('Document');
    const v = metricValue(a, by as Metric);
    return v === null ? '#cccccc' : rampColor(binOf(bounds, v), bounds.length);
  };
}

function prepare(): void {
  const vis = visibility.get();
  visNodes = vis.nodes; visEdges = vis.edges;
  // a small filtered view (cross-border, ego, one document) is read by its labels
  fewVisible = vis.nodes.size <= 40;
  arrows = allArrows(graph.size);
  edgeFactor = edgeScale(graph.size);
}

function mappings(): void {
  const ap = appearance.get();
  size = sizeScale(graph, ap.sizeBy);
  color = colorFunction(ap.colorBy);
}

/** The settings that depend on the graph's size. */
function sizeSettings(): { hideEdgesOnMove: boolean; hideLabelsOnMove: boolean; labelRenderedSizeThreshold: number; enableEdgeEvents: boolean } {
  return {
    // big graphs stay responsive while panning (DESIGN.md: 11 fps vs 3 fps in SwiftShader)
    hideEdgesOnMove: graph.size > BIG_EDGES,
    hideLabelsOnMove: graph.order > BIG_NODES,
    labelRenderedSizeThreshold: labelThreshold(graph.order),
    enableEdgeEvents: graph.size <= EDGE_EVENTS_LIMIT,
  };
}

/**
 * Picking ties by geometry: the drawn segments in a grid (edge-pick.ts), built on the first pick after sigma
 * last processed the graph (positions, filters) and kept until it processes it again. While the positions
 * keep changing (a layout running, a node dragged: processed within the last PICK_SETTLE_MS) a pick scans
 * every tie instead of building a grid that the next frame would throw away.
 */
const PICK_SETTLE_MS = 250;
let grid: SegmentGrid | null = null;
let processedAt = 0;

/** The drawn tie nearest to the viewport point (x, y), within EDGE_PICK_PX; straight segments (curves are slight). */
function pickEdge(renderer: Sigma, x: number, y: number): string | null {
  const p = renderer.viewportToFramedGraph({ x, y });
  const q = renderer.viewportToFramedGraph({ x: x + EDGE_PICK_PX, y });
  const tol = Math.hypot(q.x - p.x, q.y - p.y);
  // sigma's own display caches (read only): its getters copy an object per call, see drawnSegments
  const r = renderer as unknown as { nodeDataCache: DisplayCaches['nodes']; edgeDataCache: DisplayCaches['edges'] };
  const each = drawnSegments((cb) => graph.forEachEdge((e, _a, s, t) => cb(e, s, t)), { nodes: r.nodeDataCache, edges: r.edgeDataCache });
  if (!grid && performance.now() - processedAt < PICK_SETTLE_MS) return nearestEdge(p.x, p.y, tol, each);
  grid ??= new SegmentGrid(each);
  return grid.nearest(p.x, p.y, tol);
}

/** Create sigma in `container`, wire reducers and events; returns the renderer. */
export function createRenderer(container: HTMLElement): Sigma {
  mappings();
  curvatures = parallelCurvatures(graph);
  prepare();
  const labels = collisionLabels();
  const renderer = new labels.Sigma(graph, container, {
    ...sizeSettings(),
    ...labels.settings,
    labelDensity: 0.7,
    labelGridCellSize: 90,
    labelFont: 'system-ui, sans-serif',
    labelSize: 12,
    renderEdgeLabels: true,
    edgeLabelSize: 11,
    edgeLabelFont: 'system-ui, sans-serif',
    defaultEdgeType: 'arrow',
    // curve shaders only when there are parallel ties to draw (compiling them costs start-up time)
    edgeProgramClasses: curvatures.size ? EDGE_PROGRAMS : STRAIGHT_PROGRAMS,
    // nothing is lifted above the rest here (the focus layer draws the focus), so sigma never sorts
    zIndex: false,
    // the explorer is hidden while the document view shows; graph updates then must not throw
    allowInvalidContainer: true,
    minCameraRatio: 0.02,
    maxCameraRatio: 4,
    nodeReducer,
    edgeReducer,
  });

  // sigma recomputed the display data (positions, hidden flags): the pick grid is out of date
  renderer.on('afterProcess', () => { grid = null; processedAt = performance.now(); });

  // Hover and click only set stores: the focus layer draws the result without touching this renderer.
  const captor = renderer.getMouseCaptor();
  const idle = () => !captor.isMouseDown && !captor.isMoving;
  renderer.on('enterNode', ({ node }) => { if (idle()) hovered.set(node); });
  renderer.on('leaveNode', () => hovered.set(null));
  renderer.on('clickNode', ({ node }) => selection.set(node));
  // The hovered tie is decided here, on every mouse move over the stage (at most one pick per frame), not
  // by sigma's enterEdge/leaveEdge: sigma's hover reads the same half-resolution picking buffer as its
  // click (a thin tie answers in a band up to a pixel off its drawn line, see clickStage), and above
  // EDGE_EVENTS_LIMIT it has no edge hover at all. Sigma's hovered edge wins when it has one; otherwise
  // the drawn tie within EDGE_PICK_PX, as for a click. A hovered node hides every tie.
  const internal = renderer as unknown as { hoveredNode: string | null; hoveredEdge: string | null };
  let at: { x: number; y: number } | null = null;
  let frame = 0;
  const pickHover = () => {
    frame = 0;
    if (!at || !idle()) return;
    const p = at;
    at = null;
    if (internal.hoveredNode || hovered.get()) { hoveredEdge.set(null); return; }
    hoveredEdge.set(internal.hoveredEdge ?? pickEdge(renderer, p.x, p.y));
  };
  captor.on('mousemove', (e) => {
    at = { x: e.x, y: e.y };
    if (!frame) frame = requestAnimationFrame(pickHover);
  });
  renderer.on('leaveStage', () => { at = null; hoveredEdge.set(null); });
  renderer.on('clickEdge', ({ edge }) => edgeSelection.set(edge));
  renderer.on('clickStage', ({ event }) => {
    // Also with sigma's edge events on: sigma picks ties in a picking buffer at half the resolution, read
    // at floor(x / 2), so a thin tie (1.4 px: weight 1, inferred) answers in a band about 2 px wide that
    // sits up to a pixel off the drawn line, and a click right on the line (the browser rounds it to
    // whole pixels) can land outside it: that click must not clear the selection (it did, issue 8 e2e).
    const tie = pickEdge(renderer, event.x, event.y);
    if (tie) { edgeSelection.set(tie); return; }
    selection.set(null); edgeSelection.set(null);
  });

  // Several store changes in one task (filters + visibility + URL) cost one reducer pass, run at
  // the end of the task (microtask), rendered right away: sigma only normalises display
  // coordinates when it draws, and the camera fit reads them.
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
  appearance.subscribe(() => { mappings(); refresh(); });
  graphVersion.subscribe(() => {
    mappings();
    curvatures = parallelCurvatures(graph);
    if (curvatures.size && !('curved' in renderer.getSetting('edgeProgramClasses'))) renderer.setSetting('edgeProgramClasses', EDGE_PROGRAMS);
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
  a.color = color(a);
  a.label = a.label ?? a.name ?? key;
  a.size = size(a);
  a.type = 'circle';
  a.hidden = !visNodes.has(key);
  a.highlighted = false;
  a.forceLabel = fewVisible;
  return a;
}

function edgeReducer(key: string, a: Attributes): Attributes {
  a.color = predicateColor(a.predicate);
  a.size = edgeSize(a);
  const curvature = curvatures.get(key);
  a.curvature = curvature;
  // arrow heads double the edge geometry: on big graphs only the focus gets them
  a.type = edgeProgram(curvature, arrows && graph.isDirected(key));
  a.hidden = !visEdges.has(key);
  a.label = fewVisible && a.edgeType === 'relation' ? a.predicate : '';
  return a;
}
