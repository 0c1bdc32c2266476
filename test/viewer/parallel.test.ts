import { describe, expect, it } from 'vitest';
import { parallelCurvatures, CURVE_STEP } from '../../viewer/src/lib/parallel.ts';
import { _fixtureGraph } from './_graph.ts';

describe('parallelCurvatures', () => {
  it('should leave single ties straight and fan parallel ones out symmetrically', () => {
    const g = _fixtureGraph();
    const rel = { edgeType: 'relation', predicate: 'FUNDS', evidence: [], rules: [], status: 'inferred', weight: 1 };
    g.addDirectedEdgeWithKey('org:afl-cio|FUNDS|org:fat', 'org:afl-cio', 'org:fat', rel);
    g.addDirectedEdgeWithKey('org:fat|SUPPORTS|org:afl-cio', 'org:fat', 'org:afl-cio', { ...rel, predicate: 'SUPPORTS' });
    const c = parallelCurvatures(g);
    expect(c.has('org:stps|LOCATED_IN|place:mexico')).toBe(false);
    const three = ['org:afl-cio|COOPERATES_WITH|org:fat', 'org:afl-cio|FUNDS|org:fat', 'org:fat|SUPPORTS|org:afl-cio'].map((e) => c.get(e)!);
    // three ties: one straight, two curved to either side (the reversed one mirrors its sign)
    expect(three.filter((x) => x === 0)).toHaveLength(1);
    expect(three.map(Math.abs).sort()).toEqual([0, CURVE_STEP, CURVE_STEP]);
  });

  it('should ignore MENTIONS edges and self-loops', () => {
    const g = _fixtureGraph();
    g.addDirectedEdgeWithKey('org:stps|PART_OF|org:stps', 'org:stps', 'org:stps', { edgeType: 'relation', predicate: 'PART_OF' });
    expect(parallelCurvatures(g).size).toBe(0);
  });
});
