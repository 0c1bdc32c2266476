/** `kg eval`: extract the documents named by gold files and score them. */
import { join } from 'node:path';
import { loadCorrections } from '../build.js';
import { extractWithCorrections } from '../build/extract.js';
import { readDocument } from '../corpus/index.js';
import { GoldError } from '../errors.js';
import { loadOntology } from '../ontology/index.js';
import type { Extraction } from '../types.js';
import { loadGoldDir, type Gold } from './gold.js';
import { emptyScores, prf, scoreDocument, total, type Counts, type Scores } from './score.js';
import type { EvalSet } from './sets.js';

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
export async function runEval(opts: EvalOptions): Promise<{ scores: Scores; extractions: Extraction[]; golds: Gold[] }> {
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
  const golds: Gold[] = [];
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
    golds.push(gold);
    scoreDocument(scores, extraction, gold);
  }
  return { scores, extractions, golds };
}

const pct = (v: number) => (v * 100).toFixed(1).padStart(5);

/** A plain-text report: one table per measure, per type and overall. */
export function formatReport(scores: Scores): string {
  const lines: string[] = [];
  const table = (title: string, t: Record<string, { tp: number; fp: number; fn: number }>) => {
    lines.push(title, `  ${'type'.padEnd(16)}    P      R      F1     tp   fp   fn`);
    const row = (k: string, c: Counts) => {
      const s = prf(c);
      lines.push(`  ${k.padEnd(16)} ${pct(s.p)}  ${pct(s.r)}  ${pct(s.f1)}  ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}`);
    };
    for (const [k, c] of Object.entries(t).sort()) row(k, c);
    row('ALL', total(t));
    lines.push('');
  };
  table('Mentions (exact span + type)', scores.mentionsExact);
  table('Mentions (overlapping span + type)', scores.mentionsOverlap);
  table('Entities (document level, typed)', scores.entities);
  table('Relations', scores.relations);
  const c = scores.country;
  lines.push(`Country accuracy (Person/Organization with a gold country): ${c.total ? pct(c.correct / c.total) : '  n/a'}%  (${c.correct}/${c.total})`);
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

/** Scores of each standard set, for the side-by-side report. */
export interface SetScores {
  set: EvalSet;
  scores: Scores;
  docs: number;
}

/** Score each set (paths relative to `root`). */
export async function runSets(sets: readonly EvalSet[], opts: { root?: string; ontology?: string; data?: string } = {}): Promise<SetScores[]> {
  const out: SetScores[] = [];
  for (const set of sets) {
    const at = (p: string) => (opts.root ? join(opts.root, p) : p);
    const { scores, extractions } = await runEval({ gold: at(set.gold), docs: at(set.docs), ontology: opts.ontology, data: opts.data });
    out.push({ set, scores, docs: extractions.length });
  }
  return out;
}

/**
 * The side-by-side report: one column per set, headline figures, then entity F1 per type and
 * relation F1 per predicate (with found/gold counts), so real and written text read together.
 */
export function formatSideBySide(results: SetScores[]): string {
  const w = 19;
  const cell = (s: string) => s.padStart(w);
  const f = (v: number) => v.toFixed(3);
  const lines: string[] = [];
  lines.push(`${''.padEnd(24)}${results.map((r) => cell(`${r.set.name}${r.set.kind === 'real' ? ' (real)' : ''}`)).join('')}`);
  lines.push(`${'documents'.padEnd(24)}${results.map((r) => cell(String(r.docs))).join('')}`);
  const measure = (label: string, pick: (s: Scores) => string) => lines.push(`${label.padEnd(24)}${results.map((r) => cell(pick(r.scores))).join('')}`);
  const withPR = (c: Counts) => {
    const s = prf(c);
    return `${f(s.f1)} (${s.p.toFixed(2)}/${s.r.toFixed(2)})`;
  };
  measure('entity F1 (P/R)', (s) => withPR(total(s.entities)));
  measure('mentions exact F1', (s) => f(prf(total(s.mentionsExact)).f1));
  measure('mentions overlap F1', (s) => f(prf(total(s.mentionsOverlap)).f1));
  measure('relation F1 (P/R)', (s) => withPR(total(s.relations)));
  measure('country accuracy', (s) => (s.country.total ? `${f(s.country.correct / s.country.total)} (${s.country.correct}/${s.country.total})` : 'n/a'));
  const keys = (pick: (s: Scores) => Record<string, Counts>) => [...new Set(results.flatMap((r) => Object.keys(pick(r.scores))))].sort();
  lines.push('', 'Entities by type: F1 (found/gold)');
  for (const t of keys((s) => s.entities)) {
    measure(`  ${t}`, (s) => {
      const c = s.entities[t];
      return c ? `${f(prf(c).f1)} (${c.tp}/${c.tp + c.fn})` : '-';
    });
  }
  lines.push('', 'Relations by predicate: F1 (found/gold, spurious)');
  for (const p of keys((s) => s.relations)) {
    measure(`  ${p}`, (s) => {
      const c = s.relations[p];
      return c ? `${f(prf(c).f1)} (${c.tp}/${c.tp + c.fn}, ${c.fp})` : '-';
    });
  }
  return lines.join('\n');
}
