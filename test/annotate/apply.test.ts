import { describe, it, expect } from 'vitest';
import { applyCorrections } from '../../src/annotate/apply.js';
import { anchorSpan } from '../../src/annotate/anchor.js';
import type { Extraction } from '../../src/types.js';
import { _doc, _e, _log, _m } from './_helpers.js';

const TEXT = 'Elaine Chao met the STPS in Mexico. Chao and STPS signed the NAALC. Fox spoke.';
const doc = _doc(TEXT);

function _ex(): Extraction {
  return {
    doc: 'd.txt',
    entities: [
      _e('person:elaine-chao', 'Person', 'Elaine Chao', [_m(TEXT, 'Elaine Chao'), _m(TEXT, 'Chao', 1)]),
      _e('person:stps', 'Person', 'STPS', [_m(TEXT, 'STPS'), _m(TEXT, 'STPS', 1)]),
      _e('place:mexico', 'Place', 'Mexico', [_m(TEXT, 'Mexico')], { status: 'curated', country: 'MX' }),
      _e('agreement:naalc', 'Agreement', 'NAALC', [_m(TEXT, 'NAALC')], { status: 'curated' }),
      _e('person:fox', 'Person', 'Fox', [_m(TEXT, 'Fox')]),
    ],
    relations: [
      { subject: 'person:elaine-chao', predicate: 'COOPERATES_WITH', object: 'person:stps', evidence: { start: 0, end: 35 }, rule: 'r1' },
      { subject: 'person:stps', predicate: 'SIGNED', object: 'agreement:naalc', evidence: { start: 36, end: 67 }, rule: 'r2' },
      { subject: 'person:fox', predicate: 'SUPPORTS', object: 'agreement:naalc', evidence: { start: 68, end: 79 }, rule: 'r3' },
    ],
  };
}
const span = (needle: string, nth = 0) => { const { start, end, text } = _m(TEXT, needle, nth); return { start, end, text }; };
const ids = (ex: Extraction) => ex.entities.map((e) => e.id).sort();

describe('applyCorrections', () => {
  it('should not touch its input', () => {
    const ex = _ex();
    const before = structuredClone(ex);
    applyCorrections(doc, ex, _log({ action: 'reject', doc: 'd.txt', span: span('Fox') }, { action: 'merge', entity: 'person:stps', target: 'org:stps' }));
    expect(ex).toEqual(before);
  });

  it('should confirm an accepted mention and its inferred entity', () => {
    const { extraction } = applyCorrections(doc, _ex(), _log({ action: 'accept', doc: 'd.txt', span: span('Chao', 1) }));
    const chao = extraction.entities.find((e) => e.id === 'person:elaine-chao')!;
    expect(chao.mentions.map((m) => m.status)).toEqual(['inferred', 'confirmed']);
    expect(chao.status).toBe('confirmed');
  });

  it('should remove a rejected mention, then the entity and its relations when none are left', () => {
    const { extraction } = applyCorrections(doc, _ex(), _log({ action: 'reject', doc: 'd.txt', span: span('Fox') }));
    expect(ids(extraction)).not.toContain('person:fox');
    expect(extraction.relations.map((r) => r.rule)).toEqual(['r1', 'r2']);
    const one = applyCorrections(doc, _ex(), _log({ action: 'reject', doc: 'd.txt', span: span('STPS') })).extraction;
    expect(one.entities.find((e) => e.id === 'person:stps')!.mentions).toHaveLength(1);
    expect(one.relations).toHaveLength(3);
  });

  it('should retype an entity everywhere, changing the id prefix and re-pointing relations', () => {
    const { extraction } = applyCorrections(doc, _ex(), _log({ action: 'retype', entity: 'person:stps', type: 'Organization' }));
    expect(ids(extraction)).toContain('org:stps');
    expect(ids(extraction)).not.toContain('person:stps');
    expect(extraction.entities.find((e) => e.id === 'org:stps')!.type).toBe('Organization');
    expect(extraction.relations.filter((r) => r.subject === 'org:stps' || r.object === 'org:stps')).toHaveLength(2);
  });

  it('should retype a single-mention entity by span and only move the mention of a multi-mention one', () => {
    const single = applyCorrections(doc, _ex(), _log({ action: 'retype', doc: 'd.txt', span: span('Fox'), type: 'Organization' })).extraction;
    expect(ids(single)).toContain('org:fox');
    expect(single.relations.find((r) => r.rule === 'r3')!.subject).toBe('org:fox');
    const multi = applyCorrections(doc, _ex(), _log({ action: 'retype', doc: 'd.txt', span: span('STPS', 1), type: 'Organization' })).extraction;
    expect(multi.entities.find((e) => e.id === 'person:stps')!.mentions).toHaveLength(1);
    expect(multi.entities.find((e) => e.id === 'org:stps')!.mentions[0]).toMatchObject({ ...span('STPS', 1), status: 'confirmed' });
  });

  it('should link a mention to another entity, creating it with the given name', () => {
    const { extraction } = applyCorrections(doc, _ex(), _log(
      { action: 'link', doc: 'd.txt', span: span('Fox'), target: 'person:vicente-fox', name: 'Vicente Fox' },
    ));
    const fox = extraction.entities.find((e) => e.id === 'person:vicente-fox')!;
    expect(fox).toMatchObject({ name: 'Vicente Fox', type: 'Person', aliases: ['Fox'] });
    expect(ids(extraction)).not.toContain('person:fox');
    expect(extraction.relations.find((r) => r.rule === 'r3')!.subject).toBe('person:vicente-fox');
  });

  it('should add a confirmed mention to a new or an existing entity', () => {
    const text = 'Chao and';
    const { extraction } = applyCorrections(doc, _ex(), _log(
      { action: 'add', doc: 'd.txt', span: span('Mexico'), target: 'place:mexico' }, // already there: no duplicate
      { action: 'add', doc: 'd.txt', span: span('met the STPS'), type: 'Event', name: 'The Meeting', country: 'MX' },
      { action: 'add', doc: 'd.txt', span: span(text), target: 'person:elaine-chao' },
    ));
    expect(extraction.entities.find((e) => e.id === 'place:mexico')!.mentions).toHaveLength(1);
    expect(extraction.entities.find((e) => e.id === 'event:the-meeting')).toMatchObject({
      type: 'Event', name: 'The Meeting', country: 'MX', status: 'confirmed',
      mentions: [{ ...span('met the STPS'), status: 'confirmed', rule: 'correction:add' }],
    });
    expect(extraction.entities.find((e) => e.id === 'person:elaine-chao')!.mentions).toHaveLength(3);
  });

  it('should merge an entity into another: aliases, relations re-pointed, self-loops dropped', () => {
    const { extraction } = applyCorrections(doc, _ex(), _log({ action: 'merge', entity: 'person:stps', target: 'person:elaine-chao' }));
    const chao = extraction.entities.find((e) => e.id === 'person:elaine-chao')!;
    expect(chao.mentions).toHaveLength(4);
    expect(chao.aliases).toContain('STPS');
    expect(extraction.relations.map((r) => r.rule)).toEqual(['r2', 'r3']); // r1 became a self-loop
    expect(extraction.relations[0].subject).toBe('person:elaine-chao');
  });

  it('should follow ids through earlier renames (retype then set-country by old id)', () => {
    const { extraction } = applyCorrections(doc, _ex(), _log(
      { action: 'retype', entity: 'person:stps', type: 'Organization' },
      { action: 'merge', entity: 'person:fox', target: 'person:vicente-fox', name: 'Vicente Fox' },
      { action: 'set-country', entity: 'person:stps', country: 'MX' },
      { action: 'set-country', entity: 'person:fox', country: 'MX' },
    ));
    expect(extraction.entities.find((e) => e.id === 'org:stps')!.country).toBe('MX');
    expect(extraction.entities.find((e) => e.id === 'person:vicente-fox')).toMatchObject({ name: 'Vicente Fox', country: 'MX' });
  });

  it('should let the latest correction per key win', () => {
    const { extraction } = applyCorrections(doc, _ex(), _log(
      { action: 'reject', doc: 'd.txt', span: span('Fox') },
      { action: 'accept', doc: 'd.txt', span: span('Fox') },
    ));
    expect(extraction.entities.find((e) => e.id === 'person:fox')!.mentions[0].status).toBe('confirmed');
  });

  it('should ignore span corrections for other documents but apply global ones', () => {
    const { extraction } = applyCorrections(doc, _ex(), _log(
      { action: 'reject', doc: 'other.txt', span: span('Fox') },
      { action: 'reject', entity: 'person:fox', doc: 'other.txt' },
      { action: 'set-country', entity: 'person:fox', country: 'MX' },
    ));
    expect(extraction.entities.find((e) => e.id === 'person:fox')!.country).toBe('MX');
  });

  it('should add, retype and delete relations', () => {
    const { extraction, stale } = applyCorrections(doc, _ex(), _log(
      { action: 'add-relation', doc: 'd.txt', relation: { subject: 'person:fox', predicate: 'OPPOSES', object: 'person:stps' }, evidence: { start: 36, end: 79 } },
      { action: 'add-relation', doc: 'd.txt', relation: { subject: 'person:fox', predicate: 'LEADS', object: 'org:nowhere' } },
      { action: 'retype-relation', relation: { subject: 'person:stps', predicate: 'SIGNED', object: 'agreement:naalc' }, predicate: 'SUPPORTS' },
      { action: 'delete-relation', doc: 'd.txt', relation: { subject: 'person:stps', predicate: 'COOPERATES_WITH', object: 'person:elaine-chao' } },
    ));
    expect(extraction.relations.map((r) => `${r.subject} ${r.predicate} ${r.object} ${r.status ?? ''}`)).toEqual([
      'person:stps SUPPORTS agreement:naalc confirmed',
      'person:fox SUPPORTS agreement:naalc ',
      'person:fox OPPOSES person:stps confirmed',
    ]);
    expect(stale.map((c) => c.relation!.object)).toEqual(['org:nowhere']); // no node to draw an edge to
  });

  describe('anchoring', () => {
    const old = _doc('Intro. Fox spoke at STPS. Fox again.');
    const changed = _doc('A much longer intro. Fox spoke at STPS. Fox again.');
    it.each([
      ['same offsets still hold', 'Intro. Fox spoke at STPS.', { start: 7, end: 10, text: 'Fox' }, { start: 7, end: 10 }],
      ['unique copy moved', 'A longer intro. Fox spoke at STPS.', { start: 20, end: 24, text: 'STPS' }, { start: 29, end: 33 }],
      ['nearest copy moved', changed.text, { start: 7, end: 10, text: 'Fox' }, { start: 21, end: 24 }],
      ['text gone', 'Nothing here.', { start: 7, end: 10, text: 'Fox' }, undefined],
      ['only inside a word', 'Foxes everywhere', { start: 6, end: 9, text: 'Fox' }, undefined],
      ['too far', `${'x '.repeat(3000)}Fox and Fox`, { start: 0, end: 3, text: 'Fox' }, undefined],
    ])('should anchor: %s', (_name, text, s, expected) => {
      const got = anchorSpan(text, s);
      expect(got && { start: got.start, end: got.end }).toEqual(expected);
    });

    it('should re-anchor a correction made on an older version and report a lost one as stale', () => {
      const ex: Extraction = { doc: 'd.txt', entities: [_e('person:fox', 'Person', 'Fox', [_m(changed.text, 'Fox')])], relations: [] };
      const corrections = _log(
        { action: 'reject', doc: 'd.txt', sha256: old.sha256, span: { start: 7, end: 10, text: 'Fox' } },
        { action: 'accept', doc: 'd.txt', sha256: old.sha256, span: { start: 7, end: 12, text: 'Intro' } },
      );
      const { extraction, stale } = applyCorrections(changed, ex, corrections);
      expect(extraction.entities).toEqual([]);
      expect(stale.map((c) => c.seq)).toEqual([2]);
    });
  });
});
