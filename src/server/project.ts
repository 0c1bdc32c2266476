// The server's live project: the current BuildResult, its version, and coalesced rebuilds.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { extractCacheKey, type BuildOptions, type BuildResult } from '../build.js';
import type { Ontology } from '../ontology/index.js';
import type { Document, Extraction } from '../types.js';
import { Coalescer } from './coalescer.js';

/** Builds the project (src/build.ts's buildProject; injectable so tests can swap it). */
export type BuildFn = (opts: BuildOptions) => Promise<BuildResult>;

/** One loaded document with its (corrected) extraction, looked up by file name only. */
export interface LoadedDocument {
  doc: Document;
  extraction: Extraction;
}

/**
 * Holds the current build and rebuilds on demand. Versions start at 1 (the initial build) and
 * bump once per rebuild; a failed rebuild keeps the previous graph (and still bumps, so clients
 * waiting for "the version that includes my correction" are not left hanging) and is reported in
 * `lastError`.
 *
 * Rebuilds reuse one loaded ontology and one cache of raw extractions (by document name and sha256), so
 * a correction costs re-applying corrections and rebuilding the graph, not re-extracting every
 * document. Both are dropped when the ontology changes: on a promotion (reloadOntology) or
 * when a file under the ontology dir changed since it was loaded (a hand edit).
 */
export class Project {
  version = 1;
  lastError: string | null = null;
  private result!: BuildResult;
  private docs = new Map<string, LoadedDocument>();
  private graphJson: string | null = null;
  private readonly listeners = new Set<(version: number) => void>();
  private readonly coalescer: Coalescer;
  private extractCache = new Map<string, Extraction>();
  private ontology: Ontology | undefined;
  /** Fingerprint of the ontology dir taken before `ontology` was loaded. */
  private ontologyStamp = '';
  /** Bumps whenever cache and ontology are dropped: a build started earlier must not hand its (old) ontology back. */
  private generation = 0;

  private constructor(private readonly build: BuildFn, private readonly opts: BuildOptions,
    private readonly log: (line: string) => void) {
    this.coalescer = new Coalescer((run) => this.rebuild(run), 1);
  }

  /** Runs the initial build (errors here are fatal: there is nothing to serve). */
  static async load(build: BuildFn, opts: BuildOptions, log: (line: string) => void): Promise<Project> {
    const project = new Project(build, opts, log);
    project.publish(await project.runBuild(), 1);
    return project;
  }

  /**
   * The ontology changed (a promotion wrote to it): drops the cached extractions and loads the
   * ontology again, so the next rebuild extracts with it. A load error is logged; the next rebuild
   * then loads it itself and reports the error as a failed rebuild.
   */
  async reloadOntology(): Promise<void> {
    const generation = this.invalidate();
    const dir = this.ontologyDir();
    try {
      const stamp = await fingerprint(dir);
      const { loadOntology } = await import('../ontology/index.js');
      const ontology = await loadOntology(dir);
      if (generation === this.generation) {
        this.ontology = ontology;
        this.ontologyStamp = stamp;
      }
    } catch (err) {
      this.log(`reloading the ontology failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Asks for a rebuild; returns the version that will include everything written so far. */
  requestRebuild(): number {
    return this.coalescer.request();
  }

  /** Calls `fn(version)` after every rebuild; returns an unsubscribe function. */
  onRebuild(fn: (version: number) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Documents in build order. */
  documents(): Document[] {
    return this.result.documents;
  }

  /** A document by exact file name, or undefined: names never become paths. */
  document(name: string): LoadedDocument | undefined {
    return this.docs.get(name);
  }

  /** The rules' extraction of a loaded document before corrections (from the build cache), if still cached. */
  rawExtraction(name: string): Extraction | undefined {
    const loaded = this.docs.get(name);
    return loaded ? this.extractCache.get(extractCacheKey(loaded.doc)) : undefined;
  }

  /** The ontology the current graph was built with (undefined for builds that do not report one). */
  builtOntology(): Ontology | undefined {
    return this.result.ontology;
  }

  /** Build errors of the current result (unreadable files etc.). */
  errors(): BuildResult['errors'] {
    return this.result.errors;
  }

  /** graphology serialized JSON of the current graph, cached per version. */
  graphJSON(): string {
    this.graphJson ??= JSON.stringify(this.result.graph.export());
    return this.graphJson;
  }

  /** Waits for in-flight and pending rebuilds. */
  idle(): Promise<void> {
    return this.coalescer.idle();
  }

  private async rebuild(run: number): Promise<void> {
    const t0 = performance.now();
    try {
      this.publish(await this.runBuild(), run);
      this.lastError = null;
      this.log(`rebuilt graph v${run} in ${Math.round(performance.now() - t0)} ms`);
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
      this.version = run;
      this.result.graph.setAttribute('version', run);
      this.graphJson = null;
      this.log(`rebuild v${run} failed, keeping the previous graph: ${this.lastError}`);
    }
    for (const fn of this.listeners) fn(this.version);
  }

  /** One build with the shared cache and ontology; adopts the ontology the build loaded, if still current. */
  private async runBuild(): Promise<BuildResult> {
    const stamp = await fingerprint(this.ontologyDir());
    if (this.ontology && stamp !== this.ontologyStamp) this.invalidate(); // edited by hand since loaded
    const generation = this.generation;
    const cache = this.extractCache;
    const result = await this.build({ ...this.opts, extractCache: cache, loadedOntology: this.ontology });
    if (generation === this.generation) {
      if (!this.ontology && result.ontology) {
        this.ontology = result.ontology;
        this.ontologyStamp = stamp;
      }
      // Keep only the documents of this build: edited files would otherwise pile up old versions.
      const current = new Set(result.documents.map((d) => extractCacheKey(d)));
      for (const key of cache.keys()) if (!current.has(key)) cache.delete(key);
    }
    return result;
  }

  /** Drops cache and ontology; a fresh Map, so a build still running fills the old one, not this. Returns the new generation. */
  private invalidate(): number {
    this.extractCache = new Map();
    this.ontology = undefined;
    return ++this.generation;
  }

  private ontologyDir(): string {
    return this.opts.ontology ?? 'ontology';
  }

  private publish(result: BuildResult, version: number): void {
    result.graph.setAttribute('version', version);
    const extractions = new Map(result.extractions.map((e) => [e.doc, e]));
    const docs = new Map<string, LoadedDocument>();
    for (const doc of result.documents) {
      docs.set(doc.name, { doc, extraction: extractions.get(doc.name) ?? { doc: doc.name, entities: [], relations: [] } });
    }
    this.result = result;
    this.docs = docs;
    this.graphJson = null;
    this.version = version;
  }
}

/** Names, sizes and mtimes of the files under `dir` (empty when unreadable): cheap, ~15 stats. */
async function fingerprint(dir: string): Promise<string> {
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
