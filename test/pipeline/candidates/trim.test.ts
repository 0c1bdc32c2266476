// trimSegment's suffix tests on long segments (src/pipeline/candidates/trim.ts): the one-pass
// answers must equal opensName / typeByHead asked of each suffix, and a long run of capitalised
// not-name words trims as a short one does.
import { beforeAll, describe, expect, it } from 'vitest';
import { suffixOpensName, opensName, trimSegment } from '../../../src/pipeline/candidates/trim.js';
import { typeByHead, typeByHeadSuffixes } from '../../../src/pipeline/classify.js';
import type { Ontology } from '../../../src/ontology/index.js';
import type { DocContext } from '../../../src/pipeline/context.js';
import { tokenize } from '../../../src/pipeline/tokens.js';
import { fold } from '../../../src/util/text.js';
import { _doc, _ontology } from '../_helpers.js';

let ontology: Ontology;
beforeAll(async () => {
  ontology = await _ontology();
});

/** Words that exercise every branch of typeByHead: heads, cues, prepositions, Spanish openers, numbers, "v.". */
const POOL = ['National', 'Federal', 'Labor', 'Workers', 'Union', 'Department', 'of', 'for', 'de', 'del', 'la', 'y', 'the', 'La', 'El', 'Sindicato', 'Grupo',
  'México', 'Mexico', 'Act', 'Agreement', 'Declaration', 'Convention', 'No.', '87', 'II', 'v.', 'Inc.', 'S.A.', 'C.V.', 'Acme', 'Forum', 'Secretary', 'Commission',
  'Regarding', 'on', 'in', 'to', 'Ley', 'Federal', 'Trabajo', 'Committee', 'Border', 'Mexican', 'Office', 'Council', 'State', 'Government', 'Spanish', 'Monday'];

/** A deterministic pseudo-random list of `n` words from POOL. */
function _words(seed: number, n: number): string[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return POOL[x % POOL.length]!;
  });
}

function _ctx(text: string): DocContext {
  const doc = _doc(text);
  return { doc, ontology, folded: fold(doc.clean), sentences: [], excluded: [], candidates: [], entities: new Map(), relations: [] };
}

const LISTS = [
  ...Array.from({ length: 300 }, (_, k) => _words(k + 1, 3 + (k % 30))),
  'Sindicato Nacional de Trabajadores Mineros'.split(' '),
  'Han Young de México'.split(' '),
  'National Federal State Government Labor Union'.split(' '),
  'Hoffman Plastic v. NLRB'.split(' '),
];

describe('typeByHeadSuffixes', () => {
  it.each(LISTS.map((w) => [w.join(' ')]))('should type every suffix of %j as typeByHead does', (text) => {
    const words = text.split(' ');
    const all = typeByHeadSuffixes(ontology.lex, words);
    expect(all).toEqual(words.map((_, s) => typeByHead(ontology.lex, words.slice(s))));
  });
});

describe('suffixOpensName', () => {
  it.each(LISTS.map((w) => [w.join(' ')]))('should answer opensName for every suffix of %j', (text) => {
    const seg = tokenize(text, 0, text.length);
    for (const upper of [false, true]) {
      const opens = suffixOpensName(ontology.lex, seg, upper);
      expect(seg.map((_, i) => opens(i))).toEqual(seg.map((_, i) => opensName(ontology.lex, seg.slice(i), upper)));
    }
  });
});

describe('trimSegment', () => {
  it.each([
    ['a long run of capitalised not-name words before a name', 'National Federal Spanish '.repeat(3000) + 'Acme'],
    ['a long run of one not-name word', 'Spanish '.repeat(8000).trim()],
    ['a long run that ends in a head', 'National Federal State Government '.repeat(3000) + 'Labor Union'],
  ])('should trim %s in one pass, as the short form trims', (_name, text) => {
    const ctx = _ctx(text);
    const seg = tokenize(ctx.doc.clean, 0, ctx.doc.clean.length);
    const kept = trimSegment(ctx, seg, false);
    // the short form: the same ending after a few repetitions of the run
    const short = text.split(' ').slice(-12).join(' ');
    const sctx = _ctx(short);
    const sseg = tokenize(sctx.doc.clean, 0, sctx.doc.clean.length);
    const skept = trimSegment(sctx, sseg, false);
    expect(kept.map((t) => t.t).slice(-skept.length)).toEqual(skept.map((t) => t.t));
    expect(kept.length).toBeGreaterThan(0);
  });
});
