/**
 * One server's build state across rebuilds: the extraction cache, the pool of extraction workers
 * and the ontology they were started with. It runs in the server's build worker (or in-process
 * when a test injects its own build function), never on the thread that answers HTTP.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ExtractionPool, extractCacheKey, type BuildOptions, type BuildResult } from '../build.js';
import type { Document, Extraction } from '../types.js';

/** Builds the project (src/build.ts's buildProject; injectable so tests can swap it). */
export type BuildFn = (opts: BuildOptions) => Promise<BuildResult>;

/**
 * Rebuilds reuse one pool of extraction workers (each holding the loaded ontology) and one cache
 * of raw extractions (by document name and sha256), so a correction costs re-applying corrections
 * and rebuilding the graph, not re-extracting every document. Both are dropped when the ontology
 * changes: on a promotion ({@link invalidate}) or when a file under the ontology dir changed since
 * the pool was started (a hand edit).
 */
export class BuildSession {
  private extractCache = new Map<string, Extraction>();
  private readonly documentCache = new Map<string, { stamp: string; doc: Document }>();
  private pool: ExtractionPool | undefined;
  /** Fingerprint of the ontology dir taken before `pool` started. */
  private ontologyStamp = '';
  /** Bumps whenever cache and pool are dropped: a build started earlier must not prune the new cache. */
  generation = 0;
  private building = false;

  constructor(private readonly build: BuildFn, private readonly opts: BuildOptions) {}

  /** One build with the shared cache and workers; throws what the build throws (a broken ontology…). */
  async run(onProgress?: (done: number, total: number) => void): Promise<BuildResult> {
    this.building = true;
    try {
      return await this.runOnce(onProgress);
    } finally {
      this.building = false;
    }
  }

  /** The rules' extraction of a document of the last build, before corrections (undefined once dropped). */
  raw(doc: { name: string; sha256: string }): Extraction | undefined {
    return this.extractCache.get(extractCacheKey(doc));
  }

  /** The ontology changed: drop the cache and the workers holding the old one. */
  invalidate(): number {
    this.extractCache = new Map();
    const old = this.pool;
    this.pool = undefined;
    this.documentCache.clear();
    // A running build closes a pool replaced under it when it ends.
    if (old && !this.building) void old.close();
    return ++this.generation;
  }

  /** Stops the extraction workers. */
  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = undefined;
  }

  private async runOnce(onProgress?: (done: number, total: number) => void): Promise<BuildResult> {
    const dir = this.opts.ontology ?? 'ontology';
    const stamp = await fingerprint(dir);
    if (this.pool && stamp !== this.ontologyStamp) this.invalidate(); // edited by hand since the workers loaded it
    const generation = this.generation;
    if (!this.pool) {
      // Its workers load the ontology (a broken one fails the build with its file:line); this thread never does.
      this.pool = new ExtractionPool({ ontology: dir, timeoutS: this.opts.timeout, memoryMb: this.opts.memoryMb });
      this.ontologyStamp = stamp;
    }
    const cache = this.extractCache;
    const pool = this.pool;
    try {
      const result = await this.build({ ...this.opts, extractCache: cache, documentCache: this.documentCache, pool, ...(onProgress ? { onProgress } : {}) });
      if (generation === this.generation) {
        // Keep only the documents of this build: edited files would otherwise pile up old versions.
        const current = new Set(result.documents.map((d) => extractCacheKey(d)));
        for (const key of cache.keys()) if (!current.has(key)) cache.delete(key);
      }
      return result;
    } finally {
      if (pool !== this.pool) await pool.close(); // replaced while this build ran
    }
  }
}

/** Names, sizes and mtimes of the files under `dir` (empty when unreadable): cheap, ~15 stats. */
export async function fingerprint(dir: string): Promise<string> {
  try {
    const names = (await readdir(dir, { recursive: true })).sort();
    const parts = await Promise.all(names.map(async (n) => {
      const s = await stat(join(dir, n)).catch(() => undefined);
      return s?.isFile() ? `${n}:${s.size}:${s.mtimeMs}` : '';
    }));
    return parts.join('\n');
  } catch {
    return '';
  }
}
