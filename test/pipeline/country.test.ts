import { describe, it, expect } from 'vitest';
import { countryOfName } from '../../src/pipeline/country.js';
import { _checkCase, type _Case } from './_helpers.js';

describe('countryOfName', () => {
  it.each([
    ['Mexican Electricians Union', 'Organization', 'MX'],
    ['Sindicato de Trabajadores de la Industria Metálica', 'Organization', 'MX'],
    ['House Education and Workforce Committee', 'Organization', 'US'],
    ['House Subcommittee on Trade', 'Organization', 'US'],
    ['House of Commons Standing Committee on Labour', 'Organization', null],
    ['United States Chamber of Commerce', 'Organization', 'US'],
    ['U.S. Chamber of Commerce', 'Organization', 'US'],
    ['U. S. Council for International Business', 'Organization', 'US'],
    ['U.S.-Mexico Foundation', 'Organization', 'INTL'],
    ['Canadian Labour Congress', 'Organization', 'CA'],
    ['International Labour Organization', 'Organization', 'INTL'],
    ['International Trade Union Confederation', 'Organization', 'INTL'],
    // a national union or NGO called "International": other cues decide (the U.S. Teamsters, the ILRF)
    ['International Labor Rights Forum', 'Organization', null],
    ['International Brotherhood of Electrical Workers', 'Organization', null],
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


describe('countries in context (through extraction)', () => {
  const cases: _Case[] = [
    { name: 'an apposition with a demonym', text: 'Tecnoforja, a Mexican auto parts maker, fired the organizers.', expect: [{ text: 'Tecnoforja', type: 'Organization', country: 'MX' }] },
    { name: 'a demonym and an organisation noun before the name', text: 'The petition was filed by Mexican union Frente Obrero Norteño.', expect: [{ text: 'Frente Obrero Norteño', type: 'Organization', country: 'MX' }] },
    { name: 'a demonym that belongs to the workers, not the company', text: 'Mexican workers at Brightline Apparel in Dallas, Texas, went on strike.', expect: [{ text: 'Brightline Apparel', type: 'Organization', country: 'US' }] },
    { name: 'a possessive country picks that country’s curated body', text: 'Canada’s National Administrative Office opened a review.', expect: [{ text: 'National Administrative Office', type: 'Organization', id: 'org:canadian-nao', country: 'CA' }] },
    { name: 'a demonym before another country’s ministry picks its own', text: 'The Mexican Department of Labor was reorganized.', expect: [{ text: 'Department of Labor', type: 'Organization', id: 'org:stps', country: 'MX' }] },
    { name: 'a titled apposition: the country before the title, not in its complement', text: 'Mexico’s Ambassador to Canada, Jorge Ibarra Soto, signed the letter.', expect: [{ text: 'Jorge Ibarra Soto', type: 'Person', country: 'MX' }] },
    { name: 'a Spanish head word', text: 'Volunteers of Colectivo Tierra Digna organized the march.', expect: [{ text: 'Colectivo Tierra Digna', type: 'Organization', country: 'MX' }] },
    { name: 'a body of two countries', text: 'The Canada-Mexico Bilateral Labour Working Group met in Ottawa.', expect: [{ text: 'Canada-Mexico Bilateral Labour Working Group', type: 'Organization', country: 'INTL' }] },
    { name: 'a Mexican legal form', text: 'Brightline Apparel S. de R.L. de C.V. closed its doors.', expect: [{ text: 'Brightline Apparel S. de R.L. de C.V.', type: 'Organization', country: 'MX' }] },
    { name: 'a place right after an organisation', text: 'Workers at Tecnoforja in Matamoros voted last year.', expect: [{ text: 'Tecnoforja', type: 'Organization', country: 'MX' }] },
    { name: 'a U.S. House title', text: 'Rep. Jane Aldridge asked for a hearing.', expect: [{ text: 'Jane Aldridge', type: 'Person', country: 'US' }] },
    { name: 'a Spanish given name before two surnames', text: 'The march was led by Rocío Valdivia Orozco and other organizers.', expect: [{ text: 'Rocío Valdivia Orozco', type: 'Person', country: 'MX' }] },
    { name: 'two given names, then two surnames', text: 'The organizer Luis Alberto Quiroga Méndez spoke next.', expect: [{ text: 'Luis Alberto Quiroga Méndez', type: 'Person', country: 'MX' }] },
    { name: 'an English given name before a Spanish surname says nothing of Mexico', text: 'The organizer Linda Chavez Thompson spoke next.', expect: [{ text: 'Linda Chavez Thompson', type: 'Person', country: null }] },
    { name: 'a ministry in a U.S. document is the other country’s', text: 'WASHINGTON, D.C. — The Department of Labor received the petition on workers in Tijuana. The Ministry of Fisheries and Ports had not answered, a spokesman for the Department of Labor said.', expect: [{ text: 'Ministry of Fisheries and Ports', type: 'Organization', country: 'MX' }] },
    { name: 'an English given name in a document set in Mexico', text: 'MONTERREY, N.L. — Workers at Quimelco in Monterrey voted on Monday. The Confederation of Mexican Workers lost. Observers of the AFL-CIO watched the count. Heather Donnelly, who had traveled for the count, praised the vote.', expect: [{ text: 'Heather Donnelly', type: 'Person', country: 'US' }] },
    { name: 'a local place in the sentences of a name (no setting)', text: 'Volunteers of Red Oak Solidarity met workers of the Frente Obrero in Reynosa. Red Oak Solidarity later visited Reynosa again. Delegates from Chicago and Toronto joined them.', expect: [{ text: 'Red Oak Solidarity', type: 'Organization', country: 'MX' }] },
    { name: 'a country named once among many mentions is a topic, not a seat', text: 'Red Oak Solidarity was founded in 2018. Red Oak Solidarity members wrote to the union. Join Red Oak Solidarity to meet our siblings in Mexico. Read the Red Oak Solidarity newsletter.', expect: [{ text: 'Red Oak Solidarity', type: 'Organization', country: null }] },
    { name: 'a U.S. party and state after a comma, abbreviated as newspapers do', text: 'Mexico City hosted the talks. Subcommittee Chairman Earl Whitfield, D-Ore., praised the vote in Silao.', expect: [{ text: 'Earl Whitfield', type: 'Person', country: 'US' }] },
    { name: 'a body nothing else places takes its placed head’s country', text: 'The vote in Silao was observed closely in Mexico City. Earl Whitfield, D-Ore., who chairs the Oversight Subcommittee, spoke after the count.', expect: [{ text: 'Oversight Subcommittee', type: 'Organization', country: 'US' }] },
    { name: 'a name after another country’s demonym is not a curated name’s short form', text: 'The submission was filed by the Canadian Auto Workers and the United Auto Workers.', expect: [{ text: 'Auto Workers', type: 'Organization', country: 'CA' }, { text: 'United Auto Workers', type: 'Organization', id: 'org:uaw' }] },
    { name: 'the document’s setting (dateline)', text: 'MONTERREY, N.L. — Organizers of the Frente de Trabajadores Unidos said the company Quimelco had fired eleven workers. The company did not answer.', expect: [{ text: 'Quimelco', type: 'Organization', country: 'MX' }] },
  ];
  it.each(cases)('should give $name', _checkCase);
});
