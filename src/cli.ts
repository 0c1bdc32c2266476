#!/usr/bin/env node
/**
 * kg's command line (vite's cli.ts style): commander parses, each command lazy-imports its work,
 * and this file catches once — a KgError prints `kg: <message>` on one line and exits 1.
 */
import { Command, CommanderError } from 'commander';
import { KgError } from './errors.js';
import { register as registerAnnotations } from './commands/annotations.js';
import { register as registerNeo4j } from './commands/neo4j.js';
import { register as registerPipeline } from './commands/pipeline.js';
import { register as registerServe } from './commands/serve.js';

process.env.DOTENV_CONFIG_QUIET ??= 'true';

const program = new Command('kg')
  .description('kg — knowledge graphs of US–Mexico labor-rights actors from documents, with annotation')
  .version('0.1.0')
  // usage errors too are one `kg:` line (commander's own "error: …" plus a hint line otherwise)
  .configureOutput({ outputError: (message, write) => write(`kg: ${message.replace(/^error: /, '').replace(/\s+/g, ' ').trim()} (run kg --help for usage)\n`) })
  .exitOverride();

registerPipeline(program);
registerServe(program);
registerAnnotations(program);
registerNeo4j(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  if (err instanceof KgError) {
    process.stderr.write(`kg: ${err.message.split('\n')[0]}\n`);
    process.exit(1);
  }
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EACCES' || e?.code === 'ENOENT' || e?.code === 'EISDIR') {
    process.stderr.write(`kg: ${e.message}\n`);
    process.exit(1);
  }
  throw err;
}
