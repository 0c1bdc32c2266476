// kg/neo4j: opening a driver, and turning driver failures into one-line Neo4jErrors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { Neo4jError } from '../errors.js';
import { repoRoot } from './embedded.js';

/** Where and how to connect. */
export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  /** Database name; undefined = the server's default database. */
  database?: string;
}

/** Defaults: the bundled server (scripts/neo4j) on its default port; its password is read from {@link bundledPasswordFile}. */
export const DEFAULT_TARGET: Readonly<Omit<Neo4jTarget, 'password'>> = { uri: 'bolt://127.0.0.1:7687', user: 'neo4j' };

/** How long a server may take to answer the first query before kg gives up (it may accept TCP and say nothing). */
export const CONNECT_TIMEOUT_MS = 10_000;

/**
 * The file holding the bundled server's random per-install password: env NEO4J_PASSWORD_FILE, else
 * `.neo4j/password` of the repository (scripts/neo4j/start.sh creates it on the first start).
 */
export function bundledPasswordFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NEO4J_PASSWORD_FILE) return env.NEO4J_PASSWORD_FILE;
  try {
    return join(repoRoot(), '.neo4j', 'password');
  } catch {
    return join('.neo4j', 'password');
  }
}

/** Is this URI a server on this machine (where the bundled password may be offered)? */
function isLoopback(uri: string): boolean {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(uri).hostname);
  } catch {
    return false;
  }
}

/**
 * Fills a partial target from options, then the environment, then the bundled server's defaults.
 * The bundled password file is only read for a server on this machine (never sent elsewhere);
 * without any password the result has '' and {@link connect} says how to get one.
 */
export function resolveTarget(opts: Partial<Neo4jTarget>, env: NodeJS.ProcessEnv = process.env): Neo4jTarget {
  // An empty variable counts as unset (`NEO4J_URI= kg …`).
  const uri = opts.uri ?? (env.NEO4J_URI || DEFAULT_TARGET.uri);
  let password = opts.password ?? (env.NEO4J_PASSWORD || '');
  if (!password && isLoopback(uri)) {
    try {
      password = readFileSync(bundledPasswordFile(env), 'utf8').trim();
    } catch { /* no bundled server started yet */ }
  }
  return { uri, user: opts.user ?? (env.NEO4J_USER || DEFAULT_TARGET.user), password, database: opts.database ?? (env.NEO4J_DATABASE || undefined) };
}

/** First line of a message (driver messages can carry multi-line server detail). */
function firstLine(s: string): string {
  return (s.split('\n').find((l) => l.trim() !== '') ?? s).trim();
}

/** Maps any driver/server error to a Neo4jError whose message starts with the URI and fits one line. */
export function toNeo4jError(err: unknown, target: Pick<Neo4jTarget, 'uri' | 'user' | 'database'>): Neo4jError {
  if (err instanceof Neo4jError) return err;
  const e = err as { code?: string; message?: string };
  const code = e?.code ?? '';
  const msg = firstLine(String(e?.message ?? err));
  const where = target.uri;
  if (code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    // Neo4j locks the user for a few seconds after repeated failures and then refuses even the right password.
    return new Neo4jError(`${where}: too many failed logins for user "${target.user}": Neo4j refuses every login for a few seconds (dbms.security.auth_lock_time); wait, then retry with the right password`);
  }
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return new Neo4jError(`${where}: authentication failed for user "${target.user}" (wrong user or password?)`);
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT/.test(msg)) {
    // The driver's text is a paragraph of advice; its last "Caused by:" says what happened.
    const cause = msg.includes('Caused by:') ? msg.slice(msg.lastIndexOf('Caused by:') + 10).trim() : msg;
    return new Neo4jError(`${where}: cannot reach Neo4j (${cause})`);
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new Neo4jError(`${where}: database "${target.database ?? '(default)'}" does not exist`);
  }
  if (code.startsWith('Neo.ClientError.Statement.')) return new Neo4jError(`${where}: Cypher error: ${msg}`);
  return new Neo4jError(`${where}: ${code ? `${code}: ` : ''}${msg}`);
}

/** An open connection: the driver plus the database to use. Close it when done. */
export interface Connection { driver: Driver; target: Neo4jTarget; close(): Promise<void> }

/**
 * Opens a driver and checks that the server answers and accepts the credentials, so later
 * failures are about the work, not the connection. Throws Neo4jError.
 */
export async function connect(target: Neo4jTarget, opts: { timeoutMs?: number } = {}): Promise<Connection> {
  if (!target.password) {
    throw new Neo4jError(`${target.uri}: no password: pass --password or set NEO4J_PASSWORD (the bundled server writes its random one to ${bundledPasswordFile()} on first start: npm run neo4j)`);
  }
  const timeoutMs = opts.timeoutMs ?? CONNECT_TIMEOUT_MS;
  let driver: Driver;
  try {
    driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
      connectionTimeout: timeoutMs,
      maxTransactionRetryTime: 30_000,
      disableLosslessIntegers: false,
      logging: { level: 'error', logger: () => {} },
    });
  } catch (err) {
    throw toNeo4jError(err, target);
  }
  try {
    // An auto-commit run, not executeQuery: no retry loop, so an unreachable server fails fast.
    // The driver's own timeout covers the TCP connect only: a server that accepts and then says
    // nothing (a hung JVM, the wrong service) would hold the handshake for a minute.
    const session = driver.session({ database: target.database });
    let timer: NodeJS.Timeout | undefined;
    const silent = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new Neo4jError(`${target.uri}: no answer within ${Math.round(timeoutMs / 1000)} s (is this a Neo4j Bolt port? is the server overloaded?)`)), timeoutMs);
    });
    try {
      await Promise.race([session.run('RETURN 1'), silent]);
    } finally {
      clearTimeout(timer);
      void session.close().catch(() => {});
    }
  } catch (err) {
    await driver.close().catch(() => {});
    throw toNeo4jError(err, target);
  }
  return { driver, target, close: () => driver.close() };
}
