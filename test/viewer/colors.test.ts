// Country colours: the usual four and "none" fixed; any other code a colour of its own, never the "unknown" grey.
import { describe, expect, it } from 'vitest';
import { COUNTRY_COLORS, countryColor } from '../../viewer/src/lib/colors.ts';

describe('countryColor', () => {
  it('should keep the fixed colours of US, MX, CA, INTL and grey for no country', () => {
    for (const c of ['US', 'MX', 'CA', 'INTL']) expect(countryColor(c)).toBe(COUNTRY_COLORS[c]);
    expect(countryColor(null)).toBe(COUNTRY_COLORS.none);
    expect(countryColor(undefined)).toBe(COUNTRY_COLORS.none);
  });

  it('should give another code (GB, IQ) a stable colour that is not the unknown grey nor one of the four', () => {
    for (const c of ['GB', 'IQ', 'DE', 'GT']) {
      expect(countryColor(c)).toBe(countryColor(c));
      expect(Object.values(COUNTRY_COLORS)).not.toContain(countryColor(c));
    }
    expect(countryColor('GB')).not.toBe(countryColor('IQ'));
  });
});
