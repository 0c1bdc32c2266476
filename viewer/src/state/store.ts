// A tiny observable value: the one state primitive of the viewer (one store per domain).

/** A readable, writable, subscribable value. */
export interface Store<T> {
  get(): T;
  set(next: T): void;
  update(fn: (prev: T) => T): void;
  /** Calls `fn` on every change; returns the unsubscribe function. */
  subscribe(fn: (value: T, prev: T) => void): () => void;
}

/** Create a store; `set` with an identical value (Object.is) notifies no one. */
export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const subs = new Set<(v: T, p: T) => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      const prev = value;
      value = next;
      for (const fn of [...subs]) fn(value, prev);
    },
    update(fn) { this.set(fn(value)); },
    subscribe(fn) { subs.add(fn); return () => subs.delete(fn); },
  };
}
