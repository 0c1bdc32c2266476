// CorrectionStore: the durable append-only corrections log <dataDir>/corrections.jsonl.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ConflictError, KgError, ValidationError } from '../errors.js';
import { acquireLock, type LockOptions } from './lock.js';
import { correctionKey } from './key.js';
import { isUndoable } from './history.js';
import { validateInput, validateStored } from './validate.js';
import type { Correction, CorrectionInput } from './types.js';
import { mkdirp } from '../util/mkdir.js';

/** Thrown by append when the client's `base` is not the latest seq on the key; carries the current state. */
export class CorrectionConflictError extends ConflictError {
  constructor(message: string, readonly key: string, readonly current: Correction | undefined) {
    super(message);
  }
}

/** Options of CorrectionStore.open. */
export interface StoreOptions {
  lock?: LockOptions;
  /** Called with each load warning (e.g. a torn last line); they are also kept in `store.warnings`. */
  onWarning?: (message: string) => void;
}

/** Filter of CorrectionStore.list. */
export interface ListFilter {
  doc?: string;
  who?: string;
  key?: string;
  /** Only corrections with seq > after. */
  after?: number;
}

interface Pending { input: CorrectionInput; resolve: (c: Correction) => void; reject: (e: unknown) => void }
interface Waiter { resolve: () => void; reject: (e: unknown) => void }

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v && typeof v === 'object') Object.freeze(v);
  return Object.freeze(o);
}

/**
 * The corrections log. One instance per process and data dir: appends are queued in-process and
 * committed in groups (one lock, one write, one fsync per group), so a promise resolves only once its
 * line is on disk. Other processes on the same dir are kept out by the lock file and their lines are
 * read in before each commit, so seqs stay dense and conflicts are seen across processes.
 * refresh() goes through the same queue: a read racing this instance's own commit would load the
 * lines being written and then count them again when the commit lands.
 */
export class CorrectionStore {
  /** Load warnings (torn last line, truncated tail…), newest last. */
  readonly warnings: string[] = [];
  private readonly items: Correction[] = [];
  private readonly latestByKey = new Map<string, Correction>();
  /** Bytes of the file that hold accepted lines; anything after is another writer's or torn. */
  private offset = 0;
  private lines = 0;
  private needsNewline = false;
  private pending: Pending[] = [];
  private refreshers: Waiter[] = [];
  private draining = false;

  private constructor(readonly file: string, private readonly options: StoreOptions) {}

  /** Open (creating the dir if needed) and load `<dataDir>/corrections.jsonl`. Throws ValidationError on a corrupt line. */
  static async open(dataDir: string, options: StoreOptions = {}): Promise<CorrectionStore> {
    await mkdirp(dataDir);
    const store = new CorrectionStore(join(dataDir, 'corrections.jsonl'), options);
    try {
      await store.withLock(() => store.catchUp('open'));
    } catch (e) {
      // a read-only data dir (a build reading someone else's corrections) is still readable without the lock
      if (!['EACCES', 'EROFS', 'EPERM'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
      await store.catchUp('refresh');
    }
    return store;
  }

  /** Corrections in log order, optionally filtered. */
  list(filter: ListFilter = {}): Correction[] {
    return this.items.filter((c) => (filter.doc === undefined || c.doc === filter.doc)
      && (filter.who === undefined || c.who === filter.who)
      && (filter.key === undefined || c.key === filter.key)
      && (filter.after === undefined || c.seq > filter.after));
  }

  /** The latest correction on a key (see correctionKey), if any. */
  latest(key: string): Correction | undefined {
    return this.latestByKey.get(key);
  }

  /** Seq of the last correction (0 when empty). */
  get lastSeq(): number {
    return this.items.length ? this.items[this.items.length - 1].seq : 0;
  }

  /**
   * Read lines other processes appended since the last read (complete lines only, no lock taken).
   * Queued behind this instance's commit in progress, if any; refreshes waiting together share one read.
   */
  refresh(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.refreshers.push({ resolve, reject });
      void this.drain();
    });
  }

  /**
   * Validate, then append durably. Resolves with the stored correction (id, seq, at, key assigned) after
   * fsync. Rejects with ValidationError on bad input and CorrectionConflictError (a ConflictError) when
   * `input.base` (absent = 0) differs from the seq of the latest correction on the same key.
   */
  append(input: CorrectionInput): Promise<Correction> {
    let clean: CorrectionInput;
    try {
      clean = validateInput(input);
    } catch (e) {
      return Promise.reject(e);
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ input: clean, resolve, reject });
      void this.drain();
    });
  }

  /** The one queue: runs waiting refreshes (one read), then commits waiting appends (one group), until both are empty. */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.pending.length || this.refreshers.length) {
        // Reads first: they are cheap, and need not wait for a group's fsync.
        const waiters = this.refreshers.splice(0);
        if (waiters.length) {
          try {
            await this.catchUp('refresh');
            for (const w of waiters) w.resolve();
          } catch (e) {
            for (const w of waiters) w.reject(e);
          }
        }
        const batch = this.pending.splice(0);
        if (!batch.length) continue;
        try {
          await this.withLock(() => this.commit(batch));
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          const error = code && !(e instanceof KgError) ? new KgError(`${this.file}: cannot append (${code})`) : e;
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async withLock<T>(fn: () => Promise<T>): Promise<T> {
    const release = await acquireLock(`${this.file}.lock`, this.options.lock);
    try {
      return await fn();
    } finally {
      await release();
    }
  }

  /** Under the lock: decide each pending append in order, write the accepted ones at once, fsync, then resolve. */
  private async commit(batch: Pending[]): Promise<void> {
    await this.catchUp('commit');
    const latest = new Map<string, Correction>();
    const accepted: [Pending, Correction][] = [];
    let seq = this.lastSeq;
    const inBatch = new Map<number, Correction>();
    const bySeq = (n: number) => inBatch.get(n) ?? this.items[n - 1];
    for (const p of batch) {
      let input = p.input;
      if (input.action === 'undo') {
        const resolved = this.resolveUndo(input, bySeq, [...inBatch.values()]);
        if (resolved instanceof ValidationError) { p.reject(resolved); continue; }
        input = resolved;
      }
      const key = correctionKey(input, (n) => bySeq(n)?.key);
      const current = latest.get(key) ?? this.latestByKey.get(key);
      const base = p.input.base ?? 0;
      if (base !== (current?.seq ?? 0)) {
        p.reject(new CorrectionConflictError(
          `${this.file}: conflict on ${key}: you saw ${base ? `#${base}` : 'nothing'}, latest is ` +
          `${current ? `#${current.seq} (${current.action} by ${current.who} at ${current.at})` : 'nothing'}`,
          key, current));
        continue;
      }
      const c = deepFreeze({ ...input, id: randomUUID(), seq: ++seq, at: new Date().toISOString(), key } as Correction);
      latest.set(key, c);
      inBatch.set(c.seq, c);
      accepted.push([p, c]);
    }
    if (!accepted.length) return;
    const text = (this.needsNewline ? '\n' : '') + accepted.map(([, c]) => JSON.stringify(c) + '\n').join('');
    const buf = Buffer.from(text, 'utf8');
    const created = this.offset === 0;
    const fh = await fs.open(this.file, 'a');
    try {
      for (let done = 0; done < buf.length;) done += (await fh.write(buf, done, buf.length - done)).bytesWritten;
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (created) await syncDir(this.file); // the new file's directory entry must survive a crash too
    this.offset += buf.length;
    this.needsNewline = false;
    for (const [p, c] of accepted) {
      this.add(c);
      this.lines++;
      p.resolve(c);
    }
  }

  /**
   * An undo names its target by seq: it must exist and still count (not already undone; for an undo, not
   * already redone). Returns the input with the target's doc filled in, or the ValidationError to answer with.
   */
  private resolveUndo(input: CorrectionInput, bySeq: (n: number) => Correction | undefined, batch: Correction[]): CorrectionInput | ValidationError {
    const target = bySeq(input.undoes!);
    if (!target) return new ValidationError(`correction: undoes #${input.undoes}: no such correction`);
    if (input.doc !== undefined && input.doc !== target.doc) {
      return new ValidationError(`correction: undoes #${target.seq}, which is about ${target.doc ?? 'no document'}, not ${input.doc}`);
    }
    const sameKey = [...this.items, ...batch].filter((c) => c.key === target.key);
    if (!isUndoable(target, sameKey)) return new ValidationError(`correction: #${target.seq} is already ${target.action === 'undo' ? 'redone' : 'undone'}`);
    return target.doc !== undefined ? { ...input, doc: target.doc } : input;
  }

  private add(c: Correction): void {
    this.items.push(c);
    this.latestByKey.set(c.key, c);
  }

  private warn(message: string): void {
    this.warnings.push(message);
    this.options.onWarning?.(message);
  }

  /**
   * Read the file from `offset`. Under the lock ('open', 'commit') nobody is writing, so an unterminated or
   * invalid last line is torn (a writer died): ignored with a warning, and cut off before the next commit
   * (kept in `<file>.torn`). Without the lock ('refresh') an unterminated tail may be a write in progress.
   * An invalid line followed by valid ones is corruption: ValidationError naming file:line.
   */
  private async catchUp(mode: 'open' | 'commit' | 'refresh'): Promise<void> {
    let buf: Buffer;
    try {
      const fh = await fs.open(this.file, 'r');
      try {
        const { size } = await fh.stat();
        if (size < this.offset) throw new ConflictError(`${this.file}: shrank from ${this.offset} to ${size} bytes under us`);
        buf = Buffer.alloc(size - this.offset);
        if (buf.length) await fh.read(buf, 0, buf.length, this.offset);
      } finally {
        await fh.close();
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && this.offset === 0) return;
      throw e;
    }
    let pos = 0;
    let line = this.lines;
    while (pos < buf.length) {
      const nl = buf.indexOf(0x0a, pos);
      const end = nl < 0 ? buf.length : nl + 1;
      const raw = buf.subarray(pos, nl < 0 ? buf.length : nl).toString('utf8');
      line++;
      const where = `${this.file}:${line}`;
      const isLast = end === buf.length;
      if (nl < 0 && mode === 'refresh') return; // possibly mid-write by another process
      if (raw.trim() === '') { this.offset += end - pos; this.lines = line; pos = end; continue; }
      let c: Correction | undefined;
      let error: unknown;
      try {
        c = validateStored(parseJson(raw, where), where);
        if (c.seq !== this.lastSeq + 1) throw new ValidationError(`${where}: seq ${c.seq} out of order (expected ${this.lastSeq + 1})`);
      } catch (e) {
        error = e;
      }
      if (error) {
        if (!isLast) throw error;
        if (mode === 'refresh') return;
        await this.dropTornTail(buf.subarray(pos), where, error, mode);
        return;
      }
      this.add(c!);
      this.offset += end - pos;
      this.lines = line;
      this.needsNewline = nl < 0; // a complete record whose newline never made it to disk
      pos = end;
    }
  }

  private async dropTornTail(tail: Buffer, where: string, error: unknown, mode: 'open' | 'commit'): Promise<void> {
    const why = error instanceof Error ? error.message.replace(`${where}: `, '') : String(error);
    if (mode === 'open') {
      this.warn(`${where}: ignoring torn last line (${tail.length} bytes; a write was interrupted): ${why}`);
      return;
    }
    await fs.appendFile(`${this.file}.torn`, tail);
    await fs.truncate(this.file, this.offset);
    this.warn(`${where}: cut off a torn last line (${tail.length} bytes, kept in ${this.file}.torn)`);
  }
}

async function syncDir(file: string): Promise<void> {
  const dir = await fs.open(join(file, '..'), 'r').catch(() => undefined);
  if (!dir) return;
  try { await dir.sync(); } catch { /* some filesystems refuse fsync on directories */ } finally { await dir.close(); }
}

function parseJson(raw: string, where: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw new ValidationError(`${where}: invalid JSON: ${(e as Error).message}`);
  }
}
