// The server's live project: the current BuildResult, its version, and coalesced rebuilds.
import type { BuildOptions, BuildResult } from '../build.js';
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
 */
export class Project {
  version = 1;
  lastError: string | null = null;
  private result!: BuildResult;
  private docs = new Map<string, LoadedDocument>();
  private graphJson: string | null = null;
  private readonly listeners = new Set<(version: number) => void>();
  private readonly coalescer: Coalescer;

  private constructor(private readonly build: BuildFn, private readonly opts: BuildOptions,
    private readonly log: (line: string) => void) {
    this.coalescer = new Coalescer((run) => this.rebuild(run), 1);
  }

  /** Runs the initial build (errors here are fatal: there is nothing to serve). */
  static async load(build: BuildFn, opts: BuildOptions, log: (line: string) => void): Promise<Project> {
    const project = new Project(build, opts, log);
    project.publish(await build(opts), 1);
    return project;
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
      this.publish(await this.build(this.opts), run);
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
