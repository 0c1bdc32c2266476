import { describe, expect, it } from 'vitest';
import { findFrontMatter } from '../../src/pipeline/headline.js';

const WORDS = {
  boilerplate: new Set(['for immediate release', 'media contact', 'press release']),
  isPlace: (s: string) => ['Monterrey', 'Mexico City', 'Detroit'].includes(s),
};
const _front = (text: string) => {
  const f = findFrontMatter(text, WORDS);
  const at = (s?: { start: number; end: number }) => (s ? text.slice(s.start, s.end) : undefined);
  return { headline: at(f.headline), dateline: at(f.dateline), date: at(f.date), byline: at(f.byline) };
};
const BODY = 'The independent union of the Acme Castings plant filed a complaint with the labor board on Monday, saying the company had fired eleven of its members.';

describe('findFrontMatter', () => {
  const cases: { name: string; text: string; want: Partial<ReturnType<typeof _front>> }[] = [
    { name: 'a headline, a date and an inline dateline in capitals', text: `Foundry Workers Win Union Vote at Acme Castings\n\nMarch 3, 2021\n\nMONTERREY, N.L. — ${BODY}`, want: { headline: 'Foundry Workers Win Union Vote at Acme Castings', date: 'March 3, 2021', dateline: 'MONTERREY, N.L.' } },
    { name: 'press-release furniture before the headline', text: `For Immediate Release\n\nMarch 3, 2021\n\nMedia Contact:\nKim Ortega, Border Workers Legal Aid,\n\nUnion Asks Board to Act on Foundry Firings\n\nMexico City– ${BODY}`, want: { headline: 'Union Asks Board to Act on Foundry Firings', date: 'March 3, 2021', dateline: 'Mexico City' } },
    { name: 'a place-and-date line', text: `Detroit, Michigan, May 2nd, 2022\n\n${BODY}`, want: { headline: undefined, dateline: 'Detroit, Michigan, May 2nd, 2022', date: 'May 2nd, 2022' } },
    { name: 'a byline and a posted date', text: `Posted December 9, 2001\n\nBy Ana Ruiz\n\n${BODY}`, want: { headline: undefined, date: 'December 9, 2001', byline: 'By Ana Ruiz' } },
    { name: 'no front matter at all', text: `${BODY} ${BODY}`, want: { headline: undefined, dateline: undefined, date: undefined } },
    { name: 'a title broken after a connector', text: `THE INSTITUTE FOR\nBORDER LABOR STUDIES\n\n${BODY}`, want: { headline: 'THE INSTITUTE FOR\nBORDER LABOR STUDIES' } },
    { name: 'a capitalised opening that is not a place', text: `Acme Castings Settles\n\nAcme Castings — the largest foundry in the state — agreed on Monday to reinstate the workers it fired.`, want: { headline: 'Acme Castings Settles', dateline: undefined } },
  ];
  it.each(cases)('should find $name', ({ text, want }) => {
    expect(_front(text)).toMatchObject(want);
  });
});
