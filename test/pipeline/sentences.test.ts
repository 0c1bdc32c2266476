import { describe, it, expect } from 'vitest';
import { splitSentences } from '../../src/pipeline/sentences.js';

const ABBR = new Set(['Dr', 'Mr', 'Mrs', 'Inc', 'Corp', 'No', 'St', 'Jr', 'vs', 'e.g', 'i.e', 'Sen']);
const _split = (text: string) => splitSentences(text, ABBR).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  const cases: { name: string; text: string; want: string[] }[] = [
    { name: 'terminal punctuation', text: 'The STPS met. The DOL agreed! Did the CTM? Yes.', want: ['The STPS met.', 'The DOL agreed!', 'Did the CTM?', 'Yes.'] },
    { name: 'U.S. inside a name', text: 'The U.S. Department of Labor met the STPS. It agreed.', want: ['The U.S. Department of Labor met the STPS.', 'It agreed.'] },
    { name: '"the U.S." at the end of a sentence', text: 'Workers went to the U.S. The union followed.', want: ['Workers went to the U.S.', 'The union followed.'] },
    { name: 'abbreviations and initials', text: 'Dr. Kimberly A. Nolan met Sen. Smith of Acme Inc. in May.', want: ['Dr. Kimberly A. Nolan met Sen. Smith of Acme Inc. in May.'] },
    { name: 'lower-case continuation', text: 'The plan (approx. two pages) was e.g. short.', want: ['The plan (approx. two pages) was e.g. short.'] },
    { name: 'closing quotes and brackets', text: 'He said “we will strike.” The CTM objected.', want: ['He said “we will strike.”', 'The CTM objected.'] },
    { name: 'paragraph breaks always end a sentence', text: 'A heading without a stop\n\nThe AFL-CIO met', want: ['A heading without a stop', 'The AFL-CIO met'] },
    { name: 'short heading line', text: 'Labor Cooperation\nThe STPS and the DOL met.', want: ['Labor Cooperation', 'The STPS and the DOL met.'] },
    { name: 'wrapped line ending in a connector continues', text: 'The Secretariat of\nLabor and Social Welfare met.', want: ['The Secretariat of\nLabor and Social Welfare met.'] },
    { name: 'wrapped line ending in a comma continues', text: 'The AFL-CIO, the UAW,\nThe CTM met.', want: ['The AFL-CIO, the UAW,\nThe CTM met.'] },
  ];
  it.each(cases)('should split: $name', ({ text, want }) => {
    expect(_split(text)).toEqual(want);
  });

  it('should return offsets into the text, trimmed of whitespace, in order and non-overlapping', () => {
    const text = '  First one.   Second one.\n\n  Third one.  ';
    const s = splitSentences(text, ABBR);
    expect(s).toEqual([{ start: 2, end: 12 }, { start: 15, end: 26 }, { start: 30, end: 40 }]);
  });

  it('should return nothing for blank text', () => {
    expect(splitSentences('   \n\n  ', ABBR)).toEqual([]);
  });
});

describe('splitSentences with breaks', () => {
  it('should end a sentence at every given break (a headline without a stop)', () => {
    const text = 'Union Wins Vote at Acme Plant The union said it would bargain.';
    const got = splitSentences(text, ABBR, [29]).map((s) => text.slice(s.start, s.end));
    expect(got).toEqual(['Union Wins Vote at Acme Plant', 'The union said it would bargain.']);
  });
});
