// Test configuration: unit + integration suites, Neo4j suite (real server started by globalSetup),
// e2e suite (real Chromium). `npm test` runs them all.
import { defineConfig } from 'vitest/config';

const common = { testTimeout: 60_000, hookTimeout: 240_000, teardownTimeout: 60_000 };

export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-artifacts/vitest.json' },
    projects: [
      { test: { ...common, name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/neo4j/**', 'test/e2e/**', '**/node_modules/**'] } },
      { test: { ...common, name: 'neo4j', include: ['test/neo4j/**/*.test.ts'], globalSetup: ['test/setup/neo4j.ts'], fileParallelism: false, hookTimeout: 900_000, testTimeout: 120_000 } },
      // a browser on a loaded machine can take more than expect.poll's default 1 s to re-render after a step
      { test: { ...common, name: 'e2e', include: ['test/e2e/**/*.test.ts'], fileParallelism: false, expect: { poll: { timeout: 10_000 } } } },
    ],
  },
});
