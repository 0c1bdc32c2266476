import { describe, it, expect } from 'vitest';
import { loadOntology } from '../../src/ontology/index.js';
import { OntologyError } from '../../src/errors.js';
import { _append, _copyOntology } from './_helpers.js';

describe('loadOntology', () => {
  it('should compile the real ontology into a gazetteer, lexicon and class checks', async () => {
    const o = await loadOntology('ontology');
    expect(o.gazetteer.size).toBeGreaterThan(o.entities.size);
    expect(o.prefix('Organization')).toBe('org');
    expect(o.prefix('Case')).toBe('case');
    expect(o.allows('FILED', 'Organization', 'Case')).toBe(true);
    expect(o.allows('FILED', 'Case', 'Organization')).toBe(false);
    expect(o.allows('LEADS', 'Person', 'Organization')).toBe(true);
    expect(o.allows('LEADS', 'Organization', 'Person')).toBe(false);
    expect(o.lex.orgHead.has('Union')).toBe(true);
    expect(o.lex.orgHeadFirst.has('Sindicato')).toBe(true);
    expect(o.lex.demonyms.get('Mexican')).toBe('MX');
    expect(o.lex.demonyms.get('U.S.')).toBe('US');
    expect(o.lex.citationHeadings.has('references')).toBe(true);
    expect(o.lex.titles.length).toBeGreaterThan(5);
    // longest titles first, so "Secretary of Labor" wins over "Secretary"
    for (let i = 1; i < o.lex.titles.length; i++) expect(o.lex.titles[i - 1]!.words.length).toBeGreaterThanOrEqual(o.lex.titles[i]!.words.length);
    const persons = o.byType.get('Person')!;
    expect(persons.some((p) => p.id === 'person:elaine-chao')).toBe(true);
    expect(persons.every((p) => p.type === 'Person')).toBe(true);
  });

  it('should find curated names and aliases through the compiled gazetteer', async () => {
    const o = await loadOntology('ontology');
    const text = 'The Confederación de Trabajadores de México (CTM) and the U.S. Department of Labor.';
    const hits = o.gazetteer.scan(text).map((h) => [text.slice(h.start, h.end), h.entries[0]!.entity]);
    expect(hits).toEqual(expect.arrayContaining([
      ['Confederación de Trabajadores de México', 'org:ctm'],
      ['CTM', 'org:ctm'],
      ['U.S. Department of Labor', 'org:us-department-of-labor'],
    ]));
  });

  it('should reject a broken copy with an OntologyError naming file:line', async () => {
    const dir = _copyOntology();
    const line = _append(dir, 'entities/program.yaml', ['  - { id: program:x, name: X, part_of: program:nothing }']);
    const err = await loadOntology(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OntologyError);
    expect((err as Error).message).toMatch(new RegExp(`program\\.yaml:${line}: part_of refers to unknown entity 'program:nothing'`));
  });
});
