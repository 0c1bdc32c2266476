// What we know of the server: latest graph version seen (SSE), so a writer can wait for its rebuild.
import { createStore } from './store.ts';

/** Latest graph version announced on /api/events (or read from /api/graph). */
export const serverVersion = createStore<number>(-1);

/** Resolve once the server announced `version` (or after `timeoutMs`, whichever is first). */
export function waitForVersion(version: number, timeoutMs = 8000): Promise<void> {
  if (serverVersion.get() >= version) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => { clearTimeout(t); off(); resolve(); };
    const off = serverVersion.subscribe((v) => { if (v >= version) done(); });
    const t = setTimeout(done, timeoutMs);
  });
}
