// Names in a title-cased headline need the body's backing (src/pipeline/candidates/headline.ts);
// bodies named by their subject (committee heads); unions' short forms: invented sentences, table-driven.
import { describe, expect, it } from 'vitest';
import { loadOntology } from '../../../src/ontology/index.js';
import { isTitleCased } from '../../../src/pipeline/candidates/headline.js';
import { _checkCase, type _Case } from '../_helpers.js';

const HEADLINES: _Case[] = [
  { name: 'a clause with a head word is no name', text: 'Steel Workers Federation Announces Strike At Three Mills\n\nThe federation said on Monday that talks had failed.', expect: [], absent: ['Announces', 'Steel Workers Federation'] },
  { name: 'a law cue in a headline clause', text: 'Border Wage Act Debate Continues In Congress\n\nLawmakers met again on Tuesday to discuss pay.', expect: [], absent: ['Wage Act', 'Debate'] },
  { name: 'the part of a headline the body repeats', text: 'Senate Passes Farm Workforce Modernization Act\n\nThe bill, the Farm Workforce Modernization Act, passed 62 to 38.', expect: [{ text: 'Farm Workforce Modernization Act', type: 'Law' }], absent: ['Passes'] },
  { name: 'a name the body repeats whole', text: 'Coalition for Fair Trade Welcomes New Rules\n\nThe Coalition for Fair Trade said it welcomed the rules.', expect: [{ text: 'Coalition for Fair Trade', type: 'Organization' }], absent: ['Welcomes'] },
  { name: 'a letterhead of names needs no backing', text: 'Subcommittee on Trade, Committee on Ways and Means\n\nThe Subcommittee on Trade held a hearing on labor enforcement.', expect: [{ text: 'Committee on Ways and Means', type: 'Organization' }, { text: 'Subcommittee on Trade', type: 'Organization' }] },
  { name: 'a sentence-case headline keeps its names', text: 'Coalition for Fair Trade welcomes new rules\n\nOfficials spoke on Monday about the change.', expect: [{ text: 'Coalition for Fair Trade', type: 'Organization' }] },
];

const BODIES_AND_UNIONS: _Case[] = [
  { name: 'a committee head with a generic subject', text: 'The Trade Subcommittee held a hearing on Monday.', expect: [{ text: 'Trade Subcommittee', type: 'Organization', rule: 'org.head' }] },
  { name: 'a working group on a generic subject', text: 'Officials set up a Working Group on Wages last year.', expect: [{ text: 'Working Group on Wages', type: 'Organization' }] },
  { name: 'a committee head alone opening a sentence', text: 'Working Group members said they would meet again.', expect: [], absent: ['Working Group'] },
  { name: 'unions by their short plural forms', text: 'The Steelworkers and the Machinists backed the strike.', expect: [{ text: 'Steelworkers', type: 'Organization', id: 'org:usw' }, { text: 'Machinists', type: 'Organization', id: 'org:iam' }] },
  { name: 'a plural noun opening a sentence is no union', text: 'Steelworkers at the Gary plant voted on Friday.', expect: [], absent: ['Steelworkers'] },
  { name: 'a union short form inside a longer name says nothing of its country', text: 'The Canadian Steelworkers Alliance met in Toronto.', expect: [{ text: 'Steelworkers Alliance', type: 'Organization', country: 'CA' }] },
];

const JOINED: _Case[] = [
  { name: 'a head, "to" and a verb phrase', text: 'The Coalition to Defend Workers’ Rights and the Committee to Protect Reporters met in Tucson.', expect: [{ text: 'Coalition to Defend Workers’ Rights', type: 'Organization' }, { text: 'Committee to Protect Reporters', type: 'Organization' }] },
  { name: '"to" before a place is no purpose', text: 'They sent the Commission to Mexico City on Monday.', expect: [{ text: 'Mexico City', type: 'Place' }], absent: ['Commission to'] },
  { name: 'a plural possessive inside a name', text: 'The Center for Miners’ Rights sued the company.', expect: [{ text: 'Center for Miners’ Rights', type: 'Organization' }] },
  { name: 'two trades of one company', text: 'Officials from Tri-County Gas and Electric met the Ohio Light and Power Company.', expect: [{ text: 'Tri-County Gas and Electric', type: 'Organization', kind: 'company' }, { text: 'Ohio Light and Power Company', type: 'Organization' }] },
  { name: 'a list of companies stays a list', text: 'Workers at Kestrel Motors and Steel Dynamics voted.', expect: [{ text: 'Steel Dynamics', type: 'Organization' }], absent: ['Motors and Steel'] },
];

describe('names joined by "and", "to" and possessives', () => {
  it.each(JOINED)('should find: $name', _checkCase);
});

describe('headline names', () => {
  it.each(HEADLINES)('should $name', _checkCase);
  it.each([
    ['Workers Rally For Better Pay At Border Plants', true],
    ['UNION WINS VOTE AT AUTO PLANT', true],
    ['Workers rally for better pay at border plants', false],
    ['Union Wins Vote in Puebla Plant', true],
  ] as const)('should tell a title-cased headline: %s', async (text, want) => {
    expect(isTitleCased((await loadOntology('ontology')).lex, text)).toBe(want);
  });
});

describe('bodies and unions', () => {
  it.each(BODIES_AND_UNIONS)('should find: $name', _checkCase);
});

describe('the document setting gives way to a foreign cue', () => {
  it('should give an organisation working from a Mexican place no U.S. setting', async () => {
    await _checkCase({
      name: 'setting',
      text: 'WASHINGTON — The U.S. Department of Labor met workers in Chicago, Denver and Houston.\n\nThe Frontera Labor Council, which organizes in Tijuana, spoke. The Lakeview Workers Alliance marched.',
      expect: [{ text: 'Frontera Labor Council', type: 'Organization', country: 'MX' }, { text: 'Lakeview Workers Alliance', type: 'Organization', country: 'US' }],
    });
  });
});
