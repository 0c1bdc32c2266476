// The fast post-tagger (src/pipeline/tagger.ts) must tag exactly as compromise's own postTagger.
import { readFileSync, readdirSync } from 'node:fs';
import nlp from '../../src/pipeline/nlp.js';
import { describe, expect, it } from 'vitest';
import { NlpSpans } from '../../src/pipeline/candidates/lookup.js';
import { taggerHooks } from '../../src/pipeline/tagger.js';

type Terms = { text: string; tags: Set<string> }[][];

/** Every term's text and tags (in the order compromise set them) after the given hooks. */
function _tags(text: string, hooks: string[]): string[] {
  const doc = nlp.tokenize(text) as unknown as { compute(h: string[]): void; docs: Terms };
  doc.compute(hooks);
  return doc.docs.flat().map((t) => `${t.text}:${[...t.tags].join(',')}`);
}

/** people() and places() as offsets, from nlp() with the given hooks in place of the world's. */
function _spans(text: string, hooks?: string[]): string {
  const world = nlp.world() as unknown as { hooks: string[] };
  const saved = world.hooks;
  if (hooks) world.hooks = hooks;
  try {
    const doc = nlp(text);
    const off = (v: { json(o: object): unknown }) => (v.json({ offset: true }) as { terms: { offset: { start: number; length: number } }[] }[]).map((m) => m.terms.map((t) => [t.offset.start, t.offset.length]));
    return JSON.stringify([off(doc.people()), off(doc.places())]);
  } finally {
    world.hooks = saved;
  }
}

const BASE = (nlp.world() as unknown as { hooks: string[] }).hooks.filter((h) => h !== 'chunks');
const texts = (dir: string) => readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => [`${dir}/${f}`, readFileSync(`${dir}/${f}`, 'utf8').slice(0, 20_000)] as const);
// the seeds, and real and written text the seeds were not written from (the index answers new kinds of first regs)
const corpus = [...texts('corpus'), ...texts('test/fixtures/real-dev/docs'), ...texts('test/fixtures/written-dev'), ...texts('test/fixtures/written-regression')];
const CASES: (readonly [string, string])[] = [
  ['a clause list', 'The union, led by John Smith, filed a complaint in June; it was not accepted, but the board will review it.'],
  ['numbers and dates', 'On March 3, 2019 about 1,200 workers in Monterrey, Nuevo León voted 87% in favor of the contract.'],
  ['no verbs', 'AFL-CIO, STPS, DOL.'],
  // the relation parse's text: each mention a placeholder noun
  ['placeholders', 'Zorgan and Zorgan filed Zcase against Zplace, which Zperson, its president, would not support; Zorgan has been working with Zorgan since 1994.'],
  // one clause of ~900 terms: tryHere gets a view of the clause's suffix, not a copy
  ['a table without punctuation', Array.from({ length: 150 }, (_, i) => `| Maria Lopez ${i} | United States Department of Labor | was |\n`).join('')],
  ...corpus,
];

describe('kgPostTagger', () => {
  it.each(CASES)('should tag %s exactly as compromise\'s postTagger', (_name, text) => {
    expect(_tags(text, taggerHooks(['chunks']))).toEqual(_tags(text, BASE));
  });
  it.each(CASES)('should give the same people and places for %s without chunking', (_name, text) => {
    expect(_spans(text, taggerHooks(['chunks']))).toBe(_spans(text));
  });
  it('should name the fast hook in place of postTagger and leave the world\'s hooks alone', () => {
    expect(taggerHooks()).toContain('kgPostTagger');
    expect(taggerHooks()).not.toContain('postTagger');
    expect((nlp.world() as unknown as { hooks: string[] }).hooks).toContain('postTagger');
  });
});

describe('NlpSpans', () => {
  it.each([
    ['Yesterday John Sweeney spoke in Paris about the plan.', 'John Sweeney', 'Paris'],
    ['The workers met Maria Lopez in Ciudad Juárez, Chihuahua.', 'Maria Lopez', 'Chihuahua'],
  ])('should find compromise\'s person and place at their offsets in %s', (text, person, place) => {
    const at = 100;
    const spans = new NlpSpans(text, at);
    const p = text.indexOf(person) + at;
    const q = text.indexOf(place) + at;
    expect(spans.person(p, p + person.length)).toBe(true);
    expect(spans.place(q, q + place.length)).toBe(true);
    expect(spans.person(at, at + 3)).toBe(false);
  });
});
