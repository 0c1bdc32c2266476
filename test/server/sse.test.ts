import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/index.js';
import { _events, _startStub, _tempProject } from './_helpers.js';

describe('start id: live state across server restarts', () => {
  let project: Awaited<ReturnType<typeof _tempProject>> | undefined;
  const servers: RunningServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
    await project?.cleanup();
  });

  it('should send the start id with every graph event and change it on restart', async () => {
    project = await _tempProject();
    const a = await _startStub(project);
    servers.push(a);
    const sa = await _events(`${a.url}api/events`);
    const first = await sa.waitFor((e) => e.event === 'graph');
    expect(first.data).toEqual({ version: 1, start: expect.stringMatching(/^[\w-]{6,}$/) });
    sa.close();
    await a.close();
    servers.splice(0);
    const b = await _startStub(project);
    servers.push(b);
    const sb = await _events(`${b.url}api/events`);
    const again = await sb.waitFor((e) => e.event === 'graph');
    sb.close();
    // the same version number, another server: a client must reload
    expect(again.data.version).toBe(1);
    expect(again.data.start).not.toBe(first.data.start);
  });

  it('should never answer 304 to an ETag of another server start', async () => {
    project = await _tempProject();
    const a = await _startStub(project);
    servers.push(a);
    const ra = await fetch(`${a.url}api/graph`);
    await ra.arrayBuffer();
    const etag = ra.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+-v1"$/);
    await a.close();
    servers.splice(0);
    const b = await _startStub(project);
    servers.push(b);
    const rb = await fetch(`${b.url}api/graph`, { headers: { 'if-none-match': etag } });
    expect(rb.status).toBe(200);
    await rb.arrayBuffer();
    const same = await fetch(`${b.url}api/graph`, { headers: { 'if-none-match': rb.headers.get('etag')! } });
    expect(same.status).toBe(304);
  });
});
