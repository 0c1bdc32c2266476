// kg/neo4j: start/stop the bundled embedded Neo4j (scripts/neo4j) from TypeScript — tests and tools.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { Neo4jError } from '../errors.js';
import { mkdirpSync } from '../util/mkdir.js';

/** Options for startEmbeddedNeo4j. */
export interface EmbeddedOptions {
  /** Bolt port; default: a free port picked on 127.0.0.1. */
  port?: number;
  /** Database directory; default <repo>/.neo4j/data. */
  dataDir?: string;
  /** Password of user neo4j (auth is on); default the install's random one in `passwordFile`. */
  password?: string;
  /** Where the install's random password lives (default .neo4j/password, created when missing). */
  passwordFile?: string;
  /** Log file (launcher + server stdout/stderr); default <repo>/.neo4j/neo4j.log. */
  logFile?: string;
  /** How long to wait for Bolt to answer, after the build (default 600 s: a first start on a busy 2-core machine takes minutes). */
  startTimeoutMs?: number;
  /** How long the Maven build may take (first run downloads Neo4j; default 15 min). */
  buildTimeoutMs?: number;
}

/** A running bundled Neo4j. */
export interface EmbeddedNeo4j {
  uri: string;
  user: string;
  password: string;
  port: number;
  pid: number;
  logFile: string;
  /** SIGTERM (clean shutdown), then SIGKILL after `graceMs` (default 30 s). */
  stop(graceMs?: number): Promise<void>;
}

/** The repository root (holds scripts/neo4j), found from this module's location in src/ or dist/src/. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'scripts', 'neo4j', 'start.sh'))) return dir;
    dir = dirname(dir);
  }
  throw new Neo4jError(`scripts/neo4j/start.sh: not found above ${fileURLToPath(import.meta.url)}`);
}

/** Picks a free TCP port on 127.0.0.1 (the OS chooses; we release it just before Neo4j binds it). */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

function logTail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function run(cmd: string, args: string[], logFile: string, timeoutMs: number): Promise<void> {
  return new Promise((ok, fail) => {
    const fd = openSync(logFile, 'a');
    const child = spawn(cmd, args, { stdio: ['ignore', fd, fd] });
    closeSync(fd);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (e) => { clearTimeout(timer); fail(e); });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) ok();
      else fail(new Neo4jError(`scripts/neo4j/build.sh: failed (${signal ?? `exit ${code}`}); ${logTail(logFile, 8).split('\n').filter((l) => l.startsWith('kg-neo4j')).pop() ?? `see ${logFile}`}`));
    });
  });
}

/**
 * Compiles the launcher with Maven unless cached (scripts/neo4j/build.sh). Missing Java or
 * Maven is a Neo4jError with the reason, never a silent skip.
 */
export async function buildEmbeddedNeo4j(opts: Pick<EmbeddedOptions, 'logFile' | 'buildTimeoutMs'> = {}): Promise<void> {
  const root = repoRoot();
  const logFile = opts.logFile ?? join(root, '.neo4j', 'neo4j.log');
  mkdirpSync(dirname(logFile));
  await run('bash', [join(root, 'scripts', 'neo4j', 'build.sh')], logFile, opts.buildTimeoutMs ?? 15 * 60_000);
}

/** Reads the install's password file, creating it (random, mode 0600) first if missing — as the Java launcher does. */
export function installPassword(file: string): string {
  if (!existsSync(file)) {
    mkdirpSync(dirname(file));
    try {
      writeFileSync(file, `${randomBytes(18).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return readFileSync(file, 'utf8').trim();
}

async function answers(uri: string, password: string): Promise<boolean> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password), { connectionTimeout: 2000, logging: { level: 'error', logger: () => {} } });
  try {
    await driver.executeQuery('RETURN 1');
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((ok) => {
    const timer = setTimeout(() => ok(false), ms);
    child.once('exit', () => { clearTimeout(timer); ok(true); });
  });
}

/**
 * Builds (if needed) and starts the bundled Neo4j on 127.0.0.1, waits until Bolt answers with the
 * credentials, and returns a handle to stop it. The server also exits when this process dies
 * (it watches its stdin), so a crashed test run leaves no orphan.
 */
export async function startEmbeddedNeo4j(opts: EmbeddedOptions = {}): Promise<EmbeddedNeo4j> {
  const root = repoRoot();
  const logFile = opts.logFile ?? join(root, '.neo4j', 'neo4j.log');
  const dataDir = resolve(opts.dataDir ?? join(root, '.neo4j', 'data'));
  const passwordFile = opts.passwordFile ?? join(root, '.neo4j', 'password');
  const password = opts.password ?? installPassword(passwordFile);
  mkdirpSync(dirname(logFile));
  mkdirpSync(dataDir);
  await buildEmbeddedNeo4j(opts);

  const port = opts.port ?? (await freePort());
  const uri = `bolt://127.0.0.1:${port}`;
  const fd = openSync(logFile, 'a');
  const child = spawn('bash', [join(root, 'scripts', 'neo4j', 'start.sh')], {
    stdio: ['pipe', fd, fd],
    env: { ...process.env, NEO4J_PORT: String(port), NEO4J_HOME_DIR: dataDir, NEO4J_PASSWORD: password, NEO4J_PASSWORD_FILE: passwordFile, NEO4J_AUTH: '', KG_NEO4J_WATCH_STDIN: '1' },
  });
  closeSync(fd);
  const stop = async (graceMs = 30_000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if (!(await waitExit(child, graceMs))) {
      child.kill('SIGKILL');
      await waitExit(child, 5000);
    }
  };

  const deadline = Date.now() + (opts.startTimeoutMs ?? 600_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Neo4jError(`${uri}: the bundled Neo4j exited during startup (${child.signalCode ?? `exit ${child.exitCode}`}); last log lines:\n${logTail(logFile)}`);
    }
    if (await answers(uri, password)) {
      return { uri, user: 'neo4j', password, port, pid: child.pid ?? -1, logFile, stop };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop(5000);
  throw new Neo4jError(`${uri}: the bundled Neo4j did not answer within ${Math.round((opts.startTimeoutMs ?? 600_000) / 1000)} s; see ${logFile}`);
}
