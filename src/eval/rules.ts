/**
 * `kg eval --rules`: per rule id, the documents it fires on (by set: real, written, the corpus
 * seeds) and its precision against gold, so dead rules and rules that only fire on the seeds are
 * visible. Relations count as correct when the scorer's matching pairs them with a gold relation;
 * mentions when they overlap a gold mention of their type. Pure apart from running the sets.
 */
import type { Ontology } from '../ontology/index.js';
import type { Extraction } from '../types.js';
import type { Gold } from './gold.js';
import { runEval } from './run.js';
import { alignEntities, matchRelations } from './score.js';
import type { EvalSet } from './sets.js';

/** Where and how well one rule fired. */
export interface RuleStat {
  rule: string;
  /** structure (a predicate-lexicon entry), pattern, title, curated, discourse, or the mention rule's own prefix */
  family: string;
  fired: number;
  correct: number;
  /** documents it fired on, per set name */
  docs: Record<string, string[]>;
}

/** The report: relation and mention rules, and the ontology's rules that fired nowhere. */
export interface RulesReport {
  sets: { name: string; kind: EvalSet['kind']; docs: number }[];
  relations: RuleStat[];
  mentions: RuleStat[];
  /** predicate-lexicon entries and surface patterns that made no relation on any scored document */
  dead: { entries: string[]; patterns: string[] };
}

/** The family of a relation rule id (`+discourse` marks a relation through a pronoun or description). */
export function ruleFamily(rule: string): string {
  if (rule.endsWith('+discourse')) return 'discourse';
  if (rule.startsWith('pattern:')) return 'pattern';
  if (rule.startsWith('title.')) return 'title';
  if (rule.startsWith('ontology.')) return 'curated';
  return 'structure';
}

/** The lexicon entry (or pattern id) a relation rule id comes from: `filed.verb/passive+discourse` → `filed.verb`. */
export function ruleSource(rule: string): string {
  return rule.replace(/\+discourse$/, '').replace(/^pattern:/, '').replace(/\/.*$/, '');
}

/** Outcomes of one document: each system relation's and mention's rule, and whether it was right. */
export function ruleOutcomes(pred: Extraction, gold: Gold): { relations: { rule: string; ok: boolean }[]; mentions: { rule: string; ok: boolean }[] } {
  const found = new Set(matchRelations(pred, gold, alignEntities(pred, gold)).values());
  const goldType = new Map(gold.entities.map((e) => [e.id, e.type as string]));
  const mentions = pred.entities.flatMap((e) => e.mentions.map((m) => ({
    rule: m.rule,
    ok: gold.mentions.some((g) => g.start < m.end && m.start < g.end && goldType.get(g.entity) === e.type),
  })));
  return { relations: pred.relations.map((r, i) => ({ rule: r.rule, ok: found.has(i) })), mentions };
}

/** Tally the outcomes of many documents. */
export function tally(results: { set: string; doc: string; pred: Extraction; gold: Gold }[], ontology?: Pick<Ontology, 'patterns' | 'predicateLex'>): Omit<RulesReport, 'sets'> {
  const rel = new Map<string, RuleStat>();
  const men = new Map<string, RuleStat>();
  const add = (map: Map<string, RuleStat>, rule: string, family: string, ok: boolean, set: string, doc: string) => {
    const s = map.get(rule) ?? map.set(rule, { rule, family, fired: 0, correct: 0, docs: {} }).get(rule)!;
    s.fired++;
    if (ok) s.correct++;
    const list = (s.docs[set] ??= []);
    if (!list.includes(doc)) list.push(doc);
  };
  for (const { set, doc, pred, gold } of results) {
    const o = ruleOutcomes(pred, gold);
    for (const r of o.relations) add(rel, r.rule, ruleFamily(r.rule), r.ok, set, doc);
    for (const m of o.mentions) add(men, m.rule, m.rule.split(/[.:]/)[0]!, m.ok, set, doc);
  }
  const fired = new Set([...rel.keys()].map(ruleSource));
  const dead = {
    entries: ontology ? ontology.predicateLex.entries.map((e) => e.id).filter((id) => !fired.has(id)) : [],
    patterns: ontology ? ontology.patterns.map((p) => p.id).filter((id) => !fired.has(id)) : [],
  };
  const order = (a: RuleStat, b: RuleStat) => b.fired - a.fired || a.rule.localeCompare(b.rule);
  return { relations: [...rel.values()].sort(order), mentions: [...men.values()].sort(order), dead };
}

/** Run the sets and tally their rules. `root` resolves the sets' relative paths. */
export async function runRules(sets: readonly EvalSet[], opts: { root?: string; ontology?: string; data?: string }): Promise<RulesReport> {
  const { loadOntology } = await import('../ontology/index.js');
  const { join } = await import('node:path');
  const ontology = await loadOntology(opts.ontology ?? 'ontology');
  const results: { set: string; doc: string; pred: Extraction; gold: Gold }[] = [];
  const counts: RulesReport['sets'] = [];
  for (const set of sets) {
    const at = (p: string) => (opts.root ? join(opts.root, p) : p);
    const { extractions, golds } = await runEval({ gold: at(set.gold), docs: at(set.docs), ontology: opts.ontology, data: opts.data });
    extractions.forEach((pred, i) => results.push({ set: set.name, doc: golds[i]!.doc, pred, gold: golds[i]! }));
    counts.push({ name: set.name, kind: set.kind, docs: extractions.length });
  }
  return { sets: counts, ...tally(results, ontology) };
}

/** Documents a rule fired on outside the corpus seeds. */
export const outsideSeeds = (s: RuleStat) => Object.entries(s.docs).filter(([set]) => set !== 'seeds').reduce((n, [, d]) => n + d.length, 0);

/** The plain-text report. */
export function formatRules(report: RulesReport): string {
  const lines: string[] = [];
  const names = report.sets.map((s) => s.name);
  const pct = (s: RuleStat) => (s.fired ? ((100 * s.correct) / s.fired).toFixed(0) : '-').padStart(4);
  const table = (title: string, stats: RuleStat[]) => {
    const w = Math.min(52, Math.max(10, ...stats.map((s) => s.rule.length)));
    lines.push(title, `  ${'rule'.padEnd(w)} ${'family'.padEnd(10)} fired right    P  ${names.map((n) => n.padStart(Math.max(6, n.length))).join(' ')}`);
    for (const s of stats) lines.push(`  ${s.rule.slice(0, w).padEnd(w)} ${s.family.padEnd(10)} ${String(s.fired).padStart(5)} ${String(s.correct).padStart(5)} ${pct(s)}  ${names.map((n) => String(s.docs[n]?.length ?? 0).padStart(Math.max(6, n.length))).join(' ')}`);
    lines.push('');
  };
  lines.push(`Rules on ${report.sets.map((s) => `${s.name} (${s.docs} docs${s.kind === 'real' ? ', real' : ''})`).join(', ')}; per set: the documents a rule fired on`, '');
  table('Relation rules', report.relations);
  // by family: how many relations structure, patterns, titles, curated structure and discourse made
  const fam = new Map<string, { fired: number; correct: number }>();
  for (const s of report.relations) {
    const f = fam.get(s.family) ?? fam.set(s.family, { fired: 0, correct: 0 }).get(s.family)!;
    f.fired += s.fired;
    f.correct += s.correct;
  }
  lines.push('Relations by rule family: ' + [...fam].map(([k, v]) => `${k} ${v.fired} (${v.correct} right)`).join(', '));
  const wide = report.relations.filter((s) => outsideSeeds(s) >= 2);
  lines.push(`Relation rules that fire on ≥ 2 documents outside corpus/: ${wide.length} of ${report.relations.length}` + (wide.length ? ` — ${wide.map((s) => s.rule).join(', ')}` : ''));
  const seedOnly = report.relations.filter((s) => outsideSeeds(s) === 0);
  lines.push(`Relation rules that fire only on corpus/ seeds: ${seedOnly.length}` + (seedOnly.length ? ` — ${seedOnly.map((s) => s.rule).join(', ')}` : ''));
  lines.push(`Dead predicate-lexicon entries (no relation on any scored document): ${report.dead.entries.length}` + (report.dead.entries.length ? ` — ${report.dead.entries.join(', ')}` : ''));
  lines.push(`Dead surface patterns: ${report.dead.patterns.length}` + (report.dead.patterns.length ? ` — ${report.dead.patterns.join(', ')}` : ''), '');
  table('Mention rules', report.mentions);
  return lines.join('\n');
}
