import { describe, expect, it } from 'vitest';
import { rankBrokers } from '../../viewer/src/lib/brokers.ts';
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
