// The parse gate (src/pipeline/relations/gate.ts): parsing only the sentences where a rule could
// fire gives the same relations as parsing every sentence with two entities, and a sentence with
// no lexicon trigger is not parsed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenizeSentences } from '../../../src/pipeline/relations/clauses.js';
import { couldRelate, cueBefore, nounArguments, subjectBefore, verbObject } from '../../../src/pipeline/relations/gate.js';
import type { Tok } from '../../../src/pipeline/relations/clauses.js';
import { findRelations } from '../../../src/pipeline/relations/index.js';
import { _upToRelations } from '../_helpers.js';


/** couldRelate for the first sentence of `text`, with its entity mentions. */
async function _gate(text: string): Promise<boolean> {
  const { ctx, mentions } = await _upToRelations(text);
  const s = ctx.sentences[0]!;
  const ms = mentions.filter((m) => m.entity && m.start >= s.start && m.end <= s.end);
  const [p] = tokenizeSentences(ctx.doc.clean, [{ start: s.start, end: s.end, mentions: ms }]);
  return couldRelate(ctx, p!.toks, p!.mentions);
}

const SENTENCES: { text: string; parse: boolean }[] = [
  { text: 'The UAW and the AFL-CIO filed a petition with the U.S. Department of Labor.', parse: false },
  { text: 'The AFL-CIO supports the UAW.', parse: true },
  { text: 'Maria Lopez is the president of the Authentic Labor Front.', parse: true },
  { text: 'The AFL-CIO opposed NAFTA.', parse: true },
  { text: 'The AFL-CIO and the UAW.', parse: false },
  { text: 'Photographs: the AFL-CIO; the UAW.', parse: false },
];

describe('couldRelate', () => {
  for (const c of SENTENCES) {
    it(`should ${c.parse ? '' : 'not '}parse "${c.text}"`, async () => {
      expect(await _gate(c.text)).toBe(c.parse);
    });
  }
});

describe('findRelations with the gate', () => {
  const corpus = join(__dirname, '../../../corpus');
  const files = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
  for (const f of files) {
    it(`should find the same relations as without it in corpus/${f}`, async () => {
      const { ctx, mentions } = await _upToRelations(readFileSync(join(corpus, f), 'utf8'));
      const all = findRelations(ctx, mentions, false);
      expect(all.length).toBeGreaterThan(0);
      expect(findRelations(ctx, mentions, true)).toEqual(all);
    });
  }
});

/** Tokens from a sketch: `@` is a mention, any other word a word token (folded). */
function _toks(sketch: string): Tok[] {
  let m = 0;
  return sketch.split(' ').map((w, i) => ({ start: i * 10, end: i * 10 + 5, w: w === '@' ? '' : w, tags: 0, m: w === '@' ? m++ : -1, cap: w === '@' }));
}

describe('the positional checks of the gate', () => {
  it.each([
    ['@ and @ opposed @', 3, true],
    ['officials from many unions opposed @ and @', 5, false],
    ['opposed to @ , @ said', 0, true],
    ['originally founded by @ in 1936 , @ grew', 1, true],
    ['in march , officials opposed @ and @', 4, false],
  ])('should let a verb at a position with a subject before it (or opening the sentence) through: %s', (sketch, k, ok) => {
    const toks = _toks(sketch);
    expect(subjectBefore(toks, k, toks.findIndex((t) => t.m >= 0))).toBe(ok);
  });
  it.each([
    ['@ expressed support for @', 2, true],
    ['@ expressed support yesterday for @', 2, false],
    ['support for many workers grew', 0, false],
    ['@ and @ signed an alliance', 4, false],
  ])('should find a nominalisation\'s object only in a PP right after it: %s', (sketch, end, ok) => {
    expect(nounArguments(_toks(sketch), end, new Set(['for', 'of', 'from']))).toBe(ok);
  });
  it.each([
    ['@ worked with @', 2, true],
    ['@ worked hard , and later with @', 2, false],
    ['@ worked on a plan that with @', 2, false],
    ['@ worked hard ; with @', 2, false],
    ['@ worked in the city of @', 2, true],
  ])('should find a verb\'s prepositional object only in its clause: %s', (sketch, after, ok) => {
    expect(verbObject(_toks(sketch), after, new Set(['with', 'in']))).toBe(ok);
  });
  it('should find a direct object or a passive agent anywhere after the verb', () => {
    expect(verbObject(_toks('@ was founded in 1936 , by @'), 3, 'any')).toBe(true);
    expect(verbObject(_toks('@ and @ were founded in 1936'), 5, 'any')).toBe(false);
  });
  it.each([
    ['participants in @ included @ and @', 3, true],
    ['participants were happy ; the unions included @ and @', 6, false],
    ['the unions included @ and @', 2, false],
  ])('should find a participation cue in the clause before a list verb: %s', (sketch, k, ok) => {
    expect(cueBefore(_toks(sketch), k, new Set(['participants', 'present']))).toBe(ok);
  });
});

describe('couldRelate, by position', () => {
  it.each([
    // the verb's subject would have to be a mention before it: "thousands" is none
    ['After many years of quiet talks, thousands opposed the AFL-CIO and the UAW.', false],
    ['After many years of quiet talks, the AFL-CIO opposed the UAW.', true],
  ])('%s → %s', async (text, parse) => {
    expect(await _gate(text)).toBe(parse);
  });
});
