import { describe, it, expect } from 'vitest';
import { cpSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { promoteToOntology } from '../../src/annotate/promote.js';
import { ConflictError, ValidationError } from '../../src/errors.js';
import { _tmp } from './_helpers.js';

const ONTOLOGY = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'ontology');

function _copy(): string {
  const dir = _tmp('kg-promote-');
  cpSync(ONTOLOGY, dir, { recursive: true });
  return dir;
}

/** Lines added and removed between two texts (multiset diff, order-insensitive: enough for "minimal diff"). */
function _diff(before: string, after: string): { added: string[]; removed: string[] } {
  const count = (t: string) => t.split('\n').reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const a = count(before); const b = count(after);
  const added: string[] = []; const removed: string[] = [];
  for (const [l, n] of b) for (let i = n - (a.get(l) ?? 0); i > 0; i--) added.push(l);
  for (const [l, n] of a) for (let i = n - (b.get(l) ?? 0); i > 0; i--) removed.push(l);
  return { added, removed };
}

const entities = (file: string) => (parse(readFileSync(file, 'utf8')) as { entities: Record<string, unknown>[] }).entities;

describe('promoteToOntology', () => {
  it('should refuse, and leave the file as it was, a name that is already another entity’s alias (the ontology would no longer load)', async () => {
    const dir = _copy();
    const file = join(dir, 'entities', 'organization.yaml');
    const before = readFileSync(file, 'utf8');
    const err = await promoteToOntology(dir, { type: 'Organization', name: 'American Center for International Labor Solidarity', id: 'org:acils-copy' }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toMatch(/American Center for International Labor Solidarity.*org:solidarity-center/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    // the same from an ontology under the working directory, which the loader names by a relative path
    const inside = join(process.cwd(), 'test-artifacts', `promote-${process.pid}`);
    rmSync(inside, { recursive: true, force: true });
    cpSync(ONTOLOGY, inside, { recursive: true });
    const original = readFileSync(join(inside, 'entities', 'organization.yaml'), 'utf8');
    await expect(promoteToOntology(inside, { type: 'Organization', name: 'American Center for International Labor Solidarity', id: 'org:acils-copy' })).rejects.toBeInstanceOf(ConflictError);
    expect(readFileSync(join(inside, 'entities', 'organization.yaml'), 'utf8')).toBe(original);
    rmSync(inside, { recursive: true, force: true });
  });

  it('should add a new organisation as one new line in the file’s style, idempotently', async () => {
    const dir = _copy();
    const file = join(dir, 'entities', 'organization.yaml');
    const before = readFileSync(file, 'utf8');
    const input = { type: 'Organization' as const, name: 'Sindicato Único de Prueba', alias: 'SUP, the union', country: 'MX' as const, kind: 'union' };
    const r = await promoteToOntology(dir, input);
    expect(r).toMatchObject({ file, changed: true, action: 'created' });
    const after = readFileSync(file, 'utf8');
    const { added, removed } = _diff(before, after);
    expect(removed).toEqual([]);
    expect(added.join('\n')).toContain(r.id);
    expect(added.length).toBeLessThanOrEqual(5);
    expect(after.startsWith(before.trimEnd())).toBe(true); // comments and order untouched
    const rec = entities(file).find((e) => e.id === r.id)!;
    expect(r.id).toBe('org:sindicato-unico-de-prueba');
    expect(rec.aliases).toEqual(['SUP, the union']); // the comma survives quoting
    expect(rec).toMatchObject({ country: 'MX', kind: 'union' });
    const again = await promoteToOntology(dir, input);
    expect(again).toMatchObject({ changed: false, action: 'unchanged', id: r.id });
    expect(readFileSync(file, 'utf8')).toBe(after);
  });

  it('should add an alias to an existing flow-style record by name match, changing only that line', async () => {
    const dir = _copy();
    const file = join(dir, 'entities', 'person.yaml');
    const before = readFileSync(file, 'utf8');
    const r = await promoteToOntology(dir, { type: 'Person', name: 'Vicente Fox', alias: 'Presidente Fox' });
    expect(r).toMatchObject({ id: 'person:vicente-fox', changed: true, action: 'updated' });
    const { added, removed } = _diff(before, readFileSync(file, 'utf8'));
    expect(removed).toHaveLength(1);
    expect(added).toEqual([removed[0].replace('[Vicente Fox Quesada]', '[Vicente Fox Quesada, Presidente Fox]')]);
    expect((await promoteToOntology(dir, { type: 'Person', name: 'Vicente Fox', alias: 'Presidente Fox' })).changed).toBe(false);
  });

  it('should add an alias to a block-style record by id and fill a missing kind', async () => {
    const dir = _copy();
    const file = join(dir, 'entities', 'organization.yaml');
    const rec = entities(file).find((e) => Array.isArray(e.aliases) && !e.kind)
      ?? entities(file).find((e) => Array.isArray(e.aliases))!;
    const before = readFileSync(file, 'utf8');
    const r = await promoteToOntology(dir, { id: rec.id as string, type: 'Organization', name: rec.name as string, alias: 'Zzz Alias', kind: 'agency' });
    expect(r.changed).toBe(true);
    const after = entities(file).find((e) => e.id === rec.id)!;
    expect(after.aliases).toEqual([...(rec.aliases as string[]), 'Zzz Alias']);
    expect(after.kind).toBe(rec.kind ?? 'agency');
    const { removed } = _diff(before, readFileSync(file, 'utf8'));
    expect(removed.length).toBeLessThanOrEqual(1);
    expect(entities(file)).toHaveLength(entities(join(ONTOLOGY, 'entities', 'organization.yaml')).length);
  });

  it('should create the type file when missing and re-serialise an empty list', async () => {
    const dir = _tmp('kg-promote-');
    mkdirSync(join(dir, 'entities'));
    writeFileSync(join(dir, 'entities', 'case.yaml'), '# cases\nentities: []\n');
    const r = await promoteToOntology(dir, { type: 'Case', name: 'U.S. NAO Submission 9702', alias: 'Han Young' });
    expect(r.id).toBe('case:us-nao-submission-9702');
    expect(readFileSync(r.file, 'utf8')).toContain('# cases');
    expect(entities(r.file)).toEqual([{ id: r.id, name: 'U.S. NAO Submission 9702', aliases: ['Han Young'] }]);
    const ev = await promoteToOntology(dir, { type: 'Event', name: 'Workshop' });
    expect(entities(ev.file)).toEqual([{ id: 'event:workshop', name: 'Workshop' }]);
  });

  it('should refuse an id another type’s file defines, and invalid input', async () => {
    const dir = _copy();
    await expect(promoteToOntology(dir, { id: 'person:vicente-fox', type: 'Organization', name: 'Fox Inc' })).rejects.toBeInstanceOf(ConflictError);
    await expect(promoteToOntology(dir, { type: 'Thing' as never, name: 'x' })).rejects.toBeInstanceOf(ValidationError);
    await expect(promoteToOntology(dir, { type: 'Person', name: ' ' })).rejects.toThrow(/promote: name/);
  });
});
