import { describe, expect, it } from 'vitest';
import { segment, sentenceAround } from '../../viewer/src/lib/highlight.ts';
import type { MarkSpan } from '../../viewer/src/lib/highlight.ts';
import { docModel, primaryMention } from '../../viewer/src/lib/doc-model.ts';
import type { Extraction } from '../../src/types.ts';

const m = (start: number, end: number, id: number): MarkSpan => ({ start, end, kind: 'mention', id });
const ev = (start: number, end: number, id: number): MarkSpan => ({ start, end, kind: 'evidence', id });

describe('segment', () => {
  it('should cover the whole text with plain and marked segments', () => {
    const segs = segment(20, [m(2, 5, 0), m(10, 12, 1)]);
    expect(segs.map((s) => [s.start, s.end, s.mentions])).toEqual([[0, 2, []], [2, 5, [0]], [5, 10, []], [10, 12, [1]], [12, 20, []]]);
  });

  it('should split overlapping mentions and evidence into flat segments', () => {
    const segs = segment(12, [ev(0, 10, 0), m(2, 6, 0), m(4, 8, 1)]);
    expect(segs.map((s) => [s.start, s.end, s.mentions, s.evidence])).toEqual([
      [0, 2, [], [0]], [2, 4, [0], [0]], [4, 6, [0, 1], [0]], [6, 8, [1], [0]], [8, 10, [], [0]], [10, 12, [], []],
    ]);
  });

  it('should not merge touching spans and should drop empty or out-of-range ones', () => {
    const segs = segment(6, [m(0, 3, 0), m(3, 6, 1), m(4, 4, 2), m(5, 99, 3), m(-5, -1, 4)]);
    expect(segs.map((s) => [s.start, s.end, s.mentions])).toEqual([[0, 3, [0]], [3, 5, [1]], [5, 6, [1, 3]]]);
  });

  it('should give one plain segment without spans and none for empty text', () => {
    expect(segment(5, [])).toEqual([{ start: 0, end: 5, mentions: [], evidence: [] }]);
    expect(segment(0, [m(0, 1, 0)])).toEqual([]);
  });

  it('should stay fast on a large document', () => {
    const spans = Array.from({ length: 3000 }, (_, i) => m(i * 25, i * 25 + 10, i));
    const t = performance.now();
    const segs = segment(75_000, spans);
    expect(performance.now() - t).toBeLessThan(200);
    expect(segs.length).toBe(6000);
  });
});

describe('sentenceAround', () => {
  it('should find the sentence of a mention', () => {
    const text = 'First one. The STPS met the DOL. Last.';
    const s = sentenceAround(text, text.indexOf('STPS'), text.indexOf('STPS') + 4);
    expect(text.slice(s.start, s.end)).toBe('The STPS met the DOL.');
  });
});

describe('docModel', () => {
  const ex: Extraction = {
    doc: 'a.txt',
    entities: [
      { id: 'org:b', type: 'Organization', name: 'B', aliases: [], country: null, status: 'inferred', mentions: [{ start: 10, end: 12, text: 'Bx', rule: 'r' }] },
      { id: 'org:a', type: 'Organization', name: 'A', aliases: [], country: 'US', status: 'curated', mentions: [{ start: 0, end: 8, text: 'A long x', rule: 'g', status: 'confirmed' }, { start: 2, end: 6, text: 'long', rule: 'g' }] },
    ],
    relations: [{ subject: 'org:a', predicate: 'SUPPORTS', object: 'org:b', evidence: { start: 0, end: 12 }, rule: 'x' },
      { subject: 'org:a', predicate: 'OPPOSES', object: 'org:b', evidence: { start: 0, end: 12 }, rule: 'x', status: 'rejected' }],
  };

  it('should order mentions by offset (outer first) and number them', () => {
    const { mentions, marks } = docModel(ex);
    expect(mentions.map((x) => [x.id, x.mention.start, x.entity.id])).toEqual([[0, 0, 'org:a'], [1, 2, 'org:a'], [2, 10, 'org:b']]);
    expect(marks.filter((k) => k.kind === 'evidence')).toEqual([{ start: 0, end: 12, kind: 'evidence', id: 0 }]);
  });

  it('should pick the shortest mention of an overlapped segment', () => {
    const { mentions } = docModel(ex);
    expect(primaryMention([0, 1], mentions)?.mention.text).toBe('long');
  });
});
