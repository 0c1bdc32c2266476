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
