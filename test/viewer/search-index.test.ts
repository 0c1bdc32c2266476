import { describe, expect, it } from 'vitest';
import { SearchIndex, matchScore, normalize } from '../../viewer/src/lib/search-index.ts';

const index = new SearchIndex([
  { key: 'org:stps', name: 'Secretariat of Labor and Social Welfare', aliases: ['STPS', 'Secretaría del Trabajo y Previsión Social'], type: 'Organization', weight: 9 },
  { key: 'org:us-department-of-labor', name: 'U.S. Department of Labor', aliases: ['DOL'], type: 'Organization', weight: 12 },
  { key: 'org:stpsx', name: 'STPS Union Local', aliases: [], type: 'Organization', weight: 1 },
  { key: 'person:jose-garcia', name: 'José García', aliases: [], type: 'Person' },
]);

describe('normalize', () => {
  it.each([
    ['Secretaría del Trabajo', 'secretaria del trabajo'],
    ['  U.S.  Department ', 'u s department'],
    ['José GARCÍA', 'jose garcia'],
    ['Año—niño', 'ano nino'],
  ])('should fold %j to %j', (input, out) => expect(normalize(input)).toBe(out));
});

describe('SearchIndex', () => {
  it('should find the Secretariat by its acronym STPS, exact alias first', () => {
    const hits = index.search('STPS');
    expect(hits[0].key).toBe('org:stps');
    expect(hits[0].matched).toBe('STPS');
    expect(hits.map((h) => h.key)).toContain('org:stpsx');
  });

  it('should find the Secretariat by its Spanish name, with or without accents', () => {
    expect(index.search('Secretaría del Trabajo')[0].key).toBe('org:stps');
    expect(index.search('secretaria del trabajo')[0].key).toBe('org:stps');
  });

  it('should match accented names from unaccented input and return one hit per node', () => {
    const hits = index.search('garcia');
    expect(hits).toHaveLength(1);
    expect(hits[0].name).toBe('José García');
  });

  it('should return nothing for an empty or punctuation-only query', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search(' .. ')).toEqual([]);
  });

  it('should rank exact > prefix > word prefix > substring', () => {
    expect([matchScore('dol', 'dol'), matchScore('dol x', 'dol'), matchScore('x dol', 'dol'), matchScore('xdol', 'dol'), matchScore('abc', 'dol')])
      .toEqual([4, 3, 2, 1, 0]);
  });

  it('should respect the limit', () => {
    expect(index.search('s', 2)).toHaveLength(2);
  });
});
