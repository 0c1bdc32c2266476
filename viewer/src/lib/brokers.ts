// Brokers in the explorer: a thin call of the ONE definition (src/graph/brokers.ts), shared with
// `kg cypher --query brokers`, so both list the same actors in the same order.
import type { AbstractGraph, Attributes } from 'graphology-types';
import { findBrokers } from '../../../src/graph/brokers.ts';
import type { BrokerGraphLike } from '../../../src/graph/brokers.ts';
import type { CrossPair } from './filters.ts';

/** One ranked broker with its neighbour counts per side (the explorer's names for findBrokers' fields). */
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

/**
 * Rank actors bridging the two countries of `pair` ('any' → each actor's two busiest countries)
 * over the relation edges in `edges` (the current filters) when given.
 */
export function rankBrokers(
  graph: AbstractGraph<Attributes, Attributes, Attributes>,
  pair: CrossPair = 'US-MX',
  edges?: Set<string>,
  limit = 20,
): Broker[] {
  const [a, b] = pair === 'any' ? [null, null] : pair.split('-');
  return findBrokers(graph as unknown as BrokerGraphLike, { a, b, edges, limit }).map((x) => ({
    key: x.key, label: x.name, country: x.country, sideA: x.neighboursA, sideB: x.neighboursB, neighbours: x.neighbours,
  }));
}
