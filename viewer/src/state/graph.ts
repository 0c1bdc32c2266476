// The graph dataset: one graphology instance for the app's lifetime, refreshed in place on rebuilds.
import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { api } from '../api.ts';
import { SearchIndex } from '../lib/search-index.ts';
import { createStore } from './store.ts';

/** The live graph (sigma holds on to it, so it is cleared and re-imported, never replaced). */
export const graph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: true });

/** Bumps after every (re)load; views recompute from it. */
export const graphVersion = createStore(-1);

let index: SearchIndex | null = null;
let indexVersion = -2;

/** Replace the graph's content with `data`, keeping the instance (and so sigma's camera). */
export function loadGraph(data: SerializedGraph): void {
  graph.clear();
  graph.import(data);
  const v = Number((data.attributes as { version?: number } | undefined)?.version ?? graphVersion.get() + 1);
  // always notify, even if the server reuses a version number
  graphVersion.set(v === graphVersion.get() ? v + 0.000001 : v);
}

/** Fetch /api/graph and load it. */
export async function fetchGraph(): Promise<void> {
  loadGraph(await api.graph());
}

/** Autocomplete index over entity names and aliases (and document titles), rebuilt per version. */
export function searchIndex(): SearchIndex {
  if (!index || indexVersion !== graphVersion.get()) {
    const arr: { key: string; name: string; aliases: string[]; type: string; weight: number }[] = [];
    graph.forEachNode((key, a) => {
      if (a.status === 'rejected') return;
      arr.push({
        key,
        name: a.nodeType === 'document' ? (a.title || a.name) : (a.name ?? a.label ?? key),
        aliases: a.nodeType === 'document' ? [a.name] : [...(a.aliases ?? []), a.label ?? ''],
        type: a.type,
        weight: a.mentions ?? a.degree ?? 0,
      });
    });
    index = new SearchIndex(arr);
    indexVersion = graphVersion.get();
  }
  return index;
}

/** Node label for display (falls back to the key). */
export function nodeLabel(key: string): string {
  if (!graph.hasNode(key)) return key;
  const a = graph.getNodeAttributes(key);
  return a.label || a.name || key;
}

/** Document file name of a `doc:<stem>` key (from the document node; null when unknown). */
export function docName(docKey: string): string | null {
  return graph.hasNode(docKey) ? (graph.getNodeAttribute(docKey, 'name') as string) : null;
}
