// Undo as data: which corrections still count once undos (and undos of undos) are taken into account. Pure.
import type { Correction } from './types.js';

type Undoable = Pick<Correction, 'seq' | 'action' | 'undoes'>;

/**
 * Seqs that no longer count: every correction reverted by an undo that itself counts. Read from the
 * newest back, an undo that was undone in turn (a redo) no longer reverts its target.
 */
export function revertedSeqs(corrections: readonly Undoable[]): Set<number> {
  const dead = new Set<number>();
  const newestFirst = [...corrections].sort((a, b) => b.seq - a.seq);
  for (const c of newestFirst) {
    if (dead.has(c.seq)) continue;
    if (c.action === 'undo' && c.undoes !== undefined) dead.add(c.undoes);
  }
  return dead;
}

const liveCache = new WeakMap<readonly Correction[], Correction[]>();

/**
 * The decisions in force, in log order: corrections that are not undos and were not reverted.
 * Cached per array (a build applies the same log to every document).
 */
export function liveCorrections<T extends Correction>(corrections: readonly T[]): T[] {
  const hit = liveCache.get(corrections);
  if (hit) return hit as T[];
  const dead = revertedSeqs(corrections);
  const live = corrections.filter((c) => c.action !== 'undo' && !dead.has(c.seq));
  liveCache.set(corrections, live);
  return live;
}

/** The decision in force per key: the newest live correction on it (keys whose every decision was undone are absent). */
export function effectiveByKey<T extends Correction>(corrections: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const c of liveCorrections(corrections)) {
    const prev = out.get(c.key);
    if (!prev || c.seq > prev.seq) out.set(c.key, c);
  }
  return out;
}

/** Can `target` be undone now? Only while it counts: not already reverted (an undo: not already redone). */
export function isUndoable(target: Undoable, sameKey: readonly Undoable[]): boolean {
  return !revertedSeqs(sameKey).has(target.seq);
}
