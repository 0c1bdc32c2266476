// test/graph: the shared shortest-path definition (pure) — ties only, places avoided when possible, the limit.
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { shortestPaths } from '../../src/graph/paths.js';

/** Entities `key:type` and relation ties `[a, b]`; a document mentioning everything (never a path). */
function _graph(nodes: string[], ties: [string, string][]): Graph {
  const g = new Graph({ type: 'mixed', multi: true });
  g.addNode('doc:d', { nodeType: 'document', type: 'Document' });
  for (const n of nodes) {
    const [key, type] = n.split('=');
    g.addNode(key, { nodeType: 'entity', type, status: 'inferred' });
    g.addDirectedEdge('doc:d', key, { edgeType: 'mentions' });
  }
  ties.forEach(([a, b]) => g.addDirectedEdge(a, b, { edgeType: 'relation' }));
  return g;
}

const NODES = ['a=Organization', 'b=Organization', 'c=Person', 'd=Organization', 'mx=Place', 'z=Organization', 'far=Organization'];

describe('shortestPaths', () => {
  it.each([
    ['direction is ignored', [['b', 'a']], ['a', 'b'], [['a', 'b']], 1, false],
    ['every shortest path, sorted', [['a', 'c'], ['c', 'b'], ['a', 'd'], ['d', 'b']], ['a', 'b'], [['a', 'c', 'b'], ['a', 'd', 'b']], 2, false],
    ['a longer path avoiding a place beats a short one through it', [['a', 'mx'], ['mx', 'b'], ['a', 'c'], ['c', 'd'], ['d', 'b']], ['a', 'b'], [['a', 'c', 'd', 'b']], 3, false],
    ['through a place when nothing else connects', [['a', 'mx'], ['mx', 'b']], ['a', 'b'], [['a', 'mx', 'b']], 2, true],
    ['a place may be an end', [['a', 'mx']], ['a', 'mx'], [['a', 'mx']], 1, false],
  ] as [string, [string, string][], [string, string], string[][], number, boolean][])('should handle %s', (_n, ties, [from, to], paths, hops, through) => {
    expect(shortestPaths(_graph(NODES, ties), [from], [to])).toEqual({ paths, hops, throughAvoided: through, longer: false });
  });

  it('should say when the limit cuts a path off, and when nothing connects', () => {
    const chain: [string, string][] = [['a', 'c'], ['c', 'd'], ['d', 'b']];
    expect(shortestPaths(_graph(NODES, chain), ['a'], ['b'], { maxHops: 2 })).toEqual({ paths: [], hops: null, throughAvoided: false, longer: true });
    expect(shortestPaths(_graph(NODES, chain), ['a'], ['far'])).toEqual({ paths: [], hops: null, throughAvoided: false, longer: false });
    // MENTIONS edges through the document never make a path
    expect(shortestPaths(_graph(NODES, []), ['a'], ['b']).paths).toEqual([]);
  });

  it('should take the overall shortest over several matching ends, and honour the edge filter and avoid list', () => {
    const g = _graph(NODES, [['a', 'c'], ['c', 'b'], ['z', 'b'], ['a', 'mx'], ['mx', 'b']]);
    expect(shortestPaths(g, ['a', 'z'], ['b']).paths).toEqual([['z', 'b']]);
    expect(shortestPaths(g, ['a'], ['b'], { avoid: [] }).paths).toEqual([['a', 'c', 'b'], ['a', 'mx', 'b']]);
    const only = new Set(g.filterEdges((_e, _a, s, t) => [s, t].includes('mx')));
    expect(shortestPaths(g, ['a'], ['b'], { edges: only })).toMatchObject({ paths: [['a', 'mx', 'b']], throughAvoided: true });
  });
});
