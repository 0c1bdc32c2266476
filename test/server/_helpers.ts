// Test helpers: temp corpus + data dir, a server on 127.0.0.1:0, an SSE reader, raw HTTP requests.
import { copyFile, mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/index.js';
import { makeStubBuild } from './_fixtures/build-stub.js';

/** Text of the XSS probe document. */
export const EVIL_TEXT = 'Evil doc\n<script>alert(1)</script> and <img src=x onerror=alert(2)> near Mexico.\n';

/** A temp dir with corpus/ (two real documents + evil.txt) and an empty data/. */
export async function _tempProject(): Promise<{ root: string; corpus: string; data: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'kg-server-'));
  const corpus = join(root, 'corpus');
  const data = join(root, 'data');
  await mkdir(corpus);
  for (const f of ['dol-technical-assistance-in-mexico.txt', '2003-labor-working-group-accomplishments.txt']) {
    await copyFile(join('corpus', f), join(corpus, f));
  }
  await writeFile(join(corpus, 'evil.txt'), EVIL_TEXT);
  return { root, corpus, data, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** Starts a server on a free port with the real buildProject and ontology/ (or `extra.build`), quiet logs. */
export function _start(p: { corpus: string; data: string }, extra: Partial<ServerOptions> = {}): Promise<RunningServer> {
  // not watching corpus/ontology unless a test asks: its own file writes must not add rebuilds
  return startServer({ corpus: p.corpus, data: p.data, port: 0, log: () => {}, viewerDir: join(p.corpus, '..', 'no-viewer'), watch: false, ...extra });
}

/** Same with the stub build (fast; counts builds; `delayMs` widens race windows). */
export function _startStub(p: { corpus: string; data: string }, extra: Partial<ServerOptions> = {}, delayMs = 0): Promise<RunningServer> {
  return _start(p, { build: makeStubBuild(delayMs) as ServerOptions['build'], ...extra });
}

/** POST JSON; returns status and parsed body. */
export async function _post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** GET JSON. */
export async function _get(url: string): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(url);
  const text = await res.text();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* html */ }
  return { status: res.status, body, headers: res.headers };
}

/** GET with the path sent byte for byte (fetch would normalise `..` and backslashes). */
export function _rawGet(base: string, rawPath: string): Promise<{ status: number; body: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** An SSE subscription: collects `{event, data}` and lets a test wait for one matching a predicate. */
export async function _events(url: string): Promise<{ events: { event: string; data: any }[]; waitFor: (pred: (e: { event: string; data: any }) => boolean, ms?: number) => Promise<{ event: string; data: any }>; close: () => void; headers: Headers }> {
  const ctl = new AbortController();
  const res = await fetch(url, { signal: ctl.signal, headers: { accept: 'text/event-stream' } });
  const events: { event: string; data: any }[] = [];
  const waiters: { pred: (e: { event: string; data: any }) => boolean; resolve: (e: { event: string; data: any }) => void }[] = [];
  void (async () => {
    const decoder = new TextDecoder();
    let buf = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buf += decoder.decode(chunk, { stream: true });
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!event || data === undefined) continue;
          const e = { event, data: JSON.parse(data) };
          events.push(e);
          for (const w of [...waiters]) if (w.pred(e)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(e); }
        }
      }
    } catch { /* aborted */ }
  })();
  return {
    events,
    headers: res.headers,
    waitFor: (pred, ms = 10_000) => new Promise((resolve, reject) => {
      const hit = events.find(pred);
      if (hit) return resolve(hit);
      const t = setTimeout(() => reject(new Error(`no matching SSE event within ${ms} ms; got ${JSON.stringify(events)}`)), ms);
      waiters.push({ pred, resolve: (e) => { clearTimeout(t); resolve(e); } });
    }),
    close: () => ctl.abort(),
  };
}
