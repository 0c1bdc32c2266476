// Explorer state by domain: selection, filters, appearance, path — each a store, synced to the URL.
import type { ColorBy, SizeBy } from '../lib/appearance.ts';
import { DEFAULT_FILTERS } from '../lib/filters.ts';
import type { FilterState } from '../lib/filters.ts';
import type { CameraState } from '../lib/url-state.ts';
import { createStore } from './store.ts';

/** Selected node key (side panel, ego centre, forced labels). */
export const selection = createStore<string | null>(null);
/** Hovered node key (neighbour highlight). */
export const hovered = createStore<string | null>(null);
/** Selected edge key (side panel shows the tie: predicate, every evidence, documents, rules). */
export const edgeSelection = createStore<string | null>(null);
/** Hovered edge key (its two ends and its label are emphasised). */
export const hoveredEdge = createStore<string | null>(null);
// one thing is selected at a time: a node or a tie
selection.subscribe((v) => { if (v) edgeSelection.set(null); });
edgeSelection.subscribe((v) => { if (v) selection.set(null); });
/** All filters. */
export const filters = createStore<FilterState>({ ...DEFAULT_FILTERS });
/** Colour and size mappings. */
export const appearance = createStore<{ colorBy: ColorBy; sizeBy: SizeBy }>({ colorBy: 'type', sizeBy: 'degree' });
/** Shortest path endpoints; the computed path is derived. */
export const pathEnds = createStore<[string, string] | null>(null);
/** Camera requested by the URL at load (applied once sigma exists). */
export const initialCamera = createStore<CameraState | null>(null);

/** Patch the filters (new object, so subscribers fire). */
export function setFilters(patch: Partial<FilterState>): void {
  filters.update((f) => ({ ...f, ...patch }));
}
