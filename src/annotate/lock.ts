// Cross-process exclusive lock: an O_EXCL lock file holding {pid, host, at}, broken when its owner is gone.
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { KgError } from '../errors.js';

/** Lock tuning; defaults suit a data dir shared by a server and a CLI. */
export interface LockOptions {
  /** A lock older than this is stale even if its owner seems alive (ms). Writers hold it for milliseconds. */
  staleMs?: number;
  /** Give up waiting after this long (ms). */
  timeoutMs?: number;
}

interface Owner { pid: number; host: string; at: string }

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, just not ours
  }
}

/** The lock file's content when it is stale, undefined when it is live or gone. */
async function staleContent(path: string, staleMs: number): Promise<string | undefined> {
  let text: string;
  let mtimeMs: number;
  try {
    [text, mtimeMs] = await Promise.all([fs.readFile(path, 'utf8'), fs.stat(path).then((s) => s.mtimeMs)]);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // released meanwhile: just retry
    throw e;
  }
  const age = Date.now() - mtimeMs;
  let owner: Owner | undefined;
  try { owner = JSON.parse(text) as Owner; } catch { /* empty or torn: owner died between open and write */ }
  const stale = age > staleMs || (!owner ? age > 1000
    // A dead pid on this host (kill -9) frees the lock at once instead of after staleMs.
    : owner.host === hostname() && owner.pid !== process.pid && !alive(owner.pid));
  return stale ? text : undefined;
}

/**
 * Take the lock at `path` (created with O_EXCL), waiting with jittered back-off; returns the release function.
 * A stale lock is moved aside with an atomic rename, so two waiters cannot both break it.
 * Throws KgError when the lock stays held longer than timeoutMs.
 */
export async function acquireLock(path: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const staleMs = options.staleMs ?? 30_000;
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const me: Owner = { pid: process.pid, host: hostname(), at: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const fh = await fs.open(path, 'wx');
      try { await fh.writeFile(JSON.stringify(me)); } finally { await fh.close(); }
      return async () => { await fs.rm(path, { force: true }); };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const stale = await staleContent(path, staleMs);
    if (stale !== undefined) {
      const aside = `${path}.stale-${randomUUID()}`;
      try {
        await fs.rename(path, aside);
        // Another waiter may have broken it and taken a fresh lock between our read and rename: give it back.
        if ((await fs.readFile(aside, 'utf8')) !== stale) await fs.link(aside, path).catch(() => undefined);
        await fs.rm(aside, { force: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; // someone else broke it first
      }
      continue;
    }
    if (Date.now() > deadline) {
      const owner = await fs.readFile(path, 'utf8').catch(() => '?');
      throw new KgError(`${path}: still locked after ${options.timeoutMs ?? 15_000} ms (owner ${owner})`);
    }
    await new Promise((r) => setTimeout(r, Math.min(50, 1 + attempt) * (0.5 + Math.random())));
  }
}
