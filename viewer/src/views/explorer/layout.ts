// Layout you can run: ForceAtlas2 in a web worker (graphology's supervisor) on what is visible,
// noverlap to pull overlapping discs apart, drag a node to pin it. Positions the user made are
// kept across live rebuilds (a rebuild brings the server's layout for new nodes only).
import Graph from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import type Sigma from 'sigma';
import { visibility } from '../../state/derived.ts';
import { beforeImport, graph } from '../../state/graph.ts';
import { createStore } from '../../state/store.ts';
import { h, replace } from '../dom.ts';
import { nodeSize } from './renderer.ts';

/** Is ForceAtlas2 running? */
export const layoutRunning = createStore(false);
/** Nodes the user pinned by dragging (ForceAtlas2 leaves them where they are). */
export const pinned = createStore<ReadonlySet<string>>(new Set());

/** Positions the user made (layout runs, drags): re-applied after a rebuild re-imports the graph. */
const userPositions = new Map<string, { x: number; y: number }>();
let serverPositions: Map<string, { x: number; y: number }> | null = null;

let supervisor: FA2Layout | null = null;
let copy: Graph | null = null;
let frame = 0;
/** The explorer's sigma, whose frame a drag freezes (see enableDrag). */
let dragRenderer: Sigma | null = null;

/** Let sigma fit its frame to the nodes again (a layout run or reset moves them all). */
function unfreezeFrame(): void {
  dragRenderer?.setCustomBBox(null);
}

/** The visible actors and their relation ties, as a simple graph for the layout (pinned nodes fixed). */
function layoutGraph(): Graph {
  const vis = visibility.get();
  const g = new Graph({ type: 'undirected', multi: false });
  const pins = pinned.get();
  for (const n of vis.nodes) {
    const a = graph.getNodeAttributes(n);
    g.addNode(n, { x: a.x, y: a.y, size: nodeSize(a), fixed: pins.has(n) });
  }
  for (const e of vis.edges) {
    const s = graph.source(e), t = graph.target(e);
    if (s === t || !g.hasNode(s) || !g.hasNode(t)) continue;
    if (g.hasEdge(s, t)) g.updateEdgeAttribute(s, t, 'weight', (w: number) => w + 1);
    else g.addEdge(s, t, { weight: 1 });
  }
  return g;
}

/** Copy the layout graph's positions into the explorer's graph: one graph event, at most once a frame. */
function pushPositions(): void {
  if (frame || !copy) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    const src = copy;
    if (!src) return;
    serverPositions ??= snapshot();
    graph.updateEachNodeAttributes((k, a) => {
      if (!src.hasNode(k)) return a;
      const p = src.getNodeAttributes(k);
      a.x = p.x; a.y = p.y;
      userPositions.set(k, { x: p.x, y: p.y });
      return a;
    }, { attributes: ['x', 'y'] });
  });
}

function snapshot(): Map<string, { x: number; y: number }> {
  const m = new Map<string, { x: number; y: number }>();
  graph.forEachNode((k, a) => m.set(k, { x: a.x, y: a.y }));
  return m;
}

/** Start ForceAtlas2 on the visible graph (settings inferred from its size, Barnes–Hut above 2k nodes). */
export function startLayout(): void {
  stopLayout();
  unfreezeFrame();
  copy = layoutGraph();
  if (copy.order < 2) return;
  const settings = { ...forceAtlas2.inferSettings(copy), barnesHutOptimize: copy.order > 2000, adjustSizes: false, slowDown: 5 };
  supervisor = new FA2Layout(copy, { settings, getEdgeWeight: 'weight' });
  copy.on('eachNodeAttributesUpdated', pushPositions);
  supervisor.start();
  layoutRunning.set(true);
}

/** Stop (and free) the running layout; positions stay where they are. */
export function stopLayout(): void {
  supervisor?.kill();
  supervisor = null;
  copy?.removeAllListeners();
  copy = null;
  layoutRunning.set(false);
}

/** Pull overlapping nodes apart (noverlap) at the current zoom, so the discs you see stop covering each other. */
export function runNoverlap(renderer: Sigma): void {
  const g = layoutGraph();
  if (g.order < 2) return;
  // sizes are screen pixels: convert to graph units at the current camera
  const a = renderer.viewportToGraph({ x: 0, y: 0 }), b = renderer.viewportToGraph({ x: 1, y: 0 });
  const unit = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  g.forEachNode((k, attrs) => { attrs.size = attrs.size * unit; });
  const pos = noverlap(g, { maxIterations: 120, settings: { margin: 2 * unit, ratio: 1.05, speed: 3 } });
  serverPositions ??= snapshot();
  const pins = pinned.get();
  graph.updateEachNodeAttributes((k, attrs) => {
    const p = pos[k];
    if (!p || pins.has(k)) return attrs;
    attrs.x = p.x; attrs.y = p.y;
    userPositions.set(k, { x: p.x, y: p.y });
    return attrs;
  }, { attributes: ['x', 'y'] });
}

/** Back to the server's layout (forgets drags and runs, unpins everything). */
export function resetLayout(): void {
  stopLayout();
  unfreezeFrame();
  const back = serverPositions;
  userPositions.clear();
  pinned.set(new Set());
  if (!back) return;
  graph.updateEachNodeAttributes((k, a) => { const p = back.get(k); if (p) { a.x = p.x; a.y = p.y; } return a; }, { attributes: ['x', 'y'] });
  serverPositions = null;
}

/** Drag a node to move and pin it (the camera does not pan while dragging). */
export function enableDrag(renderer: Sigma): void {
  let dragged: string | null = null;
  // a click (down and up without a move) selects the node: it must not pin it
  let moved = false;
  let resume = false;
  dragRenderer = renderer;
  renderer.on('downNode', ({ node }) => {
    dragged = node;
    moved = false;
    resume = layoutRunning.get();
    if (resume) stopLayout();
  });
  const captor = renderer.getMouseCaptor();
  captor.on('mousemovebody', (e) => {
    if (!dragged) return;
    if (!moved) {
      moved = true;
      // sigma re-fits its frame to the nodes' extent on every refresh: a node dragged past the graph's edge
      // rescaled everything and left the cursor (41 px off after a 120 px drag); as sigma's own drag example
      // does, freeze the frame (until a layout run, a reset or a rebuild)
      if (!renderer.getCustomBBox()) renderer.setCustomBBox(renderer.getBBox());
    }
    const p = renderer.viewportToGraph(e);
    serverPositions ??= snapshot();
    graph.mergeNodeAttributes(dragged, { x: p.x, y: p.y });
    userPositions.set(dragged, { x: p.x, y: p.y });
    e.preventSigmaDefault();
    e.original.preventDefault();
    e.original.stopPropagation();
  });
  const end = () => {
    if (!dragged) return;
    const node = dragged;
    dragged = null;
    if (moved && !pinned.get().has(node)) pinned.set(new Set([...pinned.get(), node]));
    if (resume) startLayout();
  };
  captor.on('mouseup', end);
  renderer.on('upNode', end);
}

// a rebuild re-imports the graph with the server's positions: keep the user's for nodes still there
beforeImport(() => () => {
  unfreezeFrame();
  if (!userPositions.size) return;
  for (const [k, p] of userPositions) {
    if (graph.hasNode(k)) { graph.setNodeAttribute(k, 'x', p.x); graph.setNodeAttribute(k, 'y', p.y); } else userPositions.delete(k);
  }
});

/** Layout controls for the left panel. */
export function mountLayoutControls(el: HTMLElement, renderer: Sigma): void {
  enableDrag(renderer);
  const render = () => {
    const running = layoutRunning.get();
    const pins = pinned.get().size;
    replace(el,
      h('div', { class: 'row' },
        h('button', { type: 'button', 'data-testid': 'layout-toggle', onclick: () => (running ? stopLayout() : startLayout()) },
          running ? '■ stop ForceAtlas2' : '▶ run ForceAtlas2'),
        h('button', { type: 'button', 'data-testid': 'layout-noverlap', title: 'pull overlapping nodes apart', onclick: () => runNoverlap(renderer) }, 'noverlap')),
      h('div', { class: 'row' },
        h('button', { type: 'button', 'data-testid': 'layout-unpin', disabled: pins === 0, onclick: () => pinned.set(new Set()) }, `unpin ${pins || ''}`.trim()),
        h('button', { type: 'button', 'data-testid': 'layout-reset', title: 'back to the layout computed at build time', onclick: resetLayout }, 'reset layout')),
      h('p', { class: 'hint' }, running ? 'Running in a background worker on the visible graph. Drag a node to pin it.' : 'Drag a node to move and pin it.'));
  };
  layoutRunning.subscribe(render);
  pinned.subscribe(() => {
    render();
    if (layoutRunning.get()) startLayout();
  });
  render();
}
