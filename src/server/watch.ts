// Watches the data dir so corrections written by another process (kg annotations import…) rebuild too.
import { watch, type FSWatcher } from 'node:fs';
import type { CorrectionStore } from '../annotate/store.js';

/**
 * Calls `onNew()` when the corrections log gained lines this process has not seen. `seen(seq)`
 * must be told about the server's own appends, which already asked for a rebuild; fs events for
 * those then cost one cheap refresh and nothing else. Returns a stop function.
 */
export function watchCorrections(dataDir: string, store: CorrectionStore, onNew: () => void, log: (line: string) => void):
  { seen: (seq: number) => void; stop: () => void } {
  let seenSeq = store.lastSeq;
  let checking = false;
  let again = false;
  const check = async () => {
    if (checking) { again = true; return; }
    checking = true;
    try {
      do {
        again = false;
        await store.refresh();
        if (store.lastSeq > seenSeq) {
          seenSeq = store.lastSeq;
          onNew();
        }
      } while (again);
    } catch (err) {
      log(`reading new corrections failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      checking = false;
    }
  };
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    watcher = watch(dataDir, { persistent: false }, (_event, name) => {
      // Debounced: one commit fires several events, and our own commits fire them too.
      if ((name === null || name === 'corrections.jsonl') && !timer) {
        timer = setTimeout(() => { timer = undefined; void check(); }, 25);
      }
    });
    watcher.on('error', () => undefined);
  } catch {
    log(`cannot watch ${dataDir}: corrections from other processes show after the next write here`);
  }
  return { seen: (seq) => { seenSeq = Math.max(seenSeq, seq); }, stop: () => { clearTimeout(timer); watcher?.close(); } };
}

/** Quiet time after the last change before a rebuild is asked for: a save or a `cp -r` fires many events. */
export const SOURCES_DEBOUNCE_MS = 300;

/**
 * Calls `onChange()` (debounced) when anything under the corpus or the ontology directory changes,
 * so `kg serve` rebuilds as the README says. Hidden names (`.x.swp`, `.git/…`) are ignored, as the
 * corpus walker skips them. Where recursive watching is not available the directories are not
 * watched (logged once); rebuilds then follow corrections only. Returns a stop function.
 */
export function watchSources(dirs: string[], onChange: () => void, log: (line: string) => void, debounceMs = SOURCES_DEBOUNCE_MS): () => void {
  let timer: NodeJS.Timeout | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(() => { timer = undefined; onChange(); }, debounceMs);
  };
  const watchers: FSWatcher[] = [];
  for (const dir of dirs) {
    try {
      const w = watch(dir, { persistent: false, recursive: true }, (_event, name) => {
        if (name !== null && String(name).split(/[\\/]/).some((part) => part.startsWith('.'))) return;
        fire();
      });
      w.on('error', () => undefined);
      watchers.push(w);
    } catch (err) {
      log(`cannot watch ${dir} (${(err as NodeJS.ErrnoException).code ?? 'error'}): edits there show after the next correction or restart`);
    }
  }
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
