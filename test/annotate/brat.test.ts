import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bratAnnotationConf, bratToCorrections, offsetMap, parseBrat, toBrat } from '../../src/annotate/brat.js';
import { applyCorrections } from '../../src/annotate/apply.js';
import type { Extraction } from '../../src/types.js';
import { _doc, _e, _log, _m } from './_helpers.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'brat');
const _read = (stem: string) => ({
  txt: readFileSync(join(FIXTURES, `${stem}.txt`), 'utf8'),
  ann: readFileSync(join(FIXTURES, `${stem}.ann`), 'utf8'),
});

describe('parseBrat on brat’s own files', () => {
  // counts from test/fixtures/brat/README.md: T, discontinuous, R, E, A, N, #, *
  it.each([
    ['tutorials-news/000-introduction', 7, 0, 2, 1, 5, 1, 1, 0],
    ['tutorials-news/060-relation_annotation', 10, 0, 1, 0, 0, 0, 0, 1],
    ['tutorials-news/100-attribute_annotation', 26, 0, 0, 10, 6, 0, 0, 0],
    ['tutorials-news/110-note_annotation', 14, 0, 2, 2, 0, 0, 3, 0],
    ['brat-docs/north-and-south-america', 2, 1, 0, 0, 0, 0, 0, 0],
    ['kg/accents-emoji', 7, 0, 2, 0, 0, 1, 1, 0],
  ])('should parse %s with the documented counts and no errors', (stem, t, disc, r, e, a, n, notes, eq) => {
    const { txt, ann } = _read(stem);
    const parsed = parseBrat(ann, txt, `${stem}.ann`);
    expect(parsed.errors).toEqual([]);
    expect([
      parsed.textbounds.length, parsed.textbounds.filter((x) => x.fragments.length > 1).length, parsed.relations.length,
      parsed.events.length, parsed.attributes.length, parsed.normalizations.length, parsed.notes.length, parsed.equivs.length,
    ]).toEqual([t, disc, r, e, a, n, notes, eq]);
    for (const tb of parsed.textbounds) {
      expect(tb.fragments.map((f) => txt.slice(f.start, f.end)).join(' ')).toBe(tb.text);
    }
  });

  it('should read the quirks: trailing tabs, forward references, event arguments, numbered roles, notes on R and E', () => {
    const intro = parseBrat(_read('tutorials-news/000-introduction').ann, _read('tutorials-news/000-introduction').txt);
    expect(intro.relations.find((r) => r.id === 'R2')).toMatchObject({ type: 'Origin', args: [{ role: 'Arg1', ref: 'T6' }, { role: 'Arg2', ref: 'T7' }] });
    expect(intro.events[0]).toMatchObject({ type: 'Transfer-money', trigger: 'T3' });
    expect(intro.events[0].args.map((x) => x.ref)).toEqual(['T1', 'T2', 'T4', 'T6']); // T4, T6 defined later
    expect(intro.normalizations[0]).toMatchObject({ target: 'T5', db: 'Wikipedia', dbId: '64488', text: 'Carlos Salinas de Gortari' });
    const attrs = parseBrat(_read('tutorials-news/100-attribute_annotation').ann, _read('tutorials-news/100-attribute_annotation').txt);
    expect(attrs.events.find((e) => e.id === 'E1')!.args).toEqual([{ role: 'Reporter-Arg', ref: 'T1' }, { role: 'Event-Arg', ref: 'E2' }]);
    expect(attrs.events.find((e) => e.id === 'E2')!.args[1].role).toBe('Org-Arg2');
    const notes = parseBrat(_read('tutorials-news/110-note_annotation').ann, _read('tutorials-news/110-note_annotation').txt);
    expect(notes.notes.map((x) => x.target)).toEqual(['T1', 'E1', 'R1']);
    const alias = parseBrat(_read('tutorials-news/060-relation_annotation').ann, _read('tutorials-news/060-relation_annotation').txt);
    expect(alias.equivs).toEqual([{ type: 'Alias', refs: ['T3', 'T4', 'T5'], line: 6 }]);
    const na = parseBrat(_read('brat-docs/north-and-south-america').ann, _read('brat-docs/north-and-south-america').txt);
    expect(na.textbounds[0].fragments.map((f) => [f.start, f.end])).toEqual([[0, 5], [16, 23]]);
  });

  it.each([
    ['T1\tPerson 0 5\tNorth', 'x.ann:1: T1 text "North" does not match the document text "Hello" at 0 5'],
    ['T1\tPerson 0 5\tHello\nR1\tLEADS Arg1:T1 Arg2:T9\t', 'x.ann:2: unknown id T9'],
    ['T1\tPerson 0 99\tHello', 'x.ann:1: T1 span 0-99 is outside the document (12 code points)'],
    ['T1\tPerson zero\tHello', 'x.ann:1: bad text-bound'],
    ['Q1\tfoo', 'x.ann:1: unknown annotation id "Q1"'],
    ['T1\tPerson 0 5\tHello\nT1\tPerson 0 5\tHello', 'x.ann:2: duplicate id T1'],
  ])('should report %j as an error naming file:line', (ann, message) => {
    const { errors } = parseBrat(ann, 'Hello world\n', 'x.ann');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });
});

describe('code points vs UTF-16', () => {
  const { txt, ann } = _read('kg/accents-emoji');

  it('should convert brat code-point offsets past accents and astral emoji to UTF-16', () => {
    const parsed = parseBrat(ann, txt, 'accents-emoji.ann');
    expect(parsed.errors).toEqual([]);
    const ctm = parsed.textbounds.find((t) => t.id === 'T4')!;
    expect(ctm.fragments[0]).toEqual({ cpStart: 80, cpEnd: 119, start: 83, end: 122 }); // 🇲🇽 = 2 pairs, 👷 = 1 pair
    expect(txt.slice(83, 122)).toBe('Confederación de Trabajadores de México');
    const city = parsed.textbounds.find((t) => t.id === 'T7')!;
    expect(txt.slice(city.fragments[0].start, city.fragments[0].end)).toBe('Ciudad de México'); // after 🤝 too
  });

  it('should fail the same file read with UTF-16 offsets (the brat #1115 bug) ', () => {
    const utf16 = ann.replace('80 119', '83 122');
    expect(parseBrat(utf16, txt).errors[0]).toMatch(/T4 text .* does not match/);
  });

  it('should map offsets both ways, including inside a surrogate pair', () => {
    const map = offsetMap('a👷b');
    expect([0, 1, 2, 3, 4].map(map.toCodePoint)).toEqual([0, 1, 1, 2, 3]);
    expect([0, 1, 2, 3, 4].map(map.toUtf16)).toEqual([0, 1, 3, 4, undefined]);
    expect(map.cpLength).toBe(3);
  });
});

describe('toBrat', () => {
  const { txt } = _read('kg/accents-emoji');
  const doc = _doc(txt, 'accents-emoji.txt');
  const ex: Extraction = {
    doc: doc.name,
    entities: [
      _e('org:stps', 'Organization', 'Secretaría del Trabajo y Previsión Social', [_m(txt, 'Secretaría del Trabajo y Previsión Social'), _m(txt, 'STPS')]),
      _e('org:ctm', 'Organization', 'Confederación de Trabajadores de México', [_m(txt, 'Confederación de Trabajadores de México'), _m(txt, 'CTM')]),
      _e('org:us-department-of-labor', 'Organization', 'U.S. Department of Labor', [_m(txt, 'U.S. Department of Labor')], { status: 'curated' }),
      _e('place:mexico-city', 'Place', 'Mexico City', [_m(txt, 'Ciudad de México')]),
    ],
    relations: [
      { subject: 'org:stps', predicate: 'COOPERATES_WITH', object: 'org:us-department-of-labor', evidence: { start: 0, end: txt.length }, rule: 'p1' },
    ],
  };

  it('should write code-point offsets with N references and notes, and read back the same spans', () => {
    const ann = toBrat(txt, ex);
    expect(ann).toContain('T3\tOrganization 80 119\tConfederación de Trabajadores de México');
    expect(ann).toContain('N1\tReference T1 kg:org:stps\tSecretaría del Trabajo y Previsión Social');
    expect(ann).toMatch(/#\d+\tAnnotatorNotes T1\tentity=org:stps; rule=test; status=inferred/);
    expect(ann).toMatch(/R1\tCOOPERATES_WITH Arg1:T1 Arg2:T5\t\n/);
    const back = parseBrat(ann, txt);
    expect(back.errors).toEqual([]);
    const spans = (e: Extraction) => e.entities.flatMap((x) => x.mentions.map((m) => `${m.start}-${m.end}`)).sort();
    expect(back.textbounds.map((t) => `${t.fragments[0].start}-${t.fragments[0].end}`).sort()).toEqual(spans(ex));
    const plan = bratToCorrections(doc, ex, back, 'ana');
    expect(plan.corrections).toEqual([]);
    expect(plan.counts.unchanged).toBe(7);
  });

  it('should split a mention across a newline into a discontinuous span', () => {
    const text = 'the Joint\nCommittee met';
    const e: Extraction = { doc: 'x', relations: [], entities: [_e('org:jc', 'Organization', 'Joint Committee', [_m(text, 'Joint\nCommittee')])] };
    const ann = toBrat(text, e);
    expect(ann.split('\n')[0]).toBe('T1\tOrganization 4 9;10 19\tJoint Committee');
    expect(parseBrat(ann, text).errors).toEqual([]);
  });

  it('should declare our types and predicates in annotation.conf', () => {
    const conf = bratAnnotationConf();
    for (const s of ['[entities]', '[relations]', '[events]', '[attributes]', '\nOrganization\n', 'LEADS\tArg1:<ENTITY>, Arg2:<ENTITY>']) expect(conf).toContain(s);
    expect(conf).toMatch(/COOPERATES_WITH\t.*<REL-TYPE>:symmetric/);
    expect(bratAnnotationConf([{ name: 'LEADS', domain: ['Person'], range: ['Organization', 'Program'] }])).toContain('LEADS\tArg1:Person, Arg2:Organization|Program');
  });
});

describe('bratToCorrections', () => {
  const { txt, ann } = _read('kg/accents-emoji');
  const doc = _doc(txt, 'accents-emoji.txt');
  const ex: Extraction = {
    doc: doc.name,
    entities: [
      _e('person:secretaria-del-trabajo', 'Person', 'Secretaría del Trabajo', [_m(txt, 'Secretaría del Trabajo y Previsión Social')]),
      _e('org:stps', 'Organization', 'STPS', [_m(txt, 'STPS')]),
      _e('place:mexico', 'Place', 'México', [_m(txt, 'México'), _m(txt, 'México', 1)]),
      _e('org:us-department-of-labor', 'Organization', 'U.S. Department of Labor', [_m(txt, 'U.S. Department of Labor')]),
    ],
    relations: [],
  };

  it('should plan add, retype, link, reject and add-relation, and applying them should give the brat spans', () => {
    const plan = bratToCorrections(doc, ex, parseBrat(ann, txt), 'ana');
    expect(plan.counts).toEqual({ add: 3, reject: 1, retype: 0, link: 1, addRelation: 2, unchanged: 3 });
    expect(plan.unknownTypes).toEqual({});
    expect(plan.corrections.find((c) => c.action === 'reject')!.span!.text).toBe('México'); // the one inside the CTM name
    const link = plan.corrections.find((c) => c.action === 'link')!;
    expect(link).toMatchObject({ target: 'org:stps', type: 'Organization', span: { text: 'Secretaría del Trabajo y Previsión Social' } });
    const rel = plan.corrections.filter((c) => c.action === 'add-relation').map((c) => c.relation);
    expect(rel).toContainEqual({ subject: 'org:stps', predicate: 'COOPERATES_WITH', object: 'org:us-department-of-labor' });
    expect(rel).toContainEqual({ subject: 'org:ctm', predicate: 'MEMBER_OF', object: 'org:confederacion-de-trabajadores-de-mexico' });
    const applied = applyCorrections(doc, ex, _log(...plan.corrections)).extraction;
    const spans = applied.entities.flatMap((e) => e.mentions.map((m) => `${e.type}:${m.text}`)).sort();
    expect(spans).toEqual(parseBrat(ann, txt).textbounds.map((t) => `${t.type}:${t.text}`).sort());
    expect(applied.relations).toHaveLength(2);
    expect(applied.entities.find((e) => e.id === 'org:stps')!.mentions).toHaveLength(2);
    expect(applied.entities.map((e) => e.id)).not.toContain('person:secretaria-del-trabajo');
  });

  it('should retype a mention whose brat type differs', () => {
    const plan = bratToCorrections(doc, ex, parseBrat('T1\tPlace 46 50\tSTPS\n', txt), 'ana');
    expect(plan.corrections.filter((c) => c.action === 'retype')).toMatchObject([{ span: { text: 'STPS' }, type: 'Place' }]);
    expect(plan.counts).toMatchObject({ retype: 1, reject: 4 });
  });

  it('should report brat types we do not have', () => {
    const { txt: t2, ann: a2 } = _read('tutorials-news/000-introduction');
    const plan = bratToCorrections(_doc(t2, '000-introduction.txt'), { doc: '000-introduction.txt', entities: [], relations: [] }, parseBrat(a2, t2), 'ana');
    expect(plan.unknownTypes).toEqual({ Money: 1, 'Transfer-money': 2, GPE: 1, Family: 1, Origin: 1 });
    expect(plan.counts.add).toBe(4); // Citibank, banks (Organization), two Persons
  });
});
