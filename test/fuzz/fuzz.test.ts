// Fuzz (fast): a few hundred small generated hostile files through `kg build` and `kg extract`:
// no crash, no stack trace, one line per skipped document, the good documents extracted, the graph
// written, nothing from outside the corpus in it. `npm run fuzz` runs the long version.
import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _ensureBuilt, _kg, _tmp } from '../cli/_helpers.js';
import { SECRET, makeHostileCorpus, type HostileCorpus } from './_hostile.js';

const SUMMARY = /^(kg: |documents: |ontology: |entities: |relations: |wrote )/;

let root: string;
let hostile: HostileCorpus;
beforeAll(async () => {
  await _ensureBuilt();
  root = _tmp('kg-fuzz-test-');
  hostile = makeHostileCorpus(root, 300, 7, { mutateFrom: 'corpus', scale: 0.05 });
}, 240_000);

describe('fuzz: hostile corpus', () => {
  it('should build with one line per skipped document, the graph written and every good document in it', async () => {
    const out = join(root, 'graph.json');
    const run = await _kg(['build', hostile.corpus, '--out', out, '--data', join(root, 'data'), '--timeout', '10', '--no-layout']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.errLines.filter((l) => !SUMMARY.test(l))).toEqual([]);
    // control characters in names never reach the terminal raw
    expect(run.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(run.errLines.filter((l) => / took longer than | internal error |its worker exited|pipeline component '[^']*' failed/.test(l))).toEqual([]);
    expect(existsSync(out)).toBe(true);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain(SECRET);
    const g = JSON.parse(text) as { nodes: { key: string; attributes: { name?: string } }[]; edges: { key: string }[] };
    const docs = new Map(g.nodes.filter((n) => n.key.startsWith('doc:')).map((n) => [n.attributes.name, n.key]));
    const edges = new Set(g.edges.map((e) => e.key));
    for (const c of hostile.canaries) expect(edges.has(`${docs.get(c.name)}|MENTIONS|${c.entity}`), c.name).toBe(true);
  }, 600_000);

  it('should extract or refuse in one line each of a sample of hostile files', async () => {
    const sample = hostile.files.filter((f) => f.kind !== 'fs').filter((_, i) => i % 15 === 0).map((f) => join(hostile.corpus, f.name));
    const run = await _kg(['extract', ...sample, '--timeout', '10']);
    expect([0, 2]).toContain(run.code);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.errLines.every((l) => l.startsWith('kg: '))).toBe(true);
    const lines = run.stdout.split('\n').filter(Boolean);
    expect(lines.length + run.errLines.length).toBe(sample.length);
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
  }, 600_000);
});
