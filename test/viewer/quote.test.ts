// Evidence quotes read as the rendered document does: no Markdown escapes, tags, emphasis or list markers.
import { describe, expect, it } from 'vitest';
import { quoteText } from '../../viewer/src/lib/quote.ts';

describe('quoteText', () => {
  it.each([
    ['a Markdown escape', 'winning \\$4.2 million in backpay', 'winning $4.2 million in backpay'],
    ['a list marker and an escape', '- Supported the contract, winning \\$4.2 million.', 'Supported the contract, winning $4.2 million.'],
    ['a footnote marker in HTML', 'as the NAALC required.<sup>26</sup> Then', 'as the NAALC required.26 Then'],
    ['emphasis', 'the **side accord** and __its__ bodies', 'the side accord and its bodies'],
    ['a heading marker and line breaks', '### Child Labor\nand  Forced Labor', 'Child Labor and Forced Labor'],
    ['entities', 'AT&amp;T and&nbsp;GM', 'AT&T and GM'],
  ])('should clean %s', (_what, raw, want) => {
    expect(quoteText(raw)).toBe(want);
  });

  it('should leave plain prose as it is (a dash inside a sentence, an asterisk alone, numbers)', () => {
    const s = 'The U.S.-Mexico accord - signed in 1993 - covers 3 * 4 cases (NAFTA).';
    expect(quoteText(s)).toBe(s);
  });
});
