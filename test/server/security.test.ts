// Security: path traversal, headers, Host check, write token, static viewer serving only its files.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/index.js';
import { isLoopback, resolveToken } from '../../src/server/security.js';
import { EVIL_TEXT, _get, _post, _rawGet, _start, _tempProject } from './_helpers.js';

const TRAVERSALS = [
  '/api/documents/../package.json',
  '/api/documents/..%2Fpackage.json',
  '/api/documents/%2e%2e%2fpackage.json',
  '/api/documents/%2E%2E%2F%2E%2E%2Fpackage.json',
  '/api/documents/..%2f..%2fcorpus%2fevil.txt',
  '/api/documents/%2Fetc%2Fpasswd',
  '/api/documents//etc/passwd',
  '/api/documents/..%5c..%5cpackage.json',
  '/api/documents/..%255c..%255cpackage.json',
  '/api/documents/C:%5CWindows%5Cwin.ini',
  '/api/documents/evil.txt%00.json',
  '/api/documents/.%2Fevil.txt',
  '/../package.json',
  '/..%2f..%2fpackage.json',
  '/%2e%2e/%2e%2e/package.json',
  '/assets/..%2f..%2fpackage.json',
  '/..%5c..%5cpackage.json',
  '/index.html/../../package.json',
];

describe('kg serve security', () => {
  let p: Awaited<ReturnType<typeof _tempProject>>;
  let s: RunningServer;
  let viewer: string;
  beforeAll(async () => {
    p = await _tempProject();
    viewer = join(p.root, 'viewer');
    await mkdir(join(viewer, 'assets'), { recursive: true });
    await writeFile(join(viewer, 'index.html'), '<!doctype html><title>viewer</title><script type="module" src="/assets/app.js"></script>');
    await writeFile(join(viewer, 'assets', 'app.js'), 'console.log("app");');
    s = await _start(p, { viewerDir: viewer });
  });
  afterAll(async () => {
    await s.close();
    await p.cleanup();
  });

  it.each(TRAVERSALS)('should answer traversal attempt %s with 404 and no file content', async (path) => {
    const r = await _rawGet(s.url, path);
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('"name": "kg"');
    expect(r.body).not.toContain('root:');
    expect(r.body).not.toContain('<script>alert(1)');
  });

  it('should serve the built viewer files and index.html for page routes', async () => {
    const root = await _get(s.url);
    expect(root.status).toBe(200);
    expect(root.body).toContain('<title>viewer</title>');
    const js = await fetch(`${s.url}assets/app.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    const deep = await _get(`${s.url}graph/some-page`);
    expect(deep.status).toBe(200);
    expect(deep.body).toContain('<title>viewer</title>');
    expect((await _get(`${s.url}assets/missing.js`)).status).toBe(404);
  });

  it('should set CSP without inline scripts and nosniff on API, static and error responses', async () => {
    for (const path of ['api/health', 'api/documents/evil.txt', '', 'assets/app.js', 'api/nothing']) {
      const res = await fetch(`${s.url}${path}`);
      await res.arrayBuffer();
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('should return a document with markup verbatim inside JSON, never as HTML', async () => {
    const res = await fetch(`${s.url}api/documents/evil.txt`);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await res.json()).text).toBe(EVIL_TEXT);
  });

  it('should refuse a foreign Host header on a loopback bind (DNS rebinding)', async () => {
    const u = new URL(s.url);
    const status = await new Promise<number>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const req = request({ host: u.hostname, port: u.port, path: '/api/health', headers: { host: 'evil.example:80' } }, (res) => { res.resume(); resolve(res.statusCode!); });
        req.on('error', reject);
        req.end();
      });
    });
    expect(status).toBe(403);
  });

  it('should not require a token on loopback without one', async () => {
    expect(s.token).toBeUndefined();
  });
});

describe('write token', () => {
  let p: Awaited<ReturnType<typeof _tempProject>>;
  let s: RunningServer;
  const body = { who: 'ana', action: 'accept', doc: 'evil.txt', span: { start: 0, end: 4, text: 'Evil' }, base: 0 };
  beforeAll(async () => {
    p = await _tempProject();
    s = await _start(p, { requireToken: true });
  });
  afterAll(async () => {
    await s.close();
    await p.cleanup();
  });

  it('should generate a random token when none is given', () => {
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('should answer POSTs without or with a wrong token with 401 and write nothing', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: `Basic ${s.token}` }, { authorization: `Bearer ${s.token}x` }]) {
      const r = await _post(`${s.url}api/corrections`, body, headers);
      expect(r.status).toBe(401);
      expect(r.body.error).toBe('unauthorized');
    }
    const promote = await _post(`${s.url}api/promote`, { type: 'Person', name: 'X' });
    expect(promote.status).toBe(401);
    expect((await _get(`${s.url}api/corrections`)).body).toEqual([]);
  });

  it('should accept POSTs with the token and keep GETs open', async () => {
    const r = await _post(`${s.url}api/corrections`, body, { authorization: `Bearer ${s.token}` });
    expect(r.status).toBe(201);
    expect((await _get(`${s.url}api/corrections`)).status).toBe(200);
  });

  it('should use a given token, and require one whenever the host is not loopback', async () => {
    const q = await _start(p, { requireToken: true, token: 'secret-token' });
    try {
      expect(q.token).toBe('secret-token');
      expect((await _post(`${q.url}api/corrections`, { ...body, base: 1 }, { authorization: 'Bearer secret-token' })).status).toBe(201);
    } finally {
      await q.close();
    }
    expect(isLoopback('127.0.0.1') && isLoopback('localhost') && isLoopback('::1') && isLoopback('127.1.2.3')).toBe(true);
    expect(isLoopback('0.0.0.0') || isLoopback('192.168.1.5') || isLoopback('::')).toBe(false);
    expect(resolveToken('127.0.0.1')).toBeUndefined();
    expect(resolveToken('0.0.0.0')).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(resolveToken('0.0.0.0')).not.toBe(resolveToken('0.0.0.0'));
    expect(resolveToken('192.168.1.5', 'given-token')).toBe('given-token');
    expect(resolveToken('localhost', undefined, true)).toBeDefined();
  });
});
