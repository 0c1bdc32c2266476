import { describe, expect, it } from 'vitest';
import { rankBrokers } from '../../viewer/src/lib/brokers.ts';
import { shortestPath } from '../../viewer/src/lib/paths.ts';
import { _fixtureGraph } from './_graph.ts';

describe('rankBrokers', () => {
  it('should rank actors tied to both the US and Mexico, weaker side first', () => {
    const g = _fixtureGraph();
    const list = rankBrokers(g, 'US-MX');
    // DOL: STPS (MX) + Chao, AFL-CIO (US); AFL-CIO: FAT (MX) + DOL (US); STPS: DOL (US) + Mexico (MX)
    expect(list.map((b) => b.key).sort()).toEqual(['org:afl-cio', 'org:stps', 'org:us-department-of-labor']);
    const dol = list.find((b) => b.key === 'org:us-department-of-labor')!;
    expect([dol.sideA, dol.sideB]).toEqual([2, 1]);
    expect(list.some((b) => b.key === 'place:mexico')).toBe(false);
  });

  it('should count only the given edges (current filters)', () => {
    const g = _fixtureGraph();
    expect(rankBrokers(g, 'US-MX', new Set(['org:afl-cio|COOPERATES_WITH|org:fat'])).length).toBe(0);
  });
});

describe('shortestPath', () => {
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
