// test/neo4j: a stand-in for src/cli.ts — the commander program with the Neo4j group, catching once.
import { Command } from 'commander';
import { KgError } from '../../src/errors.js';
import { register } from '../../src/commands/neo4j.js';

const program = new Command('kg').exitOverride();
register(program);
program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof KgError) {
    process.stderr.write(`kg: ${err.message}\n`);
    process.exit(1);
  }
  if (err && typeof err === 'object' && 'exitCode' in err) process.exit((err as { exitCode: number }).exitCode);
  throw err;
});
