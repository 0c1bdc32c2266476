// Which nodes and edges the explorer shows: pure functions of (graph, filter state, selection).
// The sigma reducers only look up the sets computed here, so a filter change costs one pass.
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { Status } from '../../../src/types.ts';

/** Cross-border country pair: only ties between one country and the other ('any' = any two differing countries). */
export type CrossPair = 'US-MX' | 'US-CA' | 'MX-CA' | 'any';

/** The explorer's filter state (the URL serialises the non-default fields). */
export interface FilterState {
  /** Entity types shown; null = all. */
  types: string[] | null;
  /** Countries shown ('none' = unknown country); null = all. */
  countries: string[] | null;
  /** Relation predicates shown; null = all. */
  predicates: string[] | null;
  /** Statuses shown (curated / inferred / confirmed); null = all but rejected. */
  statuses: Status[] | null;
  /** Only what this document (`doc:<stem>`) mentions / evidences. */
  document: string | null;
  minMentions: number;
  minDegree: number;
  /** Document nodes and MENTIONS edges (off by default: they crowd the actor network). */
  showDocuments: boolean;
  crossBorder: boolean;
  crossPair: CrossPair;
  /** Ego network depth around the selected node; 0 = off. */
  ego: number;
  /** Louvain communities shown; null = all. */
  communities: number[] | null;
  /** A numeric attribute kept within [min, max] (either end open); null = off. */
  range: NumberRange | null;
  /** Ties whose evidence dates (dateFrom–dateTo) meet [from, to], ISO partial dates; null = off. */
  dates: DateRange | null;
}

/** A date range of ISO dates as precise as known ('2003', '2003-08', '2003-08-15'); either end open. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

/**
 * Do the dates [a, b] of a tie meet the range? ISO strings compare in time order; an end given as a
 * year or month covers all of it ('to 2005' keeps 2005-12-31, 'from 2003' keeps 2003-01).
 */
export function datesMeet(a: string | undefined, b: string | undefined, r: DateRange): boolean {
  if (!a && !b) return false;
  const lo = a ?? b!, hi = b ?? a!;
  if (r.from && hi.slice(0, r.from.length) < r.from) return false;
  if (r.to && lo.slice(0, r.to.length) > r.to) return false;
  return true;
}

/** A range filter on a node metric (degree, mentions, betweenness, pagerank). */
export interface NumberRange {
  attr: string;
  min: number | null;
  max: number | null;
}

export const DEFAULT_FILTERS: FilterState = {
  types: null, countries: null, predicates: null, statuses: null, document: null,
  minMentions: 0, minDegree: 0, showDocuments: false, crossBorder: false, crossPair: 'US-MX', ego: 0,
  communities: null, range: null, dates: null,
};

/** Visible node and edge keys. */
export interface Visibility {
  nodes: Set<string>;
  edges: Set<string>;
}

type G = AbstractGraph<Attributes, Attributes, Attributes>;

/** A node's country: its `country`, or for a country Place (Mexico, United States) its `iso` code. */
export function countryOf(a: Attributes | undefined): string | null {
  return a?.country ?? a?.iso ?? null;
}

/** The values the type, country and predicate filters can take in a graph (what its legend can list). */
export interface FilterDomains {
  /** Entity types present, in ENTITY_TYPES order. */
  types: string[];
  /** Countries present: US, MX, CA, INTL first, then the others (GB, IQ …) alphabetically, 'none' last when some node has none. */
  countries: string[];
  /** Relation predicates present, in PREDICATES order, then MENTIONS when there are document edges. */
  predicates: string[];
}

const KNOWN_COUNTRIES = ['US', 'MX', 'CA', 'INTL'];

/**
 * The filter domains of `g`: hiding one country must keep every other one, including those outside the
 * usual four (a "hide US" that filtered on the four left GB and IQ out too).
 */
export function filterDomains(g: G, entityTypes: readonly string[], predicates: readonly string[]): FilterDomains {
  const types = new Set<string>(), countries = new Set<string>(), preds = new Set<string>();
  g.forEachNode((_k, a) => {
    if (a.nodeType === 'document') return;
    types.add(a.type);
    countries.add(countryOf(a) ?? 'none');
  });
  g.forEachEdge((_k, a) => { preds.add(a.edgeType === 'relation' ? a.predicate : 'MENTIONS'); });
  const known = KNOWN_COUNTRIES.filter((c) => countries.has(c));
  const others = [...countries].filter((c) => c !== 'none' && !KNOWN_COUNTRIES.includes(c)).sort();
  return {
    types: entityTypes.filter((t) => types.has(t)),
    countries: [...known, ...others, ...(countries.has('none') ? ['none'] : [])],
    predicates: [...predicates, 'MENTIONS'].filter((p) => preds.has(p)),
  };
}

/**
 * A filter list after toggling `value` in it (null = every value of `domain`): hidden if it was shown, shown
 * if it was hidden; null again once every value is shown.
 */
export function toggleIn(selected: string[] | null, domain: readonly string[], value: string): string[] | null {
  const cur = selected ?? [...domain];
  const next = cur.includes(value) ? cur.filter((v) => v !== value) : [...cur, value];
  return domain.every((v) => next.includes(v)) ? null : domain.filter((v) => next.includes(v)).concat(next.filter((v) => !domain.includes(v)));
}

/** Does a node pass the per-node filters (type, country, status, counts, document)? */
export function nodePasses(key: string, a: Attributes, f: FilterState): boolean {
  if (a.nodeType === 'document') return f.showDocuments && (f.document === null || f.document === key);
  if (a.status === 'rejected') return false;
  if (f.types && !f.types.includes(a.type)) return false;
  if (f.countries && !f.countries.includes(countryOf(a) ?? 'none')) return false;
  if (f.statuses && !f.statuses.includes(a.status)) return false;
  if ((a.mentions ?? 0) < f.minMentions) return false;
  if ((a.degree ?? 0) < f.minDegree) return false;
  if (f.document && !(a.documents ?? []).includes(f.document)) return false;
  if (f.communities && !f.communities.includes(a.community)) return false;
  if (f.range && !inRange(a[f.range.attr], f.range)) return false;
  return true;
}

/** Is `v` a number within the range (open ends allowed)? */
export function inRange(v: unknown, r: NumberRange): boolean {
  if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  return (r.min === null || v >= r.min) && (r.max === null || v <= r.max);
}

/** Does an edge pass the per-edge filters (predicate, status, document)? Endpoints are checked separately. */
export function edgePasses(a: Attributes, f: FilterState): boolean {
  if (a.edgeType === 'mentions') {
    return f.showDocuments && (!f.predicates || f.predicates.includes('MENTIONS'));
  }
  if (a.status === 'rejected') return false;
  if (f.predicates && !f.predicates.includes(a.predicate)) return false;
  if (f.statuses && !f.statuses.includes(a.status)) return false;
  if (f.document && !(a.evidence ?? []).some((e: { doc: string }) => e.doc === f.document)) return false;
  if (f.dates && !datesMeet(a.dateFrom, a.dateTo, f.dates)) return false;
  return true;
}

/** Is the tie between countries `a` and `b` cross-border for `pair`? */
export function isCrossBorder(a: string | null | undefined, b: string | null | undefined, pair: CrossPair): boolean {
  if (!a || !b || a === b) return false;
  if (pair === 'any') return true;
  const [p, q] = pair.split('-');
  return (a === p && b === q) || (a === q && b === p);
}

/** Node and edge sets after every filter; `selected` anchors the ego network. */
export function computeVisibility(graph: G, f: FilterState, selected: string | null = null): Visibility {
  const nodes = new Set<string>();
  graph.forEachNode((key, a) => { if (nodePasses(key, a, f)) nodes.add(key); });
  let edges = new Set<string>();
  graph.forEachEdge((key, a, s, t) => {
    if (nodes.has(s) && nodes.has(t) && edgePasses(a, f)) edges.add(key);
  });

  if (f.dates) {
    // a date range keeps the ties it dates, their ends, and the documents written within it
    const touched = new Set<string>();
    for (const e of edges) if (graph.getEdgeAttribute(e, 'edgeType') === 'relation') { touched.add(graph.source(e)); touched.add(graph.target(e)); }
    for (const n of [...nodes]) {
      const a = graph.getNodeAttributes(n);
      if (a.nodeType === 'document' ? !datesMeet(a.date, a.date, f.dates) : !touched.has(n)) nodes.delete(n);
    }
    for (const e of [...edges]) if (!nodes.has(graph.source(e)) || !nodes.has(graph.target(e))) edges.delete(e);
  }

  if (f.crossBorder) {
    const kept = new Set<string>();
    const touched = new Set<string>();
    for (const e of edges) {
      const a = graph.getEdgeAttributes(e);
      if (a.edgeType !== 'relation') continue;
      const s = graph.source(e), t = graph.target(e);
      if (isCrossBorder(countryOf(graph.getNodeAttributes(s)), countryOf(graph.getNodeAttributes(t)), f.crossPair)) {
        kept.add(e); touched.add(s); touched.add(t);
      }
    }
    edges = kept;
    for (const n of [...nodes]) if (!touched.has(n)) nodes.delete(n);
  }

  if (f.ego > 0 && selected && graph.hasNode(selected)) {
    const reach = egoNodes(graph, selected, f.ego, edges);
    for (const n of [...nodes]) if (!reach.has(n)) nodes.delete(n);
    nodes.add(selected);
    for (const e of [...edges]) if (!nodes.has(graph.source(e)) || !nodes.has(graph.target(e))) edges.delete(e);
  }
  return { nodes, edges };
}

/** Nodes within `depth` hops of `center` (ignoring direction), walking only `allowed` edges when given. */
export function egoNodes(graph: G, center: string, depth: number, allowed?: Set<string>): Set<string> {
  const seen = new Set<string>([center]);
  let frontier = [center];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const n of frontier) {
      graph.forEachEdge(n, (e, _a, s, t) => {
        if (allowed && !allowed.has(e)) return;
        const o = s === n ? t : s;
        if (!seen.has(o)) { seen.add(o); next.push(o); }
      });
    }
    frontier = next;
  }
  return seen;
}

/** The span of evidence dates over the graph's ties (null when no tie is dated): the date filter's bounds. */
export function dateExtent(graph: G): { from: string; to: string } | null {
  let from: string | null = null, to: string | null = null;
  graph.forEachEdge((_e, a) => {
    if (a.edgeType !== 'relation') return;
    if (a.dateFrom && (from === null || a.dateFrom < from)) from = a.dateFrom;
    if (a.dateTo && (to === null || a.dateTo > to)) to = a.dateTo;
  });
  return from && to ? { from, to } : null;
}
