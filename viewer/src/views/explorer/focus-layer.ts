// The focus layer: a second, small sigma over the graph that draws only what is focused (the
// selected or hovered node with its neighbours, a tie with its two ends, a path) above a white
// veil. A click or a hover rebuilds this small graph and redraws it; the big graph underneath is
// neither reprocessed nor redrawn — on 20k nodes / 60k edges that is the difference between a
// frame of the focus (a few ms) and a full refresh (seconds in software WebGL).
import Graph from 'graphology';
import Sigma from 'sigma';
import type { Attributes } from 'graphology-types';
import { predicateColor } from '../../lib/colors.ts';
import { focus, visibility } from '../../state/derived.ts';
import { edgeSelection, hovered, hoveredEdge, selection } from '../../state/explorer.ts';
import { graph, graphVersion } from '../../state/graph.ts';
import { collisionLabels } from './labels.ts';
import { EDGE_PROGRAMS, edgeProgram } from './programs.ts';
import { edgeCurvature, edgeSize, nodeColor, nodeSize } from './renderer.ts';

/** The focus layer of `base` (window.__kg.focusRenderer in tests and the bench). */
export interface FocusLayer {
  renderer: Sigma;
  /** Redraw from the current focus (also called when the big graph's positions changed). */
  update(): void;
}

/** Mount the layer over `base` inside `container` (the base's container). */
export function mountFocusLayer(base: Sigma, container: HTMLElement): FocusLayer {
  const veil = document.createElement('div');
  veil.className = 'focus-veil';
  const host = document.createElement('div');
  host.className = 'focus-layer';
  container.append(veil, host);

  const small = new Graph({ type: 'mixed', multi: true, allowSelfLoops: true });
  const labels = collisionLabels();
  const renderer = new labels.Sigma(small, host, {
    ...labels.settings,
    labelFont: base.getSetting('labelFont'),
    labelSize: base.getSetting('labelSize'),
    edgeLabelFont: base.getSetting('edgeLabelFont'),
    edgeLabelSize: base.getSetting('edgeLabelSize'),
    renderEdgeLabels: true,
    edgeProgramClasses: EDGE_PROGRAMS,
    allowInvalidContainer: true,
    // the base owns the mouse (this layer lets every event through, styles.css); panning and
    // zooming stay enabled because sigma's camera ignores setState() for disabled ones
    minCameraRatio: base.getSetting('minCameraRatio'),
    maxCameraRatio: base.getSetting('maxCameraRatio'),
    // every focused node's label is wanted; labels.ts drops the ones that would collide
    labelRenderedSizeThreshold: 0,
  });

  // same frame of reference as the base: its bounding box and its camera
  // (the base's frame is its custom one while a drag froze it: getBBox() is the nodes' extent either way)
  const frameOf = () => base.getCustomBBox() ?? base.getBBox();
  const syncFrame = () => {
    renderer.setCustomBBox(frameOf());
    renderer.getCamera().setState(base.getCamera().getState());
  };
  base.getCamera().on('updated', (state) => renderer.getCamera().setState(state));
  base.on('afterProcess', () => { renderer.setCustomBBox(frameOf()); renderer.refresh({ schedule: true }); });

  const update = () => {
    const f = focus.get();
    small.clear();
    const on = f.nodes.size > 0;
    container.classList.toggle('focus-on', on);
    if (!on) { renderer.refresh(); return; }
    const sel = selection.get(), hov = hovered.get();
    const selEdge = edgeSelection.get(), hovEdge = hoveredEdge.get();
    const vis = visibility.get();
    // label priority = insertion order: the focus itself, the path, then neighbours by size
    const ends = new Set<string>();
    for (const e of [hovEdge, selEdge]) if (e && f.edges.has(e)) { ends.add(graph.source(e)); ends.add(graph.target(e)); }
    const rank = (k: string) => (k === hov || k === sel ? 3 : ends.has(k) ? 2 : 0);
    const order = [...f.nodes].filter((k) => graph.hasNode(k) && vis.nodes.has(k))
      .sort((a, b) => rank(b) - rank(a) || nodeSize(graph.getNodeAttributes(b)) - nodeSize(graph.getNodeAttributes(a)));
    for (const k of order) {
      const a = graph.getNodeAttributes(k);
      small.addNode(k, {
        x: a.x, y: a.y, size: nodeSize(a), color: nodeColor(a), label: a.label ?? a.name ?? k,
        forceLabel: true, highlighted: rank(k) >= 2,
      });
    }
    for (const e of f.edges) {
      if (!graph.hasEdge(e)) continue;
      const s = graph.source(e), t = graph.target(e);
      if (!small.hasNode(s) || !small.hasNode(t)) continue;
      const a = graph.getEdgeAttributes(e) as Attributes;
      const curvature = edgeCurvature(e);
      const directed = graph.isDirected(e);
      const onPath = f.pathEdges.has(e);
      const strong = onPath || e === hovEdge || e === selEdge;
      const attrs = {
        color: predicateColor(a.predicate), size: strong ? Math.max(4, edgeSize(a) * 1.5) : Math.max(1.5, edgeSize(a)),
        label: a.predicate as string, forceLabel: true, curvature: curvature || undefined, type: edgeProgram(curvature, directed),
      };
      if (directed) small.addDirectedEdgeWithKey(e, s, t, attrs);
      else small.addUndirectedEdgeWithKey(e, s, t, attrs);
    }
    renderer.refresh();
  };

  syncFrame();
  focus.subscribe(update);
  graphVersion.subscribe(() => { syncFrame(); update(); });
  // dragging a node or a running layout moves the big graph's nodes: follow them
  graph.on('nodeAttributesUpdated', ({ key, attributes }) => {
    if (small.hasNode(key)) small.mergeNodeAttributes(key, { x: (attributes as Attributes).x, y: (attributes as Attributes).y });
  });
  graph.on('eachNodeAttributesUpdated', () => {
    small.updateEachNodeAttributes((k, a) => { const g = graph.getNodeAttributes(k); a.x = g.x; a.y = g.y; return a; }, { attributes: ['x', 'y'] });
  });
  update();
  return { renderer, update };
}
