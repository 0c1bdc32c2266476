// The graph dataset: one graphology instance for the app's lifetime, refreshed in place on rebuilds.
import Graph from 'graphology';
import type { Attributes, SerializedGraph } from 'graphology-types';
import { api } from '../api.ts';
import { mark, whenIdle, type IdleDeadline } from '../lib/perf.ts';
import { SearchIndex } from '../lib/search-index.ts';
import type { SearchItem } from '../lib/search-index.ts';
import { createStore } from './store.ts';

/** The live graph (sigma holds on to it, so it is cleared and re-imported, never replaced). */
export const graph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: true });

/** Bumps after every (re)load; views recompute from it. */
export const graphVersion = createStore(-1);

type ImportHook = () => (() => void) | void;
const importHooks: ImportHook[] = [];

/** Run `fn` before every re-import; the function it returns runs after (before graphVersion bumps). */
export function beforeImport(fn: ImportHook): void {
  importHooks.push(fn);
}

/** Replace the graph's content with `data`, keeping the instance (and so sigma's camera). */
export function loadGraph(data: SerializedGraph): void {
  mark('import-start');
  const after = importHooks.map((fn) => fn());
  try {
    graph.clear();
    graph.import(data);
  } finally {
    for (const fn of after) fn?.();
  }
  mark('import-end');
  const v = Number((data.attributes as { version?: number } | undefined)?.version ?? graphVersion.get() + 1);
  // always notify, even if the server reuses a version number
  graphVersion.set(v === graphVersion.get() ? v + 0.000001 : v);
}

/** Fetch /api/graph and load it. */
export async function fetchGraph(): Promise<void> {
  mark('fetch-start');
  const data = await api.graph();
  mark('fetch-end');
  loadGraph(data);
}

// Autocomplete index over entity names and aliases (and document titles), rebuilt per version.
// It is filled in idle-time chunks after the first frame (warmSearchIndex); a search before it
// is complete finishes it synchronously.
let index: SearchIndex | null = null;
let indexVersion = -2;
let pending: string[] = [];
let pos = 0;

function searchItem(key: string, a: Attributes): SearchItem | null {
  if (a.status === 'rejected') return null;
  const doc = a.nodeType === 'document';
  return {
    key,
    name: doc ? (a.title || a.name) : (a.name ?? a.label ?? key),
    aliases: doc ? [a.name] : [...(a.aliases ?? []), a.label ?? ''],
    type: a.type,
    weight: a.mentions ?? a.degree ?? 0,
  };
}

function currentIndex(): SearchIndex {
  if (!index || indexVersion !== graphVersion.get()) {
    index = new SearchIndex();
    indexVersion = graphVersion.get();
    pending = graph.nodes();
    pos = 0;
  }
  return index;
}

/** Index pending nodes until `stop()` says so (checked every 256 nodes); true when complete. */
function fill(ix: SearchIndex, stop: () => boolean): boolean {
  while (pos < pending.length) {
    const key = pending[pos++];
    if (graph.hasNode(key)) {
      const item = searchItem(key, graph.getNodeAttributes(key));
      if (item) ix.add(item);
    }
    if ((pos & 255) === 0 && stop()) return pos >= pending.length;
  }
  pending = [];
  return true;
}

/** The autocomplete index of the current graph version (completed now if still filling). */
export function searchIndex(): SearchIndex {
  const ix = currentIndex();
  fill(ix, () => false);
  return ix;
}

/** Build the search index in idle-time slices, so the first keystroke finds it ready. One chain at a time: a
 * call while one runs is absorbed by it (each slice works on the current index, so a rebuild is picked up). */
let warming = false;
export function warmSearchIndex(): void {
  if (warming) return;
  warming = true;
  const step = (deadline: IdleDeadline) => {
    if (fill(currentIndex(), () => deadline.timeRemaining() < 2)) warming = false;
    else whenIdle(step, 1000);
  };
  whenIdle(step, 1000);
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
