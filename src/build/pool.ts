/**
 * A pool of extraction workers with a budget per document. Each document is read and extracted
 * in a worker thread; one that takes more CPU time than its budget, runs out of its memory limit
 * or kills its thread is reported in one line and skipped, its worker replaced, and the build
 * goes on with the next document.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import { KgError, OntologyError } from '../errors.js';
import type { ReadOptions } from '../corpus/read.js';
import type { RelationType } from '../ontology/load.js';
import type { Country, Predicate } from '../types.js';
import { siblingModule, spawnWorker } from '../util/worker.js';
import type { Document, Extraction } from '../types.js';
import { mergeParts, partDocument, type Part } from '../pipeline/parts.js';

/** Default CPU seconds one document may take to read and extract. */
export const DEFAULT_TIMEOUT_S = 120;
/** Default heap limit of one worker (MB): a document that needs more is skipped. */
export const DEFAULT_MEMORY_MB = 2048;

/** A job as the worker gets it. */
export interface WorkerJob {
  id: number;
  file: string;
  read: ReadOptions & { displayPath: string };
  /** skip extraction when the document's sha256 is this one (the caller has it cached) */
  cachedSha?: string;
  /** cut a huge document into at most `most` parts of `minPart` characters or more, posted back unextracted (src/pipeline/parts.ts) */
  split?: { most: number; minPart?: number };
  /** extract this part of a document read before (`file` is not read again); `later`: not its first part */
  part?: { doc: Document; later: boolean };
}

/** What a worker posts. */
export type WorkerMessage =
  | { type: 'ready'; tid?: number; info: OntologyInfo }
  | { type: 'fatal'; name: string; message: string }
  | { type: 'done'; id: number; doc?: Document; extraction?: Extraction; parts?: Part[]; error?: string; secs: number; cpuSecs?: number };

/**
 * What the threads that do not extract need of the ontology the workers loaded: countries' ISO
 * codes for the graph, relation types and abbreviations for the server's document view, and the
 * load's warnings. Sent once by each worker when it is ready.
 */
export interface OntologyInfo {
  curated: [string, { iso?: string; country?: Country | null }][];
  relations: [Predicate, RelationType][];
  abbreviations: string[];
  warnings: string[];
}

/**
 * A finished job: the read document and (unless cached) its raw extraction, or the one-line error;
 * with the time it took in its worker (wall and, where known, the thread's CPU seconds).
 */
export type JobResult = ({ doc: Document; extraction?: Extraction } | { error: string }) & { secs?: number; cpuSecs?: number };

/** Options of {@link ExtractionPool}. */
export interface PoolOptions {
  /** ontology directory each worker loads */
  ontology: string;
  /** threads (default 1) */
  size?: number;
  /** CPU seconds per document (wall-clock seconds where the thread's CPU time cannot be read) */
  timeoutS?: number;
  /** heap limit per worker, MB */
  memoryMb?: number;
  /** the shortest part a huge document is cut into (default src/pipeline/parts.ts MIN_PART_CHARS; documents of twice this or more are cut when size > 1) */
  partChars?: number;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  tid?: number;
  busy?: { job: WorkerJob; resolve: (r: JobResult) => void; startCpu: number; startWall: number };
  dead: boolean;
  isReady: boolean;
  fail: (e: Error) => void;
}

const CLK_TCK = 100; // Linux's USER_HZ, what /proc/<pid>/task/<tid>/stat counts in
const POLL_MS = 200;

function spawn(workerData: unknown, memoryMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(16, memoryMb >> 5)), stackSizeMb: 8 };
  return spawnWorker(siblingModule('worker', import.meta.url), { workerData, resourceLimits, stdout: true, stderr: true });
}

/** The pool. `run` never rejects for a bad document; it rejects only when the workers cannot start (a bad ontology). */
export class ExtractionPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { job: WorkerJob; resolve: (r: JobResult) => void; reject: (e: Error) => void }[] = [];
  private readonly size: number;
  private readonly timeoutS: number;
  private readonly memoryMb: number;
  private fatal: Error | undefined;
  private nextId = 1;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private ontologyInfo: OntologyInfo | undefined;

  constructor(private readonly opts: PoolOptions) {
    this.size = Math.max(1, opts.size ?? 1);
    this.timeoutS = opts.timeoutS ?? DEFAULT_TIMEOUT_S;
    this.memoryMb = opts.memoryMb ?? DEFAULT_MEMORY_MB;
  }

  /** Reads and extracts one document in a worker. */
  run(file: string, read: ReadOptions & { displayPath: string }, cachedSha?: string): Promise<JobResult> {
    if (this.fatal) return Promise.reject(this.fatal);
    if (this.closed) return Promise.reject(new Error('extraction pool closed'));
    return new Promise((resolve, reject) => {
      // a huge document is cut into parts the pool's threads extract side by side (one thread gains nothing)
      const split = this.size > 1 ? { most: 2 * this.size, ...(this.opts.partChars ? { minPart: this.opts.partChars } : {}) } : undefined;
      this.queue.push({ job: { id: this.nextId++, file, read, cachedSha, ...(split ? { split } : {}) }, resolve, reject });
      this.pump();
    });
  }

  /** The ontology as the first worker loaded it (see OntologyInfo); undefined before any worker was ready (no document was run). */
  info(): OntologyInfo | undefined {
    return this.ontologyInfo;
  }

  /** Stops every worker (running jobs are dropped). */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.all(this.slots.splice(0).map((s) => (s.dead = true, s.worker.terminate())));
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.busy && !s.dead);
      if (!slot && this.slots.length < this.size) slot = this.start();
      if (!slot) return;
      const next = this.queue.shift()!;
      const s = slot;
      // Marked busy before it is ready, so the next job goes to another slot.
      s.busy = { job: next.job, resolve: next.resolve, startCpu: Number.NaN, startWall: Number.NaN };
      s.ready.then(() => {
        const busy = s.busy;
        if (s.dead || busy?.job !== next.job) return;
        // read at once (a /proc read does not block), so the job is posted in this tick: a caller that
        // queues the next document before writing out the last one keeps its worker busy meanwhile
        busy.startCpu = this.cpuSecondsNow(s);
        busy.startWall = performance.now();
        s.worker.postMessage(next.job);
      }, (err: Error) => {
        s.busy = undefined;
        next.reject(err);
        this.failAll(err);
      });
    }
    this.watch();
  }

  /**
   * Extract the parts of a document its worker read and cut, each as a job of its own (ahead of
   * the files waiting, each with the document's budget), and merge them; a part that fails skips
   * the document. Times add up: the read, then every part's.
   */
  private async extractParts(job: WorkerJob, doc: Document, parts: Part[], read: { secs: number; cpuSecs?: number }): Promise<JobResult> {
    const started = performance.now();
    const results = await Promise.all(parts.map((part, k) => new Promise<JobResult>((resolve, reject) => {
      const partJob: WorkerJob = { id: this.nextId++, file: job.file, read: job.read, part: { doc: partDocument(doc, part), later: k > 0 } };
      this.queue.splice(k, 0, { job: partJob, resolve, reject });
      this.pump();
    }).catch((err: Error) => ({ error: `${job.read.displayPath}: skipped: ${err.message}` }) as JobResult)));
    const secs = read.secs + (performance.now() - started) / 1000;
    const cpu = results.every((r) => r.cpuSecs !== undefined) && read.cpuSecs !== undefined ? { cpuSecs: results.reduce((a, r) => a + r.cpuSecs!, read.cpuSecs) } : {};
    const failed = results.find((r): r is Extract<JobResult, { error: string }> => 'error' in r);
    if (failed) return { error: failed.error, secs, ...cpu };
    const extraction = mergeParts(results.map((r, k) => ({ start: parts[k]!.start, extraction: (r as { extraction: Extraction }).extraction })));
    return { doc, extraction, secs, ...cpu };
  }

  private start(): Slot {
    const worker = spawn({ ontology: this.opts.ontology }, this.memoryMb);
    // A worker writing to stdout/stderr (a library's warning) must not garble the CLI's output.
    worker.stdout.resume();
    worker.stderr.resume();
    let ready!: () => void;
    let failed!: (e: Error) => void;
    const slot: Slot = { worker, dead: false, isReady: false, fail: (e) => failed(e), ready: new Promise<void>((res, rej) => ((ready = res), (failed = rej))) };
    slot.ready.catch(() => undefined);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') {
        slot.tid = m.tid;
        slot.isReady = true;
        this.ontologyInfo ??= m.info;
        ready();
      } else if (m.type === 'fatal') {
        failed(m.name === 'OntologyError' ? new OntologyError(m.message) : new KgError(m.message));
      } else if (m.type === 'done' && slot.busy?.job.id === m.id) {
        const { resolve, job } = slot.busy;
        slot.busy = undefined;
        const times = { secs: m.secs, ...(m.cpuSecs !== undefined ? { cpuSecs: m.cpuSecs } : {}) };
        if (m.parts && m.error === undefined) void this.extractParts(job, m.doc!, m.parts, times).then(resolve);
        else resolve(m.error !== undefined ? { error: m.error, ...times } : { doc: m.doc!, extraction: m.extraction, ...times });
        this.pump();
      }
    });
    const lost = (why: string) => this.retire(slot, why);
    worker.on('error', (err: Error & { code?: string }) => lost(err.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? `ran out of memory (more than the ${this.memoryMb} MB a document may use)`
      : `internal error (${err.message.split('\n')[0]})`));
    worker.on('exit', (code) => lost(`its worker exited (code ${code})`));
    this.slots.push(slot);
    return slot;
  }

  /** Ends a slot: its job (if any) is reported as skipped with `why`, the slot replaced on demand. */
  private retire(slot: Slot, why: string): void {
    if (slot.dead) return;
    slot.dead = true;
    this.slots.splice(this.slots.indexOf(slot), 1);
    void slot.worker.terminate();
    // Dead before it was ready (the ontology load itself crashed): no worker will do better.
    if (!slot.isReady) return slot.fail(new KgError(`extraction worker could not start: ${why}`));
    const busy = slot.busy;
    slot.busy = undefined;
    if (busy) busy.resolve({ error: `${busy.job.read.displayPath}: skipped: ${why}` });
    this.pump();
  }

  private failAll(err: Error): void {
    this.fatal ??= err;
    for (const q of this.queue.splice(0)) q.reject(err);
  }

  /** Checks running jobs against the budget every POLL_MS while any job runs. */
  private watch(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.check().catch(() => undefined), POLL_MS);
    this.timer.unref();
  }

  private async check(): Promise<void> {
    const running = this.slots.filter((s) => s.busy && !Number.isNaN(s.busy.startWall));
    if (!running.length && !this.queue.length && !this.slots.some((s) => s.busy)) {
      clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    for (const s of running) {
      // read now, not when `running` was listed: an earlier await let this job finish meanwhile
      const busy = s.busy;
      if (!busy || Number.isNaN(busy.startWall)) continue;
      const cpu = (await this.cpuSeconds(s)) - busy.startCpu;
      const wall = (performance.now() - busy.startWall) / 1000;
      if (s.busy !== busy) continue;
      // CPU time where the thread's can be read (a loaded machine does not skip good documents),
      // else wall time; wall time above 10× the budget ends a document blocked on something else.
      const over = Number.isNaN(cpu) ? wall > this.timeoutS : cpu > this.timeoutS || wall > 10 * this.timeoutS;
      if (over) this.retire(s, `took longer than ${this.timeoutS} s${Number.isNaN(cpu) ? '' : ' of CPU time'} (--timeout)`);
    }
  }

  /** {@link cpuSeconds}, read synchronously. */
  private cpuSecondsNow(s: Slot): number {
    if (!s.tid) return Number.NaN;
    try {
      return threadCpu(readFileSync(`/proc/${process.pid}/task/${s.tid}/stat`, 'utf8'));
    } catch {
      return Number.NaN;
    }
  }

  /** The slot's thread CPU seconds from /proc, or NaN when unknown. */
  private async cpuSeconds(s: Slot): Promise<number> {
    if (!s.tid) return Number.NaN;
    try {
      return threadCpu(await readFile(`/proc/${process.pid}/task/${s.tid}/stat`, 'utf8'));
    } catch {
      return Number.NaN;
    }
  }
}

/** utime + stime of a /proc/<pid>/task/<tid>/stat line, in seconds. */
function threadCpu(stat: string): number {
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / CLK_TCK;
}
