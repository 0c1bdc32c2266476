// Writes: conflicts, validation, size limit, concurrency, persistence across restarts, SSE.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CorrectionStore } from '../../src/annotate/store.js';
import type { RunningServer } from '../../src/server/index.js';
import { EVIL_TEXT, _events, _get, _post, _start, _startStub, _tempProject } from './_helpers.js';
import { stats } from './_fixtures/build-stub.js';

const DOC = 'evil.txt';
const at = (word: string) => {
  const start = EVIL_TEXT.indexOf(word);
  return { start, end: start + word.length, text: word };
};

describe('POST /api/corrections', () => {
  let p: Awaited<ReturnType<typeof _tempProject>>;
  let s: RunningServer;
  beforeEach(async () => {
    p = await _tempProject();
    s = await _start(p);
  });
  afterEach(async () => {
    await s.close();
    await p.cleanup();
  });

  it('should append, answer 201 with the correction and the version that will include it', async () => {
    const r = await _post(`${s.url}api/corrections`, { who: 'ana', action: 'reject', doc: DOC, span: at('Mexico'), entity: 'place:mexico', base: 0 });
    expect(r.status).toBe(201);
    expect(r.body.correction).toMatchObject({ seq: 1, who: 'ana', action: 'reject', doc: DOC, key: `${DOC}#${at('Mexico').start}-${at('Mexico').end}` });
    expect(r.body.version).toBe(2);
  });

  it('should let one of two clients editing the same mention from the same base win, and show the loser the winner', async () => {
    const body = (who: string, action: string) => ({ who, action, doc: DOC, span: at('Mexico'), entity: 'place:mexico', base: 0 });
    const [a, b] = await Promise.all([
      _post(`${s.url}api/corrections`, body('ana', 'reject')),
      _post(`${s.url}api/corrections`, body('bo', 'accept')),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([201, 409]);
    const [won, lost] = a.status === 201 ? [a, b] : [b, a];
    expect(lost.body.error).toBe('conflict');
    expect(lost.body.message).toMatch(/conflict/);
    expect(lost.body.current).toEqual(won.body.correction);
    // Deciding again on top of what it saw now succeeds.
    const retry = await _post(`${s.url}api/corrections`, { ...body('bo', 'accept'), base: lost.body.current.seq });
    expect(retry.status).toBe(201);
  });

  it('should rebuild and send an SSE graph event; the graph reflects the correction without a restart', async () => {
    const sse = await _events(`${s.url}api/events`);
    try {
      expect(sse.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(sse.headers.get('x-content-type-options')).toBe('nosniff');
      await sse.waitFor((e) => e.event === 'graph' && e.data.version === 1);
      const before = await _get(`${s.url}api/graph`);
      expect(before.body.edges.some((e: { key: string }) => e.key === 'doc:evil|MENTIONS|place:mexico')).toBe(true);
      const r = await _post(`${s.url}api/corrections`, { who: 'ana', action: 'reject', doc: DOC, span: at('Mexico'), entity: 'place:mexico', base: 0 });
      const ev = await sse.waitFor((e) => e.event === 'graph' && e.data.version >= r.body.version);
      expect(ev.data).toEqual({ version: r.body.version, start: expect.any(String) });
      const after = await _get(`${s.url}api/graph`);
      expect(after.body.attributes.version).toBe(r.body.version);
      expect(after.body.edges.some((e: { key: string }) => e.key === 'doc:evil|MENTIONS|place:mexico')).toBe(false);
      const doc = (await _get(`${s.url}api/documents/${DOC}`)).body;
      expect(doc.extraction.entities.flatMap((e: { mentions: { start: number }[] }) => e.mentions).some((m: { start: number }) => m.start === at('Mexico').start)).toBe(false);
      expect(doc.corrections).toEqual([r.body.correction]);
      expect((await _get(`${s.url}api/health`)).body.version).toBe(r.body.version);
    } finally {
      sse.close();
    }
  });

  it('should show corrections another writer appended to the data dir', async () => {
    const other = await CorrectionStore.open(p.data);
    const c = await other.append({ who: 'cli', action: 'set-country', entity: 'place:mexico', country: 'INTL', base: 0 });
    expect((await _get(`${s.url}api/corrections`)).body).toEqual([c]);
    // The server noticed the file change and rebuilt.
    const country = async () => (await _get(`${s.url}api/graph`)).body.nodes.find((n: { key: string }) => n.key === 'place:mexico').attributes.country;
    await expect.poll(country, { timeout: 10_000 }).toBe('INTL');
    const r = await _post(`${s.url}api/corrections`, { who: 'ana', action: 'set-country', entity: 'place:mexico', country: 'US', base: 0 });
    expect(r.status).toBe(409);
    expect(r.body.current).toEqual(c);
  });

  it('should keep corrections across a restart', async () => {
    const r = await _post(`${s.url}api/corrections`, { who: 'ana', action: 'add', doc: DOC, span: at('Evil'), type: 'Person', name: 'Evil Person', base: 0 });
    expect(r.status).toBe(201);
    await s.close();
    s = await _start(p);
    const list = (await _get(`${s.url}api/corrections`)).body;
    expect(list).toEqual([r.body.correction]);
    const graph = (await _get(`${s.url}api/graph`)).body;
    expect(graph.nodes.find((n: { key: string }) => n.key === 'person:evil-person')?.attributes).toMatchObject({ type: 'Person', name: 'Evil Person' });
    // The restarted server knows the latest seq: a stale base is still a conflict.
    const again = await _post(`${s.url}api/corrections`, { who: 'bo', action: 'reject', doc: DOC, span: at('Evil'), entity: 'person:evil-person', base: 0 });
    expect(again.status).toBe(409);
    expect(again.body.current.seq).toBe(1);
  }, 240_000); // a restart starts the build and extraction threads again: minutes on a loaded 2-core machine
});

// Refused bodies write nothing, so these share one server.
describe('POST /api/corrections with bad bodies', () => {
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

  it.each([
    ['a wrong type', { who: 'ana', action: 'reject', doc: DOC, span: { ...at('Mexico'), start: '3' }, base: 0 }, /span\/start must be integer/],
    ['an unknown action', { who: 'ana', action: 'destroy', doc: DOC, span: at('Mexico'), base: 0 }, /action must be equal to one of the allowed values/],
    ['an unknown field', { who: 'ana', action: 'reject', doc: DOC, span: at('Mexico'), base: 0, admin: true }, /must NOT have additional properties/],
    ['a missing who', { action: 'reject', doc: DOC, span: at('Mexico'), base: 0 }, /must have required property 'who'/],
    ['a missing base', { who: 'ana', action: 'reject', doc: DOC, span: at('Mexico') }, /must have required property 'base'/],
    ['a non-object body', [1, 2], /body must be object/],
    ['an unknown document', { who: 'ana', action: 'reject', doc: '../package.json', span: at('Mexico'), base: 0 }, /doc: no document named "\.\.\/package\.json"/],
    ['a span that is not the document text', { who: 'ana', action: 'reject', doc: DOC, span: { ...at('Mexico'), text: 'Canada' }, base: 0 }, /is "Mexico", not "Canada"/],
    ['a span past the end', { who: 'ana', action: 'reject', doc: DOC, span: { start: 5, end: 50_000, text: 'x' }, base: 0 }, /is not a span of evil\.txt/],
    ['an action without what it needs (store validation)', { who: 'ana', action: 'merge', entity: 'org:a', base: 0 }, /merge needs entity and target/],
  ])('should reject %s with 400 and a one-line message', async (_name, body, message) => {
    const r = await _post(`${s.url}api/corrections`, body);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('invalid');
    expect(r.body.message).toMatch(message);
    expect(r.body.message).not.toMatch(/\n/);
    expect((await _get(`${s.url}api/corrections`)).body).toEqual([]);
  });

  it('should reject malformed JSON with 400 and a non-JSON content type with 415', async () => {
    const bad = await _post(`${s.url}api/corrections`, '{"who": "ana",');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/JSON/);
    const form = await fetch(`${s.url}api/corrections`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'who=ana' });
    expect(form.status).toBe(415);
  });

  it('should refuse a body over 1 MB with 413', async () => {
    const huge = { who: 'ana', action: 'add', doc: DOC, span: { start: 0, end: 1, text: 'x'.repeat(1_100_000) }, type: 'Person', base: 0 };
    const r = await _post(`${s.url}api/corrections`, huge);
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ error: 'too-large', message: expect.stringMatching(/too large/i) });
  });
});

// The stub build here: it counts builds and reports how many corrections it saw.
describe('concurrent writers', () => {
  it('should acknowledge 20 clients × 100 corrections durably with few rebuilds', async () => {
    const p = await _tempProject();
    let s = await _startStub(p, {}, 20);
    try {
      const text = (await _get(`${s.url}api/documents/2003-labor-working-group-accomplishments.txt`)).body.text as string;
      expect(text.length).toBeGreaterThan(2100);
      const buildsBefore = stats.builds;
      const acked: number[] = [];
      const statuses = new Map<number, number>();
      await Promise.all(Array.from({ length: 20 }, async (_, client) => {
        for (let i = 0; i < 100; i++) {
          const start = client * 100 + i; // distinct key per correction
          const r = await _post(`${s.url}api/corrections`, { who: `c${client}`, action: 'reject', doc: '2003-labor-working-group-accomplishments.txt', span: { start, end: start + 1, text: text[start] }, base: 0 });
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          if (r.status === 201) acked.push(r.body.correction.seq);
        }
      }));
      expect(Object.fromEntries(statuses)).toEqual({ 201: 2000 });
      await s.project.idle();
      const rebuilds = stats.builds - buildsBefore;
      expect(rebuilds).toBeGreaterThan(0);
      expect(rebuilds).toBeLessThan(2000 / 4);
      const seqs = new Set((await _get(`${s.url}api/corrections`)).body.map((c: { seq: number }) => c.seq));
      expect(acked.every((q) => seqs.has(q))).toBe(true);
      expect(seqs.size).toBe(2000);
      // The last rebuild saw everything.
      expect((await _get(`${s.url}api/graph`)).body.attributes.corrections).toBe(2000);
      await s.close();
      s = await _startStub(p);
      const after = new Set((await _get(`${s.url}api/corrections`)).body.map((c: { seq: number }) => c.seq));
      expect(acked.every((q) => after.has(q))).toBe(true);
      expect(after.size).toBe(2000);
    } finally {
      await s.close();
      await p.cleanup();
    }
  }, 120_000);
});
