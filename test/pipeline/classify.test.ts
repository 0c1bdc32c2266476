import { describe, it, expect, beforeAll } from 'vitest';
import { findTitle, isAcronym, isGeneric, isUpperChunk, looksLikePerson, typeByHead, wordsOf } from '../../src/pipeline/classify.js';
import type { Lexicon } from '../../src/ontology/index.js';
import { tokenize } from '../../src/pipeline/tokens.js';
import { _ontology } from './_helpers.js';

let lex: Lexicon;
beforeAll(async () => {
  lex = (await _ontology()).lex;
});

const _w = (s: string) => s.split(' ');

describe('typeByHead', () => {
  it.each([
    ['Puebla Workers Union', 'Organization', 'org.head'],
    ['Federation of Independent Workers', 'Organization', 'org.head.first'],
    ['Sindicato Nacional de Trabajadores Mineros', 'Organization', 'org.head-first.es'],
    ['Acme Industries', 'Organization', 'org.company'],
    ['Farmworker Justice Act', 'Law', 'law.cue'],
    ['Declaration of Principles', 'Agreement', 'agreement.cue.first'],
    ['Hoffman Plastic v. NLRB', 'Case', 'case.versus'],
    ['International Labor Convention No. 87', 'Agreement', 'agreement.convention'],
    ['AFL-CIO National Convention', 'Event', 'event.convention'],
    ['Annual Labor Rights Forum', 'Event', 'event.cue'],
  ])('should type %j as %s by %s', (phrase, type, rule) => {
    expect(typeByHead(lex, _w(phrase))).toMatchObject({ type, rule });
  });

  it('should mark head-first phrases so a following "and X" may continue the name', () => {
    expect(typeByHead(lex, _w('Department of Labor'))!.headFirst).toBe(true);
    expect(typeByHead(lex, _w('United Farm Workers of America'))?.headFirst ?? false).toBe(false);
  });

  it('should leave a person-like or place-like phrase untyped', () => {
    expect(typeByHead(lex, _w('Elaine Chao'))).toBeUndefined();
    expect(typeByHead(lex, _w('San Luis Potosí'))).toBeUndefined();
  });
});

describe('isGeneric', () => {
  it('should see definite descriptions as generic and names as not', () => {
    expect(isGeneric(lex, _w('Labor Department'))).toBe(true);
    expect(isGeneric(lex, _w('Joint Declaration'))).toBe(true);
    expect(isGeneric(lex, _w('National Union'))).toBe(true);
    expect(isGeneric(lex, _w('Puebla Workers Union'))).toBe(false);
    expect(isGeneric(lex, _w('Declaration of Principles'))).toBe(false);
  });
});

describe('findTitle', () => {
  it('should find the longest title inside words', () => {
    const t = findTitle(lex, _w('Mexican Secretary of Labor Ramón Torres'))!;
    expect(t.from).toBe(1);
    expect(t.title.words).toBe('Secretary of Labor');
    expect(t.to).toBe(4);
    expect(findTitle(lex, _w('Ramón Torres'))).toBeUndefined();
  });
});

describe('looksLikePerson', () => {
  it.each([
    ['Elaine Chao', true],
    ['Kimberly A. Nolan', true],
    ['Benedicto Martínez Orozco', true],
    ['Luis de la Calle', true],
    ['Torres', true],
    ['Labor Department', false],
    ['Mexican Workers', false],
    ['STPS', false],
    ['One Two Three Four Five Six', false],
  ])('should say %j → %s', (phrase, want) => {
    expect(looksLikePerson(lex, _w(phrase))).toBe(want);
  });
});

describe('isAcronym', () => {
  it('should accept all-caps tokens of 2–10 characters and refuse roman numerals and words', () => {
    expect(['STPS', 'AFL-CIO', 'H2A', 'T-MEC', 'UE'].map(isAcronym)).toEqual([true, true, true, true, true]);
    expect(isAcronym('H2')).toBe(false);
    expect(['III', 'XIV', 'Labor', 'S', 'ABCDEFGHIJKL'].map(isAcronym)).toEqual([false, false, false, false, false]);
  });
});

describe('isUpperChunk / wordsOf', () => {
  it('should read a heading in capitals in title case with lower-case connectors', () => {
    const text = 'CENTER FOR LABOR AND SOCIAL STUDIES';
    const toks = tokenize(text, 0, text.length);
    expect(isUpperChunk(toks)).toBe(true);
    expect(wordsOf(lex, toks, true)).toEqual(['Center', 'for', 'Labor', 'and', 'Social', 'Studies']);
    expect(typeByHead(lex, wordsOf(lex, toks, true))).toMatchObject({ type: 'Organization' });
    const mixed = tokenize('The STPS and DOL', 0, 16);
    expect(isUpperChunk(mixed)).toBe(false);
  });
});
