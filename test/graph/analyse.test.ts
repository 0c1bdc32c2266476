import { describe, it, expect } from 'vitest';
import Graph from 'graphology';
import { analyse, relationMetrics, seeded } from '../../src/graph/analyse.js';
import type { EdgeAttributes, NodeAttributes } from '../../src/types.js';

function _graph(): Graph<NodeAttributes, EdgeAttributes> {
  const g = new Graph<NodeAttributes, EdgeAttributes>({ type: 'mixed', multi: true });
  const ent = (label: string) => ({ nodeType: 'entity', type: 'Organization', label, name: label, aliases: [], country: null, status: 'inferred', mentions: 1, documents: [], degree: 0, community: 0, x: 0, y: 0, size: 0 }) as NodeAttributes;
  for (const n of ['a', 'b', 'c', 'x', 'y', 'z']) g.addNode(n, ent(n));
  const rel = { edgeType: 'relation', predicate: 'COOPERATES_WITH', evidence: [], rules: [], status: 'inferred', weight: 3 } as EdgeAttributes;
  for (const [s, t] of [['a', 'b'], ['b', 'c'], ['a', 'c'], ['x', 'y'], ['y', 'z'], ['x', 'z']]) g.addUndirectedEdgeWithKey(`${s}|${t}`, s!, t!, rel);
  g.addDirectedEdgeWithKey('c|x', 'c', 'x', { ...rel, predicate: 'FUNDS', weight: 1 } as EdgeAttributes);
  return g;
}

describe('seeded', () => {
  it('should give the same sequence for the same seed, in [0, 1)', () => {
    const a = seeded(7);
    const b = seeded(7);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    expect(seeded(8)()).not.toBe(xs[0]);
  });
});

describe('analyse', () => {
  it('should set degree, size and two communities for two triangles joined by one edge', () => {
    const g = _graph();
    analyse(g);
    expect(g.getNodeAttribute('c', 'degree')).toBe(3);
    expect(g.getNodeAttribute('a', 'degree')).toBe(2);
    expect(g.getNodeAttribute('a', 'size')).toBeCloseTo(3 + Math.sqrt(2) * 2, 3);
    const com = (n: string) => g.getNodeAttribute(n, 'community');
    expect(com('a')).toBe(com('b'));
    expect(com('b')).toBe(com('c'));
    expect(com('x')).toBe(com('y'));
    expect(com('a')).not.toBe(com('x'));
  });

  it('should count only relation ties in the degree, never MENTIONS edges', () => {
    const g = _graph();
    g.addNode('doc:d', { nodeType: 'document', type: 'Document', label: 'd', name: 'd.txt', path: 'd.txt', title: 'd', sha256: '', degree: 0, community: 0, x: 0, y: 0, size: 0 } as NodeAttributes);
    for (const n of ['a', 'c', 'x']) g.addDirectedEdgeWithKey(`doc:d|MENTIONS|${n}`, 'doc:d', n, { edgeType: 'mentions', predicate: 'MENTIONS', spans: [], weight: 1 } as EdgeAttributes);
    analyse(g);
    expect(g.getNodeAttribute('c', 'degree')).toBe(3);
    expect(g.getNodeAttribute('a', 'degree')).toBe(2);
    expect(g.getNodeAttribute('doc:d', 'degree')).toBe(0);
    expect(g.getNodeAttribute('doc:d', 'entities')).toBe(3);
  });

  it('should give the bridge the highest betweenness and rank PageRank along the ties', () => {
    const g = _graph();
    analyse(g);
    const bc = (n: string) => g.getNodeAttribute(n, 'betweenness') as number;
    // c and x join the two triangles: every path between them crosses both
    expect(bc('c')).toBeGreaterThan(bc('a'));
    expect(bc('x')).toBeGreaterThan(bc('y'));
    expect(bc('a')).toBe(0);
    const pr = (n: string) => g.getNodeAttribute(n, 'pagerank') as number;
    // c funds x (a directed tie into x): x gains rank from c's side
    expect(pr('x')).toBeGreaterThan(pr('y'));
    let sum = 0;
    g.forEachNode((n) => { sum += pr(n); });
    expect(sum).toBeCloseTo(1, 2);
  });

  it.each([
    ['a parallel tie of another predicate', (g: Graph<NodeAttributes, EdgeAttributes>) => g.addDirectedEdgeWithKey('a|LEADS|b', 'a', 'b', { edgeType: 'relation', predicate: 'LEADS', evidence: [], rules: [], status: 'inferred', weight: 1 } as EdgeAttributes), 'a', 3],
    ['a self-loop', (g: Graph<NodeAttributes, EdgeAttributes>) => g.addDirectedEdgeWithKey('a|PART_OF|a', 'a', 'a', { edgeType: 'relation', predicate: 'PART_OF', evidence: [], rules: [], status: 'inferred', weight: 1 } as EdgeAttributes), 'a', 3],
  ])('should count %s once per edge', (_name, add, node, degree) => {
    const g = _graph();
    add(g);
    expect(relationMetrics(g).get(node)!.degree).toBe(degree);
  });

  it('should lay out deterministically, rounded to 3 decimals', () => {
    const g1 = _graph();
    const g2 = _graph();
    analyse(g1);
    analyse(g2);
    expect(g1.mapNodes((_n, a) => [a.x, a.y])).toEqual(g2.mapNodes((_n, a) => [a.x, a.y]));
    g1.forEachNode((_n, a) => {
      expect(Math.round(a.x * 1000) / 1000).toBe(a.x);
      expect(Number.isFinite(a.y)).toBe(true);
    });
  });

  it('should place nodes by a hash of their key when the layout is skipped', () => {
    const g = _graph();
    analyse(g, { layout: false });
    const a = [g.getNodeAttribute('a', 'x'), g.getNodeAttribute('a', 'y')];
    const h = _graph();
    h.dropNode('z');
    analyse(h, { layout: false });
    expect([h.getNodeAttribute('a', 'x'), h.getNodeAttribute('a', 'y')]).toEqual(a);
    for (const v of a) expect(Math.abs(v!)).toBeLessThanOrEqual(50);
  });

  it('should cope with an empty graph and a graph without edges', () => {
    const empty = new Graph<NodeAttributes, EdgeAttributes>({ type: 'mixed', multi: true });
    expect(() => analyse(empty)).not.toThrow();
    const g = _graph();
    g.clearEdges();
    analyse(g);
    g.forEachNode((_n, a) => {
      expect(a.degree).toBe(0);
      expect(a.community).toBe(0);
      expect(a.size).toBe(3);
    });
  });
});
