import { describe, it, expect } from 'vitest';
import { resolveOverlaps } from '../../src/pipeline/overlap.js';
import type { Candidate } from '../../src/pipeline/context.js';

const _c = (start: number, end: number, rule: string, extra: Partial<Candidate> = {}): Candidate => ({ start, end, type: 'Organization', rule, ...extra });

describe('resolveOverlaps', () => {
  it('should keep the longest of overlapping candidates', () => {
    const kept = resolveOverlaps([_c(5, 24, 'gazetteer', { curated: ['org:dol'] }), _c(0, 24, 'org.head.first'), _c(30, 35, 'org.acronym')]);
    expect(kept.map((c) => [c.start, c.end, c.rule])).toEqual([[0, 24, 'org.head.first'], [30, 35, 'org.acronym']]);
  });

  it('should prefer curated, then specific rules, then generic ones on the same span', () => {
    expect(resolveOverlaps([_c(0, 10, 'org.head'), _c(0, 10, 'gazetteer', { curated: ['org:x'] })])[0]!.rule).toBe('gazetteer');
    expect(resolveOverlaps([_c(0, 10, 'person.compromise', { type: 'Person' }), _c(0, 10, 'person.title', { type: 'Person' })])[0]!.rule).toBe('person.title');
    expect(resolveOverlaps([_c(0, 10, 'org.acronym'), _c(0, 10, 'org.head')])[0]!.rule).toBe('org.head');
    expect(resolveOverlaps([_c(0, 10, 'person.surname'), _c(0, 10, 'case.numbered', { type: 'Case' })])[0]!.rule).toBe('case.numbered');
  });

  it('should move title and country of a loser on the same span to the winner', () => {
    const title = { text: 'Secretary of Labor', predicate: 'LEADS' as const, start: 0, end: 18, rule: 'title.labor-secretary' };
    const [winner] = resolveOverlaps([_c(19, 30, 'gazetteer', { type: 'Person', curated: ['person:x'] }), _c(19, 30, 'person.title', { type: 'Person', title, country: 'MX' })]);
    expect(winner).toMatchObject({ rule: 'gazetteer', title, country: 'MX' });
  });

  it('should return non-overlapping candidates sorted by start, without mutating the input', () => {
    const input = [_c(20, 25, 'a'), _c(0, 5, 'b'), _c(3, 8, 'c'), _c(10, 12, 'd')];
    const copy = JSON.parse(JSON.stringify(input));
    const kept = resolveOverlaps(input);
    expect(input).toEqual(copy);
    for (let i = 1; i < kept.length; i++) expect(kept[i]!.start).toBeGreaterThanOrEqual(kept[i - 1]!.end);
    expect(kept.map((c) => c.rule)).toEqual(['b', 'd', 'a']);
  });
});
