// test/setup: vitest globalSetup — starts the bundled Neo4j unless NEO4J_URI points at one.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded.js';

/** What Neo4j tests get from `inject('neo4j')`. */
export interface ProvidedNeo4j { uri: string; user: string; password: string; database?: string }

declare module 'vitest' {
  export interface ProvidedContext { neo4j: ProvidedNeo4j }
}

/**
 * With NEO4J_URI set, tests use that server (NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE);
 * otherwise the bundled one is built (Maven, cached) and started on a free port with a throw-away
 * data directory, and stopped at teardown. Missing Java or Maven fails the run with a clear message.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.NEO4J_URI) {
    project.provide('neo4j', {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? 'kg-password',
      database: process.env.NEO4J_DATABASE,
    });
    return async () => {};
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'kg-neo4j-test-'));
  const server = await startEmbeddedNeo4j({ dataDir, password: 'kg-test-password' });
  project.provide('neo4j', { uri: server.uri, user: server.user, password: server.password });
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
