// kg/neo4j: opening a driver, and turning driver failures into one-line Neo4jErrors.
import neo4j, { type Driver } from 'neo4j-driver';
import { Neo4jError } from '../errors.js';

/** Where and how to connect. */
export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  /** Database name; undefined = the server's default database. */
  database?: string;
}

/** Defaults: env NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD, else the bundled server's (scripts/neo4j). */
export const DEFAULT_TARGET: Readonly<Neo4jTarget> = { uri: 'bolt://127.0.0.1:7687', user: 'neo4j', password: 'kg-password' };

/** Fills a partial target from options, then the environment, then DEFAULT_TARGET. */
export function resolveTarget(opts: Partial<Neo4jTarget>, env: NodeJS.ProcessEnv = process.env): Neo4jTarget {
  return {
    // An empty variable counts as unset (`NEO4J_URI= kg …`).
    uri: opts.uri ?? (env.NEO4J_URI || DEFAULT_TARGET.uri),
    user: opts.user ?? (env.NEO4J_USER || DEFAULT_TARGET.user),
    password: opts.password ?? (env.NEO4J_PASSWORD || DEFAULT_TARGET.password),
    database: opts.database ?? (env.NEO4J_DATABASE || undefined),
  };
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
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
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
export async function connect(target: Neo4jTarget): Promise<Connection> {
  let driver: Driver;
  try {
    driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
      connectionTimeout: 10_000,
      maxTransactionRetryTime: 30_000,
      disableLosslessIntegers: false,
      logging: { level: 'error', logger: () => {} },
    });
  } catch (err) {
    throw toNeo4jError(err, target);
  }
  try {
    // An auto-commit run, not executeQuery: no retry loop, so an unreachable server fails fast.
    const session = driver.session({ database: target.database });
    try {
      await session.run('RETURN 1');
    } finally {
      await session.close();
    }
  } catch (err) {
    await driver.close().catch(() => {});
    throw toNeo4jError(err, target);
  }
  return { driver, target, close: () => driver.close() };
}
