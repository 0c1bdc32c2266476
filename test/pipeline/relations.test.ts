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
  {
    name: 'A and B took a stance on an agreement: no partners by it',
    text: 'Public Citizen and the Sierra Club opposed the agreement, while the UAW and Unifor welcomed the alliance.',
    expect: [],
    absent: [['Public Citizen', 'COOPERATES_WITH', 'Sierra Club'], ['UAW', 'COOPERATES_WITH', 'Unifor']],
  },
  {
    name: 'a body established under an agreement: the agreement made it (a participle the tagger reads as an adjective after "was")',
    text: 'The Tri-National Labor Board was established under the USMCA in 2021, and the Border Labor Office was created under the NAALC.',
    expect: [['USMCA', 'ESTABLISHED', 'Tri-National Labor Board'], ['NAALC', 'ESTABLISHED', 'Border Labor Office']],
    absent: [['Tri-National Labor Board', 'PART_OF', 'USMCA']],
  },
  {
    name: 'who acts during an agreement\'s negotiations takes part in them (with or without a bracketed acronym)',
    text: 'Mexico agreed to reform its labor laws during the Trans-Pacific Partnership (TPP) negotiations, and Canada raised wages during the NAFTA renegotiation.',
    expect: [['Mexico', 'PARTICIPATED_IN', 'Trans-Pacific Partnership'], ['Canada', 'PARTICIPATED_IN', 'NAFTA']],
  },
  {
    name: 'the head of an office of a body works for the body; a Canadian minister of labour heads no U.S. or Mexican ministry',
    text: 'Rosa Gamboa, director of the regional office for the United Farm Workers, spoke with Canadian Minister of Labour Jean Tremblay and U.S. Department of Labor staff.',
    expect: [['Rosa Gamboa', 'WORKS_FOR', 'United Farm Workers']],
    absent: [['Rosa Gamboa', 'LEADS', 'United Farm Workers'], ['Jean Tremblay', 'LEADS', 'U.S. Department of Labor']],
  },
  {
    name: 'a joint statement\'s list of titled officials: name, title, ministry — each works for the ministry it names',
    text: 'The meeting was co-chaired by Ms. Dana Whitfield, Deputy Undersecretary for International Affairs, U.S. Department of Labor, and Mr. Omar Haddad, Director General of International and Intergovernmental Labour Affairs, Employment and Social Development Canada, and Ms. Lena Park, Director, Global Affairs Canada, attended.',
    expect: [['Dana Whitfield', 'WORKS_FOR', 'U.S. Department of Labor'], ['Omar Haddad', 'WORKS_FOR', 'Employment and Social Development Canada'], ['Lena Park', 'WORKS_FOR', 'Global Affairs Canada']],
    absent: [['Dana Whitfield', 'LEADS', 'U.S. Department of Labor'], ['Lena Park', 'LEADS', 'Global Affairs Canada']],
  },
  {
    name: 'a ministry is led by its head or secretary, an agency by its director',
    text: 'The head of the STPS, Ana Ruiz, spoke; John Smith, director of the Bureau of International Labor Affairs, listened; Mary Jones, Under Secretary of the U.S. Department of Labor, left.',
    expect: [['Ana Ruiz', 'LEADS', 'STPS'], ['John Smith', 'LEADS', 'Bureau of International Labor Affairs'], ['Mary Jones', 'WORKS_FOR', 'U.S. Department of Labor']],
    absent: [['Mary Jones', 'LEADS', 'U.S. Department of Labor']],
  },
  {
    name: 'an owned or bought company is part of its owner; "the X plant" stands for X, not for the place beside it',
    text: 'Grupo México purchased Asarco LLC in 1999. The Kwangsung plant, owned by Hanil Corp., closed. Workers at the General Motors Silao plant voted.',
    expect: [['Asarco LLC', 'PART_OF', 'Grupo México'], ['Kwangsung', 'PART_OF', 'Hanil Corp.']],
    absent: [['Grupo México', 'PART_OF', 'Asarco LLC']],
  },
  {
    name: 'countries that reaffirm their commitment to an agreement are its parties',
    text: 'Canada, the United States and Mexico today reaffirmed their commitment to the North American Agreement on Labour Cooperation.',
    expect: [['Canada', 'PARTY_TO', 'North American Agreement on Labour Cooperation'], ['United States', 'PARTY_TO', 'North American Agreement on Labour Cooperation'], ['Mexico', 'PARTY_TO', 'North American Agreement on Labour Cooperation']],
  },
  {
    name: 'a plural noun then a colon or a bracketed list: the names listed ("filed by three groups: A, B and C"; "four provinces (A, B, C and D) are signatories")',
    text: 'Submission No. 2011-02 was filed with the Mexican NAO by three labor rights organizations: the Border Workers Alliance, the Maquila Justice Network (MJN), and the Farmworker Rights Center. Two provinces (Quebec and Alberta) are signatories to the NAALC.',
    expect: [['Border Workers Alliance', 'FILED', 'Submission No. 2011-02'], ['Maquila Justice Network', 'FILED', 'Submission No. 2011-02'], ['Farmworker Rights Center', 'FILED', 'Submission No. 2011-02'],
      ['Quebec', 'PARTY_TO', 'NAALC'], ['Alberta', 'PARTY_TO', 'NAALC']],
  },
  {
    name: 'doing business as: the local trading name is part of the company, also after a generic head ("the operations of X, doing business as Y")',
    text: 'The complaint concerns the operations of Hanil Corp., doing business as Hanil de México (HDM), in Reynosa. Kwangsung Industries operates as KSE Industrial S.A. de C.V. in Tijuana.',
    expect: [['Hanil de México', 'PART_OF', 'Hanil Corp.'], ['KSE Industrial S.A. de C.V.', 'PART_OF', 'Kwangsung Industries']],
  },
  {
    name: 'a body\'s organs are its parts: "consists of a Council and a Secretariat", "is governed by a Board" (members stay members; a ministry is no organ)',
    text: 'The Border Labor Commission is governed by a Council of Delegates. The Maquila Workers Federation consists of a Coordinating Council and the Frente Auténtico del Trabajo. The Tri-National Labor Board is overseen by the Secretariat of Labor and Social Welfare.',
    expect: [['Council of Delegates', 'PART_OF', 'Border Labor Commission'], ['Coordinating Council', 'PART_OF', 'Maquila Workers Federation'], ['Frente Auténtico del Trabajo', 'MEMBER_OF', 'Maquila Workers Federation']],
    absent: [['Secretariat of Labor and Social Welfare', 'PART_OF', 'Tri-National Labor Board'], ['Coordinating Council', 'MEMBER_OF', 'Maquila Workers Federation']],
  },
  {
    name: 'the ILAB head\'s title after the department: a post in the department, the head of ILAB',
    text: 'Department of Labor Deputy Undersecretary for International Affairs Dana Whitfield spoke, and the Bureau of International Labor Affairs published the report.',
    expect: [['Dana Whitfield', 'WORKS_FOR', 'U.S. Department of Labor'], ['Dana Whitfield', 'LEADS', 'Bureau of International Labor Affairs']],
    absent: [['Dana Whitfield', 'LEADS', 'U.S. Department of Labor']],
  },
  {
    name: 'an agreement between a list of countries: each is a party (with an Oxford comma and a bracketed acronym)',
    text: 'The NAALC is a side accord to the North American Free Trade Agreement (NAFTA) between the United States, Canada, and Mexico.',
    expect: [['United States', 'PARTY_TO', 'NAFTA'], ['Canada', 'PARTY_TO', 'NAFTA'], ['Mexico', 'PARTY_TO', 'NAFTA']],
  },
  {
    name: 'giving money or aid funds; giving anything else does not',
    text: 'The Labor Secretariat provides administrative services to the Council of Ministers. USAID granted funds to the FAT, and the Ford Foundation provided $2 million to the Solidarity Center.',
    expect: [['USAID', 'FUNDS', 'FAT'], ['Ford Foundation', 'FUNDS', 'Solidarity Center']],
    absent: [['Labor Secretariat', 'FUNDS', 'Council of Ministers']],
  },
  {
    name: 'a role and its body before the holder\'s name, no comma: "The president of the AFL-CIO Richard Trumka", after a dateline too',
    text: 'WASHINGTON – The top Republican on the Trade Subcommittee Vern Buchanan delivered a statement. The president of the Maquila Workers Union Ana Ruiz spoke after him.',
    expect: [['Vern Buchanan', 'MEMBER_OF', 'Trade Subcommittee'], ['Ana Ruiz', 'LEADS', 'Maquila Workers Union']],
  },
  {
    name: 'a body named by another body\'s name and an organ word is its organ ("the AFL-CIO Executive Council")',
    text: 'The AFL-CIO Executive Council voted on Monday, and the AFL-CIO announced the result. The AFL-CIO Solidarity Fund Project paid.',
    expect: [['AFL-CIO Executive Council', 'PART_OF', 'AFL-CIO']],
  },
  {
    name: 'a protection contract signed with a company ties the two; unions that sell contracts to companies are not partners by that',
    text: 'The CTM signed a protection contract with General Motors. Both the CROC and the CTM sell protection contracts to companies.',
    expect: [['CTM', 'COOPERATES_WITH', 'General Motors']],
    absent: [['CROC', 'COOPERATES_WITH', 'CTM']],
  },
  {
    name: 'a stance held long, and a stance on an agreement\'s provisions, are stances on it',
    text: 'The AFL-CIO has long opposed NAFTA, and Public Citizen praised the USMCA\'s labor provisions.',
    expect: [['AFL-CIO', 'OPPOSES', 'NAFTA'], ['Public Citizen', 'SUPPORTS', 'USMCA']],
  },
  {
    name: 'Spanish: a lexicon form is a verb whatever the English tagger reads ("encabezado por", "denunció a", "firmó un convenio con")',
    text: 'El Sindicato Nacional de Trabajadores Mineros, encabezado por Napoleón Gómez Urrutia, denunció a Grupo México. La Secretaría del Trabajo y Previsión Social firmó un convenio con el Departamento del Trabajo de Estados Unidos. México firmó el T-MEC.',
    expect: [['Napoleón Gómez Urrutia', 'LEADS', 'Sindicato Nacional de Trabajadores Mineros'], ['Sindicato Nacional de Trabajadores Mineros', 'OPPOSES', 'Grupo México'],
      ['Secretariat of Labor and Social Welfare', 'COOPERATES_WITH', 'U.S. Department of Labor'], ['México', 'PARTY_TO', 'T-MEC']],
  },
  {
    name: 'Spanish prepositions end a noun phrase ("presentó una queja ante la Oficina"): no holder found through them',
    text: 'El sindicato independiente, afiliado a la Unión Nacional de Trabajadores, presentó una queja ante la Oficina de Asuntos Laborales.',
    expect: [],
    absent: [['Oficina de Asuntos Laborales', 'MEMBER_OF', 'Unión Nacional de Trabajadores']],
  },
  {
    name: 'Spanish: affiliation, location and a case against a company ("afiliado a", "ubicada en", "queja contra")',
    text: 'El Sindicato Independiente de Trabajadores de Morelos, afiliado a la Unión Nacional de Trabajadores, ganó. La Coordinadora Sindical de Tijuana, ubicada en Tijuana, protestó. La Submission 9901 contra Industrias Tecnos sigue abierta.',
    expect: [['Sindicato Independiente de Trabajadores de Morelos', 'MEMBER_OF', 'Unión Nacional de Trabajadores'], ['Coordinadora Sindical de Tijuana', 'LOCATED_IN', 'Tijuana'], ['Submission 9901', 'TARGETS', 'Industrias Tecnos']],
  },
  {
    name: 'a title in apposition before the name points to its body ("The Mexican Secretary of Labor, X, …")',
    text: 'The Mexican Secretary of Labor, Ana Ruiz Castro, met STPS inspectors. In a letter, the AFL-CIO, Tomás Ibarra, and others wrote.',
    expect: [['Ana Ruiz Castro', 'LEADS', 'STPS']],
    absent: [['Tomás Ibarra', 'LEADS', 'AFL-CIO']],
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
  // --- definite-description anaphora (src/pipeline/anaphora.ts)
  {
    name: 'anaphora: “the union” stands for the one union just named',
    text: 'The Sindicato Nacional de Trabajadores Mineros (Los Mineros) led the strike. In 2023 the union filed U.S. NAO Submission 2023-01 with the Department of Labor.',
    expect: [['Los Mineros', 'FILED', 'U.S. NAO Submission 2023-01']],
  },
  {
    name: 'anaphora: “both unions” stands for the two unions just named',
    text: 'The United Steelworkers (USW) and the Sindicato Nacional de Trabajadores Mineros (Los Mineros) signed an alliance in 2005. Both unions are members of the AFL-CIO.',
    expect: [['USW', 'MEMBER_OF', 'AFL-CIO'], ['Los Mineros', 'MEMBER_OF', 'AFL-CIO']],
  },
  {
    name: 'anaphora: “the union” after two unions is ambiguous',
    text: 'The USW and Los Mineros met in Toronto. The union filed U.S. NAO Submission 2023-01.',
    expect: [],
    absent: [['USW', 'FILED', 'U.S. NAO Submission 2023-01'], ['Los Mineros', 'FILED', 'U.S. NAO Submission 2023-01']],
  },
  {
    name: 'anaphora: “the company union” is not the company',
    text: 'Grupo México owns the mine. The company union opposed the USMCA.',
    expect: [],
    absent: [['Grupo México', 'OPPOSES', 'USMCA']],
  },
  {
    name: 'anaphora: “that the federation has since filed … petitions, including the X case against Y”',
    text: 'Shuler said the AFL-CIO endorsed the USMCA and that the federation has since filed or co-filed several Rapid Response petitions, including the Tridonex case against Cardone Industries.',
    expect: [['AFL-CIO', 'FILED', 'Tridonex case'], ['Tridonex case', 'TARGETS', 'Cardone Industries']],
  },
  {
    name: 'anaphora: “a petition” names the case of its sentence, and its target follows “concerning”',
    text: 'Los Mineros and the USW filed a petition concerning Grupo México’s San Martín mine, the San Martín case.',
    expect: [['Los Mineros', 'FILED', 'San Martín case'], ['USW', 'FILED', 'San Martín case'], ['San Martín case', 'TARGETS', 'Grupo México']],
  },
  {
    name: 'anaphora: “these Mexican organizations” is the list just named, by country',
    text: 'The Teamsters and the UFW reached out to several Mexican unions, including the Unión Nacional de Trabajadores (UNT) and the Frente Auténtico del Trabajo (FAT). These Mexican organizations filed U.S. NAO Submission 9801 with the NAO.',
    expect: [['UNT', 'FILED', 'U.S. NAO Submission 9801'], ['FAT', 'FILED', 'U.S. NAO Submission 9801']],
    absent: [['Teamsters', 'FILED', 'U.S. NAO Submission 9801'], ['UFW', 'FILED', 'U.S. NAO Submission 9801']],
  },
  {
    name: 'anaphora: “her organization” is the organisation named earlier in its sentence, not one before',
    text: 'The AFL-CIO’s president, Liz Shuler, said her organization strongly supports the Rapid Response Labor Mechanism. The USW and the CTM met in Toronto. Leo Gerard said his union opposes NAFTA.',
    expect: [['AFL-CIO', 'SUPPORTS', 'Rapid Response Labor Mechanism']],
    absent: [['CTM', 'OPPOSES', 'NAFTA'], ['USW', 'OPPOSES', 'NAFTA']],
  },
  {
    name: 'anaphora: a union whose name has “Industrias” is not “the company”',
    text: 'SNITIS signed with the Sindicato Nacional Independiente de Trabajadores de Industrias y de Servicios. The company, a subsidiary of Grupo México, agreed.',
    expect: [],
    absent: [['Sindicato Nacional Independiente de Trabajadores de Industrias y de Servicios', 'PART_OF', 'Grupo México']],
  },
  {
    name: 'stances: a plural possessive (“Los Mineros’ opposition to X”)',
    text: 'The disaster hardened Los Mineros’ opposition to Grupo México, which the union blamed for the deaths.',
    expect: [['Los Mineros', 'OPPOSES', 'Grupo México']],
  },
  {
    name: 'anaphora: “Conway, whose union has an alliance with X” is the union Conway leads',
    text: 'Tom Conway, president of the United Steelworkers (USW), testified. Conway, whose union has a long-standing alliance with Los Mineros, urged action.',
    expect: [['Tom Conway', 'LEADS', 'USW'], ['USW', 'COOPERATES_WITH', 'Los Mineros']],
    absent: [['Tom Conway', 'WORKS_FOR', 'USW']],
  },
  {
    name: 'anaphora: “whose union” of a person with no known organisation stands for nothing',
    text: 'Maria Lopez, whose union has a long-standing alliance with Los Mineros, spoke.',
    expect: [],
    absent: [['Maria Lopez', 'COOPERATES_WITH', 'Los Mineros']],
  },
  // --- cases: filers and targets
  {
    name: 'cases: a case’s target is the first company after a cue; a Mexican NAO case targets the United States',
    text: 'In 1998 Mexican labor organizations filed Mexican NAO 9802 on the Washington State apple industry and Mexican NAO 9803 on the DeCoster Egg Farm in Turner, Maine, both concerning the treatment of Mexican migrant workers in the United States.',
    expect: [['Mexican NAO 9802', 'TARGETS', 'United States'], ['Mexican NAO 9803', 'TARGETS', 'United States']],
    absent: [['Mexican NAO 9802', 'TARGETS', 'Washington State']],
  },
  {
    name: 'cases: “the State of Mexico” is not the country targeted',
    text: 'The coalition filed U.S. NAO Submission 9703 against ITAPSA, an Echlin subsidiary in the State of Mexico.',
    expect: [['U.S. NAO Submission 9703', 'TARGETS', 'ITAPSA']],
    absent: [['U.S. NAO Submission 9703', 'TARGETS', 'Mexico']],
  },
  {
    name: 'cases: X joined A, B and C in filing the case (not membership)',
    text: 'A year earlier SNITIS joined the AFL-CIO, the Service Employees International Union (SEIU) and Public Citizen in filing the Tridonex case.',
    expect: [['SNITIS', 'FILED', 'Tridonex case'], ['AFL-CIO', 'FILED', 'Tridonex case'], ['SEIU', 'FILED', 'Tridonex case']],
    absent: [['SNITIS', 'MEMBER_OF', 'AFL-CIO']],
  },
  {
    name: 'cases: filed by X, an apposition, together with Y and Z',
    text: 'U.S. NAO Submission 9702 was filed in October 1997 by the Support Committee for Maquiladora Workers, a San Diego–based group, together with the ILRF and ANAD.',
    expect: [['Support Committee for Maquiladora Workers', 'FILED', 'U.S. NAO Submission 9702'], ['ILRF', 'FILED', 'U.S. NAO Submission 9702'], ['ANAD', 'FILED', 'U.S. NAO Submission 9702']],
  },
  {
    name: 'cases: “In <case>, X and Y alleged …”; “X, which filed <case>”',
    text: 'In U.S. NAO Submission 9601, the ILRF and ANAD alleged that workers had been dismissed. The CJM, which filed U.S. NAO Submission 9602, welcomed the decision.',
    expect: [['ILRF', 'FILED', 'U.S. NAO Submission 9601'], ['ANAD', 'FILED', 'U.S. NAO Submission 9601'], ['CJM', 'FILED', 'U.S. NAO Submission 9602']],
    absent: [['ILRF', 'FILED', 'U.S. NAO Submission 9602']],
  },
  {
    name: 'cases: “X requested a review in <case>”; “<case> alleged a denial of rights at Y”',
    text: 'USTR requested a review in the Panasonic case. U.S. NAO Submission 9601 alleged a denial of workers’ rights at Cardone Industries.',
    expect: [['USTR', 'FILED', 'Panasonic case'], ['U.S. NAO Submission 9601', 'TARGETS', 'Cardone Industries']],
    absent: [['USTR', 'TARGETS', 'Cardone Industries']],
  },
  // --- participation, stances, membership
  {
    name: 'participation: “At E, X said …”; “E brought together representatives of A and B”',
    text: 'At the Tri-National Conference on Labor Rights, Liz Shuler said unions must organize together. The Tri-National Conference on Labor Rights brought together representatives of the AFL-CIO and the UNT.',
    expect: [['Liz Shuler', 'PARTICIPATED_IN', 'Tri-National Conference on Labor Rights'], ['AFL-CIO', 'PARTICIPATED_IN', 'Tri-National Conference on Labor Rights'], ['UNT', 'PARTICIPATED_IN', 'Tri-National Conference on Labor Rights']],
  },
  {
    name: 'participation in a negotiation: “who negotiated the A”, “took part in the renegotiation of A”',
    text: 'Robert Lighthizer, who negotiated the USMCA, spoke. The AFL-CIO took part in the renegotiation of NAFTA.',
    expect: [['Robert Lighthizer', 'PARTICIPATED_IN', 'USMCA'], ['AFL-CIO', 'PARTICIPATED_IN', 'NAFTA']],
  },
  {
    name: 'stances: called for the renegotiation / urged the ratification / voted to reject',
    text: 'The AFL-CIO called for the renegotiation of NAFTA. The Teamsters urged the swift ratification of the USMCA. Rosa DeLauro voted to reject NAFTA.',
    expect: [['AFL-CIO', 'OPPOSES', 'NAFTA'], ['Teamsters', 'SUPPORTS', 'USMCA'], ['Rosa DeLauro', 'OPPOSES', 'NAFTA']],
    absent: [['AFL-CIO', 'SUPPORTS', 'NAFTA'], ['Teamsters', 'OPPOSES', 'USMCA']],
  },
  {
    name: 'stances: “X, which backed Y”',
    text: 'The CTM, which backed NAFTA, was silent.',
    expect: [['CTM', 'SUPPORTS', 'NAFTA']],
  },
  {
    name: 'participation: “Testifying at E were A, title; B, title; and a representative of C”',
    text: 'Testifying at the Tri-National Conference on Labor Rights were Thea Lee, deputy undersecretary at the Department of Labor; Liz Shuler, president of the AFL-CIO; and a representative of the U.S. Chamber of Commerce.',
    expect: [['Thea Lee', 'PARTICIPATED_IN', 'Tri-National Conference on Labor Rights'], ['Liz Shuler', 'PARTICIPATED_IN', 'Tri-National Conference on Labor Rights'], ['U.S. Chamber of Commerce', 'PARTICIPATED_IN', 'Tri-National Conference on Labor Rights']],
    absent: [['AFL-CIO', 'PARTICIPATED_IN', 'Tri-National Conference on Labor Rights'], ['Department of Labor', 'PARTICIPATED_IN', 'Tri-National Conference on Labor Rights']],
  },
  {
    name: 'participation: E was attended by A and B; X participates in a program',
    text: 'The Tri-National Conference on Labor Rights was attended by the AFL-CIO and the UNT. The STPS participates in the Rapid Response Labor Mechanism.',
    expect: [['AFL-CIO', 'PARTICIPATED_IN', 'Tri-National Conference on Labor Rights'], ['UNT', 'PARTICIPATED_IN', 'Tri-National Conference on Labor Rights'], ['STPS', 'PARTICIPATED_IN', 'Rapid Response Labor Mechanism']],
  },
  {
    name: 'stances: a critic of, endorsed by, supporters of',
    text: 'The AFL-CIO has been a vocal critic of NAFTA. The USMCA was endorsed by the AFL-CIO. The Teamsters were strong supporters of the USMCA.',
    expect: [['AFL-CIO', 'OPPOSES', 'NAFTA'], ['AFL-CIO', 'SUPPORTS', 'USMCA'], ['Teamsters', 'SUPPORTS', 'USMCA']],
    absent: [['AFL-CIO', 'SUPPORTS', 'NAFTA']],
  },
  {
    name: 'membership: whose member unions include X; X is one of the member unions of Y',
    text: 'The Frente Auténtico del Trabajo (FAT), whose member unions include STIMAHCS, backed the strike. STIMAHCS is one of the member unions of the Unión Nacional de Trabajadores.',
    expect: [['STIMAHCS', 'MEMBER_OF', 'FAT'], ['STIMAHCS', 'MEMBER_OF', 'Unión Nacional de Trabajadores']],
  },
  // --- passive agents after material, definite descriptions of the headline's case
  {
    name: 'passive: a date and a comma between the verb and its agent; “this petition” is the headline’s case',
    text: 'U.S. NAO Submission 2004-01 (Acme Motors)\n\nThis petition was filed on 3 May 2004, by the Union of Metal Workers.',
    expect: [['Union of Metal Workers', 'FILED', 'U.S. NAO Submission 2004-01']],
  },
  {
    name: 'passive: “was lodged in March by A and B”, “was filed jointly, in June 2011, by A”',
    text: 'The Frente Auténtico del Trabajo criticised U.S. NAO Submission 2011-02. The complaint was lodged in March by the Teamsters and the United Electrical Workers. U.S. NAO Submission 2012-05 was filed jointly, in June 2012, by the AFL-CIO.',
    expect: [['Teamsters', 'FILED', 'U.S. NAO Submission 2011-02'], ['United Electrical Workers', 'FILED', 'U.S. NAO Submission 2011-02'], ['AFL-CIO', 'FILED', 'U.S. NAO Submission 2012-05']],
    absent: [['Frente Auténtico del Trabajo', 'FILED', 'U.S. NAO Submission 2011-02']],
  },
  {
    name: 'passive: a renaming between dashes; a participle with a PP naming a body before “by”',
    text: 'The Acme case — U.S. NAO Submission 2011-02 — was submitted in June 2011 by the Teamsters. U.S. NAO Submission 2012-05, filed with the Department of Labor in 2012 by the AFL-CIO, alleged abuses.',
    expect: [['Teamsters', 'FILED', 'U.S. NAO Submission 2011-02'], ['AFL-CIO', 'FILED', 'U.S. NAO Submission 2012-05']],
    absent: [['Department of Labor', 'FILED', 'U.S. NAO Submission 2012-05']],
  },
  {
    name: 'fronted case past a participle aside: “In <case>, filed in <date>, A and B alleged …”',
    text: 'In U.S. NAO Submission 2011-02, filed in June 2011, the United Electrical Workers and the Frente Auténtico del Trabajo alleged that workers were fired.',
    expect: [['United Electrical Workers', 'FILED', 'U.S. NAO Submission 2011-02'], ['Frente Auténtico del Trabajo', 'FILED', 'U.S. NAO Submission 2011-02']],
  },
  // --- membership lists after an apposition
  {
    name: 'membership: “X, an apposition, which includes A; B; and C” (semicolon list)',
    text: 'The Border Workers Alliance, a group of unions from two countries, which includes the Teamsters; the United Steelworkers; and UNITE, met in El Paso.',
    expect: [['Teamsters', 'MEMBER_OF', 'Border Workers Alliance'], ['United Steelworkers', 'MEMBER_OF', 'Border Workers Alliance'], ['UNITE', 'MEMBER_OF', 'Border Workers Alliance']],
  },
  {
    name: 'membership: semicolon items with their own appositions; “whose members include” after an apposition',
    text: 'The Border Workers Alliance, which includes the Teamsters, a union of truck drivers; the United Steelworkers, based in Pittsburgh; and UNITE, met in El Paso. The Frente Auténtico del Trabajo, a federation of independent unions, whose members include STIMAHCS and the SNTIHA, backed the strike.',
    expect: [['Teamsters', 'MEMBER_OF', 'Border Workers Alliance'], ['United Steelworkers', 'MEMBER_OF', 'Border Workers Alliance'], ['UNITE', 'MEMBER_OF', 'Border Workers Alliance'], ['STIMAHCS', 'MEMBER_OF', 'Frente Auténtico del Trabajo']],
    absent: [['Pittsburgh', 'MEMBER_OF', 'Border Workers Alliance']],
  },
  {
    name: 'membership: “is made up of”, “composed of”',
    text: 'The Border Workers Alliance is made up of the Teamsters, the United Steelworkers and UNITE. The Red Mexicana de Acción, composed of the FAT and the UNT, met.',
    expect: [['Teamsters', 'MEMBER_OF', 'Border Workers Alliance'], ['UNITE', 'MEMBER_OF', 'Border Workers Alliance'], ['FAT', 'MEMBER_OF', 'Red Mexicana de Acción'], ['UNT', 'MEMBER_OF', 'Red Mexicana de Acción']],
  },
  {
    name: 'membership: “composed of A, of B and of C” and “by the heads of A, B and of C” (the preposition repeated in a list)',
    text: 'The Border Workers Alliance is composed of the Teamsters, of the United Steelworkers and of UNITE. The Red Mexicana de Acción will be composed by the heads of the FAT, of the UNT and the CTM.',
    expect: [['Teamsters', 'MEMBER_OF', 'Border Workers Alliance'], ['United Steelworkers', 'MEMBER_OF', 'Border Workers Alliance'], ['UNITE', 'MEMBER_OF', 'Border Workers Alliance'], ['FAT', 'MEMBER_OF', 'Red Mexicana de Acción'], ['UNT', 'MEMBER_OF', 'Red Mexicana de Acción'], ['CTM', 'MEMBER_OF', 'Red Mexicana de Acción']],
  },
  // --- coordinated subjects acting together
  {
    name: 'cooperation: “A and B will establish joint programs”, “will jointly monitor”, “together launched”, “agreed to”',
    text: 'The U.S. Department of Labor (DOL) and Mexico’s Secretariat of Labor and Social Welfare (STPS) will establish joint training programs. The AFL-CIO and the UNT will jointly monitor the elections. The Teamsters and the FAT together launched a campaign. The CTM and the CROC agreed to share information.',
    expect: [['DOL', 'COOPERATES_WITH', 'STPS'], ['AFL-CIO', 'COOPERATES_WITH', 'UNT'], ['Teamsters', 'COOPERATES_WITH', 'FAT'], ['CTM', 'COOPERATES_WITH', 'CROC']],
  },
  {
    name: 'cooperation: one subject with a joint object, or a negated joint act, is no tie',
    text: 'The AFL-CIO launched a joint campaign. The Teamsters and the FAT did not jointly file anything.',
    expect: [],
    absent: [['Teamsters', 'COOPERATES_WITH', 'FAT']],
  },
  // --- affiliation, joining a case, dated case nouns, case titles, facilities (invented sentences)
  {
    name: 'affiliation suffix: “Union, AFL-CIO” and “Council (AFL-CIO)”; not a list, a federation’s own name or a unit',
    text: 'The petition was signed by the United Steelworkers, AFL-CIO. The Chicago Federation of Labor (AFL-CIO) and the Denver Area Labor Council (AFL-CIO) met. The UAW, AFL-CIO, and the Teamsters protested. The Confederation of Mexican Workers (CTM) spoke. Jane Roe, Deputy Director, Policy Department, AFL-CIO, wrote.',
    expect: [['United Steelworkers', 'MEMBER_OF', 'AFL-CIO']],
    absent: [['UAW', 'MEMBER_OF', 'AFL-CIO'], ['Confederation of Mexican Workers', 'MEMBER_OF', 'CTM']],
  },
  {
    name: 'joining a submission is filing it (a definite “the submission” resolves to the case)',
    text: 'U.S. NAO Submission 2005-01 was filed in March. Later, the AFL-CIO and the UNT joined the submission.',
    expect: [['AFL-CIO', 'FILED', 'U.S. NAO Submission 2005-01'], ['UNT', 'FILED', 'U.S. NAO Submission 2005-01']],
  },
  {
    name: 'a dated case noun (“the March 3 complaint”, “June 9, 2023 petition”) resolves; an agent set off by commas',
    text: 'US - Mexico RRM (7): Bolt Industries\n\nAccording to the Labor Department, June 9, 2023 petition, by the Los Mineros union and the UAW, alleged that Bolt Industries fired workers.',
    expect: [['UAW', 'FILED', 'Rapid Response Mechanism case 7: Bolt Industries']],
  },
  {
    name: 'a case named after a facility’s company targets it',
    text: 'US-Mexico RRM: (12) Zeta Components\n\nOn May 2, the United States asked Mexico to review whether workers at Zeta Components S.A. de C.V. in Ramos Arizpe are being denied rights.',
    expect: [['Rapid Response Mechanism case 12: Zeta Components', 'TARGETS', 'Zeta Components S.A. de C.V.']],
  },
  {
    name: 'facilities: “two locations of X in Y”, “X’s plant, which makes Z in Y”; the place of a hearing of X is not X’s',
    text: 'Workers at three locations of Omega Logistics S.A. de C.V. in Tijuana complained. Workers at the Delta Foods S.A. de C.V. plant, which packs avocados in Saltillo, struck. Union leaders appeared at a hearing of the Federal Conciliation and Arbitration Board in Mexico City.',
    expect: [['Omega Logistics S.A. de C.V.', 'LOCATED_IN', 'Tijuana'], ['Delta Foods S.A. de C.V.', 'LOCATED_IN', 'Saltillo']],
    absent: [['Federal Conciliation and Arbitration Board', 'LOCATED_IN', 'Mexico City']],
  },
  {
    name: '“the government of X” stands for X as an argument',
    text: 'The program helps the government of Guatemala uphold its commitments under the USMCA. The governments of Canada and Mexico ratified the USMCA.',
    expect: [['Mexico', 'PARTY_TO', 'USMCA'], ['Canada', 'PARTY_TO', 'USMCA']],
  },
  {
    name: 'structure: “based in <Org>” and “created as part of <Agreement>” are PART_OF; “based in <Place>” stays LOCATED_IN',
    text: 'The Mexican NAO, housed in the STPS and established as part of the NAALC, reviewed the case. The Solidarity Center is based in Washington.',
    expect: [['Mexican NAO', 'PART_OF', 'STPS'], ['Mexican NAO', 'PART_OF', 'NAALC'], ['Solidarity Center', 'LOCATED_IN', 'Washington']],
  },
  {
    name: 'a relative clause after a party-and-state aside is the name’s (“X (D-Ore.), who chairs Y”, “X, R-N.J., who …”)',
    text: 'Earl Whitfield (D-Ore.), who chairs the Oversight Subcommittee, spoke first. Jane Roe, R-N.J., who leads the Trade Subcommittee, spoke next.',
    expect: [['Earl Whitfield', 'LEADS', 'Oversight Subcommittee'], ['Jane Roe', 'LEADS', 'Trade Subcommittee']],
  },
  {
    name: 'an apposition between dashes holds a role as one after a comma does (“X—a faction of Y—”)',
    text: 'Workers at the plant voted out the Sindicato Progreso—a faction of the Confederation of Mexican Workers—last spring. The Strike Committee – an offshoot of the Teamsters – met again.',
    expect: [['Sindicato Progreso', 'PART_OF', 'Confederation of Mexican Workers'], ['Strike Committee', 'PART_OF', 'Teamsters']],
  },
  {
    name: '“commitments under Articles 4 to 7 of <Agreement>”: the numbered parts lead to the agreement',
    text: 'The submission says the Government of Canada did not meet its obligations under Articles 4 to 7 of the NAALC.',
    expect: [['Government of Canada', 'PARTY_TO', 'NAALC']],
  },
  {
    name: 'graded adjectives and rights compounds stay in the noun phrase (“a fairly young union founded by human rights lawyer X”)',
    text: 'Los Mineros, a fairly young union founded by human rights lawyer Ana Torres, grew fast.',
    expect: [['Ana Torres', 'ESTABLISHED', 'Los Mineros']],
  },
  // --- group nouns, fronted allegations, free adjuncts, a noun-tagged verb, a date after a role
  {
    name: 'a passive agent that is a group noun: its named members are the agents (“filed by a coalition that included A, B and C”)',
    text: 'Submission 2005-03 was filed by a coalition that included the United Steelworkers, the Teamsters and the Frente Auténtico del Trabajo. Submission 2006-01 was filed by a coalition of the Teamsters and the FAT.',
    expect: [['United Steelworkers', 'FILED', 'Submission 2005-03'], ['Teamsters', 'FILED', 'Submission 2005-03'], ['Frente Auténtico del Trabajo', 'FILED', 'Submission 2005-03'], ['Teamsters', 'FILED', 'Submission 2006-01'], ['FAT', 'FILED', 'Submission 2006-01']],
  },
  {
    name: 'a fronted case: the one alleged against is its target (“In Submission X, A alleged that B …”, “… allegations against B”)',
    text: 'In Submission 2001-07, the Teamsters alleged that Acme Motors had fired union supporters. In Submission 2002-04, the United Steelworkers made similar allegations against Borg Industries Inc.',
    expect: [['Teamsters', 'FILED', 'Submission 2001-07'], ['Submission 2001-07', 'TARGETS', 'Acme Motors'], ['United Steelworkers', 'FILED', 'Submission 2002-04'], ['Submission 2002-04', 'TARGETS', 'Borg Industries Inc']],
  },
  {
    name: 'a free adjunct after a date describes the main clause’s subject (“X entered into force in 1994, replacing Y”); examples after a generic noun do not',
    text: 'The USMCA entered into force on July 1, 2020, replacing the North American Free Trade Agreement. The Teamsters asked several Mexican unions, including the FAT, for support.',
    expect: [['North American Free Trade Agreement', 'SUCCEEDED_BY', 'USMCA']],
    absent: [['FAT', 'MEMBER_OF', 'Teamsters']],
  },
  {
    name: 'a verb the tagger reads as a noun between names and an article (“A and B co-chair the Committee”); not a noun in a PP',
    text: 'Labor Secretary Ana Ruiz and Trade Representative Tom Baker co-chair the Interagency Labor Committee. With AFL-CIO support the Teamsters won the vote.',
    expect: [['Ana Ruiz', 'LEADS', 'Interagency Labor Committee'], ['Tom Baker', 'LEADS', 'Interagency Labor Committee']],
    absent: [['AFL-CIO', 'SUPPORTS', 'Teamsters']],
  },
  {
    name: 'a date after a role is no unit the role is in (“who became UAW President in 2019” leads the UAW)',
    text: 'Under his successor, Ray Curry, who became UAW President in 2021, the union grew.',
    expect: [['Ray Curry', 'LEADS', 'UAW']],
    absent: [['Ray Curry', 'WORKS_FOR', 'UAW']],
  },
  // --- precision: what the constructions must not read
  {
    name: 'precision: a “company-backed union” is backed, not funded; a gerund’s inherited subjects do not organise jointly',
    text: 'Acme Motors workers rejected the CTM, the company-backed union in the Acme Motors plant. The CROC and the CTM sell protection contracts to block workers from organizing independent unions.',
    expect: [['Acme Motors', 'SUPPORTS', 'CTM']],
    absent: [['Acme Motors', 'FUNDS', 'CTM'], ['CROC', 'COOPERATES_WITH', 'CTM']],
  },
  {
    name: 'precision: “…from outside the plant, and his group built Z”: the plant’s company is no subject; “his group” is not his employer',
    text: 'Juan Perez, a worker at Acme Motors, kept organizing from outside the plant, and his group succeeded in building a new union, SINTTIA.',
    expect: [['Juan Perez', 'WORKS_FOR', 'Acme Motors']],
    absent: [['Acme Motors', 'ESTABLISHED', 'SINTTIA']],
  },
  {
    name: 'roles: “saw X as a key organizer of Y” (a verb’s object holds the role), an organizer of a group is a member, for a union on its staff; “his group” is the one of his organisations that fits “group”',
    text: 'Juan Perez, a worker at Acme Motors, was fired in 2019. Acme Motors saw Perez as a key organizer of the rank-and-file dissident group Movimiento Obrero Libre. But Perez, despite his firing, kept organizing from outside the plant, and his group succeeded in building a new union, SINTTIA. The Teamsters named Ana Ruiz as director of the Solidarity Center. Luis Gomez, a union organizer for the UAW, spoke.',
    expect: [['Juan Perez', 'WORKS_FOR', 'Acme Motors'], ['Juan Perez', 'MEMBER_OF', 'Movimiento Obrero Libre'], ['Movimiento Obrero Libre', 'ESTABLISHED', 'SINTTIA'], ['Ana Ruiz', 'LEADS', 'Solidarity Center'], ['Luis Gomez', 'WORKS_FOR', 'UAW']],
    absent: [['Acme Motors', 'ESTABLISHED', 'SINTTIA'], ['Juan Perez', 'WORKS_FOR', 'Movimiento Obrero Libre'], ['Teamsters', 'LEADS', 'Solidarity Center']],
  },
  {
    name: 'cases: “requested that Mexico review whether workers at X …” — the case at hand (a heading before it) targets the country asked to review; not “asked Mexico to review its courts”',
    text: 'Rapid Response case at Tridonex\n\nOn June 9, 2021, the United States requested that Mexico review whether workers at the Tridonex facility in Matamoros are being denied rights.\n\nThe SNITIS filed a Rapid Response case against Panasonic. The union asked the United States to support it. Later the Teamsters asked Canada to review its labor courts.',
    expect: [['Rapid Response case at Tridonex', 'TARGETS', 'Mexico']],
    absent: [['Rapid Response case against Panasonic', 'TARGETS', 'Canada']],
  },
  {
    name: 'discourse: “I” in a quotation is its speaker (“…,” said X / “…,” X said / X told reporters: “…” / a statement X delivered); not a speaker named in another quotation',
    text: '“I am a strong supporter of USMCA,” said Vern Buchanan, the top Republican on the subcommittee. “I back the AFL-CIO,” Ana Ruiz said. Luis Gomez told reporters: “I oppose NAFTA.” Then “I support the CTM,” he said.\n\nMaria Lopez delivered the following statement at the hearing:\n\n“Thank you.\n\n“I oppose the CROC.”',
    expect: [['Vern Buchanan', 'SUPPORTS', 'USMCA'], ['Ana Ruiz', 'SUPPORTS', 'AFL-CIO'], ['Luis Gomez', 'OPPOSES', 'NAFTA'], ['Maria Lopez', 'OPPOSES', 'CROC']],
    absent: [['Luis Gomez', 'SUPPORTS', 'CTM'], ['Ana Ruiz', 'SUPPORTS', 'CTM'], ['Vern Buchanan', 'SUPPORTS', 'CTM']],
  },
  {
    name: 'roles: coordinated singular roles after a list are the last item’s (“A, B and C, organizer and member of D”); plural ones every item’s',
    text: 'The panel heard Tomasz Okafor, Ingrid Lindqvist and Rosa Delgado, organizer and member of the Harbor Workers Alliance. It also heard Anna Berg and Lars Berg, workers and union leaders at Acme Motors.',
    expect: [['Rosa Delgado', 'MEMBER_OF', 'Harbor Workers Alliance'], ['Anna Berg', 'WORKS_FOR', 'Acme Motors'], ['Lars Berg', 'WORKS_FOR', 'Acme Motors']],
    absent: [['Tomasz Okafor', 'MEMBER_OF', 'Harbor Workers Alliance'], ['Ingrid Lindqvist', 'MEMBER_OF', 'Harbor Workers Alliance']],
  },
  {
    name: 'located: a compound noun the tagger reads as a verb (“an auto parts manufacturer in X”) in an apposition',
    text: 'The union reached an agreement with Veltrano, an auto parts manufacturer in Matamoros, Tamaulipas, to end the dispute.',
    expect: [['Veltrano', 'LOCATED_IN', 'Matamoros']],
  },
  {
    name: 'roles: “a nationally elected co-president of Y” leads Y (a shared role, an adverb before its modifier)',
    text: 'Tomasz Okafor is a nationally elected co-president of the Harbor Workers Alliance. Ingrid Lindqvist is the co-chair of the Solidarity Center.',
    expect: [['Tomasz Okafor', 'LEADS', 'Harbor Workers Alliance'], ['Ingrid Lindqvist', 'LEADS', 'Solidarity Center']],
  },
  {
    name: 'titles: hyphenated (“Secretary-Treasurer”, “Vice-President”) and with modifiers between the organisation and the title (“USW National Director X”, “EEOC Vice Chair X”: a deputy works for it)',
    text: 'The union said Unifor National Secretary-Treasurer Rosa Delgado spoke. Later, AFL-CIO Vice Chair Tomasz Okafor spoke too.',
    expect: [['Rosa Delgado', 'LEADS', 'Unifor'], ['Tomasz Okafor', 'WORKS_FOR', 'AFL-CIO']],
    absent: [['Tomasz Okafor', 'LEADS', 'AFL-CIO']],
  },
  {
    name: 'subjects: a name before a generic head that classifies it (“The Teamsters union (IBT) today commended X”); not a noun it does not classify (“USW allies including A and B”)',
    text: 'The Harbor Workers union (HWU) today commended the Solidarity Center for its report. Last year USW allies including the FAT and the CTM marched in Monterrey.',
    expect: [['Harbor Workers', 'SUPPORTS', 'Solidarity Center']],
    absent: [['FAT', 'MEMBER_OF', 'USW'], ['CTM', 'MEMBER_OF', 'USW']],
  },
  {
    name: 'membership: “X joins Y and others to implement Z” makes X and Y co-agents, not X a member of Y',
    text: 'Global Justice Alliance joins the Solidarity Center and others to implement a new project. The Harbor Workers Alliance joined the AFL-CIO in 2019.',
    expect: [['Harbor Workers Alliance', 'MEMBER_OF', 'AFL-CIO']],
    absent: [['Global Justice Alliance', 'MEMBER_OF', 'Solidarity Center']],
  },
  {
    name: 'membership: a union “part of” a federation is its member; a union at a company is no part of it; the need to build is no building',
    text: 'The vote was run by the plant’s Juan Ortega union, part of the CTM, at General Motors. The ministers agreed on the need to continue building the labour chapter of the NAALC.',
    expect: [['Juan Ortega union', 'MEMBER_OF', 'CTM']],
    absent: [['Juan Ortega union', 'PART_OF', 'CTM'], ['Juan Ortega union', 'PART_OF', 'General Motors']],
  },
  {
    name: 'participation: “The event included participation by <titled people>” — each item’s person, the event named before however far; a title before the next name is no apposition of the one before; an item that continues the one before adds nobody',
    text: 'The Labor Department opened Harbor Labor Week 2024 in Chicago.\n\nThe week brought many visitors. Officials spoke about rights. Workers asked questions. Unions handed out flyers.\n\nThe event included participation by Assistant Secretary for Mine Safety and Health Doug Parker, Women’s Bureau Director Wendy Chun-Hoon, and Rosa Delgado, migrant worker leader and member of the Harbor Workers Alliance.',
    expect: [['Doug Parker', 'PARTICIPATED_IN', 'Harbor Labor Week 2024'], ['Wendy Chun-Hoon', 'PARTICIPATED_IN', 'Harbor Labor Week 2024'], ['Rosa Delgado', 'PARTICIPATED_IN', 'Harbor Labor Week 2024'], ['Wendy Chun-Hoon', 'LEADS', 'Women’s Bureau']],
    absent: [['Doug Parker', 'LEADS', 'Women’s Bureau'], ['Harbor Workers Alliance', 'PARTICIPATED_IN', 'Harbor Labor Week 2024'], ['Women’s Bureau', 'PARTICIPATED_IN', 'Harbor Labor Week 2024']],
  },
  {
    name: 'located: a place alone in brackets after an organisation (“the Harbor Workers Alliance (Oregon)”); a copula’s place right after it, not in a later phrase (“X is proud to announce a project … in Mexico”)',
    text: 'The petition was signed by the Tijuana Workers Committee and the Harbor Workers Alliance (Oregon). The Solidarity Center has been in Mexico since 1996. Global Justice Alliance is proud to announce a new joint project investigating recruitment abuses in Mexico.',
    expect: [['Harbor Workers Alliance', 'LOCATED_IN', 'Oregon'], ['Solidarity Center', 'LOCATED_IN', 'Mexico']],
    absent: [['Global Justice Alliance', 'LOCATED_IN', 'Mexico']],
  },
  {
    name: 'located: a place’s union, company or federation is there (“Oregon’s farmworker union PCUN”, “X, a Tijuana supplier”, “X is the largest union in Y”); a country’s is its nationality, not a located tie',
    text: 'The march was led by Oregon’s farmworker union PCUN. Baja Wire Inc., a Tijuana supplier of auto parts, closed. The Harbor Dockers Guild is the largest union in Vancouver. The FAT, Mexico’s independent labor federation, spoke.',
    expect: [['PCUN', 'LOCATED_IN', 'Oregon'], ["Baja Wire Inc.", "LOCATED_IN", "Tijuana"], ['Harbor Dockers Guild', 'LOCATED_IN', 'Vancouver']],
    absent: [['FAT', 'LOCATED_IN', 'Mexico']],
  },
  {
    name: 'cooperation: “X … its Mexican counterparts at Y” (the possessor and the body in the PP); “X joined Y in a campaign” (co-agents of an activity, not membership; a place in the PP is membership’s)',
    text: 'For years the AFL-CIO has been helping its Mexican counterparts at the FAT. The CWA joined the STRM in a campaign for call center workers. The Harbor Dockers Guild joined the AFL-CIO in 1999.',
    expect: [['AFL-CIO', 'COOPERATES_WITH', 'FAT'], ['CWA', 'COOPERATES_WITH', 'STRM'], ['Harbor Dockers Guild', 'MEMBER_OF', 'AFL-CIO']],
    absent: [['CWA', 'MEMBER_OF', 'STRM']],
  },
  {
    name: 'participation: “X held a bilateral meeting with Y in the context of <Event>” (both took part); “on the sidelines of”',
    text: 'Labor Secretary Ana Ruiz Talavera held a bilateral meeting with Canadian minister Paul Okafor in the context of the Hemispheric Conference of Labor Ministers. The FAT met the CLC on the sidelines of the Cananea Solidarity Summit.',
    expect: [['Ana Ruiz Talavera', 'PARTICIPATED_IN', 'Hemispheric Conference of Labor Ministers'], ['Paul Okafor', 'PARTICIPATED_IN', 'Hemispheric Conference of Labor Ministers'], ['FAT', 'PARTICIPATED_IN', 'Cananea Solidarity Summit']],
  },
  {
    name: 'opposition: “X accused Y of …”, “X blamed Y”, “X has refused to bargain with Y” (not when the refusal is denied)',
    text: 'The Harbor Dockers Guild accused General Motors of violating the contract. General Motors has refused to bargain with SINTTIA since May. The CTM did not refuse to recognize the FAT.',
    expect: [['Harbor Dockers Guild', 'OPPOSES', 'General Motors'], ['General Motors', 'OPPOSES', 'SINTTIA']],
    absent: [['CTM', 'OPPOSES', 'FAT']],
  },
  {
    name: 'part: a numbered unit named with its organisation (“UAW Local 600”, “USW District 11”), which the document names on its own',
    text: 'The UAW said UAW Local 600 marched on Friday. Workers from USW District 11 joined the United Steelworkers.',
    expect: [['UAW Local 600', 'PART_OF', 'UAW'], ['USW District 11', 'PART_OF', 'United Steelworkers']],
  },
  {
    name: 'parties: countries acting under an agreement (“A, B and C created X under the NAALC”, “A and B cooperate under the USMCA”)',
    text: 'The Trinational Labor Secretariat was created by Canada, Mexico and the United States under the NAALC. Mexico and Guatemala cooperate closely under the Central America Labor Accord.',
    expect: [['Canada', 'PARTY_TO', 'NAALC'], ['Mexico', 'PARTY_TO', 'NAALC'], ['United States', 'PARTY_TO', 'NAALC'], ['Guatemala', 'PARTY_TO', 'Central America Labor Accord']],
  },
  {
    name: 'non-assertions: what one is pushed to do, a governor’s that-clause (“suggested that the government use … to push for X”)',
    text: 'The FAT pushed the STPS to work with the UAW. Ortega suggested that the Mexican government use the talks to push for the Farm Labor Justice Act.',
    expect: [],
    absent: [['STPS', 'COOPERATES_WITH', 'UAW'], ['Mexico', 'SUPPORTS', 'Farm Labor Justice Act']],
  },
  {
    name: 'relative clauses: a place in the antecedent’s PP is where the head is (“The NAO of Canada, which functions within X”)',
    text: 'The OTLA of the United States, which operates within the Labor Department, reviews petitions.',
    expect: [['OTLA', 'PART_OF', 'Labor Department']],
    absent: [['United States', 'PART_OF', 'Labor Department']],
  },
  {
    name: 'a release’s own staff: the headline’s organisation, a bare title after the name (a unit’s director works for it; a bare head title heads it)',
    text: 'The AFL-CIO Marks Ten Years in Tijuana\n\n“We are proud,” said Ana Ruiz Talavera, Mexico country program director. “It matters,” said Luis Pena, executive director. Rosa Delgado, a union organizer, spoke. Juan Ortega, president of the CTM, spoke.',
    expect: [['Ana Ruiz Talavera', 'WORKS_FOR', 'AFL-CIO'], ['Luis Pena', 'LEADS', 'AFL-CIO'], ['Juan Ortega', 'LEADS', 'CTM']],
    absent: [['Ana Ruiz Talavera', 'LEADS', 'AFL-CIO'], ['Rosa Delgado', 'WORKS_FOR', 'AFL-CIO'], ['Juan Ortega', 'LEADS', 'AFL-CIO']],
  },
  {
    name: 'a PP’s object must fit its frame itself: a semicolon list after a place is no object (“A, based in X; B, based in Y; …”)',
    text: 'The alliance brought the FAT, based in Mexico City; the UE, based in Pittsburgh; and Unifor, which is based in Toronto.',
    expect: [['FAT', 'LOCATED_IN', 'Mexico City'], ['UE', 'LOCATED_IN', 'Pittsburgh'], ['Unifor', 'LOCATED_IN', 'Toronto']],
    absent: [['FAT', 'PART_OF', 'UE'], ['FAT', 'PART_OF', 'Unifor'], ['UE', 'PART_OF', 'Unifor']],
  },
  {
    name: 'membership: a legislator for a party (“became a senator for Morena”, “Morena lawmaker X”); a state is no party',
    text: 'Luis Pena Ortega, leader of the miners, became a senator for Morena in 2018. Morena lawmaker Ana Ruiz Talavera spoke. Senator Rosa Delgado of Texas objected.',
    expect: [['Luis Pena Ortega', 'MEMBER_OF', 'Morena'], ['Ana Ruiz Talavera', 'MEMBER_OF', 'Morena']],
    absent: [['Rosa Delgado', 'MEMBER_OF', 'Texas']],
  },
  {
    name: 'people and their bodies: “SITGM’s X explained”, “a researcher from Y”, caption items “X, Y; Z, W”',
    text: 'After the vote, SITGM’s Julio Ortega Vega explained the result. Pictured from left: Ana Ruiz Talavera, senior researcher from the Harbor Workers Alliance; Luis Pena, AFL-CIO; Rosa Delgado, Mexican Senator; Juan Ortega, the CTM.',
    expect: [['Julio Ortega Vega', 'MEMBER_OF', 'SITGM'], ['Ana Ruiz Talavera', 'WORKS_FOR', 'Harbor Workers Alliance'], ['Luis Pena', 'WORKS_FOR', 'AFL-CIO'], ['Juan Ortega', 'WORKS_FOR', 'CTM']],
  },
  {
    name: 'a witness list: “Name  Title, Organisation” lines (a column gap ends the name; a unit or an “of” after the title makes the head its staff)',
    text: 'The committee heard five witnesses.\n\nLuis Pena  Director of Research, Unifor\nAna Ruiz Talavera  President, Pacific Dockworkers Institute\nRosa Delgado  Director, Public Affairs, Harbor Dockers Guild\n\nThe committee met.',
    expect: [['Ana Ruiz Talavera', 'LEADS', 'Pacific Dockworkers Institute'], ['Luis Pena', 'WORKS_FOR', 'Unifor'], ['Rosa Delgado', 'WORKS_FOR', 'Harbor Dockers Guild']],
    absent: [['Luis Pena', 'LEADS', 'Unifor'], ['Rosa Delgado', 'LEADS', 'Harbor Dockers Guild'], ['Ana Ruiz Talavera', 'WORKS_FOR', 'Pacific Dockworkers Institute']],
  },
  {
    name: 'cooperation: bodies that sign an agreement with each other; the countries of “an agreement between Canada, the United States and Mexico” are no partners',
    text: 'In 1999 the AFL-CIO signed an agreement with the UNT. The bill implements the agreement between Canada, the United States and Mexico.',
    expect: [['AFL-CIO', 'COOPERATES_WITH', 'UNT']],
    absent: [['Canada', 'COOPERATES_WITH', 'Mexico'], ['Canada', 'COOPERATES_WITH', 'United States']],
  },
  {
    name: 'located: a company’s workers somewhere (“899 Goodyear workers in the city of San Luis Potosí”); workers of no named company locate nobody',
    text: 'On 7 August, 899 Goodyear workers in the city of San Luis Potosí voted. The OSC protects foreign workers in the United States.',
    expect: [['Goodyear', 'LOCATED_IN', 'San Luis Potosí']],
    absent: [['OSC', 'LOCATED_IN', 'United States']],
  },
  {
    name: 'parties: a country’s ratification of a convention (a date between; the body’s acronym before the convention’s number)',
    text: 'The paper reviews Guatemala’s June 2019 ratification of International Labour Organization (ILO) Convention 190 on harassment. Canada’s ratification of the Minimum Age Convention came later.',
    expect: [['Guatemala', 'PARTY_TO', 'ILO Convention 190'], ['Canada', 'PARTY_TO', 'ILO Convention 138']],
    absent: [['Guatemala', 'PARTY_TO', 'ILO']],
  },
  {
    name: 'a company’s facility with a gerund modifier and an abbreviated suffix (“Sprint Corp.’s San Francisco telemarketing plant”); a seat on a body’s committee is membership of the body',
    text: 'Workers described conditions at Vantel Corp.’s Tucson telemarketing plant. Luis Pena Ortega serves on the executive committee of IndustriALL.',
    expect: [['Vantel Corp.', 'LOCATED_IN', 'Tucson'], ['Luis Pena Ortega', 'MEMBER_OF', 'IndustriALL']],
  },
  {
    name: 'an apposition after time adverbs (“X, now also a member of Y”)',
    text: 'Rosa Delgado Ibarra, now also a member of the Chamber of Deputies, kept organizing. Luis Pena Ortega, formerly president of the CTM, retired.',
    expect: [['Rosa Delgado Ibarra', 'MEMBER_OF', 'Chamber of Deputies'], ['Luis Pena Ortega', 'LEADS', 'CTM']],
  },
  {
    name: 'works-for: the title of a unit of the organisation before it ("CWA Political Action Director X", "UE Director of Field Operations X", "the AFL-CIO\'s Director of Research X"); a modifier alone keeps the head',
    text: 'According to CWA Political Action Director Laura Benson, the union will march. The delegation was led by UE Director of Field Operations Marcy Klein. The AFL-CIO’s Director of Research Dennis Ortiz spoke. Teamsters General President Tom Kirby agreed.',
    expect: [['Laura Benson', 'WORKS_FOR', 'CWA'], ['Marcy Klein', 'WORKS_FOR', 'UE'], ['Dennis Ortiz', 'WORKS_FOR', 'AFL-CIO'], ['Tom Kirby', 'LEADS', 'Teamsters']],
    absent: [['Laura Benson', 'LEADS', 'CWA'], ['Marcy Klein', 'LEADS', 'UE'], ['Tom Kirby', 'WORKS_FOR', 'Teamsters']],
  },
  {
    name: 'works-for: the director of a body’s office in a place ("directora del Centro de Solidaridad en México", "director of the ILO in Mexico"); the body is the curated one',
    text: 'Lucía Herrera, directora del Centro de Solidaridad en México, habló con la prensa. Mark Olsen, director of the ILO in Mexico City, agreed. Ana Soto, president of the AFL-CIO, disagreed.',
    expect: [['Lucía Herrera', 'WORKS_FOR', 'Solidarity Center'], ['Mark Olsen', 'WORKS_FOR', 'International Labor Organization'], ['Ana Soto', 'LEADS', 'AFL-CIO']],
    absent: [['Lucía Herrera', 'LEADS', 'Solidarity Center'], ['Mark Olsen', 'LEADS', 'International Labor Organization']],
  },
  {
    name: 'cooperates: "the two unions" that sign a pact or work together are the two named before; their members are no tie between them',
    text: 'The UE and the FAT met in Chicago in May. Last week the two unions signed an enhanced solidarity agreement. The CWA and the STRM met in June. Since then both unions’ members have exchanged visits.',
    expect: [['UE', 'COOPERATES_WITH', 'FAT']],
    absent: [['CWA', 'COOPERATES_WITH', 'STRM'], ['CWA', 'PART_OF', 'STRM'], ['STRM', 'PART_OF', 'CWA']],
  },
  {
    name: 'part: a body named by an organ word "of" another body the document names ("the Executive Council of the AFL-CIO", "the Secretariat of the Commission for Labor Cooperation")',
    text: 'The Executive Council of the AFL-CIO met in Miami. The AFL-CIO agreed. The Secretariat of the Commission for Labor Cooperation moved to Washington. The CLC has three members.',
    expect: [['Executive Council of the AFL-CIO', 'PART_OF', 'AFL-CIO'], ['Secretariat of the Commission for Labor Cooperation', 'PART_OF', 'CLC']],
  },
  {
    name: 'part: a body "within" another ("the Office for Hemispheric Labour Affairs within Employment and Social Development Canada")',
    text: 'The Office for Hemispheric Labour Affairs within Employment and Social Development Canada reviews submissions.',
    expect: [['Office for Hemispheric Labour Affairs', 'PART_OF', 'Employment and Social Development Canada']],
  },
  {
    name: 'targets: what a case is about stands for the body its complement names ("concerns allegations involving the operations of X", "involves complaints against X")',
    text: 'U.S. NAO Submission 2011-02 was filed in May. The submission concerns allegations involving the assembly operations of Harbor Motors Inc. in Saltillo. Mexican NAO Submission 2012-01 involves complaints against Kanto Industries, Inc.',
    expect: [['U.S. NAO Submission 2011-02', 'TARGETS', 'Harbor Motors Inc.'], ['Mexican NAO Submission 2012-01', 'TARGETS', 'Kanto Industries, Inc']],
  },
  {
    name: 'Spanish: a person after the verb of a relative clause is its subject ("el SNITIS, que lidera X"; "X, que dirige el SNITIS" as written); a union officer ("secretaria de Asuntos Políticos del Sindicato") is a member',
    text: 'El Sindicato de Trabajadores de Kanto, que encabeza la dirigente Rosa Delgado Ibarra, convocó a la huelga. Tomás Ibarra Leal, que dirige la CROC, respondió. Marta Ruiz Lozano, secretaria de Asuntos Laborales del Sindicato de Trabajadores de Kanto, habló.',
    expect: [['Rosa Delgado Ibarra', 'LEADS', 'Sindicato de Trabajadores de Kanto'], ['Tomás Ibarra Leal', 'LEADS', 'CROC'], ['Marta Ruiz Lozano', 'MEMBER_OF', 'Sindicato de Trabajadores de Kanto']],
    absent: [['Marta Ruiz Lozano', 'LEADS', 'Sindicato de Trabajadores de Kanto']],
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

describe('a filing caption', () => {
  it('should read the bodies listed before "Petitioners" as the case\'s filers and those before "Respondents" as its targets', async () => {
    const x = await extract('U.S. NAO Submission 2005-07\n\nBEFORE THE UNITED STATES NATIONAL ADMINISTRATIVE OFFICE\n\nHarbor Workers Alliance; International Brotherhood of Teamsters, AFL-CIO (IBT); United Electrical, Radio and Machine Workers of America (UE); et al.,\n\nPetitioners\n\nand\nKanto Industries, Inc.; Confederacion de Trabajadores de Mexico ("CTM"),\n\nRespondents.\n\nIntroduction\n\nThe petitioners allege violations.\n');
    for (const t of [['Harbor Workers Alliance', 'FILED', 'U.S. NAO Submission 2005-07'], ['International Brotherhood of Teamsters', 'FILED', 'U.S. NAO Submission 2005-07'], ['UE', 'FILED', 'U.S. NAO Submission 2005-07'],
      ['U.S. NAO Submission 2005-07', 'TARGETS', 'Kanto Industries, Inc.'], ['U.S. NAO Submission 2005-07', 'TARGETS', 'CTM'], ['International Brotherhood of Teamsters', 'MEMBER_OF', 'AFL-CIO']] as Triple[]) expect(has(x, t), `${t.join(' ')} in ${show(x)}`).toBe(true);
    expect(has(x, ['AFL-CIO', 'FILED', 'U.S. NAO Submission 2005-07']), show(x)).toBe(false);
  });
});

describe('a union local named with its union', () => {
  it('should be one name ("IBT Local 745"), part of the union the document names on its own, and the entity of the bare "Local 745" named later', async () => {
    const x = await extract('The complaint was filed by the International Brotherhood of Teamsters (IBT), IBT Local 745 and UE Local 1090. Later, members of Local 745 walked out. A second union, USWA Local 119A, joined.');
    const local = x.entities.find((e) => e.name === 'IBT Local 745');
    expect(local, show(x)).toBeDefined();
    expect(local!.mentions.map((m) => m.text)).toEqual(['IBT Local 745', 'Local 745']);
    expect(x.entities.some((e) => e.name === 'Local 745'), show(x)).toBe(false);
    expect(x.entities.some((e) => e.name === 'USWA Local 119A'), show(x)).toBe(true);
    expect(has(x, ['IBT Local 745', 'PART_OF', 'International Brotherhood of Teamsters']), show(x)).toBe(true);
    // the UE is named only inside its local's name: no entity of its own to be part of
    expect(x.relations.some((r) => r.subject === x.entities.find((e) => e.name === 'UE Local 1090')?.id && r.predicate === 'PART_OF'), show(x)).toBe(false);
  });

  it('should read a local after its union and a comma as one name ("USWA, Local 6363") and a local named alone ("from Local 690 in Pittsburgh")', async () => {
    const x = await extract('Petitioners: United Steelworkers of America (USWA); USWA, Local 6363; Teamsters, Local 31. John Thompson from Local 690 in Pittsburgh spoke. Section 301 tariffs rose.');
    expect(x.entities.filter((e) => e.type === 'Organization').map((e) => e.name), show(x)).toEqual(['United Steelworkers', 'USWA Local 6363', 'Teamsters Local 31', 'Local 690']);
    expect(has(x, ['USWA Local 6363', 'PART_OF', 'United Steelworkers']), show(x)).toBe(true);
    expect(has(x, ['John Thompson', 'MEMBER_OF', 'Local 690']) && has(x, ['Local 690', 'LOCATED_IN', 'Pittsburgh']), show(x)).toBe(true);
  });

  it('should name a local after a union\'s national name ("UFCW Canada Local 1518"), and lead it', async () => {
    const x = await extract('“It has been a long battle,” said Ivan Limpright, president of UFCW Canada Local 1518.');
    expect(has(x, ['Ivan Limpright', 'LEADS', 'UFCW Canada Local 1518']), show(x)).toBe(true);
  });

  it('should keep two unions\' locals of one number apart', async () => {
    const x = await extract('UAW Local 600 and USW Local 600 marched together. Local 600 was thanked.');
    expect(x.entities.filter((e) => /Local 600$/.test(e.name)).map((e) => e.name).sort(), show(x)).toEqual(['UAW Local 600', 'USW Local 600']);
  });
});
