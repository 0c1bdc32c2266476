// kg serve with its real builds in a worker thread: hostile documents, failed rebuilds visible and
// stale, corrections kept and applied once fixed, corpus/ontology watched, add-relation checked.
import { appendFile, cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/index.js';
import { _selfReferentialPdf } from '../corpus/_helpers.js';
import { EVIL_TEXT, _events, _get, _post, _start, _tempProject } from './_helpers.js';

const word = (w: string) => ({ start: EVIL_TEXT.indexOf(w), end: EVIL_TEXT.indexOf(w) + w.length, text: w });

/** Polls `fn` until it returns a truthy value (or fails after `ms`). */
async function _until<T>(fn: () => Promise<T>, ms = 90_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('kg serve builds in a worker thread', () => {
  let p: Awaited<ReturnType<typeof _tempProject>>;
  let s: RunningServer;
  let ontology: string;
  const health = async () => (await _get(`${s.url}api/health`)).body;
  beforeAll(async () => {
    p = await _tempProject();
    ontology = join(p.root, 'ontology');
    await cp('ontology', ontology, { recursive: true });
    await writeFile(join(p.corpus, 'self.pdf'), _selfReferentialPdf());
    s = await _start(p, { ontology, watch: true });
  }, 240_000);
  afterAll(async () => {
    await s?.close();
    await p.cleanup();
  });

  it('should start despite the self-referential PDF and list it as skipped in /api/health', async () => {
    const h = await health();
    expect(h).toMatchObject({ ok: true, version: 1, status: 'ready', stale: false });
    expect(h.skipped).toEqual([expect.stringMatching(/self\.pdf: not a readable PDF \(Pages tree contains circular reference\)$/)]);
    const names = (await _get(`${s.url}api/documents`)).body.map((d: { name: string }) => d.name);
    expect(names).toEqual(expect.arrayContaining(['evil.txt', 'dol-technical-assistance-in-mexico.txt']));
    expect(names).not.toContain('self.pdf');
  });

  it('should refuse an add-relation whose ends are not entities of the document with 400 and say why', async () => {
    const view = (await _get(`${s.url}api/documents/evil.txt`)).body;
    const ids = view.extraction.entities.map((e: { id: string }) => e.id);
    expect(ids).not.toContain('org:afl-cio');
    const r = await _post(`${s.url}api/corrections`, {
      who: 'ana', action: 'add-relation', doc: 'evil.txt', base: 0,
      relation: { subject: 'org:afl-cio', predicate: 'COOPERATES_WITH', object: 'org:stps' }, evidence: { start: 0, end: 10 },
    });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/org:afl-cio and org:stps are not an entity of evil\.txt; add a mention of it in this document first/);
    expect((await _get(`${s.url}api/corrections?doc=evil.txt`)).body).toEqual([]);
  });

  it('should rebuild when a document is added to the corpus, without a correction', async () => {
    const before = (await health()).version;
    await writeFile(join(p.corpus, 'added.txt'), 'The STPS and the AFL-CIO met in Mexico City.\n');
    const after = await _until(async () => {
      const docs = (await _get(`${s.url}api/documents`)).body.map((d: { name: string }) => d.name);
      return docs.includes('added.txt') ? health() : undefined;
    });
    expect(after.version).toBeGreaterThan(before);
    await rm(join(p.corpus, 'added.txt'));
    await _until(async () => !(await _get(`${s.url}api/documents`)).body.some((d: { name: string }) => d.name === 'added.txt'));
  }, 120_000);

  it('should show a failed rebuild as an error, mark the graph stale, keep corrections and apply them once fixed', async () => {
    const events = await _events(`${s.url}api/events`);
    const file = join(ontology, 'entities', 'organization.yaml');
    const good = await readFile(file, 'utf8');
    try {
      await appendFile(file, '\n  - { id: org:broken, name: [unclosed\n');
      const failed = await _until(async () => {
        const h = await health();
        return h.status === 'error' ? h : undefined;
      });
      expect(failed).toMatchObject({ ok: true, status: 'error', stale: true, error: expect.stringMatching(/organization\.yaml:\d+: invalid YAML/) });
      await events.waitFor((e) => e.data.version === failed.version && e.data.stale === true);
      const graph = (await _get(`${s.url}api/graph`)).body;
      expect(graph.attributes).toMatchObject({ version: failed.version, stale: true, error: failed.error });
      expect(graph.edges.some((e: { key: string }) => e.key === 'doc:evil|MENTIONS|place:mexico')).toBe(true);
      // the annotator can still work: the correction is stored (201)…
      const r = await _post(`${s.url}api/corrections`, { who: 'ana', action: 'reject', doc: 'evil.txt', span: word('Mexico'), base: 0 });
      expect(r.status).toBe(201);
      await s.project.idle();
      expect((await health()).status).toBe('error');
      // …and applied by the first rebuild that succeeds once the file is fixed
      await writeFile(file, good);
      const fixed = await _until(async () => {
        const h = await health();
        return h.status === 'ready' && h.version > failed.version ? h : undefined;
      });
      expect(fixed).toMatchObject({ stale: false });
      expect(fixed.error).toBeUndefined();
      const doc = (await _get(`${s.url}api/documents/evil.txt`)).body;
      const starts = doc.extraction.entities.flatMap((e: { mentions: { start: number }[] }) => e.mentions).map((m: { start: number }) => m.start);
      expect(starts).not.toContain(word('Mexico').start);
      expect((await _get(`${s.url}api/graph`)).body.edges.some((e: { key: string }) => e.key === 'doc:evil|MENTIONS|place:mexico')).toBe(false);
      expect((await _get(`${s.url}api/graph`)).body.attributes.stale).toBeUndefined();
    } finally {
      events.close();
      await writeFile(file, good);
    }
  }, 240_000);
});
