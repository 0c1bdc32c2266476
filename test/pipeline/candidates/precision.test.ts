// Words that look like names and are none, and names that are one though they look broken
// (src/pipeline/candidates/typed.ts, person.ts, acronym.ts, cues.ts, numbered.ts, segment.ts,
// src/pipeline/tokens.ts, resolve.ts): invented sentences, table-driven.
import { describe, expect, it } from 'vitest';
import { _checkCase, _extract, _bySurface, type _Case } from '../_helpers.js';

const NOT_NAMES: _Case[] = [
  { name: 'an English word shouted for emphasis', text: 'The employer did NOT pay the overtime it owed.', expect: [], absent: ['NOT'] },
  { name: 'two shouted words side by side', text: 'CLICK HERE to read the full statement of the workers.', expect: [], absent: ['HERE', 'CLICK'] },
  { name: 'a title addressed as a title', text: 'Thank you, Mr. Chairman, for the invitation to testify.', expect: [], absent: ['Chairman'] },
  { name: '"the", a title word and one more word', text: 'The decree was published in the Official Gazette on Monday.', expect: [], absent: ['Gazette'] },
  { name: 'a speech named after its speaker', text: 'Read the Halvorsen Opening Statement on the committee website.', expect: [], absent: ['Opening Statement'] },
  { name: 'an ordinary word before a follower opening a sentence', text: 'Individual case summaries follow below.', expect: [], absent: ['Individual'] },
  { name: 'a capitalised heading alone on its line', text: 'BACKGROUND\n\nThe Harbor Dockers Guild met the STPS in May.', expect: [{ text: 'STPS', type: 'Organization' }], absent: ['BACKGROUND'] },
  { name: 'a plural noun opening a sentence before a known name ("Members of the Teamsters")', text: 'Members of the Teamsters marched on Friday. Leaders of the UAW spoke.', expect: [{ text: 'Teamsters', type: 'Organization' }, { text: 'UAW', type: 'Organization' }], absent: ['Members of the Teamsters', 'Leaders of the UAW'] },
  { name: 'a date before an event’s name in a listed heading', text: '1) Report on the July 13 Garment Workers’ Support Meeting in Oakland\n2) Other news\n\nThe meeting on July 13 drew crowds.', expect: [], absent: ['July 13'] },
  { name: 'a demonym after a plural company noun is no company', text: 'The group owns two Korean plants, Velthorn and Kastrupco, near the port.', expect: [{ text: 'Velthorn', type: 'Organization', rule: 'org.company.list-head', kind: 'company' }, { text: 'Kastrupco', type: 'Organization', kind: 'company' }], absent: ['Korean'] },
];

const NAMES: _Case[] = [
  { name: 'companies listed after "such as"', text: 'Suppliers such as Norvatek and Brimwell cut shifts in March.', expect: [{ text: 'Norvatek', type: 'Organization', kind: 'company' }, { text: 'Brimwell', type: 'Organization', kind: 'company' }] },
  { name: 'a case tracker heading', text: 'RRM (14): Plasticos Delgado, Querétaro\n\nThe request was filed in May.', expect: [{ text: 'RRM (14): Plasticos Delgado', type: 'Case', rule: 'case.rrm-tracker' }] },
  { name: 'a bracketed acronym between a name and its follower', text: 'She applied to the Seasonal Harvest Relief (SHR) program last year.', expect: [{ text: 'Seasonal Harvest Relief', type: 'Program' }] },
  { name: 'adjectives of one member noun in a union name', text: 'The Union of the Free and Democratic Workers of Velthorn Castings demanded a vote.', expect: [{ text: 'Union of the Free and Democratic Workers of Velthorn Castings', type: 'Organization' }] },
  { name: 'a plural possessive before an organisation’s head', text: 'The complaint came from the International Glassworkers’ Federation (IGF) in March.', expect: [{ text: 'International Glassworkers’ Federation', type: 'Organization' }, { text: 'IGF', type: 'Organization' }] },
  { name: 'a legal suffix’s period before a comma', text: 'Workers at Baja Wire Inc., a Tijuana supplier, voted.', expect: [{ text: 'Baja Wire Inc.', type: 'Organization', kind: 'company' }] },
  { name: 'a convention dated, numbered or ratified is a treaty; a union’s is a meeting', text: 'Mexico ratified the Domestic Workers Convention in 2020. Canada is bound by the Forced Labour Convention, 1930 (No. 29). The UAW Convention met in Detroit.', expect: [{ text: 'Domestic Workers Convention', type: 'Agreement' }, { text: 'Forced Labour Convention', type: 'Agreement' }, { text: 'UAW Convention', type: 'Event' }] },
  { name: 'an apposition with a foreign demonym types the name before it', text: 'After a long campaign at Vortex-Kwan, a Taiwanese computer parts maquiladora in Cananea, workers won.', expect: [{ text: 'Vortex-Kwan', type: 'Organization', kind: 'company' }] },
  { name: 'a case named after a curated company', text: 'The Sony case was the first to reach ministerial consultations.', expect: [{ text: 'Sony case', type: 'Case' }] },
  { name: 'a prefix joined by a hyphen', text: 'The Inter-agency Committee on Seasonal Labor met in Ottawa.', expect: [{ text: 'Inter-agency Committee on Seasonal Labor', type: 'Organization' }] },
];

describe('precision of names', () => {
  it.each(NOT_NAMES)('should find no name: $name', _checkCase);
  it.each(NAMES)('should find the whole name: $name', _checkCase);
});

describe('short names fold into the longer name of the document', () => {
  const FOLDS = [
    { name: 'a company without its legal suffix', text: 'Workers at Tornillos Vega S.A. de C.V. went on strike. The company Tornillos Vega refused to negotiate.', long: 'Tornillos Vega S.A. de C.V.', short: 'Tornillos Vega' },
    { name: 'an ordered part with the same head', text: 'The Federal Mediation and Arbitration Board heard the case. The Mediation Board later dismissed it.', long: 'Federal Mediation and Arbitration Board', short: 'Mediation Board' },
    { name: 'a found long form before a known acronym in brackets', text: 'Officials of the Federal Labour Ministry of Mexico (STPS) met unions. The STPS later issued rules.', long: 'Federal Labour Ministry of Mexico', short: 'STPS' },
    { name: 'a dash-defined acronym', text: 'The Lakeshore Workers Alliance – LWA – met in Toledo. The LWA voted to strike.', long: 'Lakeshore Workers Alliance', short: 'LWA' },
  ];
  it.each(FOLDS)('should fold $name', async ({ text, long, short }) => {
    const x = await _extract(text);
    const a = _bySurface(x, long);
    expect(a, `no entity for ${long}`).toBeDefined();
    expect(_bySurface(x, short)?.id).toBe(a!.id);
  });
});
