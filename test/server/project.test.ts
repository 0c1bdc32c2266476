// Project: rebuilds share one extraction cache and one pool of extraction workers, dropped when the ontology changes.
import { appendFile, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, type BuildOptions, type ExtractionPool } from '../../src/build.js';
import type { RunningServer } from '../../src/server/index.js';
import type { Extraction } from '../../src/types.js';
import { EVIL_TEXT, _get, _post, _start, _tempProject } from './_helpers.js';

/** What one build was handed, and what it returned. */
interface Seen { cache: Map<string, Extraction> | undefined; cached: number; pool: ExtractionPool | undefined }

const reject = (word: string) => {
  const start = EVIL_TEXT.indexOf(word);
  return { who: 'ana', action: 'reject', doc: 'evil.txt', span: { start, end: start + word.length, text: word }, base: 0 };
};

describe('Project build cache', () => {
  let p: Awaited<ReturnType<typeof _tempProject>>;
  let s: RunningServer;
  let ontology: string;
  const seen: Seen[] = [];
  const last = () => seen[seen.length - 1];
  /** Posts a correction (each test uses its own words) and waits for the rebuild that includes it. */
  const correct = async (word: string) => {
    const r = await _post(`${s.url}api/corrections`, reject(word));
    expect(r.status).toBe(201);
    await s.project.idle();
  };

  beforeAll(async () => {
    p = await _tempProject();
    ontology = join(p.root, 'ontology');
    await cp('ontology', ontology, { recursive: true });
    const build = async (o: BuildOptions) => {
      const cached = o.extractCache?.size ?? 0;
      const result = await buildProject({ ...o, layout: false });
      seen.push({ cache: o.extractCache, cached, pool: o.pool });
      return result;
    };
    s = await _start(p, { ontology, build });
  });
  afterAll(async () => {
    await s.close();
    await p.cleanup();
  });

  it('should hand every rebuild the same cache, filled, and the same workers', async () => {
    expect(seen).toHaveLength(1);
    const first = seen[0];
    expect(first.pool).toBeDefined();
    expect(first.cache?.size).toBe(3); // the three documents of the temp corpus
    await correct('Evil');
    expect(seen).toHaveLength(2);
    expect(last().cache).toBe(first.cache);
    expect(last().cached).toBe(3);
    expect(last().pool).toBe(first.pool);
  });

  it('should drop both after a promotion and rebuild with the reloaded ontology', async () => {
    const before = last();
    const r = await _post(`${s.url}api/promote`, { type: 'Organization', name: 'Goodyear Tire', country: 'US', id: 'org:goodyear-tire' });
    expect(r.body).toMatchObject({ changed: true, id: 'org:goodyear-tire' });
    await s.project.idle();
    expect(last().cache).not.toBe(before.cache);
    expect(last().cached).toBe(0);
    expect(last().pool).toBeDefined();
    expect(last().pool).not.toBe(before.pool);
    // The extraction was redone with it: the promoted entity is curated in the served graph.
    const node = (await _get(`${s.url}api/graph`)).body.nodes.find((n: { key: string }) => n.key === 'org:goodyear-tire');
    expect(node?.attributes.status).toBe('curated');
    // And the next rebuild keeps the new ones.
    const promoted = last();
    await correct('Mexico');
    expect(last().cache).toBe(promoted.cache);
    expect(last().pool).toBe(promoted.pool);
  });

  it('should notice a hand edit of an ontology file before the next rebuild', async () => {
    const before = last();
    await appendFile(join(ontology, 'entities', 'organization.yaml'), '# edited by hand\n');
    await correct('script');
    expect(last().cache).not.toBe(before.cache);
    expect(last().pool).not.toBe(before.pool);
    await correct('alert');
    expect(last().pool).toBe(seen[seen.length - 2].pool); // later rebuilds reuse the new workers
    expect(last().cache).toBe(seen[seen.length - 2].cache);
  });
});
