// Bounds that keep the hostile fuzz families linear (issue 10): chunks cut at MAX_CHUNK_TOKENS,
// compromise given long sentences in windows, and the families themselves extracted as names.
import { describe, expect, it } from 'vitest';
import { boundChunks, MAX_CHUNK_TOKENS } from '../../../src/pipeline/candidates/index.js';
import { MAX_NLP_CHARS, sentenceSpans, windowEnds } from '../../../src/pipeline/candidates/windows.js';
import { NlpSpans } from '../../../src/pipeline/candidates/lookup.js';
import { tokenize } from '../../../src/pipeline/tokens.js';
import { _extract } from '../_helpers.js';

describe('boundChunks', () => {
  it('should leave chunks up to the bound as they are (the same array)', () => {
    const chunks = [{ tokens: tokenize('A B C', 0, 5), at: 0 }];
    expect(boundChunks(chunks)).toBe(chunks);
  });

  it.each([[65, [64, 1]], [128, [64, 64]], [200, [64, 64, 64, 8]]])('should cut a chunk of %i tokens into pieces of %j', (n, sizes) => {
    const text = 'Ab '.repeat(n);
    const tokens = tokenize(text, 0, text.length);
    const out = boundChunks([{ tokens, at: 7 }]);
    expect(out.map((c) => c.tokens.length)).toEqual(sizes);
    expect(out.map((c) => c.at)).toEqual(sizes.map((_, i) => 7 + i * MAX_CHUNK_TOKENS));
    expect(out.flatMap((c) => c.tokens)).toEqual(tokens);
  });
});

describe('windowEnds', () => {
  it.each([
    ['a short text', 'The STPS met.', [13]],
    ['one cut after a comma in the second half', `${'a'.repeat(60)}, ${'b'.repeat(60)}`, [62, 122]],
    ['one cut at a space when no comma', `${'a'.repeat(60)} ${'b'.repeat(60)}`, [61, 121]],
    ['a hard cut when no break in the second half', 'a'.repeat(250), [100, 200, 250]],
  ])('should cut %s', (_label, text, ends) => {
    expect(windowEnds(text, 100)).toEqual(ends);
  });

  it('should cover a long text with windows of at most the bound', () => {
    const text = Array.from({ length: 5000 }, (_, i) => (i % 7 ? 'Mexico City' : 'the STPS,')).join(' and ');
    const ends = windowEnds(text);
    expect(ends[ends.length - 1]).toBe(text.length);
    ends.forEach((e, i) => expect(e - (i ? ends[i - 1]! : 0)).toBeLessThanOrEqual(MAX_NLP_CHARS));
    expect(ends.length).toBeGreaterThan(text.length / MAX_NLP_CHARS);
  });
});

describe('sentenceSpans', () => {
  it('should parse an ordinary sentence whole, as before', () => {
    expect(sentenceSpans('Elaine Chao met Carlos Abascal.', 0)).toBeInstanceOf(NlpSpans);
  });

  it('should see a person in a late window of a very long sentence at its offset', () => {
    const filler = 'the union and the workers and '.repeat(Math.ceil((3 * MAX_NLP_CHARS) / 30));
    const text = `${filler}Elaine Chao met the union.`;
    const spans = sentenceSpans(text, 1000);
    expect(spans).not.toBeInstanceOf(NlpSpans);
    const at = 1000 + text.indexOf('Elaine Chao');
    expect(spans.person(at, at + 'Elaine Chao'.length)).toBe(true);
    expect(spans.person(1000, 1003)).toBe(false);
  });
});

describe('the hostile families (npm run fuzz)', () => {
  it('should read "Secretary of Labor " × 5000 + "Elaine Chao." (it recursed per word and overflowed the stack)', async () => {
    const x = await _extract(`${'Secretary of Labor '.repeat(5000)}Elaine Chao.`);
    expect(x.entities.map((e) => e.id)).toContain('person:elaine-chao');
  });

  it('should keep 3,000 "Union Number N (UNx)" names apart (no short name folds into another)', async () => {
    const text = Array.from({ length: 3000 }, (_, i) => `Union Number ${i} (UN${i * 7 + 100})`).join(' ');
    const x = await _extract(text);
    const unions = x.entities.filter((e) => /^Union Number \d+$/.test(e.name));
    expect(new Set(unions.map((e) => e.name)).size).toBe(3000);
  });

  it('should find every curated name of a 200 KB sentence of names joined by "and", to its end', async () => {
    const names = ['DOL', 'STPS', 'AFL-CIO', 'Elaine Chao', 'Mexico City', 'NAALC', 'Tijuana'];
    const n = 20000;
    const x = await _extract(`${Array.from({ length: n }, (_, i) => names[i % names.length]).join(' and ')}.`);
    const count = (k: number) => Math.floor((n - 1 - k) / names.length) + 1;
    expect(x.entities.find((e) => e.id === 'person:elaine-chao')?.mentions.length).toBe(count(3));
    expect(x.entities.find((e) => e.id === 'place:tijuana')?.mentions.length).toBe(count(6));
  });
});
