// Relation rules (src/pipeline/relations.ts + ontology/patterns/relations.yaml) over short texts with
// the real ontology and the extraction entry, table-driven: each case lists (subject, predicate, object)
// triples that must be found, and triples that must not be. Subjects and objects are named by a
// surface of one of their mentions (or the entity's name).
import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { cleanMarkdown } from '../../src/corpus/markdown.js';
import { loadOntology, type Ontology } from '../../src/ontology/index.js';
import { extractDocument } from '../../src/pipeline/index.js';
import type { Document, Extraction } from '../../src/types.js';

type Triple = [subject: string, predicate: string, object: string];
interface Case {
  name: string;
  text: string;
  expect: Triple[];
  /** triples that must NOT be extracted */
  absent?: Triple[];
}

let ontology: Promise<Ontology> | undefined;

function doc(text: string): Document {
  return { id: 'doc:t', name: 't.txt', path: 't.txt', format: 'txt', title: 't', text, clean: cleanMarkdown(text), sha256: createHash('sha256').update(text).digest('hex') };
}

async function extract(text: string): Promise<Extraction> {
  ontology ??= loadOntology('ontology');
  return extractDocument(doc(text), await ontology);
}

/** Ids of the entities named `surface` (a mention's text or the entity's name). */
function ids(x: Extraction, surface: string): string[] {
  return x.entities.filter((e) => e.name === surface || e.mentions.some((m) => m.text === surface)).map((e) => e.id);
}

function has(x: Extraction, [s, p, o]: Triple): boolean {
  const ss = ids(x, s);
  const os = ids(x, o);
  return x.relations.some((r) => r.predicate === p && ((ss.includes(r.subject) && os.includes(r.object)) || (p === 'COOPERATES_WITH' && ss.includes(r.object) && os.includes(r.subject))));
}

const show = (x: Extraction) => JSON.stringify(x.relations.map((r) => `${r.subject} ${r.predicate} ${r.object} [${r.rule}]`));

const CASES: Case[] = [
  // --- leadership and employment
  {
    name: 'apposition: person, president of org',
    text: 'In 2001, President Fox met with John Sweeney, president of the AFL-CIO, and other labor leaders.',
    expect: [['John Sweeney', 'LEADS', 'AFL-CIO']],
  },
  {
    name: 'apposition: person, the org president (not the previous person’s org)',
    text: 'Fox met with John Sweeney, president of the AFL-CIO, James P. Hoffa, the Teamsters president, and others.',
    expect: [['John Sweeney', 'LEADS', 'AFL-CIO'], ['James P. Hoffa', 'LEADS', 'Teamsters']],
    absent: [['James P. Hoffa', 'LEADS', 'AFL-CIO']],
  },
  {
    name: 'leader of the org (acronym in brackets), person',
    text: 'The leader of the Sindicato de Telefonistas de la República Mexicana (STRM), Francisco Hernández Juárez, proposed a new union.',
    expect: [['Francisco Hernández Juárez', 'LEADS', 'STRM']],
  },
  {
    name: 'org, whose longtime leader, person',
    text: 'Workers were represented by a union affiliated with the Confederation of Mexican Workers (CTM), whose longtime leader, Fidel Velázquez, had supported NAFTA.',
    expect: [['Fidel Velázquez', 'LEADS', 'CTM'], ['Fidel Velázquez', 'SUPPORTS', 'NAFTA']],
  },
  {
    name: 'led since <year> by person; apposition belongs to the nearest organisation',
    text: 'The Communications Workers of America (CWA) and the Sindicato de Telefonistas de la República Mexicana (STRM), led since 1976 by Francisco Hernández Juárez, have cooperated for three decades.',
    expect: [['Francisco Hernández Juárez', 'LEADS', 'STRM'], ['CWA', 'COOPERATES_WITH', 'STRM']],
    absent: [['Francisco Hernández Juárez', 'LEADS', 'CWA']],
  },
  {
    name: 'person, the lawyer who leads org',
    text: 'Susana Prieto Terrazas, the labor lawyer who leads SNITIS, called the deal a victory.',
    expect: [['Susana Prieto Terrazas', 'LEADS', 'SNITIS']],
  },
  {
    name: 'title after the name names the ministry',
    text: 'Luisa Maria Alcalde Lujan, Mexican Secretary of Labor, visited the border. The STPS issued a bulletin.',
    expect: [['Luisa Maria Alcalde Lujan', 'LEADS', 'STPS']],
  },
  {
    name: 'a title only the Mexican ministry has',
    text: 'The STPS and the U.S. Department of Labor met in Mexico City. Secretary of Labor and Social Welfare Marath Bolaños López opened the meeting.',
    expect: [['Marath Bolaños López', 'LEADS', 'STPS']],
  },
  {
    name: 'apposition title at a possessive chain of organisations',
    text: 'Testifying were Thea Lee, Deputy Undersecretary for International Affairs at the Department of Labor’s Bureau of International Labor Affairs (ILAB); and others.',
    expect: [['Thea Lee', 'LEADS', 'ILAB']],
    absent: [['Thea Lee', 'WORKS_FOR', 'Department of Labor']],
  },
  {
    name: 'said person, org’s director of X (staff)',
    text: '“They taught us as much as we taught them,” said Robin Alexander, UE’s longtime director of international labor affairs.',
    expect: [['Robin Alexander', 'WORKS_FOR', 'UE']],
  },
  {
    name: 'list then apposition: the title is the last person’s',
    text: 'Lee traveled to Mexico City to meet Secretary of Labor Marath Bolaños López and Alfredo Domínguez Marrufo, director general of the CFCRL.',
    expect: [['Alfredo Domínguez Marrufo', 'LEADS', 'CFCRL']],
    absent: [['Marath Bolaños López', 'LEADS', 'CFCRL']],
  },
  {
    name: 'held posts at A and at B',
    text: 'Kim Nolan had previously held academic posts in Mexico City for a decade, at the Centre for Research and Teaching in Economics and at the Latin American Faculty for the Social Sciences.',
    expect: [['Kim Nolan', 'WORKS_FOR', 'Centre for Research and Teaching in Economics'], ['Kim Nolan', 'WORKS_FOR', 'Latin American Faculty for the Social Sciences']],
  },
  // --- membership and structure
  {
    name: 'org, a union affiliated with org',
    text: 'STIMAHCS, a metalworkers’ union affiliated with the Frente Auténtico del Trabajo (FAT), won a representation vote.',
    expect: [['STIMAHCS', 'MEMBER_OF', 'FAT']],
  },
  {
    name: 'co-chaired by a list of organisations',
    text: 'Lee described the Interagency Labor Committee for Monitoring and Enforcement, which was established by the USMCA Implementation Act and is co-chaired by USTR and the Department of Labor.',
    expect: [['USMCA Implementation Act', 'ESTABLISHED', 'Interagency Labor Committee for Monitoring and Enforcement'], ['USTR', 'MEMBER_OF', 'Interagency Labor Committee for Monitoring and Enforcement'], ['Department of Labor', 'MEMBER_OF', 'Interagency Labor Committee for Monitoring and Enforcement']],
  },
  {
    name: 'org, the org’s international arm, has an office in place',
    text: 'The Solidarity Center, the AFL-CIO’s international arm, has kept an office in Mexico City since 1996.',
    expect: [['Solidarity Center', 'PART_OF', 'AFL-CIO'], ['Solidarity Center', 'LOCATED_IN', 'Mexico City']],
    absent: [['AFL-CIO', 'LOCATED_IN', 'Mexico City']],
  },
  // --- agreements, succession
  {
    name: 'agreement, which replaced agreement',
    text: 'The hearing reviewed the United States–Mexico–Canada Agreement (USMCA), which replaced the North American Free Trade Agreement (NAFTA) on July 1, 2020.',
    expect: [['NAFTA', 'SUCCEEDED_BY', 'USMCA']],
  },
  {
    name: 'office, which succeeded office',
    text: 'Its Office of Trade and Labor Affairs (OTLA), which succeeded the U.S. National Administrative Office, monitors trade agreements.',
    expect: [['U.S. National Administrative Office', 'SUCCEEDED_BY', 'OTLA']],
  },
  {
    name: 'a place in a title is not a party',
    text: 'The working group was established under a Joint Declaration of Ministerial Consultations under the NAALC, signed by U.S. Secretary of Labor Elaine Chao and Mexican Secretary of Labor Carlos Abascal.',
    expect: [['Elaine Chao', 'SIGNED', 'Joint Declaration of Ministerial Consultations'], ['Carlos Abascal', 'SIGNED', 'Joint Declaration of Ministerial Consultations']],
    absent: [['United States', 'PARTY_TO', 'NAALC'], ['Elaine Chao', 'SIGNED', 'NAALC']],
  },
  // --- cooperation
  {
    name: 'in partnership with a possessive place’s ministry and a list',
    text: 'The ILO will carry out the project in partnership with Mexico’s Secretariat of Labor and Social Welfare (STPS) and the Federal Center for Labor Conciliation and Registry (CFCRL).',
    expect: [['ILO', 'COOPERATES_WITH', 'STPS'], ['ILO', 'COOPERATES_WITH', 'CFCRL']],
    absent: [['ILO', 'COOPERATES_WITH', 'Mexico']],
  },
  {
    name: 'fronted: in partnership with X, the Y',
    text: 'In partnership with the government of Mexico, the U.S. Department of Labor is strengthening labor institutions.',
    expect: [['U.S. Department of Labor', 'COOPERATES_WITH', 'Mexico']],
  },
  {
    name: 'A and B, with an aside, signed an alliance',
    text: 'The United Steelworkers (USW) and the Sindicato Nacional de Trabajadores Mineros — better known as Los Mineros — signed a strategic alliance in 2005.',
    expect: [['USW', 'COOPERATES_WITH', 'Sindicato Nacional de Trabajadores Mineros']],
  },
  // --- stances
  {
    name: 'opposition voiced in a relative clause',
    text: 'The AFL-CIO found itself agreeing with independent unions, such as the FAT, which also voiced strong opposition to NAFTA.',
    expect: [['FAT', 'OPPOSES', 'NAFTA']],
  },
  {
    name: 'a list had all campaigned against',
    text: 'On the U.S. side, the UE and the CWA had all campaigned against NAFTA in 1993.',
    expect: [['UE', 'OPPOSES', 'NAFTA'], ['CWA', 'OPPOSES', 'NAFTA']],
  },
  {
    name: 'backed an organisation’s leader is not backing the organisation',
    text: 'After the explosion, the USW backed Los Mineros’ general secretary, Napoleón Gómez Urrutia, who spent years in exile.',
    expect: [['Napoleón Gómez Urrutia', 'LEADS', 'Los Mineros']],
    absent: [['USW', 'SUPPORTS', 'Los Mineros']],
  },
  // --- funding, cases, participation, places
  {
    name: 'org funds projects of A and B',
    text: 'Lee added that ILAB funds projects of the International Labour Organization and the Solidarity Center.',
    expect: [['ILAB', 'FUNDS', 'International Labour Organization'], ['ILAB', 'FUNDS', 'Solidarity Center']],
  },
  {
    name: 'were among the organisations that filed',
    text: 'Los Mineros and the USW were among the organizations that filed the San Martín case in 2023.',
    expect: [['Los Mineros', 'FILED', 'San Martín case'], ['USW', 'FILED', 'San Martín case']],
  },
  {
    name: 'joined A and B in filing the case',
    text: 'A year earlier the union joined the AFL-CIO and the United Steelworkers (USW) in filing U.S. NAO Submission 9703.',
    expect: [['AFL-CIO', 'FILED', 'U.S. NAO Submission 9703'], ['USW', 'FILED', 'U.S. NAO Submission 9703']],
  },
  {
    name: 'a list took part in the network’s event',
    text: 'Delegates from the CWA, the STRM and CILAS took part in the network’s Tri-National Solidarity Summit, held in Monterrey in 2019.',
    expect: [['CWA', 'PARTICIPATED_IN', 'Tri-National Solidarity Summit'], ['STRM', 'PARTICIPATED_IN', 'Tri-National Solidarity Summit'], ['Tri-National Solidarity Summit', 'LOCATED_IN', 'Monterrey']],
    absent: [['STRM', 'LOCATED_IN', 'Monterrey']],
  },
  {
    name: 'org, a subsidiary in place',
    text: 'The petition alleged that ITAPSA, an Echlin subsidiary in Puebla, had dismissed workers.',
    expect: [['ITAPSA', 'LOCATED_IN', 'Puebla']],
  },
  {
    name: 'the nearest organisation holds the place phrase',
    text: 'Lee added that ILAB funds projects of the International Labour Organization and the Solidarity Center in Mexico.',
    expect: [],
    absent: [['International Labour Organization', 'LOCATED_IN', 'Mexico']],
  },
  {
    name: 'footnote about the event its marker follows',
    text: 'In the 1980s activists convened the first International Conference for the Rights of Undocumented Workers in Mexico City.<sup>16</sup> It was a landmark.\n\n<sup>16</sup> Mexican labor unions in attendance included: Frente Auténtico del Trabajo (FAT); Congreso del Trabajo (CT).\n',
    expect: [['FAT', 'PARTICIPATED_IN', 'International Conference for the Rights of Undocumented Workers']],
  },
  // --- general forms
  {
    name: 'apposition then led by',
    text: 'The UNT, an independent federation led by Francisco Hernández Juárez, opposed the labor reform.',
    expect: [['Francisco Hernández Juárez', 'LEADS', 'UNT']],
  },
  {
    name: 'a second verb after "and" takes its own object',
    text: 'The AFL-CIO opposed NAFTA and later endorsed the USMCA.',
    expect: [['AFL-CIO', 'OPPOSES', 'NAFTA'], ['AFL-CIO', 'SUPPORTS', 'USMCA']],
    absent: [['AFL-CIO', 'OPPOSES', 'USMCA']],
  },
  {
    name: 'a body which includes members',
    text: 'The Interagency Labor Committee, which includes USTR and the Department of Labor, monitors compliance.',
    expect: [['USTR', 'MEMBER_OF', 'Interagency Labor Committee'], ['Department of Labor', 'MEMBER_OF', 'Interagency Labor Committee']],
  },
  {
    name: 'an event verb does not place its organisers',
    text: 'The workshop, organized by the STPS and the U.S. Department of Labor, took place in Monterrey.',
    expect: [['STPS', 'COOPERATES_WITH', 'U.S. Department of Labor']],
    absent: [['U.S. Department of Labor', 'LOCATED_IN', 'Monterrey']],
  },
  {
    name: 'A and B signed an agreement: both are parties',
    text: 'The Secretariat of Labor and Social Welfare (STPS) and the U.S. Department of Labor signed a Memorandum of Understanding in 2014.',
    expect: [['STPS', 'PARTY_TO', 'Memorandum of Understanding'], ['U.S. Department of Labor', 'PARTY_TO', 'Memorandum of Understanding']],
  },
  {
    name: 'funded by / funding from',
    text: 'The Centro de Investigación Laboral y Asesoría Sindical received a grant from the Solidarity Center in 2019.',
    expect: [['Solidarity Center', 'FUNDS', 'Centro de Investigación Laboral y Asesoría Sindical']],
  },
  {
    name: 'established in <year> by',
    text: 'The Commission for Labor Cooperation was established in 1994 by the NAALC.',
    expect: [['NAALC', 'ESTABLISHED', 'Commission for Labor Cooperation']],
  },
  {
    name: 'an organisation in a person’s apposition is not the subject',
    text: 'Julia Quiñonez, coordinator of the Comité Fronterizo de Obreras (CFO), met with UAW organizers in Detroit.',
    expect: [['Julia Quiñonez', 'LEADS', 'Comité Fronterizo de Obreras']],
    absent: [['Comité Fronterizo de Obreras', 'COOPERATES_WITH', 'UAW']],
  },
  {
    name: 'is an X based in place',
    text: 'The Authentic Labor Front (FAT) is an independent federation based in Mexico City.',
    expect: [['FAT', 'LOCATED_IN', 'Mexico City']],
  },
  {
    name: 'a place attached to the subject’s name',
    text: 'The National Administrative Office of Mexico is part of the Secretariat of Labor and Social Welfare.',
    expect: [['National Administrative Office', 'PART_OF', 'Secretariat of Labor and Social Welfare']],
    absent: [['National Administrative Office', 'MEMBER_OF', 'Secretariat of Labor and Social Welfare']],
  },
  {
    name: 'agreement with the X’s challenger, the Y: the tie is with Y',
    text: "In 1999, the AFL-CIO signed a bi-national agreement with the CTM's biggest challenger, the UNT, a new confederation of independent unions.",
    expect: [['AFL-CIO', 'COOPERATES_WITH', 'UNT']],
    absent: [['AFL-CIO', 'COOPERATES_WITH', 'CTM']],
  },
  {
    name: 'backed X in its support of Y',
    text: 'The CTM backed the PRI in its support of NAFTA.',
    expect: [['CTM', 'SUPPORTS', 'PRI'], ['PRI', 'SUPPORTS', 'NAFTA'], ['CTM', 'SUPPORTS', 'NAFTA']],
  },
];

describe('relation rules', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const x = await extract(c.text);
      for (const t of c.expect) expect(has(x, t), `${c.name}: missing ${t.join(' ')} in ${show(x)}`).toBe(true);
      for (const t of c.absent ?? []) expect(has(x, t), `${c.name}: unexpected ${t.join(' ')} in ${show(x)}`).toBe(false);
    });
  }

  it('is deterministic', async () => {
    const text = CASES.map((c) => c.text).join('\n\n');
    const a = await extract(text);
    const b = await extract(text);
    expect(a.relations).toEqual(b.relations);
  });

  it('obeys the ontology’s domain and range', async () => {
    const o = await (ontology ??= loadOntology('ontology'));
    const x = await extract(CASES.map((c) => c.text).join('\n\n'));
    const type = new Map(x.entities.map((e) => [e.id, e.type]));
    for (const r of x.relations) expect(o.allows(r.predicate, type.get(r.subject)!, type.get(r.object)!), `${r.subject} ${r.predicate} ${r.object}`).toBe(true);
  });
});
