import { describe, it, expect } from 'vitest';
import { alignEntities, emptyScores, prf, scoreDocument, total } from '../../src/eval/score.js';
import { formatReport, headline } from '../../src/eval/run.js';
import type { Gold } from '../../src/eval/gold.js';
import type { Entity, Extraction, Relation } from '../../src/types.js';

// Text (for orientation):  "STPS      Elaine Chao   Mexico    STPS      Foo"
//                           0   4     10         21   30    36    40  44    50 53
const GOLD: Gold = {
  doc: 't.txt',
  entities: [
    { id: 'g:stps', type: 'Organization', name: 'STPS', aliases: ['STPS'], country: 'MX' },
    { id: 'g:chao', type: 'Person', name: 'Elaine Chao', aliases: [], country: 'US' },
    { id: 'g:mexico', type: 'Place', name: 'Mexico', aliases: [], country: null },
  ],
  mentions: [
    { start: 0, end: 4, text: 'STPS', entity: 'g:stps' },
    { start: 10, end: 21, text: 'Elaine Chao', entity: 'g:chao' },
    { start: 30, end: 36, text: 'Mexico', entity: 'g:mexico' },
    { start: 40, end: 44, text: 'STPS', entity: 'g:stps' },
  ],
  relations: [
    { subject: 'g:chao', predicate: 'COOPERATES_WITH', object: 'g:stps', evidence: 'Elaine Chao cooperated with the STPS.' },
    { subject: 'g:stps', predicate: 'LOCATED_IN', object: 'g:mexico', evidence: 'The STPS is in Mexico.' },
  ],
};

const _e = (id: string, type: Entity['type'], name: string, spans: [number, number][], country: Entity['country'] = null): Entity => ({
  id, type, name, aliases: [name], country, status: 'inferred', mentions: spans.map(([start, end]) => ({ start, end, text: 'x', rule: 'test' })),
});
const _r = (subject: string, predicate: Relation['predicate'], object: string): Relation => ({ subject, predicate, object, evidence: { start: 0, end: 1 }, rule: 'test' });

const PRED: Extraction = {
  doc: 't.txt',
  entities: [
    _e('p:stps', 'Organization', 'STPS', [[0, 4], [40, 44]], 'MX'),
    _e('p:chao', 'Person', 'Chao', [[16, 21]]), // overlaps the gold span, not exact; country missing
    _e('p:foo', 'Organization', 'Foo', [[50, 53]]), // spurious
  ],
  relations: [
    _r('p:stps', 'COOPERATES_WITH', 'p:chao'), // gold has it the other way round: symmetric, so a hit
    _r('p:stps', 'LEADS', 'p:foo'), // spurious
  ],
};

function _scored(pred = PRED, gold = GOLD) {
  const scores = emptyScores();
  scoreDocument(scores, pred, gold);
  return scores;
}

describe('prf / total', () => {
  it('should compute precision, recall and F1, and 0 for empty counts', () => {
    expect(prf({ tp: 3, fp: 1, fn: 2 })).toEqual({ p: 0.75, r: 0.6, f1: 2 * 0.75 * 0.6 / 1.35 });
    expect(prf({ tp: 0, fp: 0, fn: 0 })).toEqual({ p: 0, r: 0, f1: 0 });
    expect(prf({ tp: 0, fp: 2, fn: 3 })).toEqual({ p: 0, r: 0, f1: 0 });
  });

  it('should sum counts over types', () => {
    expect(total({ A: { tp: 1, fp: 2, fn: 3 }, B: { tp: 10, fp: 20, fn: 30 } })).toEqual({ tp: 11, fp: 22, fn: 33 });
    expect(total({})).toEqual({ tp: 0, fp: 0, fn: 0 });
  });
});

describe('alignEntities', () => {
  it('should link by shared span and type', () => {
    expect([...alignEntities(PRED, GOLD)]).toEqual([['p:stps', new Set(['g:stps'])], ['p:chao', new Set(['g:chao'])]]);
  });

  it('should align by name alone when no span is shared', () => {
    const pred: Extraction = { doc: 't.txt', entities: [_e('p:mx', 'Place', 'Mexico', [[100, 106]])], relations: [] };
    expect([...alignEntities(pred, GOLD)]).toEqual([['p:mx', new Set(['g:mexico'])]]);
  });

  it('should never align across types', () => {
    const pred: Extraction = { doc: 't.txt', entities: [_e('p:x', 'Organization', 'Mexico', [[30, 36]])], relations: [] };
    expect(alignEntities(pred, GOLD).size).toBe(0);
  });

  it('should link several predictions to one gold entity, as the independent scorer does', () => {
    const pred: Extraction = { doc: 't.txt', entities: [_e('p:one', 'Organization', 'Other', [[0, 4]]), _e('p:two', 'Organization', 'STPS', [[40, 44]])], relations: [] };
    expect([...alignEntities(pred, GOLD)]).toEqual([['p:one', new Set(['g:stps'])], ['p:two', new Set(['g:stps'])]]);
  });

  it('should use each gold mention for one overlapping prediction only', () => {
    const pred: Extraction = { doc: 't.txt', entities: [_e('p:one', 'Organization', 'Other', [[0, 4]]), _e('p:two', 'Organization', 'Else', [[1, 3]])], relations: [] };
    expect([...alignEntities(pred, GOLD)]).toEqual([['p:one', new Set(['g:stps'])]]);
  });
});

describe('scoreDocument', () => {
  it('should count exact-span mentions by type', () => {
    const s = _scored();
    expect(s.mentionsExact).toEqual({ Organization: { tp: 2, fp: 1, fn: 0 }, Person: { tp: 0, fp: 1, fn: 1 }, Place: { tp: 0, fp: 0, fn: 1 } });
    expect(prf(total(s.mentionsExact))).toEqual({ p: 0.5, r: 0.5, f1: 0.5 });
  });

  it('should count overlapping-span mentions by type, each gold mention used once', () => {
    const s = _scored();
    expect(s.mentionsOverlap).toEqual({ Organization: { tp: 2, fp: 1, fn: 0 }, Person: { tp: 1, fp: 0, fn: 0 }, Place: { tp: 0, fp: 0, fn: 1 } });
    expect(prf(total(s.mentionsOverlap))).toEqual({ p: 0.75, r: 0.75, f1: 0.75 });
  });

  it('should count entities once per document, however often mentioned', () => {
    const s = _scored();
    expect(s.entities).toEqual({ Organization: { tp: 1, ptp: 1, fp: 1, fn: 0 }, Person: { tp: 1, ptp: 1, fp: 0, fn: 0 }, Place: { tp: 0, ptp: 0, fp: 0, fn: 1 } });
    const { p, r, f1 } = prf(total(s.entities));
    expect([p, r, f1]).toEqual([2 / 3, 2 / 3, 2 / 3]);
  });

  it('should match relations through the alignment, COOPERATES_WITH in either order', () => {
    const s = _scored();
    expect(s.relations).toEqual({ COOPERATES_WITH: { tp: 1, fp: 0, fn: 0 }, LEADS: { tp: 0, fp: 1, fn: 0 }, LOCATED_IN: { tp: 0, fp: 0, fn: 1 } });
    expect(prf(total(s.relations))).toEqual({ p: 0.5, r: 0.5, f1: 0.5 });
  });

  it('should not count a symmetric relation twice when predicted in both orders', () => {
    const pred = { ...PRED, relations: [_r('p:stps', 'COOPERATES_WITH', 'p:chao'), _r('p:chao', 'COOPERATES_WITH', 'p:stps')] };
    expect(_scored(pred).relations.COOPERATES_WITH).toEqual({ tp: 1, fp: 1, fn: 0 });
  });

  it('should not accept a directed relation in the wrong order', () => {
    const pred = { ...PRED, entities: [...PRED.entities, _e('p:mx', 'Place', 'Mexico', [[30, 36]])], relations: [_r('p:mx', 'LOCATED_IN', 'p:stps')] };
    expect(_scored(pred).relations.LOCATED_IN).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it('should measure country accuracy on linked people and organisations with a gold country', () => {
    const s = _scored();
    expect(s.country).toEqual({ correct: 1, total: 2 });
    expect(s.errors[0]!.wrongCountry).toEqual(['Elaine Chao: null ≠ US']);
  });

  it('should list missed and spurious items for error analysis', () => {
    const [err] = _scored().errors;
    expect(err).toMatchObject({
      doc: 't.txt',
      missedEntities: ['Place Mexico'],
      spuriousEntities: ['Organization Foo [test]'],
      spuriousRelations: ['p:stps LEADS p:foo [test]'],
    });
    expect(err!.missedRelations).toEqual(['g:stps LOCATED_IN g:mexico :: The STPS is in Mexico.']);
  });

  it('should give perfect scores to a perfect extraction and add up across documents', () => {
    const perfect: Extraction = {
      doc: 't.txt',
      entities: [_e('a', 'Organization', 'STPS', [[0, 4], [40, 44]], 'MX'), _e('b', 'Person', 'Elaine Chao', [[10, 21]], 'US'), _e('c', 'Place', 'Mexico', [[30, 36]])],
      relations: [_r('b', 'COOPERATES_WITH', 'a'), _r('a', 'LOCATED_IN', 'c')],
    };
    const scores = emptyScores();
    scoreDocument(scores, perfect, GOLD);
    scoreDocument(scores, perfect, GOLD);
    const h = headline(scores);
    expect(h).toEqual({ entityF1: 1, relationF1: 1, mentionF1: 1, country: 1 });
    expect(total(scores.entities)).toEqual({ tp: 6, ptp: 6, fp: 0, fn: 0 });
    expect(scores.errors).toHaveLength(2);
  });
});

describe('formatReport / headline', () => {
  it('should print one table per measure with an ALL row, and the country accuracy', () => {
    const s = _scored();
    const report = formatReport(s);
    for (const title of ['Mentions (exact span + type)', 'Mentions (overlapping span + type)', 'Entities (document level, typed)', 'Relations']) expect(report).toContain(title);
    expect(report).toMatch(/Entities \(document level, typed\)\n.*\n(.*\n){3}\s+ALL\s+66\.7\s+66\.7\s+66\.7\s+2\s+1\s+1/);
    expect(report).toContain('Country accuracy (Person/Organization with a gold country):  50.0%  (1/2)');
    expect(headline(s)).toEqual({ entityF1: 2 / 3, relationF1: 0.5, mentionF1: 0.75, country: 0.5 });
  });

  it('should print n/a and 0 for an empty sheet', () => {
    expect(formatReport(emptyScores())).toContain('Country accuracy (Person/Organization with a gold country):   n/a%  (0/0)');
    expect(headline(emptyScores())).toEqual({ entityF1: 0, relationF1: 0, mentionF1: 0, country: 0 });
  });
});
