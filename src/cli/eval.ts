/** `kg eval`: the score tables, or JSON. */
import { formatReport, headline, runEval } from '../eval/run.js';

/** Run `kg eval`; returns the exit code. */
export async function evalCommand(opts: { gold: string; docs: string; ontology: string; data?: string; withhold?: string; errors?: boolean; json?: boolean }): Promise<number> {
  const withhold = opts.withhold ? new Set(opts.withhold.split(',').map((s) => s.trim()).filter(Boolean)) : undefined;
  const { scores } = await runEval({ gold: opts.gold, docs: opts.docs, ontology: opts.ontology, data: opts.data, withhold });
  if (opts.json) {
    process.stdout.write(JSON.stringify({ headline: headline(scores), ...scores, errors: opts.errors ? scores.errors : undefined }, null, 1) + '\n');
    return 0;
  }
  process.stdout.write(formatReport(scores) + '\n');
  if (opts.errors) {
    for (const e of scores.errors) {
      process.stdout.write(`\n== ${e.doc}\n`);
      for (const [label, list] of [['missed entity', e.missedEntities], ['spurious entity', e.spuriousEntities], ['wrong country', e.wrongCountry], ['missed relation', e.missedRelations], ['spurious relation', e.spuriousRelations]] as const) {
        for (const item of list) process.stdout.write(`  ${label}: ${item}\n`);
      }
    }
  }
  return 0;
}
