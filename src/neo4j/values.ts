// kg/neo4j: JS ⇄ Neo4j value conversion (the driver sends every JS number as a float).
import neo4j, { isInt, isNode, isPath, isRelationship, type Integer } from 'neo4j-driver';

/**
 * Deep-converts parameters for the driver: integral numbers become Neo4j integers (so `start`,
 * `end`, `count` are stored as INTEGER and `LIMIT $limit` works); everything else is unchanged.
 */
export function toNeo4j(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toNeo4j);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toNeo4j(v);
    return out;
  }
  return value;
}

/**
 * Deep-converts a result value to plain JSON: integers to numbers (strings beyond 2^53), nodes to
 * their properties plus `_labels`, relationships to properties plus `_type`, paths to node/rel lists.
 */
export function fromNeo4j(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value as object)) {
    const i = value as Integer;
    return i.inSafeRange() ? i.toNumber() : i.toString();
  }
  if (Array.isArray(value)) return value.map(fromNeo4j);
  if (typeof value !== 'object') return value;
  if (isNode(value as object)) {
    const n = value as unknown as { labels: string[]; properties: Record<string, unknown> };
    return { _labels: n.labels, ...(fromNeo4j(n.properties) as object) };
  }
  if (isRelationship(value as object)) {
    const r = value as unknown as { type: string; properties: Record<string, unknown> };
    return { _type: r.type, ...(fromNeo4j(r.properties) as object) };
  }
  if (isPath(value as object)) {
    const p = value as unknown as { start: unknown; segments: { relationship: unknown; end: unknown }[] };
    return { start: fromNeo4j(p.start), segments: p.segments.map((s) => ({ relationship: fromNeo4j(s.relationship), end: fromNeo4j(s.end) })) };
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = fromNeo4j(v);
    return out;
  }
  // Temporal and spatial values print themselves in ISO / WKT-like form.
  return String(value);
}
