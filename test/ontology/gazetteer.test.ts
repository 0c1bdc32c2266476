import { describe, it, expect } from 'vitest';
import { Gazetteer } from '../../src/ontology/gazetteer.js';

function _gaz(entries: [string, string, boolean?][]): Gazetteer {
  const g = new Gazetteer();
  for (const [entity, alias, short] of entries) g.add(entity, alias, short);
  return g;
}

/** [surface, first entity] of every hit. */
function _scan(g: Gazetteer, text: string): [string, string][] {
  return g.scan(text).map((h) => [text.slice(h.start, h.end), h.entries[0]!.entity]);
}

describe('Gazetteer', () => {
  const g = _gaz([
    ['org:dol', 'Department of Labor'],
    ['org:dol', 'U.S. Department of Labor'],
    ['org:dol', 'DOL'],
    ['org:fat', 'FAT'],
    ['org:fat', 'Frente Auténtico del Trabajo'],
    ['org:stps', 'Secretaría del Trabajo y Previsión Social'],
    ['org:mexican-nao', "Mexico's NAO"],
    ['place:mexico', 'Mexico'],
    ['place:mexico-city', 'Mexico City'],
    ['person:fox', 'Fox', true],
    ['org:uaw', 'UAW'],
  ]);

  it('should let the longest match win at each word start (nested hits are left to the overlap filter)', () => {
    expect(_scan(g, 'The U.S. Department of Labor and the Department of Labor met in Mexico City, Mexico.')).toEqual([
      ['U.S. Department of Labor', 'org:dol'],
      ['Department of Labor', 'org:dol'], // nested in the first: resolveOverlaps drops it
      ['Department of Labor', 'org:dol'],
      ['Mexico City', 'place:mexico-city'], // not "Mexico" + "City"
      ['Mexico', 'place:mexico'],
    ]);
  });

  it('should match acronyms case-sensitively ("fat" is not FAT)', () => {
    expect(_scan(g, 'The FAT said the fat was in the fire; Fat and fAT are not it.')).toEqual([['FAT', 'org:fat']]);
    expect(_scan(g, 'the dol and Dol and DOL')).toEqual([['DOL', 'org:dol']]);
  });

  it('should need a capital first letter for a capitalised alias', () => {
    expect(_scan(g, 'department of labor')).toEqual([]);
    expect(_scan(g, 'Department of labor')).toEqual([['Department of labor', 'org:dol']]);
  });

  it('should tolerate missing or extra accents', () => {
    expect(_scan(g, 'the Frente Autentico del Trabajo and the Secretaria del Trabajo y Prevision Social')).toEqual([
      ['Frente Autentico del Trabajo', 'org:fat'],
      ['Secretaria del Trabajo y Prevision Social', 'org:stps'],
    ]);
    const accented = _gaz([['org:x', 'Secretaria de Economia']]);
    expect(_scan(accented, 'the Secretaría de Economía')).toEqual([['Secretaría de Economía', 'org:x']]);
  });

  it('should tolerate curly quotes and dashes, and runs of whitespace and line breaks', () => {
    expect(_scan(g, 'Mexico’s NAO and Mexico‘s NAO')).toEqual([['Mexico’s NAO', 'org:mexican-nao'], ['Mexico‘s NAO', 'org:mexican-nao']]);
    expect(_scan(g, 'the U.S.  Department of\nLabor')[0]).toEqual(['U.S.  Department of\nLabor', 'org:dol']);
    const dashed = _gaz([['agreement:usmca', 'United States-Mexico-Canada Agreement']]);
    expect(_scan(dashed, 'the United States–Mexico—Canada Agreement')).toEqual([['United States–Mexico—Canada Agreement', 'agreement:usmca']]);
  });

  it('should match whole words only', () => {
    expect(_scan(g, 'UAWX and XUAW and Mexicans and Foxes')).toEqual([]);
    expect(_scan(g, '(UAW), "UAW" and UAW-led')).toEqual([['UAW', 'org:uaw'], ['UAW', 'org:uaw'], ['UAW', 'org:uaw']]);
  });

  it('should flag short (surname) aliases and keep every entity a surface fits', () => {
    const hit = g.scan('President Fox spoke.')[0]!;
    expect(hit.entries).toEqual([{ entity: 'person:fox', alias: 'Fox', caseSensitive: true, short: true }]);
    const two = _gaz([['org:a', 'NAO'], ['org:b', 'NAO']]);
    expect(two.scan('the NAO')[0]!.entries.map((e) => e.entity)).toEqual(['org:a', 'org:b']);
    expect(two.size).toBe(2);
    two.add('org:a', 'NAO');
    expect(two.size).toBe(2);
  });
});
