// Brokers: actors whose relation neighbours span both countries of a cross-border pair.
import type { AbstractGraph, Attributes } from 'graphology-types';
import { countryOf } from './filters.ts';
import type { CrossPair } from './filters.ts';

/** One ranked broker with its neighbour counts per side. */
export interface Broker {
  key: string;
  label: string;
  country: string | null;
  /** Neighbours in the first / second country of the pair. */
  sideA: number;
  sideB: number;
  /** Distinct relation neighbours overall. */
  neighbours: number;
}

const ACTOR_TYPES = new Set(['Person', 'Organization']);

/**
 * Rank actors bridging the two countries of `pair` ('any' → the two most frequent countries
 * among neighbours). Only relation edges count, and only those in `edges` when given (the
 * current filters). Sorted by the weaker side first — a real broker is well tied on both.
 */
export function rankBrokers(
  graph: AbstractGraph<Attributes, Attributes, Attributes>,
  pair: CrossPair = 'US-MX',
  edges?: Set<string>,
  limit = 20,
): Broker[] {
  const [ca, cb] = pair === 'any' ? [null, null] : pair.split('-');
  const out: Broker[] = [];
  graph.forEachNode((key, a) => {
    if (a.nodeType !== 'entity' || !ACTOR_TYPES.has(a.type) || a.status === 'rejected') return;
    const counts = new Map<string, number>();
    const seen = new Set<string>();
    graph.forEachEdge(key, (e, ea, s, t) => {
      if (ea.edgeType !== 'relation' || (edges && !edges.has(e))) return;
      const o = s === key ? t : s;
      if (o === key || seen.has(o)) return;
      seen.add(o);
      const c = countryOf(graph.getNodeAttributes(o));
      if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    });
    let sideA: number, sideB: number;
    if (ca && cb) {
      sideA = counts.get(ca) ?? 0;
      sideB = counts.get(cb) ?? 0;
    } else {
      const top = [...counts.values()].sort((x, y) => y - x);
      [sideA, sideB] = [top[0] ?? 0, top[1] ?? 0];
    }
    if (sideA > 0 && sideB > 0) {
      out.push({ key, label: a.label ?? a.name ?? key, country: countryOf(a), sideA, sideB, neighbours: seen.size });
    }
  });
  out.sort((x, y) => Math.min(y.sideA, y.sideB) - Math.min(x.sideA, x.sideB)
    || (y.sideA + y.sideB) - (x.sideA + x.sideB) || x.label.localeCompare(y.label));
  return out.slice(0, limit);
}
