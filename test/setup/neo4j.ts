// test/setup: vitest globalSetup — starts the bundled Neo4j unless NEO4J_URI points at one.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { resolveTarget } from '../../src/neo4j/connect.js';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded.js';

/** What Neo4j tests get from `inject('neo4j')`. */
export interface ProvidedNeo4j { uri: string; user: string; password: string; database?: string }

declare module 'vitest' {
  export interface ProvidedContext { neo4j: ProvidedNeo4j; neo4jServer: { dataDir: string; pid: number; port: number } | null }
}

/**
 * With NEO4J_URI set, tests use that server (NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE);
 * otherwise the bundled one is built (Maven, cached) and started on a free port with a throw-away
 * data directory, and stopped at teardown. Missing Java or Maven fails the run with a clear message.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.NEO4J_URI) {
    const t = resolveTarget({});
    project.provide('neo4j', { uri: t.uri, user: t.user, password: t.password, database: t.database });
    project.provide('neo4jServer', null);
    return async () => {};
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'kg-neo4j-test-'));
  // a fresh random password per run: nothing fixed or published can open a test server
  const server = await startEmbeddedNeo4j({ dataDir, password: randomBytes(15).toString('base64url'), passwordFile: join(dataDir, 'kg-password') });
  project.provide('neo4j', { uri: server.uri, user: server.user, password: server.password });
  project.provide('neo4jServer', { dataDir, pid: server.pid, port: server.port });
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
