// Worker threads that also start from TypeScript sources (vitest, tsx): the built .js runs as is.
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A Worker for the module `entry` (a sibling `.js` in dist/, or `.ts` when running from source).
 * From source, a tiny CommonJS boot registers tsx's loader in the new thread and imports the entry,
 * which Node 20 cannot do with `execArgv: ['--import', 'tsx']` for workers.
 */
export function spawnWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const boot = `const { workerData } = require('node:worker_threads');
import('tsx/esm/api').then((m) => { m.register(); return import(workerData.__entry); });`;
  return new Worker(boot, { ...options, eval: true, workerData: { ...(options.workerData as object | undefined), __entry: entry.href } });
}

/** `./name.js` next to `from` in dist/, `./name.ts` in src/ (under tsx or vitest). */
export function siblingModule(name: string, from: string): URL {
  return new URL(`./${name}${from.endsWith('.ts') ? '.ts' : '.js'}`, from);
}
