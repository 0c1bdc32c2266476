// `kg serve`: options only; the server is imported when the command runs.
import type { Command } from 'commander';

/** Registers `kg serve [--corpus] [--data] [--ontology] [--host] [--port] [--token] [--open]`. */
export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API and the explorer; corrections rebuild the graph live')
    .option('--corpus <dir>', 'corpus directory', 'corpus')
    .option('--data <dir>', 'data directory (corrections.jsonl)', 'data')
    .option('--ontology <dir>', 'ontology directory', 'ontology')
    .option('--host <address>', 'address to bind; anything but loopback requires a token for writes', '127.0.0.1')
    .option('--port <n>', 'port (0 = any free port)', '4747')
    .option('--token <token>', 'token for writes (Authorization: Bearer <token>); random when exposed and not given')
    .option('--open', 'open the explorer in a browser')
    .action(async (opts: ServeCliOptions) => {
      const { runServe } = await import('../server/run.js');
      await runServe(opts);
    });
}

/** Options as commander parses them. */
export interface ServeCliOptions {
  corpus: string;
  data: string;
  ontology: string;
  host: string;
  port: string;
  token?: string;
  open?: boolean;
}
