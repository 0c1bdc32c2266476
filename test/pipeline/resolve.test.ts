import { describe, it, expect } from 'vitest';
import { tokenOverlap, FUZZY_THRESHOLD, JaroWinklerBound } from '../../src/pipeline/resolve.js';
import { JaroWinklerDistance } from 'natural/lib/natural/distance/index.js';
import { nameKey } from '../../src/util/text.js';
import { _bySurface, _extract } from './_helpers.js';

describe('tokenOverlap', () => {
  const SKIP = new Set(['de', 'la', 'del', 'y', 'of', 'the']);
  it('should score content-word overlap by 5-letter prefixes', () => {
    expect(tokenOverlap(nameKey('Sindicato Telefonistas de la Republica México'), nameKey('Sindicato de Telefonistas de la República Mexicana'), SKIP)).toBe(1);
    expect(tokenOverlap(nameKey('Sindicato Nacional Minero'), nameKey('Sindicato Nacional Electricista'), SKIP)).toBeCloseTo(2 / 3);
    expect(tokenOverlap('de la union', 'de la union', SKIP)).toBe(0); // fewer than 3 content words
  });

  it('should keep the fuzzy threshold high', () => {
    expect(FUZZY_THRESHOLD).toBeGreaterThanOrEqual(0.9);
  });
});

describe('resolveEntities (through extraction)', () => {
  it('should resolve a curated surname after the full name to the same entity ("Fox" after "Vicente Fox")', async () => {
    const x = await _extract('President Vicente Fox visited Texas in 2001. Fox later met workers in Los Angeles.');
    const fox = x.entities.find((e) => e.id === 'person:vicente-fox')!;
    expect(fox.mentions.map((m) => m.text)).toEqual(['Vicente Fox', 'Fox']);
    expect(fox).toMatchObject({ status: 'curated', country: 'MX', name: 'Vicente Fox' });
  });

  it('should need support for a bare curated surname (a title, the full name, "the Bush administration")', async () => {
    expect((await _extract('Fox reported the news on Monday.')).entities.map((e) => e.id)).not.toContain('person:vicente-fox');
    expect((await _extract('The Bush administration opposed the plan.')).entities.map((e) => e.id)).toContain('person:george-w-bush');
    const titled = await _extract('President Fox met President Bush at the White House.');
    expect(titled.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['person:vicente-fox', 'person:george-w-bush', 'org:white-house']));
  });

  it('should resolve a title and one name ("Mr. Okafor", "Secretary Lindqvist") to the one full name of that surname, the first of two surnames too', async () => {
    const x = await _extract('Tomasz Okafor runs the Harbor Workers Alliance. Mr. Okafor spoke first. Labor Secretary Ingrid Lindqvist listened, and Secretary Lindqvist replied. Rosa Delgado Ibarra, a welder, spoke last; later Ms. Delgado left.');
    const people = x.entities.filter((e) => e.type === 'Person');
    expect(people.map((e) => e.name).sort()).toEqual(['Ingrid Lindqvist', 'Rosa Delgado Ibarra', 'Tomasz Okafor']);
    expect(people.find((e) => e.name === 'Rosa Delgado Ibarra')!.mentions.map((m) => m.text)).toEqual(['Rosa Delgado Ibarra', 'Delgado']);
  });

  it('should leave a title and one name alone when two people of the document have that surname', async () => {
    const x = await _extract('Anna Berg and Lars Berg founded the union. Ms. Berg spoke first.');
    const berg = x.entities.filter((e) => e.type === 'Person' && e.mentions.some((m) => m.text === 'Berg'));
    expect(berg.map((e) => e.name)).toEqual(['Berg']);
  });

  it('should mark a name found once by its context where it recurs bare, and not inside a longer capitalised name', async () => {
    const x = await _extract('Workers at Veltrano filed a complaint. Later, Veltrano fired them. Veltrano is a subsidiary of Cardone Industries. The Veltrano Workers Union protested.');
    const v = x.entities.find((e) => e.name === 'Veltrano')!;
    expect(v.mentions.map((m) => [m.text, m.rule])).toEqual([['Veltrano', 'org.company.workers-at'], ['Veltrano', 'name.repeated'], ['Veltrano', 'name.repeated']]);
    expect(x.relations.some((r) => r.subject === v.id && r.predicate === 'PART_OF' && r.object === 'org:cardone-industries')).toBe(true);
  });

  it('should keep a surname a context cue typed as an organisation the person’s ("Since firing Okafor, the company …")', async () => {
    const x = await _extract('When Norberto Okafor left his home, he found work at Acme Motors. Since firing Okafor, the company, with support from the government, has refused to recognize the union.');
    expect(x.entities.filter((e) => e.type === 'Organization').map((e) => e.name)).not.toContain('Okafor');
    expect(x.entities.find((e) => e.name === 'Norberto Okafor')!.mentions.map((m) => m.text)).toEqual(['Norberto Okafor', 'Okafor']);
  });

  it('should fold a misspelt surname after the same given name into the first spelling ("Kellie Leitch" … "Kellie Lietch")', async () => {
    const x = await _extract('Minister Ingrid Lindqvist met the union. Later, Minister Ingrid Lindvqist spoke. Minister Ingrid Larsen did not.');
    const people = x.entities.filter((e) => e.type === 'Person');
    expect(people.map((e) => e.name).sort()).toEqual(['Ingrid Larsen', 'Ingrid Lindqvist']);
  });

  it('should read an acronym back from the tail of a name ("SAWP" of the "Canada-Mexico Seasonal Agricultural Workers Program")', async () => {
    const x = await _extract('The Canada-Mexico Seasonal Agricultural Workers Program grew. SAWP operations will continue.');
    const sawp = _bySurface(x, 'SAWP')!;
    expect(sawp.type).toBe('Program');
    expect(sawp.mentions.map((m) => m.text)).toEqual(['Canada-Mexico Seasonal Agricultural Workers Program', 'SAWP']);
  });

  it('should find a speaker a speech verb names ("…,” said X, Minister of …", "according to X and Y")', async () => {
    const x = await _extract('“Canada will help,” said Chrystia Freeland, Minister of Foreign Affairs. According to Lisa Ortega and Pola Pantoja, the plant closed. “We won,” Maritza Bolaños said. The Department said Tuesday it agreed.');
    const people = x.entities.filter((e) => e.type === 'Person').map((e) => e.name).sort();
    expect(people).toEqual(['Chrystia Freeland', 'Lisa Ortega', 'Maritza Bolaños', 'Pola Pantoja']);
  });

  it('should resolve an inferred surname to the full name of the same document', async () => {
    const x = await _extract('Mexican Secretary of Labor Ramón Torres met union leaders. Torres praised the accord.');
    const people = x.entities.filter((e) => e.type === 'Person');
    expect(people).toHaveLength(1);
    expect(people[0]!.mentions.map((m) => m.text)).toEqual(['Ramón Torres', 'Torres']);
    expect(people[0]!.mentions.map((m) => m.rule)).toEqual(['person.title', 'person.surname']);
  });

  it('should infer a person\'s country from the title\'s demonym', async () => {
    const x = await _extract('Mexican Secretary of Labor Javier Ruiz met U.S. Secretary of Labor Jane Doe.');
    expect(_bySurface(x, 'Javier Ruiz')!.country).toBe('MX');
    expect(_bySurface(x, 'Jane Doe')!.country).toBe('US');
  });

  it('should infer an organisation\'s country from a demonym before it', async () => {
    const x = await _extract('The Mexican Union of Electricians struck, and the American Federation of Teachers joined.');
    expect(_bySurface(x, 'Union of Electricians')!.country).toBe('MX');
  });

  it('should give a numbered submission the country of its target, not its NAO', async () => {
    const x = await _extract('Unions filed U.S. NAO Submission 9702 and later Mexican NAO Submission 9804.');
    expect(_bySurface(x, 'U.S. NAO Submission 9702')!.country).toBe('MX');
    expect(_bySurface(x, 'Mexican NAO Submission 9804')!.country).toBe('US');
  });

  it('should fold a shorter name into a longer one of the same document', async () => {
    const x = await _extract('Benedicto Martinez spoke. Later Benedicto Martínez Orozco of the FAT spoke again.');
    const p = x.entities.filter((e) => e.type === 'Person');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ id: 'person:benedicto-martinez-orozco', name: 'Benedicto Martínez Orozco' });
    expect(p[0]!.mentions.map((m) => m.text)).toEqual(['Benedicto Martinez', 'Benedicto Martínez Orozco']);
    const org = await _extract('The Carnegie Endowment for International Peace published it. The Carnegie Endowment said so.');
    expect(org.entities).toHaveLength(1);
    expect(org.entities[0]!.mentions.map((m) => m.text)).toEqual(['Carnegie Endowment for International Peace', 'Carnegie Endowment']);
  });

  it('should match a variant spelling of a curated name to the curated entity', async () => {
    const x = await _extract('The Sindicato de Telefonistas de la Republica Mexicana joined.');
    expect(x.entities.map((e) => [e.id, e.status])).toEqual([['org:strm', 'curated']]);
  });

  it('should send "the X case" to the case named "X … v. …" in the document', async () => {
    const x = await _extract('Hoffman Plastic Compounds v. NLRB was decided in 2002. The Hoffman case shocked unions.');
    expect(x.entities).toHaveLength(1);
    expect(x.entities[0]!.mentions.map((m) => m.text)).toEqual(['Hoffman Plastic Compounds v. NLRB', 'Hoffman case']);
  });

  it('should pick among curated entities sharing an alias by the demonym before it', async () => {
    const us = await _extract('Unions filed with the U.S. NAO in 1994. The NAO held hearings.');
    expect(us.entities.filter((e) => e.type === 'Organization').map((e) => e.id)).toEqual(['org:us-nao']);
    const mx = await _extract('The Mexican NAO reviewed the submission.');
    expect(mx.entities.filter((e) => e.type === 'Organization').map((e) => e.id)).toEqual(['org:mexican-nao']);
  });

  it('should follow a short name folded into a name that is itself folded into its reordered words (found by npm run fuzz)', async () => {
    // "U.S. Federation Council" → "U.S. Federation Department Council" (short name) → "Department the Council U.S. Federation" (same words, first):
    // the one-hop remap left the first name pointing at a deleted entity and the document was dropped
    const x = await _extract('Department the Council U.S. Federation met. U.S. Federation Department Council signed. U.S. Federation Council agreed.');
    expect(x.entities.map((e) => e.id)).toEqual(['org:department-the-council-us-federation']);
    expect(x.entities[0]!.mentions).toHaveLength(3);
  });
});

describe('JaroWinklerBound', () => {
  const jw = JaroWinklerDistance as unknown as (a: string, b: string) => number;
  it('is never below natural’s Jaro–Winkler score', () => {
    // names and near-misses of the kind fuzzy resolution compares, and random strings over a small alphabet
    const names = ['confederacion de trabajadores de mexico', 'confederation of mexican workers', 'frente autentico del trabajo', 'authentic labor front',
      'united steelworkers', 'united steel workers', 'national administrative office', 'secretaria del trabajo y prevision social', 'stps', 'afl cio', 'afl-cio'];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 400; i++) names.push([...Array(3 + Math.floor(rand() * 12))].map(() => 'abcde '[Math.floor(rand() * 6)]).join(''));
    let checked = 0;
    for (const key of names) {
      const bound = new JaroWinklerBound(key);
      for (const other of names.slice(0, 60)) {
        expect(bound.upTo(other)).toBeGreaterThanOrEqual(jw(other, key) - 1e-12);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20000);
  });
  it('is tight enough to rule out unrelated names', () => {
    expect(new JaroWinklerBound('united steelworkers').upTo('frente autentico del trabajo')).toBeLessThan(FUZZY_THRESHOLD);
    expect(new JaroWinklerBound('united steelworkers').upTo('united steelworkers')).toBe(1);
  });
});

describe('national branches', () => {
  it('should read a curated union or company followed by a country name as its branch there, of that country ("Teamsters Canada", "GM Mexico")', async () => {
    const x = await _extract('The president of Teamsters Canada, Paul Ouellet, spoke after the Teamsters union. GM Mexico said it would comply, and General Motors de México hired 300 workers.');
    expect(_bySurface(x, 'Teamsters Canada')).toMatchObject({ type: 'Organization', country: 'CA', status: 'inferred' });
    expect(_bySurface(x, 'Teamsters')!.id).toBe('org:teamsters');
    expect(_bySurface(x, 'GM Mexico')).toMatchObject({ country: 'MX' });
    expect(_bySurface(x, 'General Motors de México')).toMatchObject({ country: 'MX' });
    expect(x.relations).toContainEqual(expect.objectContaining({ subject: 'person:paul-ouellet', predicate: 'LEADS', object: _bySurface(x, 'Teamsters Canada')!.id }));
  });

  it('should leave the parent and the place apart where the country name modifies a noun or opens a longer name', async () => {
    const x = await _extract('The Solidarity Center Mexico office opened in May. The UAW Mexico campaign grew, and Teamsters Canada Rail Conference members voted.');
    expect(_bySurface(x, 'Solidarity Center')!.status).toBe('curated');
    expect(_bySurface(x, 'UAW')!.status).toBe('curated');
    expect(x.entities.some((e) => e.name === 'Teamsters Canada')).toBe(false);
  });
});

describe('curated people and bodies by a near name', () => {
  it('should take a given name and one surname for the one curated person of longer name with both ("Luisa Alcalde", "Carlos Salinas")', async () => {
    const x = await _extract('Labor Secretary Luisa Alcalde met the union. Earlier, Carlos Salinas had signed NAFTA.');
    expect(_bySurface(x, 'Luisa Alcalde')).toMatchObject({ id: 'person:luisa-maria-alcalde', country: 'MX' });
    expect(_bySurface(x, 'Carlos Salinas')!.id).toBe('person:carlos-salinas');
    // a surname the curated name lacks is someone else
    expect(_bySurface(await _extract('Luisa Ortega met the union.'), 'Luisa Ortega')!.status).toBe('inferred');
  });

  it('should not take a close spelling with another word for a curated body ("National Union of Mineworkers" is not the National Union of Workers)', async () => {
    const x = await _extract('Representatives of the National Union of Mineworkers met officials.');
    expect(_bySurface(x, 'National Union of Mineworkers')).toMatchObject({ status: 'inferred', name: 'National Union of Mineworkers' });
  });
});

describe('a company named again without its legal form', () => {
  it('should take "Echlin" after "Echlin Inc." for the company, unless two companies share the word', async () => {
    const x = await _extract('Workers struck at Echlin Inc. in May. Echlin said it would appeal.');
    const echlin = _bySurface(x, 'Echlin Inc.')!;
    expect(echlin.mentions.map((m) => m.text)).toEqual(['Echlin Inc.', 'Echlin']);
    const y = await _extract('Workers struck at Kanto Corporation and at Kanto Automotive Systems de México in May. Kanto said it would appeal.');
    expect(_bySurface(y, 'Kanto Corporation')!.mentions).toHaveLength(1);
  });
});

describe('a curated body qualified by a place or a region', () => {
  it('should read "North American" before a curated name as no one country ("the North American Commission for Labour Cooperation" is the curated commission)', async () => {
    const x = await _extract('The ministers discussed priorities for the North American Commission for Labour Cooperation.');
    expect(x.entities.find((e) => e.type === 'Organization'), JSON.stringify(x.entities.map((e) => [e.id, e.country]))).toMatchObject({ id: 'org:clc', country: 'INTL' });
  });

  it('should split a curated organisation from the place it is in ("Centro de Solidaridad en México", "the Solidarity Center in Mexico")', async () => {
    const x = await _extract('Habló el director del Centro de Solidaridad en México. Later the Solidarity Center in Mexico agreed.');
    expect(x.entities.map((e) => e.id).sort()).toEqual(['org:solidarity-center', 'place:mexico']);
    expect(x.entities.find((e) => e.id === 'org:solidarity-center')!.mentions.map((m) => m.text)).toEqual(['Centro de Solidaridad', 'Solidarity Center']);
  });
});

describe('another name given by an alias cue', () => {
  it('should fold a name after "aka", "also known as" into the name before it ("the National Miners\' Union of Mexico (aka Los Mineros)")', async () => {
    const x = await _extract('The Metalworkers’ Union of Sonora (aka the Sonora Miners Union) struck. The Frente Obrero Unido, also known as the Workers Front, marched. Later the Workers Front said so.');
    const orgs = x.entities.filter((e) => e.type === 'Organization');
    expect(orgs.map((e) => e.mentions.map((m) => m.text)), JSON.stringify(orgs.map((e) => e.name))).toEqual([['Metalworkers’ Union of Sonora', 'Sonora Miners Union'], ['Frente Obrero Unido', 'Workers Front', 'Workers Front']]);
  });

  it('should keep two curated names apart however they are joined', async () => {
    const x = await _extract('The AFL-CIO (also known as the Teamsters) spoke.');
    expect(x.entities.map((e) => e.id).sort()).toEqual(['org:afl-cio', 'org:teamsters']);
  });

  it('should read a journalist\'s title before the name ("In These Times Contributing Editor Kari Lydersen")', async () => {
    const x = await _extract('This summer, In These Times Contributing Editor Kari Lydersen reported on the strike.');
    expect(x.entities.filter((e) => e.type === 'Person').map((e) => e.name)).toEqual(['Kari Lydersen']);
  });
});

describe('honorifics and intergovernmental organs', () => {
  it('should read "the Honourable" as an honorific, not a name ("the Honourable Elaine L. Chao" is the curated Elaine Chao)', async () => {
    const x = await _extract('The meeting was chaired by the Honourable Elaine L. Chao and the Hon. Marta Ruiz Lozano.');
    expect(x.entities.filter((e) => e.type === 'Person').map((e) => e.name)).toEqual(['Elaine Chao', 'Marta Ruiz Lozano']);
    expect(x.entities.find((e) => e.id === 'person:elaine-chao')).toMatchObject({ status: 'curated', country: 'US' });
  });

  it('should give an organ of an intergovernmental body that body\'s INTL', async () => {
    const x = await _extract('The Commission for Labor Cooperation met in Toronto, Ontario. The Secretariat of the Commission for Labor Cooperation moved to Washington.');
    expect(x.entities.find((e) => e.name === 'Secretariat of the Commission for Labor Cooperation')?.country, JSON.stringify(x.entities.map((e) => [e.name, e.country]))).toBe('INTL');
  });
});

describe('curated companies', () => {
  it('should know the home country of multinationals and Mexican and Canadian groups named in labor disputes', async () => {
    const x = await _extract('Workers at a Nike supplier, a Cemex plant and a Torex Gold mine in Guerrero walked out.');
    expect(x.entities.filter((e) => e.type === 'Organization').map((e) => [e.id, e.country])).toEqual([['org:nike', 'US'], ['org:cemex', 'MX'], ['org:torex-gold', 'CA']]);
  });
});

describe('a defined term', () => {
  it('should keep a phrase of generic words the document defines a short term for as a name ("The Labour Council (the Council)")', async () => {
    const x = await _extract('The Labour Council (the Council) met in Ottawa on Monday.');
    expect(x.entities.map((e) => e.name)).toContain('Labour Council');
  });
});
