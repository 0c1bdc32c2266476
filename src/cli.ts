#!/usr/bin/env node
/**
 * kg's command line, in one place (vite's cli.ts): every command and option is registered here,
 * each action lazy-imports its domain module and makes one call, and {@link main} catches once.
 * Exit codes are the same for every command (see EXIT in src/errors.ts and `kg --help`).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { EXIT, exitCodeOf, UsageError } from './errors.js';
import { printable } from './util/terminal.js';

process.env.DOTENV_CONFIG_QUIET ??= 'true';

const DEFAULT_GRAPH = 'data/graph.json';
const DEFAULT_MAX_BYTES = 20 * 1048576;

const EXIT_HELP = `
Exit codes (every command):
  0  done
  1  nothing done: bad usage, a missing input named on the command line, a bad ontology,
     an unwritable output, or an internal error (reported on one line; KG_DEBUG=1 adds the stack)
  2  done, but some documents were skipped (each reported on one line: unreadable, unsupported,
     too large, outside the corpus, took too long); the output holds all the others`;

/** Parse a size like 20MB / 512k / 1048576 into bytes. */
export function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError(`invalid size '${value}' (use e.g. 20MB)`);
  const unit = (m[2] ?? '').toLowerCase()[0];
  return Math.round(Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1048576 : unit === 'g' ? 1073741824 : 1));
}

/** Parse a number of seconds (> 0, fractions allowed). */
export function parseSeconds(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(n > 0)) throw new InvalidArgumentError(`expected a number of seconds > 0, got '${value}'`);
  return n;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The exit code an action returned (void = done). */
const done = (code: number | void) => {
  if (typeof code === 'number') process.exitCode = Math.max(Number(process.exitCode ?? 0), code);
};

/** Neo4j connection options shared by load-neo4j and cypher. */
function neo4jConnection(cmd: Command): Command {
  return cmd
    .option('--uri <uri>', 'Bolt URI (env NEO4J_URI; default bolt://127.0.0.1:7687)')
    .option('--user <user>', 'user (env NEO4J_USER; default neo4j)')
    .option('--password <password>', "password (env NEO4J_PASSWORD; default the bundled server's random one in .neo4j/password)")
    .option('--database <name>', "database (env NEO4J_DATABASE; default the server's default)");
}

/** The whole `kg` program: every command, its options and its (lazy) action. */
export function createProgram(): Command {
  const program = new Command('kg')
    .description('kg — knowledge graphs of US–Mexico labor-rights actors from documents, with annotation')
    .version('0.1.0')
    // usage errors too are one `kg:` line (commander's own "error: …" plus a hint line otherwise)
    .configureOutput({ outputError: (message, write) => write(`kg: ${printable(message.replace(/^error: /, '').replace(/\s+/g, ' ').trim())} (run kg --help for usage)\n`) })
    .exitOverride()
    .addHelpText('after', EXIT_HELP);

  // ── pipeline ──────────────────────────────────────────────────────────────────────────────
  program.command('build')
    .description('extract every document of the corpus and write the knowledge graph')
    .argument('[corpus]', 'corpus directory or file', 'corpus')
    .option('-o, --out <file>', 'output file', DEFAULT_GRAPH)
    .option('-f, --format <format>', 'json (graphology), gexf or graphml', 'json')
    .option('--ontology <dir>', 'ontology directory', 'ontology')
    .option('--data <dir>', 'data directory (corrections)', 'data')
    .option('--no-corrections', 'ignore the annotators\' corrections')
    .option('--no-layout', 'skip the ForceAtlas2 layout')
    .option('--workers <n>', 'worker threads for extraction (default: cores, 1 for small corpora)')
    .option('--max-size <size>', 'largest document to read (default 20MB)', parseSize)
    .option('--timeout <seconds>', 'CPU seconds one document may take to read and extract before it is skipped', parseSeconds, 120)
    .option('--follow-symlinks', 'follow symbolic links that point outside the corpus directory')
    .option('-q, --quiet', 'no progress bar or summary')
    .addHelpText('after', EXIT_HELP)
    .action(async (corpus: string, opts) => {
      const { buildCommand } = await import('./build/cli.js');
      done(await buildCommand(corpus, { ...opts, maxBytes: opts.maxSize ?? DEFAULT_MAX_BYTES }));
    });

  program.command('extract')
    .description('extract entities and relations from documents (one JSON object per document per line)')
    .argument('<files...>', 'documents (.txt .md .html .pdf)')
    .option('--json', 'JSON lines output (the default; kept for scripts)')
    .option('--pretty', 'a readable summary instead of JSON')
    .option('--ontology <dir>', 'ontology directory', 'ontology')
    .option('--corpus <dir>', 'documents under this directory are named by their path relative to it (as kg build names them)', 'corpus')
    .option('--data <dir>', 'apply the corrections of this data directory')
    .option('--max-size <size>', 'largest document to read (default 20MB)', parseSize)
    .option('--timeout <seconds>', 'CPU seconds one document may take to read and extract before it is skipped', parseSeconds, 120)
    .addHelpText('after', EXIT_HELP)
    .action(async (files: string[], opts) => {
      const { extractCommand } = await import('./build/cli.js');
      done(await extractCommand(files, { ...opts, maxBytes: opts.maxSize ?? DEFAULT_MAX_BYTES }));
    });

  program.command('eval')
    .description('score extractions against gold annotations (P/R/F1 per type, country accuracy); without --gold, the standard sets side by side')
    .option('--gold <dir>', 'directory of *.gold.json files (default: the standard sets real-dev, seeds, written-dev, written-regression)')
    .option('--set <names>', 'without --gold: comma-separated standard sets to score (real-dev,seeds,written-dev,written-regression)')
    .option('--docs <dir>', 'directory holding the documents the gold files name', 'corpus')
    .option('--ontology <dir>', 'ontology directory', 'ontology')
    .option('--data <dir>', 'score the corrected annotations (apply this data directory\'s corrections)')
    .option('--withhold <ids>', 'comma-separated ontology entity ids to drop (held-out curation test)')
    .option('--errors', 'list missed and spurious entities and relations per document')
    .option('--rules', 'per rule id: the documents it fires on (per set) and its precision against gold; dead rules')
    .option('--json', 'machine-readable scores')
    .option('--agreement <a,b>', 'inter-annotator agreement (span F1, Cohen\'s kappa) of two annotators: two names in --data, or two data directories')
    .option('--typed', 'with --agreement: spans agree only when their types agree too')
    .addHelpText('after', '\nExamples:\n  kg eval                                   # real-dev, seeds and the written sets side by side\n  kg eval --set real-dev,seeds\n  kg eval --rules                           # which rules fire where, and how often they are right\n  kg eval --gold test/fixtures/real-dev/gold --docs test/fixtures/real-dev/docs --errors\n  kg eval --gold gold/ --data data          # the corrected annotations against gold\n  kg eval --agreement ana,bob --data data   # two annotators in one store\n  kg eval --agreement data-ana,data-bob     # two independent stores\n' + EXIT_HELP)
    .action(async (opts) => {
      const { evalCommand } = await import('./eval/cli.js');
      done(await evalCommand(opts));
    });

  // ── server ────────────────────────────────────────────────────────────────────────────────
  program.command('serve')
    .description('serve the HTTP API and the explorer; corrections and changes to corpus/ or ontology/ rebuild the graph live')
    .option('--corpus <dir>', 'corpus directory', 'corpus')
    .option('--data <dir>', 'data directory (corrections.jsonl)', 'data')
    .option('--ontology <dir>', 'ontology directory', 'ontology')
    .option('--host <address>', 'address to bind; anything but loopback requires a token for writes', '127.0.0.1')
    .option('--port <n>', 'port (0 = any free port)', '4747')
    .option('--token <token>', 'token for writes (Authorization: Bearer <token>); random when exposed and not given')
    .option('--timeout <seconds>', 'CPU seconds one document may take to read and extract before it is skipped (every build and rebuild)', parseSeconds, 120)
    .option('--open', 'open the explorer in a browser')
    .addHelpText('after', EXIT_HELP)
    .action(async (opts) => {
      const { runServe } = await import('./server/run.js');
      await runServe(opts);
    });

  // ── annotations ───────────────────────────────────────────────────────────────────────────
  const annotations = program.command('annotations').description("annotators' corrections: list them, exchange them with brat");
  const print = (line: string) => process.stdout.write(`${line}\n`);
  annotations.command('export')
    .description('write <stem>.txt + <stem>.ann per document and annotation.conf (brat standoff, corrections applied)')
    .argument('<dir>', 'output directory')
    .option('--format <format>', 'exchange format', 'brat')
    .option('--corpus <dir>', 'corpus directory', 'corpus')
    .option('--data <dir>', 'data directory (corrections.jsonl)', 'data')
    .option('--ontology <dir>', 'ontology directory', 'ontology')
    .addHelpText('after', EXIT_HELP)
    .action(async (dir: string, opts) => {
      const { exportBrat } = await import('./annotate/commands.js');
      await exportBrat(dir, { ...opts, log: print });
    });
  annotations.command('import')
    .description('turn brat annotations into corrections (add, reject, retype, link, add-relation) in the store')
    .argument('<dir>', 'directory of <stem>.txt + <stem>.ann files')
    .option('--format <format>', 'exchange format', 'brat')
    .option('--who <name>', 'annotator name recorded on the corrections', process.env.USER || 'brat-import')
    .option('--corpus <dir>', 'corpus directory', 'corpus')
    .option('--data <dir>', 'data directory (corrections.jsonl)', 'data')
    .option('--ontology <dir>', 'ontology directory', 'ontology')
    .option('--dry-run', 'report what would change, write nothing')
    .addHelpText('after', EXIT_HELP)
    .action(async (dir: string, opts) => {
      const { importBrat } = await import('./annotate/commands.js');
      await importBrat(dir, { ...opts, log: print });
    });
  annotations.command('list')
    .description('list corrections in log order')
    .option('--doc <name>', 'only this document (its name: path relative to the corpus)')
    .option('--data <dir>', 'data directory (corrections.jsonl)', 'data')
    .option('--json', 'print JSON')
    .addHelpText('after', EXIT_HELP)
    .action(async (opts) => {
      const { listCorrections } = await import('./annotate/commands.js');
      await listCorrections({ ...opts, log: print });
    });

  // ── Neo4j ─────────────────────────────────────────────────────────────────────────────────
  neo4jConnection(program.command('load-neo4j')
    .description('load the graph into Neo4j (idempotent MERGE; constraints first; progress on stderr)')
    .argument('[graph]', 'graph JSON from kg build', DEFAULT_GRAPH))
    .option('--wipe', 'delete all kg nodes (Entity, Document, Country) before loading')
    .option('--no-prune', "keep kg data the graph no longer holds (default: the database mirrors the graph)")
    .option('--batch-size <n>', 'rows per transaction', '5000')
    .addHelpText('after', EXIT_HELP)
    .action(async (graph: string, opts) => {
      const { loadNeo4jAction } = await import('./neo4j/cli.js');
      await loadNeo4jAction(graph, opts);
    });

  neo4jConnection(program.command('cypher')
    .description('run a library query (--query NAME, see --list) or any Cypher string; table or --json')
    .argument('[cypher]', 'Cypher text to run (read-only unless --write)'))
    .option('--query <name>', 'run a named query of the library')
    .option('--param <k=v>', 'query parameter (repeatable)', collect, [])
    .option('--list', 'list the library queries and their parameters')
    .option('--json', 'print rows as JSON')
    .option('--write', 'allow an ad-hoc query to write')
    .addHelpText('after', EXIT_HELP)
    .action(async (text: string | undefined, opts) => {
      const { cypherAction } = await import('./neo4j/cli.js');
      await cypherAction(text, opts);
    });

  // ── export ────────────────────────────────────────────────────────────────────────────────
  const exportCmd = program.command('export').description('export the graph in other formats');
  exportCmd.command('neo4j-csv')
    .description('write node/relationship CSVs for neo4j-admin database import')
    .argument('<paths...>', '[graph.json] DIR (graph defaults to data/graph.json)')
    .addHelpText('after', EXIT_HELP)
    .action(async (paths: string[]) => {
      if (paths.length > 2) throw new UsageError('export neo4j-csv: expected [graph.json] DIR');
      const [graph, dir] = paths.length === 2 ? paths : [DEFAULT_GRAPH, paths[0]!];
      const { exportNeo4jCsvAction } = await import('./neo4j/cli.js');
      await exportNeo4jCsvAction(graph!, dir!);
    });

  return program;
}

/**
 * Runs `kg` on `argv` (process.argv shape) and returns the exit code; the one place errors are
 * caught. Known errors are one `kg: …` line; anything else is an internal error, still one line.
 */
export async function main(argv: string[] = process.argv): Promise<number> {
  try {
    await createProgram().parseAsync(argv);
    return Number(process.exitCode ?? EXIT.OK);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.OK : EXIT.FAILED;
    const { code, message } = exitCodeOf(err);
    process.stderr.write(`kg: ${printable(message)}\n`);
    if (process.env.KG_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return code;
  }
}

/** True when this file is the program node runs (directly or through the npm bin link), not an import. */
function invokedDirectly(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  // `kg extract --json | head`: the reader left; stop quietly, as Unix tools do (no EPIPE stack trace)
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.OK);
    throw err;
  });
  const code = await main();
  // `serve` keeps running (its listeners hold the loop open); every other command exits with its code.
  process.exitCode = code;
  if (code !== EXIT.OK) process.exit(code);
}
