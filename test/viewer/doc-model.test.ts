// The document view's pure model: mention order, rejected spans (undo-aware), arc ends, evidence, review queue.
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/types.ts';
import { docModel, evidenceFor, mentionsByEntity, rejectedSpans, relationEnds } from '../../viewer/src/lib/doc-model.ts';
import { reviewQueue, stepQueue, stepText, anchorOf } from '../../viewer/src/lib/review-queue.ts';
import { _log } from '../annotate/_helpers.ts';

const ex: Extraction = {
  doc: 'a.txt',
  entities: [
    { id: 'org:b', type: 'Organization', name: 'B', aliases: [], country: null, status: 'inferred', mentions: [{ start: 10, end: 12, text: 'Bx', rule: 'r' }, { start: 40, end: 42, text: 'Bx', rule: 'r' }] },
    { id: 'org:a', type: 'Organization', name: 'A', aliases: [], country: 'US', status: 'curated', mentions: [{ start: 0, end: 8, text: 'A long x', rule: 'g', status: 'confirmed' }, { start: 2, end: 6, text: 'long', rule: 'g' }] },
    { id: 'person:c', type: 'Person', name: 'C', aliases: [], country: null, status: 'inferred', mentions: [{ start: 20, end: 21, text: 'C', rule: 'r' }] },
  ],
  relations: [{ subject: 'org:a', predicate: 'SUPPORTS', object: 'org:b', evidence: { start: 0, end: 12 }, rule: 'x' }],
};

describe('docModel', () => {
  it('should order mentions by offset, outer first, and number them', () => {
    const { mentions } = docModel(ex);
    expect(mentions.map((x) => [x.id, x.mention.start, x.entity.id])).toEqual([[0, 0, 'org:a'], [1, 2, 'org:a'], [2, 10, 'org:b'], [3, 20, 'person:c'], [4, 40, 'org:b']]);
  });

  it('should show a rejected span struck through, unless a live mention overlaps it', () => {
    const rej = [{ start: 30, end: 35, text: 'xxxxx', who: 'ana' }, { start: 3, end: 5, text: 'on', who: 'ana' }];
    const { mentions } = docModel(ex, rej);
    expect(mentions.filter((m) => m.mention.status === 'rejected').map((m) => m.mention.start)).toEqual([30]);
  });

  it('should take undone rejections back', () => {
    const span = { start: 30, end: 35, text: 'xxxxx' };
    expect(rejectedSpans(_log({ action: 'reject', doc: 'a.txt', span }))).toHaveLength(1);
    expect(rejectedSpans(_log({ action: 'reject', doc: 'a.txt', span }, { action: 'undo', undoes: 1 }))).toEqual([]);
  });

  it('should join a relation’s arc between the mentions inside its evidence', () => {
    const { mentions } = docModel(ex);
    const ends = relationEnds(ex.relations[0]!, mentionsByEntity(mentions));
    expect(ends?.map((m) => m.mention.start)).toEqual([0, 10]);
  });

  it('should take the sentences holding both spans as evidence', () => {
    const sentences: [number, number][] = [[0, 15], [16, 30], [31, 50]];
    expect(evidenceFor(sentences, { start: 20, end: 21 }, { start: 2, end: 6 })).toEqual({ start: 0, end: 30 });
    expect(evidenceFor(sentences, { start: 17, end: 18 }, { start: 20, end: 21 })).toEqual({ start: 16, end: 30 });
  });
});

describe('review queue', () => {
  const { mentions } = docModel(ex);
  it('should put the rules’ guesses first, then curated names, each in text order', () => {
    expect(reviewQueue(mentions).map((id) => mentions[id]!.mention.start)).toEqual([10, 20, 40, 2]);
  });

  it('should step from where the cursor was, even after that mention left the queue', () => {
    const queue = reviewQueue(mentions);
    expect(mentions[stepQueue(mentions, queue, null, 1)!]!.mention.start).toBe(10);
    const at20 = anchorOf(mentions[3]!);
    expect(mentions[stepQueue(mentions, queue, at20, 1)!]!.mention.start).toBe(40);
    expect(mentions[stepQueue(mentions, queue.filter((id) => id !== 3), at20, 1)!]!.mention.start).toBe(40);
    expect(mentions[stepQueue(mentions, queue, at20, -1)!]!.mention.start).toBe(10);
    // past the last curated one it wraps to the first inferred one
    expect(mentions[stepQueue(mentions, queue, anchorOf(mentions[1]!), 1)!]!.mention.start).toBe(10);
    expect(stepQueue(mentions, [], null, 1)).toBeNull();
  });

  it('should step through every mention in text order with [ and ]', () => {
    expect(stepText(mentions, 4, 1)).toBe(0);
    expect(stepText(mentions, 0, -1)).toBe(4);
  });
});
