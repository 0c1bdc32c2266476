// The server's live project: the published snapshot, its version and state, and coalesced rebuilds.
import type { BuildOptions } from '../build.js';
import type { Document, Extraction } from '../types.js';
import { InProcessBuilder, WorkerBuilder, type Builder, type BuiltOntology, type LoadedDocument, type Snapshot } from './builder.js';
import { Coalescer } from './coalescer.js';
import type { BuildFn } from './session.js';

export type { BuildFn } from './session.js';
export type { BuiltOntology, LoadedDocument } from './builder.js';

/** What /api/health says about the builds. */
export interface BuildState {
  /** `ready`: the graph is current; `building`: a rebuild runs (the graph served is the last good one); `error`: the last rebuild failed */
  status: 'ready' | 'building' | 'error';
  /** the served graph does not include everything written (the last rebuild failed) */
  stale: boolean;
  /** why the last rebuild failed */
  error?: string;
  /** documents the served graph skipped (unreadable, over budget…), one line each */
  skipped: string[];
  /** progress of the running rebuild */
  progress?: { done: number; total: number };
}

/**
 * Holds the current snapshot and rebuilds on demand, never on this (the HTTP) thread: the
 * default builder runs each rebuild in a worker thread. Versions start at 1 (the initial build)
 * and bump once per rebuild; a failed rebuild keeps the previous graph, marks it stale (in
 * /api/health and in the graph's attributes) and still bumps, so clients waiting for "the version
 * that includes my correction" are not left hanging. Corrections written meanwhile are in the
 * log and are applied by the next rebuild that succeeds.
 */
export class Project {
  version = 1;
  lastError: string | null = null;
  private snap!: Snapshot;
  private graphJson: { version: number; body: string | Buffer } | null = null;
  private readonly listeners = new Set<(version: number) => void>();
  private readonly coalescer: Coalescer;
  private building = false;
  private progress: { done: number; total: number } | undefined;

  private constructor(private readonly builder: Builder, private readonly log: (line: string) => void) {
    this.coalescer = new Coalescer((run) => this.rebuild(run), 1);
  }

  /**
   * Runs the initial build (errors here are fatal: there is nothing to serve). `build` swaps the
   * build function and builds in this thread (tests); without it builds run in a worker thread.
   */
  static async load(build: BuildFn | undefined, opts: BuildOptions, log: (line: string) => void): Promise<Project> {
    const builder = build ? new InProcessBuilder(build, opts) : new WorkerBuilder(opts);
    const project = new Project(builder, log);
    try {
      project.snap = await builder.build(undefined);
    } catch (err) {
      await builder.close(); // its workers would keep the process alive
      throw err;
    }
    return project;
  }

  /** The ontology changed (a promotion wrote to it): the next rebuild extracts with the new one. */
  async reloadOntology(): Promise<void> {
    this.builder.invalidate();
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
    return this.snap.documents;
  }

  /** A document by exact name (its path under the corpus), or undefined: names never become paths. */
  document(name: string): LoadedDocument | undefined {
    return this.snap.docs.get(name);
  }

  /** The rules' extraction of a loaded document before corrections, if the build sent it. */
  rawExtraction(name: string): Extraction | undefined {
    return this.snap.raw.get(name);
  }

  /** What the current graph's ontology allows (relations) and knows (abbreviations), when the build reports it. */
  builtOntology(): BuiltOntology | undefined {
    return this.snap.ontology;
  }

  /** Documents the current graph skipped (unreadable files etc.). */
  errors(): Snapshot['errors'] {
    return this.snap.errors;
  }

  /** The build state for /api/health. */
  state(): BuildState {
    return {
      status: this.building ? 'building' : this.lastError ? 'error' : 'ready',
      stale: this.lastError !== null,
      ...(this.lastError ? { error: this.lastError } : {}),
      skipped: this.snap.errors.map((e) => e.message),
      ...(this.building && this.progress ? { progress: this.progress } : {}),
    };
  }

  /** graphology serialized JSON of the current graph (version, and stale/error when the last rebuild failed, in its attributes), cached per version. */
  graphJSON(): string | Buffer {
    if (this.graphJson?.version === this.version) return this.graphJson.body;
    const attrs = { ...this.snap.graphAttributes, version: this.version, ...(this.lastError ? { stale: true, error: this.lastError } : {}) };
    const head = `{"attributes":${JSON.stringify(attrs)}`;
    const b = this.snap.graphBody;
    const body = typeof b === 'string'
      ? head + (b.length > 2 ? `,${b.slice(1)}` : '}')
      : Buffer.concat([Buffer.from(b.length > 2 ? `${head},` : `${head}}`), b.length > 2 ? Buffer.from(b.buffer, b.byteOffset + 1, b.byteLength - 1) : Buffer.alloc(0)]);
    this.graphJson = { version: this.version, body };
    return body;
  }

  /** Waits for in-flight and pending rebuilds. */
  idle(): Promise<void> {
    return this.coalescer.idle();
  }

  /** Waits for rebuilds, then stops the build workers. */
  async close(): Promise<void> {
    await this.idle();
    await this.builder.close();
  }

  private async rebuild(run: number): Promise<void> {
    const t0 = performance.now();
    this.building = true;
    this.progress = undefined;
    try {
      this.snap = await this.builder.build(this.snap, (done, total) => (this.progress = { done, total }));
      this.lastError = null;
      this.log(`rebuilt graph v${run} in ${Math.round(performance.now() - t0)} ms`);
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
      this.log(`rebuild v${run} failed, keeping the previous graph (marked stale): ${this.lastError}`);
    } finally {
      this.building = false;
      this.version = run;
      this.graphJson = null;
    }
    for (const fn of this.listeners) fn(this.version);
  }
}
