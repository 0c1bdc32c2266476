import { describe, it, expect } from 'vitest';
import { countryOfName } from '../../src/pipeline/country.js';

describe('countryOfName', () => {
  it.each([
    ['Mexican Electricians Union', 'Organization', 'MX'],
    ['Sindicato de Trabajadores de la Industria Metálica', 'Organization', 'MX'],
    ['United States Chamber of Commerce', 'Organization', 'US'],
    ['U.S. Chamber of Commerce', 'Organization', 'US'],
    ['U. S. Council for International Business', 'Organization', 'US'],
    ['U.S.-Mexico Foundation', 'Organization', 'INTL'],
    ['Canadian Labour Congress', 'Organization', 'CA'],
    ['International Labor Rights Forum', 'Organization', 'INTL'],
    ['Inter-American Development Bank', 'Organization', 'INTL'],
    ['United States-Mexico Binational Commission', 'Organization', 'INTL'],
    ['Puebla Workers Union', 'Organization', null],
    ['Mexican NAO Submission 9804', 'Case', 'MX'],
    ['Ramón Torres', 'Person', null],
    ['Mexico City', 'Place', null],
  ])('should give %j (%s) → %s', (name, type, want) => {
    expect(countryOfName(name, type as never)).toBe(want);
  });
});

