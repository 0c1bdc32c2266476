import { describe, it, expect } from 'vitest';
import { annotatorAgreement, cohenKappa, spanF1 } from '../../src/annotate/agreement.js';
import { _log } from './_helpers.js';

const s = (start: number, end: number, type?: string) => ({ doc: 'd', start, end, type });

describe('spanF1', () => {
  it.each([
    ['identical', [s(0, 3), s(5, 9)], [s(0, 3), s(5, 9)], { tp: 2, fp: 0, fn: 0, f1: 1 }],
    ['disjoint', [s(0, 3)], [s(4, 6)], { tp: 0, fp: 1, fn: 1, f1: 0 }],
    ['off by one is a miss', [s(0, 3), s(5, 9)], [s(0, 3), s(5, 8)], { tp: 1, fp: 1, fn: 1, f1: 0.5 }],
    ['empty', [], [], { tp: 0, fp: 0, fn: 0, f1: 0 }],
    ['subset', [s(0, 3), s(5, 9), s(10, 12)], [s(0, 3)], { tp: 1, fp: 0, fn: 2, precision: 1, recall: 1 / 3, f1: 0.5 }],
  ])('should score %s', (_n, a, b, expected) => {
    expect(spanF1(a, b)).toMatchObject(expected);
  });

  it('should count types only when asked', () => {
    expect(spanF1([s(0, 3, 'Person')], [s(0, 3, 'Organization')]).f1).toBe(1);
    expect(spanF1([s(0, 3, 'Person')], [s(0, 3, 'Organization')], { typed: true }).f1).toBe(0);
  });
});

describe('cohenKappa', () => {
  it.each([
    // textbook: 50 items, yes/yes 20, yes/no 5, no/yes 10, no/no 15 → po .7, pe .5, κ .4
    ['textbook', [...Array(20).fill(['y', 'y']), ...Array(5).fill(['y', 'n']), ...Array(10).fill(['n', 'y']), ...Array(15).fill(['n', 'n'])], 0.4],
    ['perfect', [['a', 'a'], ['r', 'r']], 1],
    ['chance', [['a', 'a'], ['a', 'r'], ['r', 'a'], ['r', 'r']], 0],
    ['one label both', [['a', 'a'], ['a', 'a']], 1],
  ])('should compute kappa: %s', (_n, pairs, kappa) => {
    expect(cohenKappa(pairs as [string, string][]).kappa).toBeCloseTo(kappa, 10);
  });

  it('should be NaN on no items', () => {
    expect(cohenKappa([]).kappa).toBeNaN();
  });
});

describe('annotatorAgreement', () => {
  it('should compare final decisions of two annotators', () => {
    const span = (start: number) => ({ start, end: start + 3, text: 'abc' });
    const ana = _log(
      { who: 'ana', action: 'reject', doc: 'd', span: span(0) },
      { who: 'ana', action: 'accept', doc: 'd', span: span(0) }, // latest wins
      { who: 'ana', action: 'reject', doc: 'd', span: span(10) },
      { who: 'ana', action: 'retype', doc: 'd', span: span(20), type: 'Organization' },
      { who: 'ana', action: 'add', doc: 'd', span: span(30), type: 'Person' },
      { who: 'ana', action: 'merge', entity: 'org:a', target: 'org:b' }, // not a span decision
    );
    const bob = _log(
      { who: 'bob', action: 'accept', doc: 'd', span: span(0) },
      { who: 'bob', action: 'accept', doc: 'd', span: span(10) },
      { who: 'bob', action: 'retype', doc: 'd', span: span(20), type: 'Organization' },
    );
    const r = annotatorAgreement(ana, bob);
    expect(r.spans).toMatchObject({ tp: 2, fp: 1, fn: 1 }); // kept: ana {0,20,30}, bob {0,10,20}
    expect(r.decisions).toMatchObject({ n: 3, observed: 2 / 3, categories: ['accept', 'reject', 'retype:Organization'] });
    // pe = (1/3·2/3) + (1/3·0) + (1/3·1/3) = 1/3 → κ = (2/3 − 1/3)/(2/3) = 0.5
    expect(r.decisions.kappa).toBeCloseTo(0.5, 10);
  });
});
