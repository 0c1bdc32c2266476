// test/neo4j: stand-alone vitest config for the Neo4j suite (`npx vitest run -c test/neo4j/vitest.config.ts`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/neo4j/**/*.test.ts'],
    globalSetup: ['test/setup/neo4j.ts'],
    hookTimeout: 900_000,
    testTimeout: 120_000,
    fileParallelism: false,
  },
});
