// Every read route of the HTTP API against a real server on 127.0.0.1:0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/index.js';
import { EVIL_TEXT, _get, _post, _start, _tempProject } from './_helpers.js';

describe('kg serve API', () => {
  let p: Awaited<ReturnType<typeof _tempProject>>;
  let s: RunningServer;
  beforeAll(async () => {
    p = await _tempProject();
    s = await _start(p);
  });
  afterAll(async () => {
    await s.close();
    await p.cleanup();
  });

  it('should bind 127.0.0.1 on a free port and print a URL', () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(s.url).not.toMatch(/:4747\//);
  });

  it('should answer /api/health with ok and the graph version', async () => {
    const r = await _get(`${s.url}api/health`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true, version: 1, status: 'ready', stale: false, skipped: [] });
  });

  it('should serve the graph as graphology JSON with a version attribute', async () => {
    const r = await _get(`${s.url}api/graph`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.body.attributes.version).toBe(1);
    expect(r.body.options).toMatchObject({ type: 'mixed', multi: true });
    const keys = r.body.nodes.map((n: { key: string }) => n.key);
    expect(keys).toContain('doc:evil');
    expect(keys).toContain('place:mexico');
  });

  it('should answer a refetch of an unchanged graph with 304', async () => {
    const first = await fetch(`${s.url}api/graph`);
    await first.arrayBuffer();
    const again = await fetch(`${s.url}api/graph`, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('should list documents with title, size, entity/mention/relation counts, reviewed share and annotators', async () => {
    const r = await _get(`${s.url}api/documents`);
    expect(r.status).toBe(200);
    expect(r.body.map((d: { name: string }) => d.name).sort()).toEqual(
      ['2003-labor-working-group-accomplishments.txt', 'dol-technical-assistance-in-mexico.txt', 'evil.txt']);
    const evil = r.body.find((d: { name: string }) => d.name === 'evil.txt');
    expect(evil).toEqual({
      name: 'evil.txt', id: 'doc:evil', title: 'Evil doc', format: 'txt', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), length: EVIL_TEXT.length,
      entities: expect.any(Number), mentions: expect.any(Number), relations: expect.any(Number), reviewed: 0, reviewable: expect.any(Number),
      annotators: [], agreement: null,
    });
    const dol = r.body.find((d: { name: string }) => d.name === 'dol-technical-assistance-in-mexico.txt');
    expect(dol.title).toBe('Technical Assistance in Mexico');
    expect(dol.entities).toBeGreaterThan(3);
    expect(dol.mentions).toBeGreaterThanOrEqual(dol.entities);
    expect(dol.reviewable).toBe(dol.mentions);
  });

  it('should return one document with text, extraction and its corrections', async () => {
    const r = await _get(`${s.url}api/documents/dol-technical-assistance-in-mexico.txt`);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(['corrections', 'extraction', 'format', 'id', 'layout', 'name', 'sentences', 'sha256', 'stale', 'text', 'title', 'version']);
    expect(r.body.format).toBe('txt');
    // the layout names the display of the original text: the bullets' markers are hidden, each item is a block
    const items = r.body.layout.spans.filter((x: { tag: string }) => x.tag === 'li');
    expect(items.length).toBeGreaterThan(5);
    expect(r.body.text.slice(items[0].start, items[0].start + 8)).toBe('Enabled ');
    expect(r.body.layout.whiteSpace).toBe('pre-line');
    for (const [a, b] of r.body.sentences) expect(r.body.text.slice(a, b).trim()).toBe(r.body.text.slice(a, b));
    expect(r.body.extraction.doc).toBe('dol-technical-assistance-in-mexico.txt');
    const m = r.body.extraction.entities.find((e: { id: string }) => e.id === 'place:mexico').mentions[0];
    expect(r.body.text.slice(m.start, m.end)).toBe('Mexico');
    expect(r.body.corrections).toEqual([]);
  });

  it('should return document text with markup verbatim as JSON text', async () => {
    const res = await fetch(`${s.url}api/documents/evil.txt`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body.text).toBe(EVIL_TEXT);
    expect(body.text).toContain('<script>alert(1)</script>');
    expect(body.text).toContain('onerror=');
  });

  it('should 404 an unknown document and unknown api routes with a JSON message', async () => {
    const a = await _get(`${s.url}api/documents/nope.txt`);
    expect(a.status).toBe(404);
    expect(a.body).toEqual({ error: 'not-found', message: 'no document named "nope.txt"' });
    const b = await _get(`${s.url}api/nothing`);
    expect(b.status).toBe(404);
    expect(b.body.error).toBe('not-found');
  });

  it('should list corrections, filtered by doc', async () => {
    const doc = 'evil.txt';
    const start = EVIL_TEXT.indexOf('Mexico');
    const post = await _post(`${s.url}api/corrections`, { who: 'ana', action: 'reject', doc, span: { start, end: start + 6, text: 'Mexico' }, entity: 'place:mexico', base: 0 });
    expect(post.status).toBe(201);
    const all = await _get(`${s.url}api/corrections`);
    expect(all.body.map((c: { seq: number }) => c.seq)).toEqual([post.body.correction.seq]);
    expect((await _get(`${s.url}api/corrections?doc=${doc}`)).body).toHaveLength(1);
    expect((await _get(`${s.url}api/corrections?doc=dol-technical-assistance-in-mexico.txt`)).body).toEqual([]);
    expect((await _get(`${s.url}api/documents/${doc}`)).body.corrections).toHaveLength(1);
  });

  it('should answer /api/ontology with the classes and the classes each predicate allows', async () => {
    const r = await _get(`${s.url}api/ontology`);
    expect(r.status).toBe(200);
    expect(r.body.classes).toContain('Person');
    const worksFor = r.body.relations.find((x: { name: string }) => x.name === 'WORKS_FOR');
    expect(worksFor).toMatchObject({ domain: ['Person'], range: ['Organization'], symmetric: false });
    expect(r.body.relations.find((x: { name: string }) => x.name === 'COOPERATES_WITH').symmetric).toBe(true);
  });

  it('should serve a placeholder page when the viewer is not built', async () => {
    const r = await _get(s.url);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.body).toContain('viewer not built: run');
    expect(r.body).not.toContain('<script');
  });
});
