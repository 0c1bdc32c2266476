/**
 * Builds for kg serve off the HTTP thread. The default {@link WorkerBuilder} runs every rebuild in a
 * worker thread (server/build-worker.ts, with its own pool of extraction workers) and sends back
 * only what changed: documents whose text or corrected extraction changed, the graph as UTF-8
 * bytes (transferred, not copied). The HTTP thread only merges that into its {@link Snapshot}.
 * {@link InProcessBuilder} does the same in this thread for an injected build function (tests).
 */
import { createHash } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import type { BuildOptions, BuildResult } from '../build.js';
import type { Correction } from '../annotate/types.js';
import type { FileError } from '../corpus/index.js';
import { KgError } from '../errors.js';
import type { Ontology } from '../ontology/index.js';
import type { Document, Extraction } from '../types.js';
import { siblingModule, spawnWorker } from '../util/worker.js';
import { BuildSession, type BuildFn } from './session.js';

/** What the HTTP thread needs of the ontology a graph was built with (the document view, /api/ontology). */
export interface BuiltOntology {
  relations: Ontology['relations'];
  lex: { abbreviations: Set<string> };
}

/** One loaded document with its (corrected) extraction, looked up by name only. */
export interface LoadedDocument {
  doc: Document;
  extraction: Extraction;
}

/** A published build, as the HTTP thread holds it. */
export interface Snapshot {
  /** documents in build order */
  documents: Document[];
  docs: Map<string, LoadedDocument>;
  /** the rules' extraction per document, before corrections */
  raw: Map<string, Extraction>;
  errors: FileError[];
  stale: Correction[];
  warnings: string[];
  ontology?: BuiltOntology;
  graphAttributes: Record<string, unknown>;
  /** the graph's serialised JSON without its attributes (an object: starts with `{`) */
  graphBody: string | Uint8Array;
}

/** What a build sends: the new order, and only the documents that changed since the last update. */
export interface SnapshotUpdate {
  order: string[];
  changed: { doc: Document; extraction: Extraction; raw?: Extraction }[];
  errors: FileError[];
  stale: Correction[];
  warnings: string[];
  /** present when the ontology changed (and on the first build) */
  ontology?: BuiltOntology;
  graphAttributes: Record<string, unknown>;
  graphBody: string | Uint8Array;
}

/** Runs builds and turns them into snapshots. */
export interface Builder {
  /** One build merged onto `previous`; rejects with the build's error (the previous snapshot stays good). */
  build(previous: Snapshot | undefined, onProgress?: (done: number, total: number) => void): Promise<Snapshot>;
  /** The ontology changed: the next build extracts every document again. */
  invalidate(): void;
  close(): Promise<void>;
}

/**
 * Turns a build into an update, sending each document only when its content, its corrected
 * extraction or the ontology changed since `sent` last saw it. Used in the build worker.
 */
export function toUpdate(result: BuildResult, session: BuildSession, sent: Map<string, string>, state: { generation: number }, bytes: boolean): SnapshotUpdate {
  const newOntology = state.generation !== session.generation;
  if (newOntology) sent.clear();
  state.generation = session.generation;
  const extractions = new Map(result.extractions.map((e) => [e.doc, e]));
  const changed: SnapshotUpdate['changed'] = [];
  const order: string[] = [];
  const present = new Set<string>();
  for (const doc of result.documents) {
    order.push(doc.name);
    present.add(doc.name);
    const extraction = extractions.get(doc.name) ?? { doc: doc.name, entities: [], relations: [] };
    const stamp = `${doc.sha256}|${doc.id}|${doc.title}|${createHash('sha1').update(JSON.stringify(extraction)).digest('base64')}`;
    if (sent.get(doc.name) === stamp) continue;
    sent.set(doc.name, stamp);
    changed.push({ doc, extraction, raw: session.raw(doc) });
  }
  for (const name of sent.keys()) if (!present.has(name)) sent.delete(name);
  const { attributes, ...rest } = result.graph.export();
  const body = JSON.stringify(rest);
  const info = result.ontologyInfo;
  const ontology = info && newOntology ? { relations: new Map(info.relations), lex: { abbreviations: new Set(info.abbreviations) } } : undefined;
  return {
    order, changed, errors: result.errors ?? [], stale: result.stale ?? [], warnings: result.warnings ?? [], ...(ontology ? { ontology } : {}),
    graphAttributes: (attributes ?? {}) as Record<string, unknown>, graphBody: bytes ? new TextEncoder().encode(body) : body,
  };
}

/** Merges an update onto the previous snapshot: unchanged documents keep their objects. */
export function applyUpdate(previous: Snapshot | undefined, u: SnapshotUpdate): Snapshot {
  const docs = new Map<string, LoadedDocument>();
  const raw = new Map<string, Extraction>();
  const fresh = new Map(u.changed.map((c) => [c.doc.name, c]));
  for (const name of u.order) {
    const c = fresh.get(name);
    if (c) {
      docs.set(name, { doc: c.doc, extraction: c.extraction });
      if (c.raw) raw.set(name, c.raw);
    } else {
      const old = previous?.docs.get(name);
      if (!old) throw new KgError(`build update names ${name} but neither sends nor had it`);
      docs.set(name, old);
      const r = previous?.raw.get(name);
      if (r) raw.set(name, r);
    }
  }
  return {
    documents: u.order.map((n) => docs.get(n)!.doc), docs, raw, errors: u.errors, stale: u.stale, warnings: u.warnings,
    ontology: u.ontology ?? previous?.ontology, graphAttributes: u.graphAttributes, graphBody: u.graphBody,
  };
}

/** Builds in this thread with an injected build function (tests use stubs); same merge path as the worker. */
export class InProcessBuilder implements Builder {
  private readonly session: BuildSession;
  private readonly sent = new Map<string, string>();
  private readonly state = { generation: -1 };

  constructor(build: BuildFn, opts: BuildOptions) {
    this.session = new BuildSession(build, opts);
  }

  async build(previous: Snapshot | undefined, onProgress?: (done: number, total: number) => void): Promise<Snapshot> {
    const result = await this.session.run(onProgress);
    return applyUpdate(previous, toUpdate(result, this.session, this.sent, this.state, false));
  }

  invalidate(): void {
    this.session.invalidate();
  }

  close(): Promise<void> {
    return this.session.close();
  }
}

/** Messages to and from server/build-worker.ts. */
export type ToBuildWorker = { type: 'build'; id: number } | { type: 'invalidate' } | { type: 'close' };
export type FromBuildWorker =
  | { type: 'built'; id: number; update: SnapshotUpdate }
  | { type: 'failed'; id: number; error: string }
  | { type: 'progress'; id: number; done: number; total: number };

/** Builds in a worker thread; a worker that dies fails its build and is replaced for the next. */
export class WorkerBuilder implements Builder {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (u: SnapshotUpdate) => void; reject: (e: Error) => void; onProgress?: (done: number, total: number) => void; previous?: Snapshot }>();

  constructor(private readonly opts: BuildOptions) {}

  async build(previous: Snapshot | undefined, onProgress?: (done: number, total: number) => void): Promise<Snapshot> {
    const worker = this.ensure();
    const id = this.nextId++;
    const update = await new Promise<SnapshotUpdate>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ type: 'build', id } satisfies ToBuildWorker);
    });
    return applyUpdate(previous, update);
  }

  invalidate(): void {
    this.worker?.postMessage({ type: 'invalidate' } satisfies ToBuildWorker);
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (!w) return;
    // Let the worker stop its own extraction workers, then end it.
    const stopped = new Promise<void>((resolve) => w.once('exit', () => resolve()));
    w.postMessage({ type: 'close' } satisfies ToBuildWorker);
    const timer = setTimeout(() => void w.terminate(), 5000);
    await stopped;
    clearTimeout(timer);
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const { onProgress: _p, pool: _pool, extractCache: _c, loadedOntology: _o, ...plain } = this.opts;
    const worker = spawnWorker(siblingModule('build-worker', import.meta.url), { workerData: { opts: plain }, stdout: true, stderr: true });
    worker.stdout.resume();
    worker.stderr.resume();
    worker.on('message', (m: FromBuildWorker) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') return p.onProgress?.(m.done, m.total);
      this.pending.delete(m.id);
      if (m.type === 'built') p.resolve(m.update);
      else p.reject(new KgError(m.error));
    });
    const lost = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const [id, p] of this.pending) (this.pending.delete(id), p.reject(new KgError(`the build worker stopped (${why})`)));
    };
    worker.on('error', (err: Error & { code?: string }) => lost(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out of memory' : err.message.split('\n')[0]!));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }
}
