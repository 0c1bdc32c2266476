// Names no head word types, found by their context (src/pipeline/candidates/cues.ts, lists.ts,
// company.ts, segment.ts): invented sentences, table-driven.
import { describe, it } from 'vitest';
import { _checkCase, type _Case } from '../_helpers.js';

const COMPANIES: _Case[] = [
  { name: 'a legal suffix after a comma', text: 'Workers at Ortega Castings, S.A. de C.V. in Saltillo voted for the new union.', expect: [{ text: 'Ortega Castings, S.A. de C.V.', type: 'Organization', rule: 'org.company.legal', kind: 'company', country: 'MX' }] },
  { name: 'an English legal suffix', text: 'Brightline Apparel, Inc. closed the plant in March.', expect: [{ text: 'Brightline Apparel, Inc.', type: 'Organization', kind: 'company' }] },
  { name: 'an apposition with a company noun', text: 'The union struck Tecnoforja, an auto parts maker, on Monday.', expect: [{ text: 'Tecnoforja', type: 'Organization', rule: 'apposition.org', kind: 'company' }] },
  { name: 'workers at a name', text: 'Former workers at Duramex Bolsas said they were never paid.', expect: [{ text: 'Duramex Bolsas', type: 'Organization', rule: 'org.company.workers-at', kind: 'company' }] },
  { name: 'the name of a plant', text: 'The strike closed the Quimelco plant for a week.', expect: [{ text: 'Quimelco', type: 'Organization', rule: 'org.company.facility', kind: 'company' }] },
  { name: 'a list after a company', text: 'Organizers met workers at Ridgeline Foods in Saltillo, Maxitex in Puebla, and Quimelco in León.', expect: [{ text: 'Maxitex', type: 'Organization', rule: 'org.list' }, { text: 'Quimelco', type: 'Organization', rule: 'org.list' }] },
  { name: 'a list after a company, an aside with a name in brackets between items', text: 'Organizers met workers at Ridgeline Foods in Saltillo, Maxitex (a Texas-based supplier) in Puebla, and Quimelco in León.', expect: [{ text: 'Maxitex', type: 'Organization' }, { text: 'Quimelco', type: 'Organization', rule: 'org.list' }] },
  { name: 'a possessor after a list is no listed name', text: 'Organizers met workers at Ridgeline Foods (RF), Maxitex and Quimelco, and Almeida’s team visited.', expect: [{ text: 'Maxitex', type: 'Organization', rule: 'org.list' }], absent: ['Almeida'] },
  { name: 'a site named after a possessive is no company', text: 'Grupo Ortega’s Santa Rosa mine was flooded.', expect: [{ text: 'Grupo Ortega', type: 'Organization', kind: 'company' }], absent: ['Santa Rosa mine'] },
  { name: 'a legal suffix ends the name before a capitalised word (no sentence break after "C.V.")', text: 'The union filed a complaint against Brightline Apparel de Mexico S.A. de C.V. Tensions have grown at Brightline’s plant. Workers at Ortega Castings S.A. de C.V. on Monday struck.', expect: [{ text: 'Brightline Apparel de Mexico S.A. de C.V.', type: 'Organization', country: 'MX' }, { text: 'Brightline', type: 'Organization', id: 'org:brightline-apparel-de-mexico-sa-de-cv' }, { text: 'Ortega Castings S.A. de C.V.', type: 'Organization' }], absent: ['Tensions', 'Monday'] },
];

const ORGANISATIONS: _Case[] = [
  { name: 'an apposition with an organisation noun', text: 'Organizers from Frente Obrero, an independent union, spoke.', expect: [{ text: 'Frente Obrero', type: 'Organization' }] },
  { name: 'a Spanish article before a Spanish head', text: 'La Liga Obrera called a march in Puebla.', expect: [{ text: 'La Liga Obrera', type: 'Organization', country: 'MX' }] },
  { name: 'a head-first name with a listed complement', text: 'The Union of Steel, Glass and Allied Workers struck on Friday.', expect: [{ text: 'Union of Steel, Glass and Allied Workers', type: 'Organization' }] },
  { name: 'a head-first name with a listed complement after a title', text: 'Ana Ruiz, Secretary-Treasurer of the International Union of Glass, Ceramic, Salaried and Allied Workers, spoke.', expect: [{ text: 'International Union of Glass, Ceramic, Salaried and Allied Workers', type: 'Organization' }] },
  { name: 'a list of organisations is not one name', text: 'The Ministry of Labor, the CTM and the CROC signed.', expect: [{ text: 'CTM', type: 'Organization' }, { text: 'CROC', type: 'Organization' }] },
  { name: 'a numbered section of a union', text: 'Section 147 of the Union of Steel, Glass and Allied Workers went on strike.', expect: [{ text: 'Section 147', type: 'Organization', rule: 'org.unit' }, { text: 'Union of Steel, Glass and Allied Workers', type: 'Organization' }] },
  // (one name, the longest: locals of several unions share numbers)
  { name: 'a numbered local after its union', text: 'Members of UAW Local 862 voted.', expect: [{ text: 'UAW Local 862', type: 'Organization', rule: 'org.unit' }] },
  { name: 'a section of a law is no unit', text: 'Section 7 of the Farmworker Justice Act protects organizing.', expect: [{ text: 'Farmworker Justice Act', type: 'Law' }], absent: ['Section 7'] },
  { name: 'the government of a country', text: 'The Government of Canada asked for consultations.', expect: [{ text: 'Government of Canada', type: 'Organization', country: 'CA' }] },
  { name: 'names a naming cue introduces, though their words are generic, and where they recur', text: 'The institute has two bodies, known as the Executive Board and the General Directorate. The Executive Board meets monthly.', expect: [{ text: 'Executive Board', type: 'Organization' }, { text: 'General Directorate', type: 'Organization' }] },
  { name: 'a generic body without a naming cue stays a description', text: 'The union has an Executive Board. The Executive Board meets monthly.', expect: [], absent: ['Executive Board'] },
  { name: 'in the … after a head-first name', text: 'The Committee for Justice in the Cannery Towns filed a complaint.', expect: [{ text: 'Committee for Justice in the Cannery Towns', type: 'Organization' }] },
];

const PEOPLE_PLACES_LAWS: _Case[] = [
  { name: 'a person by apposition', text: 'Rosaura Benítez Quintero, a worker at the plant, was fired in May.', expect: [{ text: 'Rosaura Benítez Quintero', type: 'Person' }] },
  { name: 'a person listed with a person', text: 'Eulalio Zamarripa and Felipe Torres, two former workers, testified.', expect: [{ text: 'Eulalio Zamarripa', type: 'Person' }, { text: 'Felipe Torres', type: 'Person' }] },
  { name: 'a Spanish name whose complement is coordinated ("… de Industrias y de Servicios")', text: 'MEXICO CITY – The Sindicato Nacional de Trabajadores de Industrias y de Servicios filed a complaint.', expect: [{ text: 'Sindicato Nacional de Trabajadores de Industrias y de Servicios', type: 'Organization', country: 'MX' }] },
  { name: 'a head-first name whose complement is a list of bare words', text: 'The complaint was filed by the Industrial Union of Workers in the Mining, Metallurgy, Glass and Allied Industries of the State of Sonora. It was heard in May.', expect: [{ text: 'Industrial Union of Workers in the Mining, Metallurgy, Glass and Allied Industries of the State of Sonora', type: 'Organization' }] },
  { name: 'a list item after ", the" ends at the list’s "and"', text: 'The petition was signed by the UAW, the Sindicato Nacional de Trabajadores Mineros and Greenfield Watch.', expect: [{ text: 'Sindicato Nacional de Trabajadores Mineros', type: 'Organization' }, { text: 'Greenfield Watch', type: 'Organization' }] },
  { name: 'a place before a known place', text: 'The plant in Zacapu, Michoacán employs 900 people.', expect: [{ text: 'Zacapu', type: 'Place', rule: 'place.in-place', country: null }, { text: 'Michoacán', type: 'Place' }] },
  { name: 'a place before "in the state of"', text: 'Workers in Tangancícuaro in the state of Michoacán struck.', expect: [{ text: 'Tangancícuaro', type: 'Place' }] },
  { name: 'a town of', text: 'They marched through the town of Nacozari.', expect: [{ text: 'Nacozari', type: 'Place', rule: 'place.noun-of' }] },
  { name: 'a Spanish law', text: 'The reform amended the Ley Federal del Trabajo in 2019.', expect: [{ text: 'Ley Federal del Trabajo', type: 'Law' }] },
  { name: 'a Spanish cue never ends a name', text: 'They marched down Paseo de la Reforma.', expect: [], absent: ['Paseo de la Reforma'] },
];

describe('names found by context', () => {
  it.each(COMPANIES)('should find companies: $name', _checkCase);
  it.each(ORGANISATIONS)('should find organisations: $name', _checkCase);
  it.each(PEOPLE_PLACES_LAWS)('should find people, places, laws: $name', _checkCase);
});
