// Rebuilds (stub build, to inject failures and delays): failures keep the old graph, every SSE client hears each version, close() ends streams.
import { describe, expect, it } from 'vitest';
import { _events, _get, _post, _start, _startStub, _tempProject } from './_helpers.js';
import { makeStubBuild } from './_fixtures/build-stub.js';

const reject = (start: number, text: string, base = 0) => ({ who: 'ana', action: 'reject', doc: 'evil.txt', span: { start, end: start + text.length, text }, base });

describe('rebuilds', () => {
  it('should keep the previous graph when a rebuild fails, still bump the version and report the error', async () => {
    const p = await _tempProject();
    const stub = makeStubBuild();
    let fail = false;
    const s = await _start(p, { build: async (o) => { if (fail) throw new Error('corpus/x.txt: boom'); return stub(o); } });
    try {
      const nodes = (await _get(`${s.url}api/graph`)).body.nodes.length;
      fail = true;
      const r = await _post(`${s.url}api/corrections`, reject(0, 'Evil'));
      expect(r.status).toBe(201);
      await s.project.idle();
      const health = (await _get(`${s.url}api/health`)).body;
      expect(health).toEqual({ ok: true, version: r.body.version, status: 'error', stale: true, error: 'corpus/x.txt: boom', skipped: [] });
      const graph = (await _get(`${s.url}api/graph`)).body;
      expect(graph.nodes.length).toBe(nodes);
      expect(graph.attributes).toMatchObject({ version: r.body.version, stale: true, error: 'corpus/x.txt: boom' });
      fail = false;
      const r2 = await _post(`${s.url}api/corrections`, reject(0, 'Evil', r.body.correction.seq));
      await s.project.idle();
      expect((await _get(`${s.url}api/health`)).body).toEqual({ ok: true, version: r2.body.version, status: 'ready', stale: false, skipped: [] });
      expect((await _get(`${s.url}api/graph`)).body.attributes.stale).toBeUndefined();
    } finally {
      await s.close();
      await p.cleanup();
    }
  });

  it('should notify every SSE client of each rebuild and end the streams on close', async () => {
    const p = await _tempProject();
    const s = await _start(p, { build: makeStubBuild(30) });
    const clients = await Promise.all([1, 2, 3].map(() => _events(`${s.url}api/events`)));
    try {
      const r = await _post(`${s.url}api/corrections`, reject(0, 'Evil'));
      for (const c of clients) expect((await c.waitFor((e) => e.data.version === r.body.version)).event).toBe('graph');
      const t0 = Date.now();
      await s.close();
      expect(Date.now() - t0).toBeLessThan(2000);
    } finally {
      for (const c of clients) c.close();
      await p.cleanup();
    }
  });

  it('should report a port in use as a one-line usage error', async () => {
    const p = await _tempProject();
    const s = await _startStub(p);
    try {
      const port = Number(new URL(s.url).port);
      await expect(_startStub(p, { port })).rejects.toMatchObject({ name: 'UsageError', message: expect.stringMatching(/port in use/) });
    } finally {
      await s.close();
      await p.cleanup();
    }
  });
});
