// kg: the Neo4j command group — `load-neo4j`, `cypher`, `export neo4j-csv` (implementations lazy-loaded).
import type { Command } from 'commander';

const DEFAULT_GRAPH = 'data/graph.json';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function connectionOptions(cmd: Command): Command {
  return cmd
    .option('--uri <uri>', 'Bolt URI (env NEO4J_URI; default bolt://127.0.0.1:7687)')
    .option('--user <user>', 'user (env NEO4J_USER; default neo4j)')
    .option('--password <password>', "password (env NEO4J_PASSWORD; default the bundled server's kg-password)")
    .option('--database <name>', "database (env NEO4J_DATABASE; default the server's default)");
}

/**
 * Adds `export neo4j-csv [graph] <dir>` to an existing `export` command group. Use this from the
 * group's owner when it defines `export` itself; `register` calls it on a found-or-created group.
 */
export function registerExportNeo4jCsv(exportCmd: Command): void {
  exportCmd
    .command('neo4j-csv')
    .description('write node/relationship CSVs for neo4j-admin database import')
    .argument('<paths...>', '[graph.json] DIR (graph defaults to data/graph.json)')
    .action(async (paths: string[]) => {
      const { UsageError } = await import('../errors.js');
      if (paths.length > 2) throw new UsageError('export neo4j-csv: expected [graph.json] DIR');
      const [graph, dir] = paths.length === 2 ? paths : [DEFAULT_GRAPH, paths[0]];
      const { exportNeo4jCsvAction } = await import('../neo4j/cli.js');
      await exportNeo4jCsvAction(graph, dir);
    });
}

/** Registers `load-neo4j`, `cypher` and `export neo4j-csv` (under an existing `export` group if there is one). */
export function register(program: Command): void {
  connectionOptions(
    program
      .command('load-neo4j')
      .description('load the graph into Neo4j (idempotent MERGE; constraints first; progress on stderr)')
      .argument('[graph]', 'graph JSON from kg build', DEFAULT_GRAPH),
  )
    .option('--wipe', 'delete all kg nodes (Entity, Document, Country) before loading')
    .option('--no-prune', "keep kg data the graph no longer holds (default: the database mirrors the graph)")
    .option('--batch-size <n>', 'rows per transaction', '5000')
    .action(async (graph: string, opts) => {
      const { loadNeo4jAction } = await import('../neo4j/cli.js');
      await loadNeo4jAction(graph, opts);
    });

  connectionOptions(
    program
      .command('cypher')
      .description('run a library query (--query NAME, see --list) or any Cypher string; table or --json')
      .argument('[cypher]', 'Cypher text to run (read-only unless --write)'),
  )
    .option('--query <name>', 'run a named query of the library')
    .option('--param <k=v>', 'query parameter (repeatable)', collect, [])
    .option('--list', 'list the library queries and their parameters')
    .option('--json', 'print rows as JSON')
    .option('--write', 'allow an ad-hoc query to write')
    .action(async (text: string | undefined, opts) => {
      const { cypherAction } = await import('../neo4j/cli.js');
      await cypherAction(text, opts);
    });

  const exportCmd = program.commands.find((c) => c.name() === 'export')
    ?? program.command('export').description('export the graph in other formats');
  registerExportNeo4jCsv(exportCmd);
}
