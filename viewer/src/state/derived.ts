// Derived explorer state: visibility, path and focus, recomputed when their inputs change.
import { computeVisibility } from '../lib/filters.ts';
import type { FilterState, Visibility } from '../lib/filters.ts';
import { shortestPath } from '../lib/paths.ts';
import type { PathResult } from '../lib/paths.ts';
import { focusSets } from '../lib/appearance.ts';
import type { FocusSets } from '../lib/appearance.ts';
import { graph, graphVersion } from './graph.ts';
import { edgeSelection, filters, hovered, hoveredEdge, pathEnds, selection } from './explorer.ts';
import { createStore } from './store.ts';

/** Visible nodes/edges after filters (recomputed on filter, selection or graph change). */
export const visibility = createStore<Visibility>({ nodes: new Set(), edges: new Set() });
/** Current shortest path (null = none requested or not connected). */
export const path = createStore<PathResult | null>(null);
/** Emphasised nodes/edges (hover wins over selection, a tie over a node). */
export const focus = createStore<FocusSets>({ nodes: new Set(), edges: new Set(), pathEdges: new Set() });

let computedFor: FilterState | null = null;

/** The filter state the current visibility was computed for (identity), so views can reuse it. */
export function visibilityFilters(): FilterState | null {
  return computedFor;
}

function recomputeVisibility(): void {
  const sel = selection.get();
  computedFor = filters.get();
  visibility.set(computeVisibility(graph, computedFor, sel && graph.hasNode(sel) ? sel : null));
}
function recomputePath(): void {
  const ends = pathEnds.get();
  path.set(ends ? shortestPath(graph, ends[0], ends[1], visibility.get().edges) : null);
}
function recomputeFocus(): void {
  // a filtered-out selection must not fade the nodes that are shown
  const vis = visibility.get();
  const h = hovered.get(), he = hoveredEdge.get();
  const s = selection.get(), se = edgeSelection.get();
  let node: string | null = null, edge: string | null = null;
  if (he && vis.edges.has(he)) edge = he;
  else if (h && vis.nodes.has(h)) node = h;
  else if (se && vis.edges.has(se)) edge = se;
  else if (s && vis.nodes.has(s)) node = s;
  focus.set(focusSets(graph, node, vis.edges, path.get()?.nodes ?? null, edge));
}

/** Wire the derivations (called once at start-up). */
export function startDerivations(): void {
  graphVersion.subscribe(() => { recomputeVisibility(); });
  filters.subscribe(recomputeVisibility);
  // selection only changes visibility when the ego network is on
  selection.subscribe(() => { if (filters.get().ego > 0) recomputeVisibility(); else recomputeFocus(); });
  visibility.subscribe(() => { recomputePath(); recomputeFocus(); });
  pathEnds.subscribe(() => { recomputePath(); recomputeFocus(); });
  hovered.subscribe(recomputeFocus);
  hoveredEdge.subscribe(recomputeFocus);
  edgeSelection.subscribe(recomputeFocus);
  recomputeVisibility();
}
