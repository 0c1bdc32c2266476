import { describe, it, expect } from 'vitest';
import { chunk, isCap, tokenize } from '../../src/pipeline/tokens.js';

const LEX = { connectors: new Set(['of', 'for', 'and', 'the', 'de', 'del', 'la', 'y', 'in', 'on']), orgHead: new Set(['Federation', 'Union']) };

const _tokens = (text: string) => tokenize(text, 0, text.length).map((t) => t.t);
const _chunks = (text: string) => {
  const tokens = tokenize(text, 0, text.length);
  return chunk(tokens, LEX).map((c) => text.slice(c.tokens[0]!.s, c.tokens[c.tokens.length - 1]!.e));
};

describe('tokenize', () => {
  it.each([
    ['U.S. Department', ['U.S.', 'Department']],
    ['Kimberly A. Nolan', ['Kimberly', 'A.', 'Nolan']],
    ['Acme Inc. and Smith Jr. left', ['Acme', 'Inc.', 'and', 'Smith', 'Jr.', 'left']],
    ['AFL-CIO', ['AFL', '-', 'CIO']],
    ['Mexico’s NAO', ['Mexico', '’s', 'NAO']],
    ['Hoffman v. NLRB', ['Hoffman', 'v.', 'NLRB']],
    ['Secretaría (STPS), 1994.', ['Secretaría', '(', 'STPS', ')', ',', '1994', '.']],
  ])('should tokenise %j', (text, want) => {
    expect(_tokens(text)).toEqual(want);
  });

  it('should give offsets into the whole text when tokenising a range', () => {
    const text = 'xx The STPS met. yy';
    const toks = tokenize(text, 3, 16);
    expect(toks[0]).toEqual({ s: 3, e: 6, t: 'The' });
    for (const t of toks) expect(text.slice(t.s, t.e)).toBe(t.t);
    expect(toks.map((t) => t.t)).toEqual(['The', 'STPS', 'met', '.']);
  });
});

describe('isCap', () => {
  it('should accept capitalised words and numbers, not punctuation or lower case', () => {
    expect(['Labor', 'STPS', 'Élan', '1994'].map((t) => isCap({ s: 0, e: 0, t }))).toEqual([true, true, true, true]);
    expect(['labor', '-', '(', '’s'].map((t) => isCap({ s: 0, e: 0, t }))).toEqual([false, false, false, false]);
  });
});

describe('chunk', () => {
  it.each([
    ['the U.S. Department of Labor met', ['U.S. Department of Labor']],
    ['the Secretaría del Trabajo y Previsión Social said', ['Secretaría del Trabajo y Previsión Social']],
    ['the Office of the U.S. Trade Representative', ['Office of the U.S. Trade Representative']],
    ['the AFL-CIO and the UAW', ['AFL-CIO and the UAW']], // connectors join; segment() splits it later
    ['Mexico’s NAO', ['Mexico', 'NAO']],
    ['the International Metalworkers’ Federation (IMF) and the Teamsters’ President', ['International Metalworkers’ Federation', 'IMF', 'Teamsters', 'President']], // a plural possessive before an organisation's head stays in the name
    ['the STPS, the DOL (and ILAB)', ['STPS', 'DOL', 'ILAB']],
    ['the Health and Safety Network', ['Health and Safety Network']],
    ['US NAO 9601 was filed', ['US NAO 9601']],
    ['in 1994 the CTM', ['CTM']],
    ['AT&T workers', ['AT&T']],
  ])('should chunk %j', (text, want) => {
    expect(_chunks(text)).toEqual(want);
  });
});

describe('chunk over the clean text', () => {
  it('should end a name at a line break or a column gap left in the clean text', () => {
    const text = 'Centro de Apoyo Sindical\nFlavio Volpe  President, Unifor';
    const tokens = tokenize(text, 0, text.length);
    expect(chunk(tokens, LEX, text).map((c) => text.slice(c.tokens[0]!.s, c.tokens[c.tokens.length - 1]!.e))).toEqual(['Centro de Apoyo Sindical', 'Flavio Volpe', 'President', 'Unifor']);
  });
});
