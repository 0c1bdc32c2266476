/**
 * `mkdir -p` without Node's recursive mkdir: on Node 20, `mkdir(dir, { recursive: true })` (sync and
 * async) never returns for a path under /proc (mkdir there fails with ENOENT although the parent
 * exists, and Node retries forever), so `kg build --out /proc/x/graph.json` hung instead of failing.
 * These walk up to the nearest existing ancestor and create each missing directory once, so any
 * failure is an ordinary error (ENOENT, EACCES, ENOTDIR, …) the caller reports.
 */
import { mkdirSync, statSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** The directories to create, outermost first (none when `dir` exists). */
function missing(dir: string, exists: (d: string) => boolean): string[] {
  const out: string[] = [];
  for (let d = resolve(dir); !exists(d); d = dirname(d)) {
    out.unshift(d);
    if (dirname(d) === d) break;
  }
  return out;
}

const isEexist = (err: unknown) => (err as NodeJS.ErrnoException).code === 'EEXIST';

/** Create `dir` and its missing parents (synchronously). */
export function mkdirpSync(dir: string): void {
  const exists = (d: string) => {
    try {
      statSync(d);
      return true;
    } catch {
      return false;
    }
  };
  for (const d of missing(dir, exists)) {
    try {
      mkdirSync(d);
    } catch (err) {
      if (!isEexist(err)) throw err;
    }
  }
}

/** Create `dir` and its missing parents. */
export async function mkdirp(dir: string): Promise<void> {
  const known = new Map<string, boolean>();
  // stat up the chain first (async), then reuse the answers in the synchronous walk
  for (let d = resolve(dir); ; d = dirname(d)) {
    const ok = await stat(d).then(() => true, () => false);
    known.set(d, ok);
    if (ok || dirname(d) === d) break;
  }
  for (const d of missing(dir, (x) => known.get(x) ?? false)) {
    try {
      await mkdir(d);
    } catch (err) {
      if (!isEexist(err)) throw err;
    }
  }
}
