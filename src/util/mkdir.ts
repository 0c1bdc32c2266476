/**
 * `mkdir -p` without Node's recursive mkdir: on Node 20, `mkdir(dir, { recursive: true })` (sync and
 * async) never returns for a path under /proc (mkdir there fails with ENOENT although the parent
 * exists, and Node retries forever), so `kg build --out /proc/x/graph.json` hung instead of failing.
 * These walk up to the nearest existing ancestor and create each missing directory once, so any
 * failure is an ordinary error (ENOENT, EACCES, ENOTDIR, …) the caller reports.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

const isEexist = (err: unknown) => (err as NodeJS.ErrnoException).code === 'EEXIST';

/** Create `dir` and its missing parents (synchronously). */
export function mkdirpSync(dir: string): void {
  const todo: string[] = [];
  for (let d = resolve(dir); !existsSync(d) && dirname(d) !== d; d = dirname(d)) todo.unshift(d);
  for (const d of todo) {
    try {
      mkdirSync(d);
    } catch (err) {
      if (!isEexist(err)) throw err;
    }
  }
}

/** Create `dir` and its missing parents. */
export async function mkdirp(dir: string): Promise<void> {
  const todo: string[] = [];
  const exists = (d: string) => access(d).then(() => true, () => false);
  for (let d = resolve(dir); !(await exists(d)) && dirname(d) !== d; d = dirname(d)) todo.unshift(d);
  for (const d of todo) {
    try {
      await mkdir(d);
    } catch (err) {
      if (!isEexist(err)) throw err;
    }
  }
}
