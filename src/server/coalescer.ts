// Rebuild coalescer: at most one rebuild in flight and one pending, however many writers ask.

/**
 * Runs `task` on request, coalescing bursts: while a run is in flight, every request joins one
 * pending run that starts when the current one ends. So 2000 corrections from 20 writers cost a
 * handful of rebuilds, and every request is covered by a run that started after it was made
 * (a run already in flight may have read the data before the request's write landed).
 *
 * Runs are numbered 1, 2, …; `request()` returns the number of the run that will cover it,
 * which the server hands out as the graph version a client should wait for.
 */
export class Coalescer {
  private runs = 0;
  private inFlight: Promise<void> | null = null;
  private pending: { run: number; done: Promise<void>; resolve: () => void } | null = null;

  /** `task(run)` does the work of run number `run`; it must not throw (report errors itself). */
  constructor(private readonly task: (run: number) => Promise<void>, start = 0) {
    this.runs = start;
  }

  /** Asks for a run; returns its number. */
  request(): number {
    if (this.pending) return this.pending.run;
    if (!this.inFlight) return this.start(++this.runs);
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    this.pending = { run: this.runs + 1, done, resolve };
    return this.pending.run;
  }

  /** Resolves when nothing is in flight or pending (used by close() and tests). */
  async idle(): Promise<void> {
    while (this.inFlight || this.pending) await (this.pending?.done ?? this.inFlight);
  }

  private start(run: number): number {
    this.runs = run;
    this.inFlight = this.task(run).catch(() => undefined).finally(() => {
      this.inFlight = null;
      const next = this.pending;
      this.pending = null;
      if (next) {
        this.start(next.run);
        void this.inFlight!.then(next.resolve);
      }
    });
    return run;
  }
}
