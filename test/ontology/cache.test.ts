// The cache of parsed ontology files (src/ontology/cache.ts): a load from it is the load from YAML.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { yamlCache } from '../../src/ontology/cache.js';
import { loadOntologyData, MAX_YAML_ALIASES } from '../../src/ontology/load.js';
import { _append, _copyOntology } from './_helpers.js';

/** Everything a load yields, as plain JSON (Maps and Sets spelled out), to compare two loads. */
const snapshot = (data: Awaited<ReturnType<typeof loadOntologyData>>) =>
  JSON.stringify({ ...data, dir: undefined }, (_k, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));

let saved: string | undefined;
let cacheDir: string;
beforeEach(() => {
  saved = process.env.KG_CACHE_DIR;
  cacheDir = mkdtempSync(join(tmpdir(), 'kg-cache-'));
  process.env.KG_CACHE_DIR = cacheDir;
});
afterEach(() => {
  if (saved === undefined) delete process.env.KG_CACHE_DIR;
  else process.env.KG_CACHE_DIR = saved;
});

describe('ontology parse cache', () => {
  it('should load the same ontology from the cache as from YAML, and write one entry per file', async () => {
    const dir = _copyOntology();
    process.env.KG_CACHE_DIR = 'off';
    const uncached = snapshot(await loadOntologyData(dir));
    process.env.KG_CACHE_DIR = cacheDir;
    const first = snapshot(await loadOntologyData(dir));
    const files = readdirSync(cacheDir).filter((f) => f.endsWith('.v8'));
    expect(files.length).toBeGreaterThan(5);
    const second = snapshot(await loadOntologyData(dir));
    expect(first).toBe(uncached);
    expect(second).toBe(uncached);
    // entity sources (file:line) come from the cached lines on the second load
    expect(second).toMatch(/entities\/organization\.yaml:\d+/);
  });

  it('should read an entry by the exact text of the file', async () => {
    const dir = _copyOntology();
    const file = join(dir, 'lexicons/names.yaml');
    const text = readFileSync(file, 'utf8');
    // an entry for this text whose value differs: the load takes it (so the cache is what was read)
    const value = parse(text) as { lexicon: { id: string; words: string[] }[] };
    value.lexicon[0]!.words.push('Zorblat');
    yamlCache.prepare(text, `uniqueKeys; maxAliasCount ${MAX_YAML_ALIASES}`, value, {})();
    const has = (data: Awaited<ReturnType<typeof loadOntologyData>>) => data.lexicon.some((r) => (r as { words?: string[] }).words?.includes('Zorblat'));
    expect(has(await loadOntologyData(dir))).toBe(true);
    // the file edited is another key: read from YAML again
    writeFileSync(file, `${text}# edited\n`);
    expect(has(await loadOntologyData(dir))).toBe(false);
  });

  it('should treat an unreadable entry as a miss', async () => {
    const dir = _copyOntology();
    const expected = snapshot(await loadOntologyData(dir));
    for (const f of readdirSync(cacheDir)) writeFileSync(join(cacheDir, f), 'not a v8 value');
    expect(snapshot(await loadOntologyData(dir))).toBe(expected);
  });

  it('should name the right line of a file read from the cache in an error about another file', async () => {
    const dir = _copyOntology();
    await loadOntologyData(dir);
    const first = readFileSync(join(dir, 'entities/organization.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('id: org:ctm')) + 1;
    const line = _append(dir, 'entities/program.yaml', ['  - { id: org:ctm, name: CTM again }']);
    const err = (await loadOntologyData(dir).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(new RegExp(`entities/program\\.yaml:${line}: duplicate id 'org:ctm' \\(first at .*entities/organization\\.yaml:${first}\\)$`));
  });

  it('should write nothing with KG_CACHE_DIR=off', async () => {
    process.env.KG_CACHE_DIR = 'off';
    await loadOntologyData(_copyOntology());
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});
