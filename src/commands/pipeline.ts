/** kg: the pipeline commands — `build`, `extract`, `eval` (implementations lazy-loaded). */
import type { Command } from 'commander';

/** Parse a size like 20MB / 512k / 1048576 into bytes. */
export function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(value.trim());
  if (!m) throw new Error(`invalid size '${value}' (use e.g. 20MB)`);
  const unit = (m[2] ?? '').toLowerCase()[0];
  return Math.round(Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1048576 : unit === 'g' ? 1073741824 : 1));
}

/** Register build / extract / eval. */
export function register(program: Command): void {
  program
    .command('build')
    .description('extract every document of the corpus and write the knowledge graph')
    .argument('[corpus]', 'corpus directory or file', 'corpus')
    .option('-o, --out <file>', 'output file', 'data/graph.json')
    .option('-f, --format <format>', 'json (graphology), gexf or graphml', 'json')
    .option('--ontology <dir>', 'ontology directory', 'ontology')
    .option('--data <dir>', 'data directory (corrections)', 'data')
    .option('--no-corrections', 'ignore the annotators\' corrections')
    .option('--no-layout', 'skip the ForceAtlas2 layout')
    .option('--workers <n>', 'worker threads for extraction (default: cores, 1 for small corpora)')
    .option('--max-size <size>', 'largest document to read', '20MB')
    .option('-q, --quiet', 'no progress bar or summary')
    .action(async (corpus: string, opts) => {
      const { buildCommand } = await import('../cli/build.js');
      process.exitCode = await buildCommand(corpus, { ...opts, maxBytes: parseSize(opts.maxSize) });
    });
  program
    .command('extract')
    .description('extract entities and relations from documents (one JSON object per document per line)')
    .argument('<files...>', 'documents (.txt .md .html .pdf)')
    .option('--json', 'JSON lines output (the default; kept for scripts)')
    .option('--pretty', 'a readable summary instead of JSON')
    .option('--ontology <dir>', 'ontology directory', 'ontology')
    .option('--data <dir>', 'apply the corrections of this data directory')
    .action(async (files: string[], opts) => {
      const { extractCommand } = await import('../cli/extract.js');
      process.exitCode = await extractCommand(files, opts);
    });
  program
    .command('eval')
    .description('score extractions against gold annotations (P/R/F1 per type, country accuracy); without --gold, the standard sets side by side')
    .option('--gold <dir>', 'directory of *.gold.json files (default: the standard sets real-dev, seeds, written-dev, written-regression)')
    .option('--set <names>', 'without --gold: comma-separated standard sets to score (real-dev,seeds,written-dev,written-regression)')
    .option('--docs <dir>', 'directory holding the documents the gold files name', 'corpus')
    .option('--ontology <dir>', 'ontology directory', 'ontology')
    .option('--data <dir>', 'score the corrected annotations (apply this data directory\'s corrections)')
    .option('--withhold <ids>', 'comma-separated ontology entity ids to drop (held-out curation test)')
    .option('--errors', 'list missed and spurious entities and relations per document')
    .option('--json', 'machine-readable scores')
    .option('--agreement <a,b>', 'inter-annotator agreement (span F1, Cohen\'s kappa) of two annotators: two names in --data, or two data directories')
    .option('--typed', 'with --agreement: spans agree only when their types agree too')
    .addHelpText('after', '\nExamples:\n  kg eval                                   # real-dev, seeds and the written sets side by side\n  kg eval --set real-dev,seeds\n  kg eval --gold test/fixtures/real-dev/gold --docs test/fixtures/real-dev/docs --errors\n  kg eval --gold gold/ --data data          # the corrected annotations against gold\n  kg eval --agreement ana,bob --data data   # two annotators in one store\n  kg eval --agreement data-ana,data-bob     # two independent stores')
    .action(async (opts) => {
      const { evalCommand } = await import('../cli/eval.js');
      process.exitCode = await evalCommand(opts);
    });
}
