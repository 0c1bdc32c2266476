// `kg annotations export|import|list`: options only; the implementations load when a command runs.
import type { Command } from 'commander';

const print = (line: string) => process.stdout.write(`${line}\n`);

/** Registers `kg annotations export --format brat DIR`, `kg annotations import --format brat DIR`, `kg annotations list`. */
export function register(program: Command): void {
  const group = program.command('annotations').description("annotators' corrections: list them, exchange them with brat");

  group.command('export')
    .description('write <stem>.txt + <stem>.ann per document and annotation.conf (brat standoff, corrections applied)')
    .argument('<dir>', 'output directory')
    .option('--format <format>', 'exchange format', 'brat')
    .option('--corpus <dir>', 'corpus directory', 'corpus')
    .option('--data <dir>', 'data directory (corrections.jsonl)', 'data')
    .option('--ontology <dir>', 'ontology directory', 'ontology')
    .action(async (dir: string, opts: { format: string; corpus: string; data: string; ontology: string }) => {
      const { exportBrat } = await import('../annotate/commands.js');
      await exportBrat(dir, { ...opts, log: print });
    });

  group.command('import')
    .description('turn brat annotations into corrections (add, reject, retype, link, add-relation) in the store')
    .argument('<dir>', 'directory of <stem>.txt + <stem>.ann files')
    .option('--format <format>', 'exchange format', 'brat')
    .option('--who <name>', 'annotator name recorded on the corrections', process.env.USER || 'brat-import')
    .option('--corpus <dir>', 'corpus directory', 'corpus')
    .option('--data <dir>', 'data directory (corrections.jsonl)', 'data')
    .option('--ontology <dir>', 'ontology directory', 'ontology')
    .option('--dry-run', 'report what would change, write nothing')
    .action(async (dir: string, opts: { format: string; who: string; corpus: string; data: string; ontology: string; dryRun?: boolean }) => {
      const { importBrat } = await import('../annotate/commands.js');
      await importBrat(dir, { ...opts, log: print });
    });

  group.command('list')
    .description('list corrections in log order')
    .option('--doc <name>', 'only this document (file name)')
    .option('--data <dir>', 'data directory (corrections.jsonl)', 'data')
    .option('--json', 'print JSON')
    .action(async (opts: { doc?: string; data: string; json?: boolean }) => {
      const { listCorrections } = await import('../annotate/commands.js');
      await listCorrections({ ...opts, log: print });
    });
}
