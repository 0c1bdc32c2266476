/** `kg eval`: extract the documents named by gold files and score them. */
import { join } from 'node:path';
import { extractWithCorrections, loadCorrections } from '../build.js';
import { readDocument } from '../corpus/index.js';
import { GoldError } from '../errors.js';
import { loadOntology } from '../ontology/index.js';
import type { Extraction } from '../types.js';
import { loadGoldDir } from './gold.js';
import { emptyScores, prf, scoreDocument, total, type Scores } from './score.js';

/** Options of {@link runEval}. */
export interface EvalOptions {
  gold: string;
  docs?: string;
  ontology?: string;
  /** score the corrected annotations (corrections in this data dir applied) */
  data?: string;
  /** ontology entity ids to drop before extraction (held-out curation) */
  withhold?: Set<string>;
}

/** Extract and score every gold document. */
export async function runEval(opts: EvalOptions): Promise<{ scores: Scores; extractions: Extraction[] }> {
  const ontology = await loadOntology(opts.ontology ?? 'ontology');
  if (opts.withhold?.size) {
    for (const id of opts.withhold) ontology.entities.delete(id);
    const { Gazetteer } = await import('../ontology/gazetteer.js');
    const g = new Gazetteer();
    for (const e of ontology.entities.values()) for (const a of [e.name, ...(e.aliases ?? [])]) g.add(e.id, a);
    for (const e of ontology.entities.values()) for (const a of e.short ?? []) g.add(e.id, a, true);
    ontology.gazetteer = g;
    for (const [t, list] of ontology.byType) ontology.byType.set(t, list.filter((e) => !opts.withhold!.has(e.id)));
  }
  const corrections = opts.data ? await loadCorrections(opts.data) : [];
  const scores = emptyScores();
  const extractions: Extraction[] = [];
  for (const { file, gold } of await loadGoldDir(opts.gold)) {
    const path = join(opts.docs ?? 'corpus', gold.doc);
    let doc;
    try {
      doc = await readDocument(path);
    } catch (err) {
      throw new GoldError(`${file}: its document ${path} cannot be read (${(err as Error).message})`);
    }
    const { extraction } = extractWithCorrections(doc, ontology, corrections);
    extractions.push(extraction);
    scoreDocument(scores, extraction, gold);
  }
  return { scores, extractions };
}

const pct = (v: number) => (v * 100).toFixed(1).padStart(5);

/** A plain-text report: one table per measure, per type and overall. */
export function formatReport(scores: Scores): string {
  const lines: string[] = [];
  const table = (title: string, t: Record<string, { tp: number; fp: number; fn: number }>) => {
    lines.push(title, `  ${'type'.padEnd(16)}    P      R      F1     tp   fp   fn`);
    for (const [k, c] of Object.entries(t).sort()) {
      const s = prf(c);
      lines.push(`  ${k.padEnd(16)} ${pct(s.p)}  ${pct(s.r)}  ${pct(s.f1)}  ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}`);
    }
    const all = total(t);
    const s = prf(all);
    lines.push(`  ${'ALL'.padEnd(16)} ${pct(s.p)}  ${pct(s.r)}  ${pct(s.f1)}  ${String(all.tp).padStart(4)} ${String(all.fp).padStart(4)} ${String(all.fn).padStart(4)}`, '');
  };
  table('Mentions (exact span + type)', scores.mentionsExact);
  table('Mentions (overlapping span + type)', scores.mentionsOverlap);
  table('Entities (document level, typed)', scores.entities);
  table('Relations', scores.relations);
  const c = scores.country;
  lines.push(`Country accuracy (Person/Organization/Case): ${c.total ? pct(c.correct / c.total) : '  n/a'}%  (${c.correct}/${c.total})`);
  return lines.join('\n');
}

/** Headline figures: entity F1, relation F1, country accuracy. */
export function headline(scores: Scores): { entityF1: number; relationF1: number; mentionF1: number; country: number } {
  return {
    entityF1: prf(total(scores.entities)).f1,
    relationF1: prf(total(scores.relations)).f1,
    mentionF1: prf(total(scores.mentionsOverlap)).f1,
    country: scores.country.total ? scores.country.correct / scores.country.total : 0,
  };
}
