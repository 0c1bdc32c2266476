// A huge document in parts (src/pipeline/parts.ts): where it is cut, and how the parts' extractions merge back.
import { describe, expect, it } from 'vitest';
import { documentParts, mergeParts, partDocument, MIN_PART_CHARS } from '../../src/pipeline/parts.js';
import { extractDocument } from '../../src/pipeline/index.js';
import type { DocContext } from '../../src/pipeline/context.js';
import { layoutDocument } from '../../src/pipeline/sentences.js';
import type { Extraction } from '../../src/types.js';
import { fold } from '../../src/util/text.js';
import { _doc, _ontology } from './_helpers.js';

const ABBR = new Set(['Dept', 'Mr', 'Mrs']);

/** The parts cover the text, in order, with no gap and no overlap. */
function _covers(text: string, parts: { start: number; end: number }[]): void {
  expect(parts[0]!.start).toBe(0);
  expect(parts[parts.length - 1]!.end).toBe(text.length);
  for (let k = 1; k < parts.length; k++) expect(parts[k]!.start).toBe(parts[k - 1]!.end);
}

describe('documentParts', () => {
  it('should leave a document shorter than twice the shortest part whole', () => {
    const text = 'A sentence. '.repeat(100);
    expect(documentParts(text, 4, ABBR, 1000)).toEqual([{ start: 0, end: text.length }]);
    expect(documentParts('x'.repeat(MIN_PART_CHARS), 4, ABBR)).toEqual([{ start: 0, end: MIN_PART_CHARS }]);
  });

  it('should cut at the first paragraph break past each target', () => {
    const para = `${'The union met the ministry. '.repeat(20)}\n\n`;
    const text = para.repeat(20);
    const parts = documentParts(text, 4, ABBR, 2000);
    expect(parts).toHaveLength(4);
    _covers(text, parts);
    for (const p of parts.slice(1)) expect(text.slice(p.start - 2, p.start)).toBe('\n\n');
  });

  it('should cut one long line at a sentence start, never after an abbreviation', () => {
    // past each target the first sentence end is "Dept. Of" (an abbreviation): the cut comes at the sentence after
    const unit = 'Workers of the U.S. Dept. Of Labor met. Then the Ministry replied. ';
    const text = unit.repeat(200);
    const parts = documentParts(text, 3, ABBR, 3000);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    _covers(text, parts);
    for (const p of parts.slice(1)) {
      expect(text[p.start - 1]).toBe(' ');
      expect(text.slice(p.start)).toMatch(/^(Workers|Then)/);
    }
  });

  it('should make at most `most` parts, none much shorter than the shortest', () => {
    const text = 'The union met the ministry. '.repeat(5000);
    const parts = documentParts(text, 3, ABBR, 1000);
    expect(parts).toHaveLength(3);
    _covers(text, parts);
    for (const p of parts) expect(p.end - p.start).toBeGreaterThan(500);
  });

  it('should cut a text with no sentence end at a space, or anywhere when it has none', () => {
    const spaced = 'DOL '.repeat(3000);
    const parts = documentParts(spaced, 2, ABBR, 4000);
    expect(parts).toHaveLength(2);
    expect(spaced[parts[1]!.start - 1]).toBe(' ');
    const solid = 'x'.repeat(9000);
    expect(documentParts(solid, 2, ABBR, 4000)).toEqual([{ start: 0, end: 4500 }, { start: 4500, end: 9000 }]);
  });
});

describe('mergeParts', () => {
  const a: Extraction = {
    doc: 'd.txt',
    entities: [
      { id: 'org:a', type: 'Organization', name: 'A', aliases: ['A'], country: null, status: 'inferred', mentions: [{ start: 0, end: 1, text: 'A', rule: 'r', status: 'inferred' }] },
      { id: 'org:b', type: 'Organization', name: 'B', aliases: ['B'], country: null, status: 'inferred', mentions: [{ start: 6, end: 7, text: 'B', rule: 'r', status: 'inferred' }] },
    ],
    relations: [{ subject: 'org:a', predicate: 'COOPERATES_WITH', object: 'org:b', evidence: { start: 0, end: 8 }, rule: 'x', status: 'inferred' }],
  };
  const b: Extraction = {
    doc: 'd.txt',
    entities: [
      { id: 'org:c', type: 'Organization', name: 'C', aliases: ['C'], country: 'MX', status: 'inferred', mentions: [{ start: 0, end: 1, text: 'C', rule: 'r', status: 'inferred' }] },
      { id: 'org:b', type: 'Organization', name: 'B', aliases: ['B', 'the B'], country: 'US', status: 'inferred', kind: 'union', mentions: [{ start: 4, end: 5, text: 'B', rule: 'r', status: 'inferred' }] },
    ],
    relations: [
      { subject: 'org:a', predicate: 'COOPERATES_WITH', object: 'org:b', evidence: { start: 0, end: 3 }, rule: 'y', status: 'inferred' },
      { subject: 'org:c', predicate: 'COOPERATES_WITH', object: 'org:b', evidence: { start: 0, end: 6 }, rule: 'z', status: 'inferred', via: [{ start: 2, end: 5, text: 'it', entity: 'org:b' }] },
    ],
  };

  it('should shift offsets back and merge an entity found in several parts', () => {
    const m = mergeParts([{ start: 0, extraction: a }, { start: 100, extraction: b }]);
    expect(m.doc).toBe('d.txt');
    expect(m.entities.map((e) => e.id)).toEqual(['org:a', 'org:b', 'org:c']);
    const B = m.entities.find((e) => e.id === 'org:b')!;
    expect(B.mentions.map((x) => x.start)).toEqual([6, 104]);
    expect(B.aliases).toEqual(['B', 'the B']);
    expect(B.country).toBe('US');
    expect(B.kind).toBe('union');
    expect(m.entities.find((e) => e.id === 'org:c')!.mentions[0]!.start).toBe(100);
  });

  it('should keep a relation found in several parts once, with its first evidence', () => {
    const m = mergeParts([{ start: 0, extraction: a }, { start: 100, extraction: b }]);
    expect(m.relations.map((r) => [r.subject, r.object, r.rule, r.evidence.start, r.evidence.end])).toEqual([['org:a', 'org:b', 'x', 0, 8], ['org:c', 'org:b', 'z', 100, 106]]);
    expect(m.relations[1]!.via).toEqual([{ start: 102, end: 105, text: 'it', entity: 'org:b' }]);
  });

  it('should leave the inputs unchanged', () => {
    const before = JSON.stringify([a, b]);
    mergeParts([{ start: 0, extraction: a }, { start: 100, extraction: b }]);
    expect(JSON.stringify([a, b])).toBe(before);
  });
});

describe('a document extracted in parts', () => {
  // paragraphs that do not refer to each other: in parts, the same entities, mentions and relations as whole
  const PARAS = [
    'U.S. Secretary of Labor Elaine Chao met Mexican Secretary of Labor Carlos Abascal in Mexico City.',
    'The United Electrical Workers and the Frente Auténtico del Trabajo signed a strategic alliance in 1992.',
    'The AFL-CIO supported the Sindicato Nacional de Trabajadores Mineros during the strike at Cananea.',
    'The Secretaría del Trabajo y Previsión Social published new rules for the Federal Labor Law.',
  ];
  const text = PARAS.map((p) => `${p}\n\n`).join('').repeat(6);

  it('should give the whole extraction when no sentence refers across a cut', async () => {
    const ontology = await _ontology();
    const doc = _doc(text, 'parts.txt');
    const whole = extractDocument(doc, ontology);
    const parts = documentParts(doc.clean, 3, ontology.lex.abbreviations, 600);
    expect(parts).toHaveLength(3);
    const merged = mergeParts(parts.map((p, k) => ({ start: p.start, extraction: extractDocument(partDocument(doc, p), ontology, { part: k > 0 }) })));
    expect(merged).toEqual(whole);
  });

  it('should read no front matter in a later part', async () => {
    const ontology = await _ontology();
    const doc = _doc('Foundry Workers Win Union Vote at Acme Castings\n\nBy Ana Ruiz\n\nThe independent union of the Acme Castings plant filed a complaint.\n', 'p.txt');
    const ctx = (part?: boolean): DocContext => ({ doc, ontology, folded: fold(doc.clean), sentences: [], excluded: [], candidates: [], entities: new Map(), relations: [], ...(part ? { part } : {}) });
    const first = ctx();
    layoutDocument(first);
    expect(first.headline).toBeDefined();
    expect(first.byline).toBeDefined();
    const later = ctx(true);
    layoutDocument(later);
    expect(later.headline).toBeUndefined();
    expect(later.byline).toBeUndefined();
  });

});
