// kg/graph: the ONE shortest-path definition — used by `kg cypher --query path` (its Cypher twin is in
// src/neo4j/queries.ts, checked against this on the real server) and available to the explorer.
//
// A path joins two entities through relation ties only (MENTIONS and documents never: co-occurrence is
// not a tie), direction ignored, at most `maxHops` ties. Hubs that connect everything — places, above
// all the two countries — make every path short and meaningless, so paths whose INTERMEDIATE nodes avoid
// the `avoid` classes (default Place) win; only when there is none within the limit do paths through
// them count (`throughAvoided`). All shortest paths are returned, as node-key sequences, sorted. When
// none fits the limit, `longer` says whether one exists beyond it (the caller says "raise the limit").
//
// Pure: no runtime imports (vite and tsc both compile it).

/** The graphology methods the definition needs. */
export interface PathGraphLike {
  hasNode(key: string): boolean;
  getNodeAttributes(key: string): { nodeType?: string; type?: string; status?: string };
  forEachEdge(node: string, cb: (edge: string, attributes: { edgeType?: string }, source: string, target: string) => void): void;
}

/** Options of {@link shortestPaths}. */
export interface PathOptions {
  /** Most ties on a path (default {@link MAX_HOPS}). */
  maxHops?: number;
  /** Classes a path should not pass through (default ['Place']); [] for none. */
  avoid?: readonly string[];
  /** Only these relation edges count (the explorer's current filters). */
  edges?: ReadonlySet<string>;
}

/** What {@link shortestPaths} finds. */
export interface PathsResult {
  /** Every shortest path as node keys, source first; sorted by the key sequence. */
  paths: string[][];
  /** Ties on each path, or null when there is none within the limit. */
  hops: number | null;
  /** The paths pass through avoided classes (no path avoiding them fits the limit). */
  throughAvoided: boolean;
  /** No path fits the limit, but a longer one exists. */
  longer: boolean;
}

/** Default hop limit: the AFL-CIO → STPS path of the five-document corpus is 7 ties long. */
export const MAX_HOPS = 10;
/** Default classes a path avoids passing through. */
export const AVOID: readonly string[] = ['Place'];

type Adjacency = Map<string, string[]>;

function neighbours(graph: PathGraphLike, node: string, edges: ReadonlySet<string> | undefined, cache: Adjacency): string[] {
  let out = cache.get(node);
  if (out) return out;
  const seen = new Set<string>();
  graph.forEachEdge(node, (e, a, s, t) => {
    if (a.edgeType !== 'relation' || (edges && !edges.has(e))) return;
    const o = s === node ? t : s;
    if (o === node || seen.has(o)) return;
    const oa = graph.getNodeAttributes(o);
    if (oa.nodeType === 'entity' && oa.status !== 'rejected') seen.add(o);
  });
  out = [...seen].sort();
  cache.set(node, out);
  return out;
}

/** BFS keeping every parent; nodes for which `passable` is false are reached but not passed through. */
function bfs(graph: PathGraphLike, src: string, maxHops: number, passable: (n: string) => boolean, edges: ReadonlySet<string> | undefined, adj: Adjacency): { dist: Map<string, number>; parents: Map<string, string[]> } {
  const dist = new Map([[src, 0]]);
  const parents = new Map<string, string[]>([[src, []]]);
  let frontier = [src];
  for (let d = 1; d <= maxHops && frontier.length; d++) {
    const next: string[] = [];
    for (const u of frontier) {
      if (u !== src && !passable(u)) continue;
      for (const v of neighbours(graph, u, edges, adj)) {
        if (!dist.has(v)) { dist.set(v, d); parents.set(v, [u]); next.push(v); }
        else if (dist.get(v) === d) parents.get(v)!.push(u);
      }
    }
    frontier = next;
  }
  return { dist, parents };
}

function unroll(parents: Map<string, string[]>, src: string, v: string): string[][] {
  return v === src ? [[src]] : parents.get(v)!.flatMap((p) => unroll(parents, src, p).map((path) => [...path, v]));
}

const bySequence = (x: string[], y: string[]): number => { const a = x.join('\u0000'), b = y.join('\u0000'); return a < b ? -1 : a > b ? 1 : 0; };

/**
 * All shortest paths between any of `from` and any of `to` (several when a name is ambiguous: the
 * overall shortest win), preferring paths that avoid the `avoid` classes between the ends.
 */
export function shortestPaths(graph: PathGraphLike, from: readonly string[], to: readonly string[], opts: PathOptions = {}): PathsResult {
  const maxHops = opts.maxHops ?? MAX_HOPS;
  const avoid = new Set(opts.avoid ?? AVOID);
  const adj: Adjacency = new Map();
  const targets = [...new Set(to)].filter((t) => graph.hasNode(t));
  const search = (passable: (n: string) => boolean, limit: number): { paths: string[][]; hops: number | null } => {
    let best = Infinity;
    let paths: string[][] = [];
    for (const src of new Set(from)) {
      if (!graph.hasNode(src)) continue;
      const { dist, parents } = bfs(graph, src, limit, passable, opts.edges, adj);
      for (const t of targets) {
        const d = t === src ? undefined : dist.get(t);
        if (d === undefined) continue;
        if (d < best) { best = d; paths = []; }
        if (d === best) paths.push(...unroll(parents, src, t));
      }
    }
    const unique = [...new Map(paths.map((p) => [p.join('\u0000'), p])).values()].sort(bySequence);
    return { paths: unique, hops: Number.isFinite(best) ? best : null };
  };
  const clear = search((n) => !avoid.has(graph.getNodeAttributes(n).type ?? ''), maxHops);
  if (clear.hops !== null) return { ...clear, throughAvoided: false, longer: false };
  const any = avoid.size ? search(() => true, maxHops) : clear;
  if (any.hops !== null) return { ...any, throughAvoided: true, longer: false };
  // nothing within the limit: is there anything at all? (every node, every length)
  const beyond = search(() => true, Number.MAX_SAFE_INTEGER);
  return { paths: [], hops: null, throughAvoided: false, longer: beyond.hops !== null };
}
