import { describe, it, expect } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ONTOLOGY_FILE_BYTES, loadOntologyData } from '../../src/ontology/load.js';
import { OntologyError } from '../../src/errors.js';
import { ENTITY_TYPES, PREDICATES } from '../../src/types.js';
import { _append, _copyOntology } from './_helpers.js';

/** The OntologyError thrown by loading `dir`. */
async function _error(dir: string): Promise<OntologyError> {
  try {
    await loadOntologyData(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(OntologyError);
    return err as OntologyError;
  }
  throw new Error(`loading ${dir} did not fail`);
}

describe('loadOntologyData', () => {
  it('should load the real ontology: every class, every predicate, curated entities with file:line sources', async () => {
    const data = await loadOntologyData('ontology');
    expect([...data.prefixes.keys()].sort()).toEqual([...ENTITY_TYPES].sort());
    expect(data.prefixes.get('Organization')).toBe('org');
    expect(data.prefixes.get('Person')).toBe('person');
    expect([...data.relations.keys()].sort()).toEqual([...PREDICATES].sort());
    expect(data.relations.get('COOPERATES_WITH')!.symmetric).toBe(true);
    expect(data.relations.get('LEADS')!.symmetric).toBe(false);
    expect([...data.relations.get('FILED')!.range]).toEqual(['Case']);
    const dol = data.entities.get('org:us-department-of-labor')!;
    expect(dol).toMatchObject({ type: 'Organization', name: 'U.S. Department of Labor', country: 'US' });
    expect(dol.source).toMatch(/ontology\/entities\/organization\.yaml:\d+$/);
    expect(data.entities.get('person:vicente-fox')).toMatchObject({ type: 'Person', short: ['Fox'], country: 'MX' });
    expect(data.entities.size).toBeGreaterThan(200);
    expect(data.lexicon.length).toBeGreaterThan(10);
    // relations come from the predicate lexicon; the surface patterns that fired on no document were deleted
    expect(data.predicates.entries.length).toBeGreaterThan(50);
    expect(data.patterns.length).toBeGreaterThan(0);
    expect(data.patterns.every((p) => p.id && p.predicate)).toBe(true);
    for (const e of data.entities.values()) expect(e.id.startsWith(data.prefixes.get(e.type)! + ':')).toBe(true);
  });

  it('should name file:line for broken YAML', async () => {
    const dir = _copyOntology();
    const line = _append(dir, 'entities/event.yaml', ['  - { id: event:broken, name: [unclosed']);
    const err = await _error(dir);
    expect(err.message).toMatch(/entities\/event\.yaml:(\d+): invalid YAML/);
    expect(Number(/event\.yaml:(\d+)/.exec(err.message)![1])).toBeGreaterThanOrEqual(line);
    expect(err.message.split('\n')).toHaveLength(1);
  });

  it('should name file:line for a relation naming an unknown class', async () => {
    const dir = _copyOntology();
    const line = _append(dir, 'relations.yaml', ['  - name: FUNDS', '    domain: [Organization]', '    range: [Agency]']);
    const err = await _error(dir);
    expect(err.message).toMatch(new RegExp(`relations\\.yaml:${line + 2}: relation FUNDS names unknown class 'Agency' in range$`));
  });

  it('should name file:line for a duplicate entity id, and where it was first defined', async () => {
    const dir = _copyOntology();
    const first = readFileSync(join(dir, 'entities/organization.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('id: org:ctm')) + 1;
    const line = _append(dir, 'entities/program.yaml', ['  - { id: org:ctm, name: CTM again }']);
    const err = await _error(dir);
    expect(err.message).toMatch(new RegExp(`entities/program\\.yaml:${line}: duplicate id 'org:ctm' \\(first at .*entities/organization\\.yaml:${first}\\)$`));
  });

  it('should name file:line for a part_of pointing to no entity', async () => {
    const dir = _copyOntology();
    const line = _append(dir, 'entities/program.yaml', ['  - { id: program:orphan, name: Orphan Program, part_of: org:no-such-org }']);
    const err = await _error(dir);
    expect(err.message).toMatch(new RegExp(`entities/program\\.yaml:${line}: part_of refers to unknown entity 'org:no-such-org'$`));
  });

  it('should name file:line for a lexicon title pointing to no organisation', async () => {
    const dir = _copyOntology();
    const line = _append(dir, 'lexicons/titles.yaml', ['  - { id: title.test-dangling, role: title, words: [Grand Vizier], org: { MX: org:no-such-ministry } }']);
    const err = await _error(dir);
    expect(err.message).toMatch(new RegExp(`lexicons/titles\\.yaml:${line}: org refers to unknown entity 'org:no-such-ministry'$`));
  });

  it('should name file:line for a demonym or foreign head without its country', async () => {
    const dir = _copyOntology();
    const line = _append(dir, 'lexicons/names.yaml', ['  - { id: org.head.not-xx, role: foreign-head, words: [Directorate] }']);
    const err = await _error(dir);
    expect(err.message).toMatch(new RegExp(`lexicons/names\\.yaml:${line}: a foreign-head record needs a country$`));
  });

  it('should name file:line and field for a schema violation (missing name, bad id, unknown key)', async () => {
    for (const [entry, what] of [
      ['  - { id: event:nameless }', /entities\.\d+\.name: /],
      ['  - { id: Event_Bad, name: Bad }', /entities\.\d+\.id: ids look like/],
      ['  - { id: event:extra, name: Extra, colour: red }', /entities\.\d+: .*colour/],
    ] as const) {
      const dir = _copyOntology();
      const line = _append(dir, 'entities/event.yaml', [entry]);
      const err = await _error(dir);
      expect(err.message, entry).toMatch(new RegExp(`entities/event\\.yaml:${line}: `));
      expect(err.message, entry).toMatch(what);
    }
  });

  it('should name file:line for an id with an unknown prefix', async () => {
    const dir = _copyOntology();
    const line = _append(dir, 'entities/event.yaml', ['  - { id: meeting:annual, name: Annual Meeting }']);
    expect((await _error(dir)).message).toMatch(new RegExp(`entities/event\\.yaml:${line}: id 'meeting:annual' has an unknown prefix \\(known: person, org`));
  });

  it('should name file:line for a pattern with an undefined predicate and for an invalid regex', async () => {
    const dir = _copyOntology();
    const line = _append(dir, 'patterns/relations.yaml', ["  - { id: test.bad-regex, predicate: FUNDS, between: '^(unclosed' }"]);
    expect((await _error(dir)).message).toMatch(new RegExp(`patterns/relations\\.yaml:${line}: pattern test\\.bad-regex: invalid regex`));
    const dir2 = _copyOntology();
    const line2 = _append(dir2, 'patterns/relations.yaml', ["  - { id: test.bad-pred, predicate: HATES, between: 'x' }"]);
    expect((await _error(dir2)).message).toMatch(new RegExp(`patterns/relations\\.yaml:${line2}: patterns\\.\\d+\\.predicate: `));
  });

  it('should name the file when classes.yaml is missing and the line of a class defined twice', async () => {
    const dir = _copyOntology();
    rmSync(join(dir, 'classes.yaml'));
    expect((await _error(dir)).message).toMatch(/classes\.yaml: cannot read \(ENOENT\)/);
    const dir2 = _copyOntology();
    const line = _append(dir2, 'classes.yaml', ['  - name: Person', '    prefix: human']);
    expect((await _error(dir2)).message).toMatch(new RegExp(`classes\\.yaml:${line}: class Person defined twice`));
  });

  it('should report a class missing from classes.yaml', async () => {
    const dir = _copyOntology();
    const text = readFileSync(join(dir, 'classes.yaml'), 'utf8').replace(/  - name: Place\n    prefix: place\n(    description: .*\n)?/, '');
    writeFileSync(join(dir, 'classes.yaml'), text);
    // relations.yaml names Place, so the reference check fires first, naming relations.yaml:line
    expect((await _error(dir)).message).toMatch(/relations\.yaml:\d+: relation \w+ names unknown class 'Place'/);
  });

  it('should refuse an alias two entities share, naming both file:line', async () => {
    const dir = _copyOntology();
    const lines = readFileSync(join(dir, 'entities/organization.yaml'), 'utf8').split('\n');
    const stps = lines.findIndex((l) => l.includes('id: org:stps')) + 1;
    const line = _append(dir, 'entities/program.yaml', ['  - id: program:stps-program', '    name: STPS Program', '    aliases: [Secretaría del Trabajo y Previsión Social]']);
    const err = await _error(dir);
    expect(err.message).toMatch(new RegExp(`entities/program\\.yaml:${line + 2}: alias "Secretaría del Trabajo y Previsión Social" of program:stps-program is also a name or alias of org:stps \\(.*entities/organization\\.yaml:(\\d+)\\); keep it on one entity, or list it under ambiguous: on both if it is meant for both$`));
    const at = Number(/organization\.yaml:(\d+)\)/.exec(err.message)![1]);
    expect(at).toBeGreaterThanOrEqual(stps);
    expect(at).toBeLessThan(stps + 6);
  });

  it('should refuse an alias that folds to another entity\'s name (accents, case), and tell acronyms apart by case', async () => {
    const dir = _copyOntology();
    _append(dir, 'entities/program.yaml', ['  - { id: program:x, name: X Program, aliases: [SECRETARIA DEL TRABAJO Y PREVISION SOCIAL, secretaria del trabajo y prevision social] }']);
    expect((await _error(dir)).message).toMatch(/alias "secretaria del trabajo y prevision social" of program:x is also "Secretaría del Trabajo y Previsión Social" of org:stps/);
  });

  it('should accept a shared alias declared ambiguous, as a warning with both locations', async () => {
    const data = await loadOntologyData('ontology');
    expect(data.warnings).toEqual([
      expect.stringMatching(/entities\/organization\.yaml:\d+: alias "NAO" of org:national-administrative-office is also a name or alias of org:us-nao \(.*entities\/organization\.yaml:\d+\); declared ambiguous$/),
      expect.stringMatching(/entities\/organization\.yaml:\d+: alias "CLC" of org:canadian-labour-congress is also a name or alias of org:clc \(.*entities\/organization\.yaml:\d+\); declared ambiguous$/),
    ]);
  });

  it('should refuse a file that is not UTF-8, naming its line', async () => {
    const dir = _copyOntology();
    const path = join(dir, 'entities', 'event.yaml');
    const text = readFileSync(path);
    const before = Buffer.concat([text, Buffer.from('\n  - { id: event:x, name: "Reuni')]);
    writeFileSync(path, Buffer.concat([before, Buffer.from([0xf3]), Buffer.from('n" }\n')]));
    const line = before.toString('utf8').split('\n').length;
    expect((await _error(dir)).message).toMatch(new RegExp(`entities/event\\.yaml:${line}: invalid UTF-8 \\(byte offset \\d+\\); save the file as UTF-8$`));
  });

  it('should refuse a YAML alias bomb and an oversized file with one line', async () => {
    const dir = _copyOntology();
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    writeFileSync(join(dir, 'entities', 'bomb.yaml'), `${bomb.join('\n')}\nentities: []\n`);
    const err = await _error(dir);
    expect(err.message).toMatch(/entities\/bomb\.yaml: YAML aliases expand too far \(.*\); not loaded$/);
    expect(err.message.split('\n')).toHaveLength(1);
    const dir2 = _copyOntology();
    writeFileSync(join(dir2, 'entities', 'huge.yaml'), `entities: []\n#${'x'.repeat(MAX_ONTOLOGY_FILE_BYTES)}\n`);
    expect((await _error(dir2)).message).toMatch(/entities\/huge\.yaml: too large \(8\.0 MB > 8 MB\); split it$/);
  });
});
