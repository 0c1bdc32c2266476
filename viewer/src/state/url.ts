// Keeps the explorer's stores and the URL hash in step, so a copied link reproduces the view.
import type Sigma from 'sigma';
import { parseHash, toHash } from '../lib/url-state.ts';
import type { GraphRoute, Route } from '../lib/url-state.ts';
import { appearance, edgeSelection, filters, initialCamera, pathEnds, selection } from './explorer.ts';

let renderer: Sigma | null = null;
/** The graph hash the stores hold: the one the explorer last wrote, or last applied from the URL. */
let synced = '';
let timer: ReturnType<typeof setTimeout> | undefined;

/** The explorer route of the current stores (and camera, once sigma exists). */
export function currentGraphRoute(): GraphRoute {
  const ap = appearance.get();
  const cam = renderer?.getCamera().getState();
  return {
    route: 'graph', filters: filters.get(), node: selection.get(), edge: edgeSelection.get(), colorBy: ap.colorBy, sizeBy: ap.sizeBy,
    path: pathEnds.get(), cam: cam ? { x: cam.x, y: cam.y, ratio: cam.ratio } : initialCamera.get(),
  };
}

/** Write the explorer state to the hash (replaceState: filters and camera should not flood history). */
export function writeGraphUrl(): void {
  if (!location.hash.startsWith('#/graph') && location.hash !== '' && location.hash !== '#/') return;
  // a graph hash the stores do not hold yet (typed, pasted, a link): its hashchange applies it, and a
  // write still pending from before it (the camera's is debounced by 300 ms) must not replace it
  if (synced !== '' && location.hash.startsWith('#/graph') && location.hash !== synced) return;
  const hash = toHash(currentGraphRoute());
  if (hash === location.hash) return;
  synced = hash;
  history.replaceState(null, '', hash);
}

/** Push explorer state from a parsed route into the stores (on load and on back/forward). */
export function applyGraphRoute(r: GraphRoute): void {
  // the hash this route came from is what the stores hold from now on (writeGraphUrl may replace it)
  synced = location.hash;
  filters.set(r.filters);
  appearance.set({ colorBy: r.colorBy, sizeBy: r.sizeBy });
  pathEnds.set(r.path);
  selection.set(r.node);
  if (r.edge || !r.node) edgeSelection.set(r.edge);
  initialCamera.set(r.cam);
  if (renderer && r.cam) renderer.getCamera().setState(r.cam);
}

/**
 * Is this the hash the stores hold (the one the explorer last wrote or applied)? The explorer writes with replaceState,
 * which fires no hashchange: a hashchange to this hash is a way back (link or Back button) to the
 * state the stores still hold, so the route must change but the stores need not be re-applied.
 */
export function isOwnHash(hash: string): boolean {
  return hash === synced;
}

/** Start syncing: store changes and camera moves update the URL (debounced for the camera). */
export function startUrlSync(r: Sigma): void {
  renderer = r;
  const write = () => { clearTimeout(timer); timer = setTimeout(writeGraphUrl, 50); };
  for (const s of [filters, appearance, pathEnds, selection, edgeSelection]) s.subscribe(write);
  r.getCamera().on('updated', () => { clearTimeout(timer); timer = setTimeout(writeGraphUrl, 300); });
}

/** Current route from location.hash. */
export function currentRoute(): Route {
  return parseHash(location.hash);
}
