// The extraction entry (src/pipeline/index.ts) over short texts with the real ontology, table-driven:
// each case lists mentions that must be found with their type (and rule, where the rule matters).
import { describe, it, expect } from 'vitest';
import { COMPONENTS, extractDocument } from '../../src/pipeline/index.js';
import { PipelineError } from '../../src/errors.js';
import { ENTITY_TYPES } from '../../src/types.js';
import { _bySurface, _checkCase as _check, _doc, _extract, _mentions, _ontology, type _Case } from './_helpers.js';

type Case = _Case;

const PEOPLE: Case[] = [
  { name: 'curated person, title before it', text: 'Union leaders met Secretary of Labor Hilda Solis in Dallas.', expect: [{ text: 'Hilda Solis', type: 'Person', rule: 'gazetteer', id: 'person:hilda-solis', country: 'US' }, { text: 'Dallas', type: 'Place', id: 'place:dallas' }] },
  { name: 'titled unknown person, country from demonym', text: 'Mexican Secretary of Labor Ramón Torres met union leaders.', expect: [{ text: 'Ramón Torres', type: 'Person', rule: 'person.title', id: 'person:ramon-torres', country: 'MX' }], absent: ['Secretary'] },
  { name: 'titled unknown person, U.S. title', text: 'Union leaders met U.S. Secretary of Labor Jane Doe.', expect: [{ text: 'Jane Doe', type: 'Person', rule: 'person.title', country: 'US' }], absent: ['Secretary'] },
  { name: 'Canadian minister', text: 'Canadian Minister of Labour Jean Tremblay attended.', expect: [{ text: 'Jean Tremblay', type: 'Person', rule: 'person.title', country: 'CA' }] },
  { name: 'org title before a person implies LEADS', text: 'AFL-CIO President Tom Hernandez spoke.', expect: [{ text: 'AFL-CIO', type: 'Organization', id: 'org:afl-cio' }, { text: 'Tom Hernandez', type: 'Person', rule: 'person.title', country: 'US' }] },
  { name: 'professional title', text: 'Attorney María Fernanda Ortiz represented the workers.', expect: [{ text: 'María Fernanda Ortiz', type: 'Person', rule: 'person.title' }] },
  { name: 'untitled person by given name, accents', text: 'The meeting was attended by Juan Pérez Gómez and by Maria Lopez of the union.', expect: [{ text: 'Juan Pérez Gómez', type: 'Person', rule: 'person.first-name', id: 'person:juan-perez-gomez' }, { text: 'Maria Lopez', type: 'Person', rule: 'person.first-name' }] },
  { name: 'untitled person with an initial', text: 'The report was written by Kimberly A. Nolan in 2010.', expect: [{ text: 'Kimberly A. Nolan', type: 'Person' }] },
];

const ORGANIZATIONS: Case[] = [
  { name: 'Spanish head: Sindicato Nacional de …', text: 'The Sindicato Nacional de Trabajadores Ferrocarrileros signed the pact.', expect: [{ text: 'Sindicato Nacional de Trabajadores Ferrocarrileros', type: 'Organization', rule: 'org.head-first.es', country: 'MX' }] },
  { name: 'Spanish short name of Los Mineros (curated)', text: 'The Sindicato Nacional de Trabajadores Mineros signed the pact.', expect: [{ text: 'Sindicato Nacional de Trabajadores Mineros', type: 'Organization', id: 'org:los-mineros', country: 'MX' }] },
  { name: 'Spanish head: Sindicato Independiente … de la Industria …', text: 'The Sindicato Independiente de Trabajadores de la Industria Automotriz won.', expect: [{ text: 'Sindicato Independiente de Trabajadores de la Industria Automotriz', type: 'Organization', country: 'MX' }] },
  { name: 'Spanish head: Confederación de … (unknown)', text: 'The Confederación de Obreros Textiles de Puebla marched.', expect: [{ text: 'Confederación de Obreros Textiles de Puebla', type: 'Organization', country: 'MX' }] },
  { name: 'Spanish head: Confederación (curated)', text: 'The Confederación de Trabajadores de México opposed the reform.', expect: [{ text: 'Confederación de Trabajadores de México', type: 'Organization', id: 'org:ctm', country: 'MX' }] },
  { name: 'Spanish head: Secretaría del Trabajo … (curated)', text: 'The Secretaría del Trabajo y Previsión Social published rules.', expect: [{ text: 'Secretaría del Trabajo y Previsión Social', type: 'Organization', id: 'org:stps', country: 'MX' }] },
  { name: 'Spanish head: Secretaría de … (unknown)', text: 'In 2003 the Secretaría de Desarrollo Rural issued rules.', expect: [{ text: 'Secretaría de Desarrollo Rural', type: 'Organization', country: 'MX' }] },
  { name: 'English "X of Y"', text: 'The Federation of Independent Workers joined.', expect: [{ text: 'Federation of Independent Workers', type: 'Organization', rule: 'org.head.first' }] },
  { name: '"Office of the …"', text: 'The Office of the Special Prosecutor opened a file.', expect: [{ text: 'Office of the Special Prosecutor', type: 'Organization' }] },
  { name: 'English head at the end', text: 'The Puebla Workers Union filed a complaint.', expect: [{ text: 'Puebla Workers Union', type: 'Organization', rule: 'org.head' }] },
  { name: 'head with "and" inside', text: 'The Maquiladora Health and Safety Support Network trained workers.', expect: [{ text: 'Maquiladora Health and Safety Support Network', type: 'Organization', rule: 'org.head' }] },
  { name: 'companies by suffix', text: 'Acme Industries and Baja Plastics Inc. signed the contract.', expect: [{ text: 'Acme Industries', type: 'Organization', rule: 'org.company' }, { text: 'Baja Plastics Inc.', type: 'Organization', rule: 'org.company.legal' }] },
  { name: 'curated acronym and long name', text: 'The FAT worked with the United Electrical Workers.', expect: [{ text: 'FAT', type: 'Organization', id: 'org:fat', country: 'MX' }, { text: 'United Electrical Workers', type: 'Organization', id: 'org:ue', country: 'US' }] },
  { name: 'demonym is not part of the name', text: 'The Mexican Union of Electricians struck.', expect: [{ text: 'Union of Electricians', type: 'Organization', country: 'MX' }], absent: ['Mexican'] },
];

const AGREEMENTS_LAWS: Case[] = [
  { name: '"… Act" (curated)', text: 'Congress passed the Immigration Reform and Control Act in 1986.', expect: [{ text: 'Immigration Reform and Control Act', type: 'Law', id: 'law:irca' }, { text: 'Congress', type: 'Organization' }] },
  { name: '"… Act" (unknown)', text: 'The Farmworker Justice Act was debated.', expect: [{ text: 'Farmworker Justice Act', type: 'Law', rule: 'law.cue' }] },
  { name: 'Proposition 187', text: 'Voters approved Proposition 187 in 1994.', expect: [{ text: 'Proposition 187', type: 'Law', id: 'law:proposition-187' }] },
  { name: '"Declaration of …"', text: 'The Declaration of Principles was signed in 2002.', expect: [{ text: 'Declaration of Principles', type: 'Agreement', rule: 'agreement.cue.first' }] },
  { name: '"Place Declaration on …"', text: 'Officials signed the Monterrey Declaration on Labor Rights.', expect: [{ text: 'Monterrey Declaration on Labor Rights', type: 'Agreement' }] },
  { name: '"Place Declaration"', text: 'The Guadalajara Declaration was adopted.', expect: [{ text: 'Guadalajara Declaration', type: 'Agreement', rule: 'agreement.cue' }] },
  { name: 'curated agreements by acronym and name', text: 'The NAALC is the labor side accord of the North American Free Trade Agreement.', expect: [{ text: 'NAALC', type: 'Agreement', id: 'agreement:naalc' }, { text: 'North American Free Trade Agreement', type: 'Agreement', id: 'agreement:nafta' }] },
];

const CASES_PROGRAMS_EVENTS_PLACES: Case[] = [
  { name: 'numbered NAALC submission "US NAO 9601"', text: 'The US NAO 9601 submission concerned Sony.', expect: [{ text: 'US NAO 9601', type: 'Case', rule: 'case.numbered', id: 'case:us-nao-submission-9601', country: 'MX' }] },
  { name: 'Mexican NAO submission; bare submission number', text: 'Lawyers filed Mexican NAO Submission 9804 and Submission 2003-01.', expect: [{ text: 'Mexican NAO Submission 9804', type: 'Case', rule: 'case.numbered', country: 'US' }, { text: 'Submission 2003-01', type: 'Case', rule: 'case.numbered' }] },
  { name: 'list of submissions', text: 'Unions filed Submissions 9803 and 9804 with the NAO.', expect: [{ text: 'Submissions 9803', type: 'Case', rule: 'case.numbered' }, { text: '9804', type: 'Case', rule: 'case.numbered.list' }] },
  { name: 'Rapid Response case', text: 'A Rapid Response case at Panasonic followed.', expect: [{ text: 'Rapid Response case at Panasonic', type: 'Case', rule: 'case.rapid-response' }] },
  { name: 'Rapid Response case against a Mexican company', text: 'A Rapid Response case against Grupo Mexico was filed.', expect: [{ text: 'Rapid Response case against Grupo Mexico', type: 'Case', country: 'MX' }] },
  { name: '"X v. Y" and "the X case"', text: 'Hoffman Plastic Compounds v. NLRB was decided in 2002. The Hoffman case shocked unions.', expect: [{ text: 'Hoffman Plastic Compounds v. NLRB', type: 'Case', rule: 'case.versus' }, { text: 'Hoffman case', type: 'Case', id: 'case:hoffman-plastic-compounds-v-nlrb' }] },
  { name: 'curated programs', text: 'The H-2A program grew after the Bracero Program ended.', expect: [{ text: 'H-2A program', type: 'Program', id: 'program:h-2a' }, { text: 'Bracero Program', type: 'Program' }] },
  { name: 'events by head word', text: 'The Ministerial Workshop on Migrant Labor took place in Dallas. The Annual Labor Rights Forum met in Monterrey, Nuevo León.', expect: [{ text: 'Ministerial Workshop on Migrant Labor', type: 'Event', rule: 'event.cue.first' }, { text: 'Annual Labor Rights Forum', type: 'Event', rule: 'event.cue' }, { text: 'Monterrey', type: 'Place', country: 'MX' }, { text: 'Nuevo León', type: 'Place' }] },
  { name: 'curated event (Labor Rights Week) and places', text: 'The Labor Rights Week took place in Chicago and Mexico City.', expect: [{ text: 'Labor Rights Week', type: 'Event', id: 'event:labor-rights-week' }, { text: 'Chicago', type: 'Place', id: 'place:chicago' }, { text: 'Mexico City', type: 'Place', id: 'place:mexico-city' }], absent: ['City of'] },
];

describe('extractDocument (table)', () => {
  for (const [group, cases] of [['people', PEOPLE], ['organisations', ORGANIZATIONS], ['agreements and laws', AGREEMENTS_LAWS], ['cases, programs, events, places', CASES_PROGRAMS_EVENTS_PLACES]] as const) {
    describe(group, () => {
      it.each(cases.map((c) => [c.name, c] as const))('should find %s', async (_name, c) => _check(c));
    });
  }
});

describe('extractDocument (acronyms)', () => {
  it('should resolve "Full Name (ACR)" and a later bare ACR to one entity', async () => {
    const x = await _extract('Workers formed the Tijuana Workers Committee (TWC) in 1990. The TWC grew fast.');
    const e = _bySurface(x, 'Tijuana Workers Committee')!;
    expect(e).toMatchObject({ id: 'org:tijuana-workers-committee', type: 'Organization', name: 'Tijuana Workers Committee' });
    const acr = x.entities.filter((en) => en.mentions.some((m) => m.text === 'TWC'));
    expect(acr.map((en) => en.id)).toEqual([e.id]);
    expect(e.aliases).toEqual(expect.arrayContaining(['Tijuana Workers Committee', 'TWC']));
    expect(x.entities).toHaveLength(1);
  });

  it('should resolve "ACR (Full Name)" and a later bare ACR to one entity', async () => {
    const x = await _extract('The TWC (Tijuana Workers Committee) grew. The TWC later split.');
    expect(x.entities).toHaveLength(1);
    expect(x.entities[0]!.name).toBe('Tijuana Workers Committee');
    expect(x.entities[0]!.mentions.map((m) => m.text)).toEqual(['TWC', 'Tijuana Workers Committee', 'TWC']);
  });

  it('should resolve a curated "Full Name (ACR)" to the curated entity', async () => {
    const x = await _extract('The Frente Auténtico del Trabajo (FAT) allied with the UE. The FAT grew.');
    const fat = x.entities.find((e) => e.id === 'org:fat')!;
    expect(fat.mentions.map((m) => m.text)).toEqual(['Frente Auténtico del Trabajo', 'FAT', 'FAT']);
    expect(fat.status).toBe('curated');
  });

  // The "(ACR)" after a lower-case letter counts when its letters are the initials of the name before it.
  it('should count the bracketed acronym of an inferred definition as a mention', async () => {
    const x = await _extract('Workers formed the Tijuana Workers Committee (TWC) in 1990. The TWC grew fast.');
    expect(x.entities[0]!.mentions.map((m) => m.text)).toEqual(['Tijuana Workers Committee', 'TWC', 'TWC']);
  });
});

describe('extractDocument (former limitations)', () => {
  // "X for Y in Z" would be split at "in": the acronym's initials cover the whole name, so it is one.
  it('should find "Coalition for Justice in the Maquiladoras (CJM)" as one organisation', async () => {
    await _check({ name: 'CJM', text: 'The Coalition for Justice in the Maquiladoras (CJM) filed a complaint. CJM later withdrew it.', expect: [{ text: 'Coalition for Justice in the Maquiladoras', type: 'Organization' }] });
  });

  // A leading not-name word (Border, Labor, …) stays when the whole phrase ends in a head word.
  it('should find a name that starts with a not-name word ("Border Workers Committee")', async () => {
    await _check({ name: 'BWC', text: 'The Border Workers Committee held a meeting in Tijuana.', expect: [{ text: 'Border Workers Committee', type: 'Organization' }] });
  });

  // "Proposition <number>" is a Law pattern.
  it('should find an uncurated "Proposition 209" as a Law', async () => {
    await _check({ name: 'prop', text: 'Voters rejected Proposition 209 in 1996.', expect: [{ text: 'Proposition 209', type: 'Law' }] });
  });

  // Two numbered submissions joined by "and" are two cases.
  it('should find two numbered submissions joined by "and" as two cases', async () => {
    await _check({ name: 'two', text: 'Petitioners filed US NAO 9601 and US NAO Submission 9702.', expect: [{ text: 'US NAO 9601', type: 'Case' }, { text: 'US NAO Submission 9702', type: 'Case' }] });
  });
});

describe('extractDocument (names, resolution)', () => {
  it('should drop a bracketed acronym after an ordinary phrase that is not a name', async () => {
    const x = await _extract('They held a workshop on Occupational Safety and Health (OSH) Management Systems in 2003.');
    expect(_mentions(x).some((m) => m.text === 'OSH')).toBe(false);
  });

  it('should take a named case beside a numbered submission as that case', async () => {
    const x = await _extract('The Han Young case — U.S. NAO Submission 9702 — was filed in October 1997. Later the Han Young case was closed.');
    const cases = x.entities.filter((e) => e.type === 'Case');
    expect(cases).toHaveLength(1);
    expect(cases[0]!.mentions.map((m) => m.text)).toEqual(['Han Young case', 'U.S. NAO Submission 9702', 'Han Young case']);
  });

  it('should take a bracketed translation of a name as the same entity', async () => {
    const x = await _extract('The registry was kept by the Federal Conciliation and Arbitration Board (Junta Federal de Conciliación y Arbitraje) until 2022.');
    const orgs = x.entities.filter((e) => e.type === 'Organization');
    expect(orgs).toHaveLength(1);
    expect(orgs[0]!.aliases).toContain('Junta Federal de Conciliación y Arbitraje');
  });

  it('should fold a reordered name ("X Y" / "Y of X") into one entity', async () => {
    const x = await _extract('The Ministerial Consultations Joint Declaration of June 2002 was signed. Under a Joint Declaration of Ministerial Consultations, a group met.');
    expect(x.entities.filter((e) => e.type === 'Agreement')).toHaveLength(1);
  });

  it('should find a person whose given name is also a cue word, and a US legislator by party and state', async () => {
    const x = await _extract('Rep. Bill Pascrell Jr. (D-NJ) asked a question. Representative Rosa DeLauro (D-CT) testified.');
    expect(_bySurface(x, 'Bill Pascrell Jr.')?.type).toBe('Person');
    expect(_bySurface(x, 'Rosa DeLauro')?.country).toBe('US');
  });

  it('should find the parent company of "an X subsidiary" and Mexican company names', async () => {
    const x = await _extract('The union won a vote at Han Young de México, a Tijuana plant. ITAPSA, an Echlin subsidiary, fired workers. Grupo México owns the mine.');
    for (const name of ['Han Young de México', 'Echlin', 'Grupo México']) expect(_bySurface(x, name)?.type, name).toBe('Organization');
  });

  it('should read a name with commas back from its acronym', async () => {
    const x = await _extract('It was filed with the Sindicato de Trabajadores de la Industria Metálica, Acero, Hierro, Conexos y Similares (STIMAHCS). STIMAHCS won.');
    const e = _bySurface(x, 'Sindicato de Trabajadores de la Industria Metálica, Acero, Hierro, Conexos y Similares');
    expect(e?.type).toBe('Organization');
    expect(e?.mentions.map((m) => m.text)).toContain('STIMAHCS');
  });

  it('should not take a dateline or an identifier in capitals as an acronym', async () => {
    const x = await _extract('Release Number: 23-2417-NAT\n\nWASHINGTON — The agency announced funding.');
    expect(_mentions(x).map((m) => m.text)).not.toContain('NAT');
    // the dateline is the place (Washington, D.C.), with an en dash or a double hyphen
    for (const text of ['WASHINGTON — The agency announced funding.', 'WASHINGTON -- The agency announced funding.']) {
      const m = _mentions(await _extract(text)).find((f) => f.text === 'WASHINGTON');
      expect(m, text).toMatchObject({ type: 'Place', entity: 'place:washington-dc' });
    }
    expect(_mentions(x).find((m) => m.text === 'WASHINGTON')?.type).toBe('Place');
  });

  it('should cut a curated agreement after "of the" off a name', async () => {
    const x = await _extract('The OTLA succeeded the U.S. National Administrative Office of the NAFTA era.');
    expect(_bySurface(x, 'NAFTA')?.type).toBe('Agreement');
  });

  it('should not count an undated organisational citation as a mention', async () => {
    const x = await _extract('Dialogue began at the Binational Commission (Secretaria de Relaciones Exteriores n.d.), in 1989.');
    expect(_mentions(x).some((m) => m.text === 'Secretaria de Relaciones Exteriores')).toBe(false);
  });
});

describe('extractDocument (shape)', () => {
  it('should return entities in order of first mention with offsets into the original text', async () => {
    const text = 'In 2002 **Elaine Chao** of the U.S. Department of Labor met Carlos Abascal<sup>3</sup> of the STPS in Mexico City. Chao praised the STPS.';
    const x = await _extract(text, 'shape.md');
    expect(x.doc).toBe('shape.md');
    const firsts = x.entities.map((e) => e.mentions[0]!.start);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    for (const e of x.entities) {
      expect(ENTITY_TYPES).toContain(e.type);
      expect(e.id.startsWith(`${(await _ontology()).prefix(e.type)}:`)).toBe(true);
      for (const m of e.mentions) {
        expect(text.slice(m.start, m.end)).toBe(m.text);
        expect(m.rule).toBeTruthy();
        expect(m.status).toBe(e.status);
      }
    }
    for (const r of x.relations) {
      expect(r.status).toBe('inferred');
      expect(x.entities.some((e) => e.id === r.subject)).toBe(true);
      expect(x.entities.some((e) => e.id === r.object)).toBe(true);
    }
    expect(_bySurface(x, 'Chao')?.id).toBe('person:elaine-chao');
    expect(_bySurface(x, 'STPS')!.mentions).toHaveLength(2);
  });

  it('should be deterministic', async () => {
    const text = 'The AFL-CIO and the FAT cooperated in Mexico City. President Fox met President Bush.';
    expect(JSON.stringify(await _extract(text))).toBe(JSON.stringify(await _extract(text)));
  });

  it('should wrap a failing component in a PipelineError naming the document and component', async () => {
    const o = await _ontology();
    const broken = { ...o, lex: { ...o.lex, abbreviations: null as never } };
    const err = (() => {
      try {
        extractDocument(_doc('The AFL-CIO met. The STPS met.', 'broken.txt'), broken);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(PipelineError);
    expect(err!.message).toMatch(/^broken\.txt: pipeline component 'sentences' failed: /);
    expect(COMPONENTS.map((c) => c.name)).toEqual(['sentences', 'citations', 'gazetteer', 'rules', 'overlap', 'resolve', 'countries', 'relations', 'inherit-countries']);
  });
});

describe('hard-wrapped text', () => {
  it('should find a name broken by a hard line break as one mention, with offsets into the original', async () => {
    const text = [
      'On Monday members of the union met in the city of Monclova with the Border',
      'Foundry Workers Alliance and with officials of the labor ministry, who said',
      'that the vote at the plant would be held again in the spring of next year.',
    ].join('\n');
    const x = await _extract(text);
    const alliance = x.entities.find((e) => e.mentions.some((m) => m.text === 'Border\nFoundry Workers Alliance'));
    expect(alliance?.type).toBe('Organization');
    for (const e of x.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
