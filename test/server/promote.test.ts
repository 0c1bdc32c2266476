// POST /api/promote: writes ontology/entities/<type>.yaml (through promoteToOntology) and rebuilds.
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/index.js';
import { _get, _post, _start, _tempProject } from './_helpers.js';

describe('POST /api/promote', () => {
  let p: Awaited<ReturnType<typeof _tempProject>>;
  let s: RunningServer;
  let ontology: string;
  beforeAll(async () => {
    p = await _tempProject();
    ontology = join(p.root, 'ontology');
    await cp('ontology', ontology, { recursive: true });
    s = await _start(p, { ontology });
  });
  afterAll(async () => {
    await s.close();
    await p.cleanup();
  });

  it('should add a curated entity, answer {file, changed}, and rebuild', async () => {
    const r = await _post(`${s.url}api/promote`, { type: 'Person', name: 'Arturo Alcalde', country: 'MX' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ file: join(ontology, 'entities', 'person.yaml'), changed: true, id: 'person:arturo-alcalde', version: 2 });
    expect(await readFile(join(ontology, 'entities', 'person.yaml'), 'utf8')).toContain('person:arturo-alcalde');
    await s.project.idle();
    // The real ontology loader read the edited file back: the rebuild did not fail.
    expect((await _get(`${s.url}api/health`)).body).toEqual({ ok: true, version: 2, status: 'ready', stale: false, skipped: [] });
  });

  it('should answer changed: false when the ontology already says it', async () => {
    const r = await _post(`${s.url}api/promote`, { type: 'Person', name: 'Elaine Chao' });
    expect(r.status).toBe(200);
    expect(r.body.changed).toBe(false);
  });

  it('should keep concurrent promotions to one file', async () => {
    const names = ['Ana Uno', 'Bo Dos', 'Cy Tres', 'Di Cuatro', 'Ed Cinco'];
    const rs = await Promise.all(names.map((name) => _post(`${s.url}api/promote`, { type: 'Person', name })));
    expect(rs.map((r) => r.status)).toEqual(names.map(() => 200));
    const text = await readFile(join(ontology, 'entities', 'person.yaml'), 'utf8');
    for (const name of names) expect(text).toContain(name);
  });

  it.each([
    [{ type: 'Robot', name: 'X' }, /type must be equal to one of the allowed values/],
    [{ type: 'Person' }, /must have required property 'name'/],
    [{ type: 'Person', name: 'X', id: 'Not An Id' }, /ids look like/],
    [{ type: 'Person', name: 'X', extra: 1 }, /must NOT have additional properties/],
  ])('should reject %j with 400', async (body, message) => {
    const r = await _post(`${s.url}api/promote`, body);
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(message);
  });
});
