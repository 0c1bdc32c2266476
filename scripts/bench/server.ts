// Bench: correction round-trip latency (POST /api/corrections → SSE `graph` event) on the real corpus,
// then responsiveness while it rebuilds back to back: /api/health probed every 50 ms and a correction
// POSTed every 150 ms for --window seconds (the audit's load), p50/p95/max of both.
// Usage: npx tsx scripts/bench/server.ts [--n 30] [--burst 200] [--window 20] [--corpus corpus] [--ontology ontology] [--stub]
// (--stub: the test stub instead of buildProject, to measure the server alone)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../../src/server/index.js';

const { values } = parseArgs({ options: {
  n: { type: 'string', default: '30' }, burst: { type: 'string', default: '200' }, window: { type: 'string', default: '20' },
  stub: { type: 'boolean', default: false },
  corpus: { type: 'string', default: 'corpus' }, ontology: { type: 'string', default: 'ontology' },
} });
const N = Number(values.n);
const BURST = Number(values.burst);

/** Latest graph version seen on the event stream, with waiters. */
async function subscribe(url: string) {
  let latest = 0;
  const waiters: { v: number; resolve: () => void }[] = [];
  const ctl = new AbortController();
  const res = await fetch(url, { signal: ctl.signal });
  void (async () => {
    const dec = new TextDecoder();
    let buf = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buf += dec.decode(chunk, { stream: true });
        for (let i; (i = buf.indexOf('\n\n')) >= 0; buf = buf.slice(i + 2)) {
          const m = /^event: graph\ndata: (.*)$/m.exec(buf.slice(0, i));
          if (!m) continue;
          latest = JSON.parse(m[1]).version;
          for (const w of waiters.filter((w) => w.v <= latest)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); }
        }
      }
    } catch { /* aborted */ }
  })();
  return {
    until: (v: number) => (v <= latest ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ v, resolve }))),
    close: () => ctl.abort(),
  };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const ms = (x: number) => `${x.toFixed(0)} ms`;

const data = await mkdtemp(join(tmpdir(), 'kg-bench-server-'));
try {
  let t = performance.now();
  const build = values.stub ? (await import('../../test/server/_fixtures/build-stub.js')).makeStubBuild() : undefined;
  const server = await startServer({ corpus: values.corpus, ontology: values.ontology, data, port: 0, log: () => {}, build });
  const docs = (await (await fetch(`${server.url}api/documents`)).json()) as { name: string; length: number }[];
  console.log(`initial build: ${ms(performance.now() - t)}; ${docs.length} documents, ${docs.reduce((a, d) => a + d.length, 0)} chars`);
  const sse = await subscribe(`${server.url}api/events`);

  // Corrections on distinct keys: accept every mention of the longest document, in order.
  const longest = docs.reduce((a, d) => (d.length > a.length ? d : a));
  const doc = (await (await fetch(`${server.url}api/documents/${encodeURIComponent(longest.name)}`)).json()) as
    { text: string; extraction: { entities: { id: string; mentions: { start: number; end: number; text: string }[] }[] } };
  const spans = doc.extraction.entities.flatMap((e) => e.mentions.map((m) => ({ entity: e.id, span: { start: m.start, end: m.end, text: m.text } })));
  // Beyond the mentions: reject single words (distinct spans) so N and BURST are not capped.
  const taken = new Set(spans.map((s) => `${s.span.start}-${s.span.end}`));
  for (const m of doc.text.matchAll(/[A-Za-z]{4,}/g)) {
    if (!taken.has(`${m.index}-${m.index + m[0].length}`)) spans.push({ entity: '', span: { start: m.index, end: m.index + m[0].length, text: m[0] } });
  }
  let next = 0;
  const post = async () => {
    const { entity, span } = spans[next++];
    const body = entity ? { who: 'bench', action: 'accept', doc: longest.name, span, entity, base: 0 } : { who: 'bench', action: 'reject', doc: longest.name, span, base: 0 };
    const res = await fetch(`${server.url}api/corrections`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`POST → ${res.status}: ${await res.text()}`);
    return (await res.json()) as { version: number };
  };

  const ack: number[] = [];
  const roundTrip: number[] = [];
  for (let i = 0; i < N; i++) {
    t = performance.now();
    const { version } = await post();
    ack.push(performance.now() - t);
    await sse.until(version);
    roundTrip.push(performance.now() - t);
  }
  console.log(`sequential, ${N} corrections on ${longest.name}:`);
  console.log(`  POST → 201          median ${ms(pct(ack, 0.5))}  p95 ${ms(pct(ack, 0.95))}`);
  console.log(`  POST → SSE graph    median ${ms(pct(roundTrip, 0.5))}  p95 ${ms(pct(roundTrip, 0.95))}`);

  t = performance.now();
  const before = server.project.version;
  const results = await Promise.all(Array.from({ length: BURST }, post));
  const acked = performance.now() - t;
  await sse.until(Math.max(...results.map((r) => r.version)));
  console.log(`burst of ${BURST} concurrent corrections: all 201 in ${ms(acked)}, graph with all of them after ${ms(performance.now() - t)}, ${server.project.version - before} rebuilds`);

  // Back-to-back rebuilds: a correction every 150 ms keeps a rebuild always pending.
  const windowMs = Number(values.window) * 1000;
  const health: number[] = [];
  const posts: number[] = [];
  const v0 = server.project.version;
  const end = performance.now() + windowMs;
  let building = 0;
  const prober = (async () => {
    while (performance.now() < end) {
      const t1 = performance.now();
      const h = (await (await fetch(`${server.url}api/health`)).json()) as { status: string };
      health.push(performance.now() - t1);
      if (h.status === 'building') building++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const writer = (async () => {
    while (performance.now() < end) {
      const t1 = performance.now();
      await post();
      posts.push(performance.now() - t1);
      await new Promise((r) => setTimeout(r, Math.max(0, 150 - (performance.now() - t1))));
    }
  })();
  await Promise.all([prober, writer]);
  await server.project.idle();
  console.log(`during back-to-back rebuilds (${values.window} s, ${server.project.version - v0} rebuilds, a correction every 150 ms):`);
  console.log(`  GET /api/health     ${health.length} answers (${building} said building)  median ${ms(pct(health, 0.5))}  p95 ${ms(pct(health, 0.95))}  max ${ms(Math.max(...health))}`);
  console.log(`  POST → 201          ${posts.length} corrections  median ${ms(pct(posts, 0.5))}  p95 ${ms(pct(posts, 0.95))}  max ${ms(Math.max(...posts))}`);
  sse.close();
  await server.close();
} finally {
  await rm(data, { recursive: true, force: true });
}
