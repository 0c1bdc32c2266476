// Shared helpers for the CLI tests: a fresh build of dist/ (once, under a lock) and a spawned `kg`.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLI = join('dist', 'src', 'cli.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : e.name.endsWith('.ts') ? statSync(p).mtimeMs : 0);
  }
  return newest;
}

const stale = () => {
  try {
    return statSync(CLI).mtimeMs < newestMtime('src');
  } catch {
    return true;
  }
};

/** Make sure dist/ is built from the current src/ (`npm run build`'s tsc), one test file at a time. */
export async function _ensureBuilt(): Promise<void> {
  if (!stale()) return;
  const lock = join(tmpdir(), 'kg-cli-test-build.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // another test file is building; a lock older than 5 minutes is abandoned
      try {
        if (Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      } catch { /* gone */ }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (stale()) {
      const r = spawnSync(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`tsc failed:\n${r.stdout}${r.stderr}`);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** What a `kg` run printed and how it ended. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** non-empty stderr lines */
  errLines: string[];
}

/** Run `node dist/src/cli.js …args` from the project root. */
export function _kg(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), CLI), ...args], { cwd: options.cwd ?? process.cwd(), env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], uid: options.uid, gid: options.gid });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, errLines: stderr.split('\n').filter((l) => l.trim()) }));
  });
}

/** A fresh temp dir. */
export function _tmp(prefix = 'kg-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A copy of ontology/ in a temp dir. */
export function _ontologyCopy(): string {
  const dir = join(_tmp('kg-cli-ontology-'), 'ontology');
  cpSync('ontology', dir, { recursive: true });
  return dir;
}

/** Assert the run failed the kg way: non-zero, exactly one stderr line starting `kg:` and matching `re`, no stack trace. */
export function _oneLineError(run: Run, re: RegExp): void {
  if (run.code === 0 || run.errLines.length !== 1 || !run.errLines[0]!.startsWith('kg: ') || !re.test(run.errLines[0]!) || /^\s+at /m.test(run.stderr)) {
    throw new Error(`expected one "kg:" line matching ${re} and a non-zero exit, got code ${run.code} and stderr:\n${run.stderr}`);
  }
}
