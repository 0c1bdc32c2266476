// The explorer's path finder: a thin call of the shared definition (src/graph/paths.ts), plus evidence per hop.
import { describe, expect, it } from 'vitest';
import { shortestPaths } from '../../src/graph/paths.ts';
import { findPath, shortestPath } from '../../viewer/src/lib/paths.ts';
import { _fixtureGraph } from './_graph.ts';

/** The fixture plus a Mexican union tied to STPS only through the place Mexico, and the long way round via FAT. */
function _withPlaceShortcut() {
  const g = _fixtureGraph();
  g.addNode('org:ctm', { nodeType: 'entity', type: 'Organization', name: 'CTM', label: 'CTM', country: 'MX', status: 'curated', x: 0, y: 0 });
  g.addNode('org:lone', { nodeType: 'entity', type: 'Organization', name: 'Lone', label: 'Lone', country: 'MX', status: 'curated', x: 0, y: 0 });
  const rel = (s: string, p: string, o: string) => g.addDirectedEdgeWithKey(`${s}|${p}|${o}`, s, o, { edgeType: 'relation', predicate: p, evidence: [], status: 'inferred' });
  rel('org:ctm', 'LOCATED_IN', 'place:mexico');
  rel('org:ctm', 'OPPOSES', 'org:fat');
  rel('org:lone', 'LOCATED_IN', 'place:mexico');
  return g;
}

describe('shortestPath', () => {
  it('should find the chain the shared definition finds, around a place when there is another way', () => {
    const g = _withPlaceShortcut();
    const p = shortestPath(g, 'org:stps', 'org:ctm')!;
    expect(p.nodes).toEqual(shortestPaths(g as never, ['org:stps'], ['org:ctm']).paths[0]);
    expect(p.nodes).toEqual(['org:stps', 'org:us-department-of-labor', 'org:afl-cio', 'org:fat', 'org:ctm']);
    expect(p.throughAvoided).toBe(false);
  });

  it('should pass through a place only when there is no other way, and say so', () => {
    const p = shortestPath(_withPlaceShortcut(), 'org:stps', 'org:lone')!;
    expect(p).toMatchObject({ nodes: ['org:stps', 'place:mexico', 'org:lone'], throughAvoided: true, alternatives: 1 });
  });

  it('should tell a chain beyond the hop limit from no chain at all', () => {
    const g = _fixtureGraph();
    let prev = 'org:fat';
    for (let i = 0; i < 12; i++) {
      g.addNode(`org:c${i}`, { nodeType: 'entity', type: 'Organization', name: `C${i}`, status: 'curated', x: 0, y: 0 });
      g.addDirectedEdgeWithKey(`${prev}|SUPPORTS|org:c${i}`, prev, `org:c${i}`, { edgeType: 'relation', predicate: 'SUPPORTS', evidence: [] });
      prev = `org:c${i}`;
    }
    expect(findPath(g, 'org:stps', 'org:c11')).toEqual({ path: null, longer: true });
    expect(findPath(g, 'org:stps', 'org:ilo').path!.nodes).toEqual(['org:stps', 'org:ilo']);
    expect(findPath(g, 'org:stps', 'place:nowhere')).toEqual({ path: null, longer: false });
  });


  it('should ignore edge direction and give the evidence of each hop', () => {
    const g = _fixtureGraph();
    const p = shortestPath(g, 'person:elaine-chao', 'org:fat')!;
    expect(p.nodes).toEqual(['person:elaine-chao', 'org:us-department-of-labor', 'org:afl-cio', 'org:fat']);
    expect(p.hops[1].edges[0]).toMatchObject({ predicate: 'SUPPORTS', source: 'org:afl-cio', target: 'org:us-department-of-labor' });
    expect(p.hops[2].edges[0].evidence[0].doc).toBe('doc:b');
  });

  it('should not route through documents and return null when unconnected', () => {
    const g = _fixtureGraph();
    g.addNode('org:lonely', { nodeType: 'entity', type: 'Organization', x: 0, y: 0 });
    g.addDirectedEdgeWithKey('doc:a|MENTIONS|org:lonely', 'doc:a', 'org:lonely', { edgeType: 'mentions', predicate: 'MENTIONS' });
    expect(shortestPath(g, 'org:stps', 'org:lonely')).toBeNull();
    expect(shortestPath(g, 'org:stps', 'org:nope')).toBeNull();
  });

  it('should respect the visible-edge restriction', () => {
    const g = _fixtureGraph();
    const only = new Set(['org:us-department-of-labor|COOPERATES_WITH|org:stps']);
    expect(shortestPath(g, 'org:stps', 'org:fat', only)).toBeNull();
  });
});
