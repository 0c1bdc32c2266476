/** `kg eval`'s action: the score tables, or JSON (registered in src/cli.ts). */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Correction } from '../annotate/types.js';
import { annotatorAgreement } from '../annotate/agreement.js';
import { CorrectionStore } from '../annotate/store.js';
import { UsageError } from '../errors.js';
import { fileURLToPath } from 'node:url';
import { formatReport, formatSideBySide, headline, runEval, runSets } from './run.js';
import { pickSets } from './sets.js';

/** The kg package root (dist/src/eval → ../../..; src/eval under tsx → ../..), where the standard gold sets live. */
function packageRoot(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return /[\\/]dist[\\/]src[\\/]eval[\\/]?$/.test(here) ? join(here, '..', '..', '..') : join(here, '..', '..');
}

/** Run `kg eval`; returns the exit code. */
export async function evalCommand(opts: { gold?: string; docs: string; ontology: string; data?: string; withhold?: string; errors?: boolean; json?: boolean; agreement?: string; typed?: boolean; set?: string; rules?: boolean }): Promise<number> {
  if (opts.agreement !== undefined) return agreementCommand(opts.agreement, opts.data ?? 'data', opts);
  if (opts.rules) return rulesCommand(opts);
  if (!opts.gold) return setsCommand(opts);
  const withhold = opts.withhold ? new Set(opts.withhold.split(',').map((s) => s.trim()).filter(Boolean)) : undefined;
  const { scores } = await runEval({ gold: opts.gold!, docs: opts.docs, ontology: opts.ontology, data: opts.data, withhold });
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

/** `kg eval --agreement a,b`: span F1 and Cohen's kappa between two annotators' corrections. */
async function agreementCommand(pair: string, data: string, opts: { json?: boolean; typed?: boolean }): Promise<number> {
  const names = pair.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length !== 2) throw new UsageError(`--agreement: expected two annotator names "a,b", got ${JSON.stringify(pair)}`);
  const [a, b] = names as [string, string];
  // Two data directories (independent annotation, each annotator their own store) or two names in one store.
  const dirs = await Promise.all(names.map(async (n) => (await stat(join(n, 'corrections.jsonl')).catch(() => null))?.isFile() ?? false));
  let ca: Correction[];
  let cb: Correction[];
  if (dirs[0] && dirs[1]) {
    ca = (await CorrectionStore.open(a)).list();
    cb = (await CorrectionStore.open(b)).list();
  } else {
    const store = await CorrectionStore.open(data);
    ca = store.list({ who: a });
    cb = store.list({ who: b });
  }
  for (const [who, list] of [[a, ca], [b, cb]] as const) {
    if (!list.length) throw new UsageError(`${dirs[0] && dirs[1] ? who : data}: no corrections by ${JSON.stringify(who)}`);
  }
  const result = annotatorAgreement(ca, cb, { typed: opts.typed });
  if (opts.json) {
    process.stdout.write(JSON.stringify({ a, b, corrections: { [a]: ca.length, [b]: cb.length }, ...result }, null, 1) + '\n');
    return 0;
  }
  const pct = (x: number) => (Number.isNaN(x) ? '  n/a' : (100 * x).toFixed(1).padStart(5));
  const { spans, decisions } = result;
  process.stdout.write([
    `Agreement between ${a} (${ca.length} corrections) and ${b} (${cb.length})${opts.typed ? ', typed spans' : ''}`,
    `  kept spans (exact match)   P ${pct(spans.precision)}  R ${pct(spans.recall)}  F1 ${pct(spans.f1)}   both ${spans.tp}, only ${b} ${spans.fp}, only ${a} ${spans.fn}`,
    `  decisions on shared spans  n ${decisions.n}  observed ${pct(decisions.observed)}  expected ${pct(decisions.expected)}  kappa ${Number.isNaN(decisions.kappa) ? 'n/a' : decisions.kappa.toFixed(3)}`,
  ].join('\n') + '\n');
  return 0;
}

/** `kg eval` without --gold: the standard sets (real documents first) side by side. */
async function setsCommand(opts: { ontology: string; data?: string; json?: boolean; set?: string }): Promise<number> {
  const { sets, unknown } = pickSets(opts.set);
  if (unknown.length || !sets.length) throw new UsageError(`--set: unknown set ${JSON.stringify(unknown.join(','))} (sets: ${(await import('../eval/sets.js')).EVAL_SETS.map((s) => s.name).join(', ')})`);
  const results = await runSets(sets, { root: packageRoot(), ontology: opts.ontology, data: opts.data });
  if (opts.json) {
    const out = Object.fromEntries(results.map((r) => [r.set.name, { kind: r.set.kind, docs: r.docs, headline: headline(r.scores), entities: r.scores.entities, relations: r.scores.relations, country: r.scores.country }]));
    process.stdout.write(JSON.stringify(out, null, 1) + '\n');
    return 0;
  }
  process.stdout.write(formatSideBySide(results) + '\n');
  return 0;
}

/** `kg eval --rules`: per rule, where it fires and how often it is right (the standard sets, or --gold/--docs). */
async function rulesCommand(opts: { gold?: string; docs: string; ontology: string; data?: string; json?: boolean; set?: string }): Promise<number> {
  const { formatRules, runRules } = await import('./rules.js');
  let sets;
  let root: string | undefined;
  if (opts.gold) sets = [{ name: 'gold', gold: opts.gold, docs: opts.docs, kind: 'real' as const, description: opts.gold }];
  else {
    const picked = pickSets(opts.set);
    if (picked.unknown.length || !picked.sets.length) throw new UsageError(`--set: unknown set ${JSON.stringify(picked.unknown.join(','))} (sets: ${(await import('./sets.js')).EVAL_SETS.map((s) => s.name).join(', ')})`);
    sets = picked.sets;
    root = packageRoot();
  }
  const report = await runRules(sets, { root, ontology: opts.ontology, data: opts.data });
  process.stdout.write((opts.json ? JSON.stringify(report, null, 1) : formatRules(report)) + '\n');
  return 0;
}
