// kg/neo4j: the `path` query in Cypher — the twin of src/graph/paths.ts (same definition, checked on the real server).
import { relationAlternation } from './names.js';
import { actorLookup } from './lookup.js';

/** The literal upper bound of the path patterns; `$maxHops` (≤ this) filters inside it. */
export const HOPS_CEILING = 15;

/** Both ends, each by {@link actorLookup}: `froms` and `tos`, lists of the entities the names find. */
function ends(): string {
  return `${actorLookup('a', 'from')}
WITH collect(DISTINCT a) AS froms
${actorLookup('b', 'to')}
WITH froms, collect(DISTINCT b) AS tos`;
}

/**
 * One row per hop of every shortest path (at most `$limit` paths): the tie(s) between the two
 * nodes with their direction, and the evidence sentence of the strongest. Paths whose intermediate
 * nodes avoid the classes in `$avoid` (comma-separated, default Place) win; only without one
 * within `$maxHops` do paths through them count (`throughAvoided`).
 *
 * The avoided classes are pruned at each hop, inside the quantified pattern: the first tie leaves
 * `a` to any node, and every further tie must start from a node that is not of an avoided class —
 * so the intermediate nodes are exactly the `x` of the iterations and `b` (the last `y`) is free.
 * A predicate over the whole path (the former `all(n IN y[0..-1] …)`) is only checked on complete
 * paths, so the search expanded through every place hub before filtering (20 MB bench graph,
 * AFL-CIO → Kim Nolan: 5.4 s; README, Neo4j: speed). `$maxHops` filters after the search: ALL
 * SHORTEST yields only the shortest length, so a clear path longer than the limit means none fits.
 */
export function pathCypher(): string {
  const T = relationAlternation();
  return `${ends()}
UNWIND froms AS a
UNWIND tos AS b
WITH a, b WHERE a <> b
CALL (a, b) {
  MATCH p = ALL SHORTEST (a)-[:${T}]-(first) ((x)-[:${T}]-(y) WHERE NOT x.type IN split($avoid, ',')){0,${HOPS_CEILING - 1}} (b)
  WITH p WHERE length(p) <= $maxHops
  RETURN collect(nodes(p)) AS clear
}
CALL (a, b, clear) {
  WITH clear WHERE size(clear) = 0
  MATCH p = ALL SHORTEST (a) ((x)-[:${T}]-(y)){1,${HOPS_CEILING}} (b)
  WITH p WHERE length(p) <= $maxHops
  RETURN collect(nodes(p)) AS anyPath
}
UNWIND CASE WHEN size(clear) > 0 THEN [q IN clear | {ns: q, through: false}] ELSE [q IN anyPath | {ns: q, through: true}] END AS found
WITH DISTINCT found.ns AS ns, found.through AS through
WITH collect({ns: ns, through: through}) AS found
WITH CASE WHEN any(f IN found WHERE NOT f.through) THEN [f IN found WHERE NOT f.through] ELSE found END AS kept
WITH kept, reduce(m = ${HOPS_CEILING + 2}, f IN kept | CASE WHEN size(f.ns) < m THEN size(f.ns) ELSE m END) AS best
UNWIND [f IN kept WHERE size(f.ns) = best] AS f
WITH f ORDER BY [n IN f.ns | n.key]
WITH collect(f) AS sorted
UNWIND range(0, size(sorted) - 1) AS i
WITH i + 1 AS path, sorted[i].ns AS ns, sorted[i].through AS throughAvoided
WHERE path <= $limit
UNWIND range(0, size(ns) - 2) AS s
WITH path, throughAvoided, size(ns) - 1 AS hops, s + 1 AS step, ns[s] AS u, ns[s + 1] AS v
CALL (u, v) {
  MATCH (u)-[r:${T}]-(v)
  WITH r ORDER BY r.count DESC, type(r), r.key
  RETURN collect(CASE WHEN startNode(r) = u THEN type(r) + ' →' ELSE '← ' + type(r) END) AS ties, head(collect(r)) AS top
}
RETURN path, hops, step, u.name AS from, ties, v.name AS to, top.evidenceTexts[0] AS sentence,
       top.evidenceDocs[0] AS document, throughAvoided, u.key AS fromKey, v.key AS toKey
ORDER BY path, step`;
}

/**
 * Why `path` found nothing, as one `note`: an end that matches no entity (with the closest
 * full-text hits to try), or the hop limit — and then whether a longer path exists.
 */
export function pathEmptyNote(): string {
  const T = relationAlternation();
  return `${ends()}
CALL (froms, tos) {
  UNWIND froms AS a
  UNWIND tos AS b
  WITH a, b WHERE a <> b
  MATCH p = ANY SHORTEST (a)-[:${T}]-+(b)
  RETURN min(length(p)) AS beyond
}
RETURN CASE
  WHEN size(froms) = 0 THEN 'no entity matches "' + $from + '" (try kg cypher --query search --param q=…)'
  WHEN size(tos) = 0 THEN 'no entity matches "' + $to + '" (try kg cypher --query search --param q=…)'
  WHEN beyond IS NULL THEN froms[0].name + ' and ' + tos[0].name + ' are not connected by any chain of ties'
  ELSE 'no path of at most ' + toString($maxHops) + ' ties between ' + froms[0].name + ' and ' + tos[0].name +
       ': the shortest has ' + toString(beyond) + ' (add --param maxHops=' + toString(beyond) + ')'
END AS note`;
}

