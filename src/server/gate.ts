// Keeps CorrectionStore.refresh() apart from in-flight appends of the same store instance.
import type { CorrectionStore, ListFilter } from '../annotate/store.js';
import type { Correction, CorrectionInput } from '../annotate/types.js';

/**
 * A shared/exclusive gate. Appends are shared (the store groups them into one fsync, so they
 * must stay concurrent); refreshes are exclusive, because a refresh reading the log while this
 * process is committing would load its own half-committed lines twice. A waiting refresh holds
 * back new appends, so a steady stream of writers cannot starve it.
 */
export class StoreGate {
  private shared = 0;
  private exclusive: Promise<void> | null = null;
  private quiet: (() => void)[] = [];

  /** Runs `fn` alongside other shared runs, after any exclusive run. */
  async share<T>(fn: () => Promise<T>): Promise<T> {
    while (this.exclusive) await this.exclusive;
    this.shared++;
    try {
      return await fn();
    } finally {
      if (--this.shared === 0) for (const r of this.quiet.splice(0)) r();
    }
  }

  /**
   * Runs `fn` alone: waits for shared runs to end. Unless `polite`, it holds new shared runs back
   * meanwhile; a polite run waits for a quiet moment instead (background work that must not slow
   * writers down).
   */
  async alone<T>(fn: () => Promise<T>, polite = false): Promise<T> {
    for (;;) {
      while (this.exclusive) await this.exclusive;
      if (polite && this.shared > 0) {
        await new Promise<void>((r) => this.quiet.push(r));
        continue;
      }
      break;
    }
    let done!: () => void;
    this.exclusive = new Promise<void>((r) => (done = r));
    try {
      if (this.shared > 0) await new Promise<void>((r) => this.quiet.push(r));
      return await fn();
    } finally {
      this.exclusive = null;
      done();
    }
  }
}

/** The server's view of the CorrectionStore: appends and refreshes go through one gate. */
export class GatedStore {
  private readonly gate = new StoreGate();

  constructor(private readonly store: CorrectionStore) {}

  /** See CorrectionStore.append. */
  append(input: CorrectionInput): Promise<Correction> {
    return this.gate.share(() => this.store.append(input));
  }

  /** Reads lines other processes appended (see CorrectionStore.refresh); `polite` lets writers go first. */
  refresh(polite = false): Promise<void> {
    return this.gate.alone(() => this.store.refresh(), polite);
  }

  /** See CorrectionStore.list. */
  list(filter?: ListFilter): Correction[] {
    return this.store.list(filter);
  }

  /** See CorrectionStore.latest. */
  latest(key: string): Correction | undefined {
    return this.store.latest(key);
  }

  /** Seq of the last loaded correction. */
  get lastSeq(): number {
    return this.store.lastSeq;
  }
}
