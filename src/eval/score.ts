/**
 * Scoring extractions against gold: mentions (exact and overlapping spans, typed), document-level
 * typed entities, relations (through the entity alignment; COOPERATES_WITH in either order) and
 * country accuracy. Pure functions; counts add up across documents.
 */
import type { Extraction } from '../types.js';
import { nameKey } from '../util/text.js';
import type { Gold } from './gold.js';

/** True/false positives and false negatives of one measure. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Scores of one or many documents. */
export interface Scores {
  mentionsExact: Record<string, Counts>;
  mentionsOverlap: Record<string, Counts>;
  entities: Record<string, Counts>;
  relations: Record<string, Counts>;
  country: { correct: number; total: number };
  /** per document: missed and spurious entities and relations, for error analysis */
  errors: { doc: string; missedEntities: string[]; spuriousEntities: string[]; missedRelations: string[]; spuriousRelations: string[]; wrongCountry: string[] }[];
}

/** An empty score sheet. */
export function emptyScores(): Scores {
  return { mentionsExact: {}, mentionsOverlap: {}, entities: {}, relations: {}, country: { correct: 0, total: 0 }, errors: [] };
}

const bump = (table: Record<string, Counts>, key: string, field: keyof Counts, n = 1) => {
  table[key] ??= { tp: 0, fp: 0, fn: 0 };
  table[key]![field] += n;
};

/** Precision, recall, F1 of counts. */
export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Sum counts over types. */
export function total(table: Record<string, Counts>): Counts {
  const out = { tp: 0, fp: 0, fn: 0 };
  for (const c of Object.values(table)) {
    out.tp += c.tp;
    out.fp += c.fp;
    out.fn += c.fn;
  }
  return out;
}

/** Align predicted entities to gold entities: same type and a shared span or name; one-to-one, best first. */
export function alignEntities(pred: Extraction, gold: Gold): Map<string, string> {
  const goldSpans = new Map<string, [number, number][]>();
  for (const m of gold.mentions) {
    if (!goldSpans.has(m.entity)) goldSpans.set(m.entity, []);
    goldSpans.get(m.entity)!.push([m.start, m.end]);
  }
  const pairs: { p: string; g: string; score: number }[] = [];
  for (const p of pred.entities) {
    const pNames = new Set([p.name, ...p.aliases].map(nameKey));
    for (const g of gold.entities) {
      if (g.type !== p.type) continue;
      let score = 0;
      for (const m of p.mentions) for (const [s, e] of goldSpans.get(g.id) ?? []) if (m.start < e && s < m.end) score++;
      if ([g.name, ...(g.aliases ?? [])].some((a) => pNames.has(nameKey(a)))) score += 0.5;
      if (score > 0) pairs.push({ p: p.id, g: g.id, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const { p, g } of pairs) {
    if (out.has(p) || used.has(g)) continue;
    out.set(p, g);
    used.add(g);
  }
  return out;
}

/** Score one document into `scores`. */
export function scoreDocument(scores: Scores, pred: Extraction, gold: Gold): void {
  const goldType = new Map(gold.entities.map((e) => [e.id, e.type]));
  // mentions
  const predMentions = pred.entities.flatMap((e) => e.mentions.map((m) => ({ ...m, type: e.type as string })));
  const goldMentions = gold.mentions.map((m) => ({ ...m, type: goldType.get(m.entity) ?? 'Unknown' }));
  const exact = new Set(goldMentions.map((m) => `${m.start}:${m.end}:${m.type}`));
  for (const m of predMentions) bump(scores.mentionsExact, m.type, exact.has(`${m.start}:${m.end}:${m.type}`) ? 'tp' : 'fp');
  const predExact = new Set(predMentions.map((m) => `${m.start}:${m.end}:${m.type}`));
  for (const m of goldMentions) if (!predExact.has(`${m.start}:${m.end}:${m.type}`)) bump(scores.mentionsExact, m.type, 'fn');
  const usedGold = new Set<number>();
  for (const m of predMentions) {
    const k = goldMentions.findIndex((g, i) => !usedGold.has(i) && g.type === m.type && g.start < m.end && m.start < g.end);
    if (k >= 0) {
      usedGold.add(k);
      bump(scores.mentionsOverlap, m.type, 'tp');
    } else bump(scores.mentionsOverlap, m.type, 'fp');
  }
  goldMentions.forEach((g, i) => usedGold.has(i) || bump(scores.mentionsOverlap, g.type, 'fn'));
  // entities
  const align = alignEntities(pred, gold);
  const matchedGold = new Set(align.values());
  const err = { doc: gold.doc, missedEntities: [] as string[], spuriousEntities: [] as string[], missedRelations: [] as string[], spuriousRelations: [] as string[], wrongCountry: [] as string[] };
  for (const p of pred.entities) {
    if (align.has(p.id)) bump(scores.entities, p.type, 'tp');
    else {
      bump(scores.entities, p.type, 'fp');
      err.spuriousEntities.push(`${p.type} ${p.name} [${p.mentions[0]?.rule}]`);
    }
  }
  for (const g of gold.entities) {
    if (!matchedGold.has(g.id)) {
      bump(scores.entities, g.type, 'fn');
      err.missedEntities.push(`${g.type} ${g.name}`);
    }
  }
  // country, on people, organisations and cases
  const goldById = new Map(gold.entities.map((e) => [e.id, e]));
  for (const p of pred.entities) {
    const g = align.has(p.id) ? goldById.get(align.get(p.id)!) : undefined;
    if (!g || !['Person', 'Organization', 'Case'].includes(g.type)) continue;
    scores.country.total++;
    if ((p.country ?? null) === (g.country ?? null)) scores.country.correct++;
    else err.wrongCountry.push(`${g.name}: ${p.country} ≠ ${g.country}`);
  }
  // relations
  const goldRel = new Set<string>();
  for (const r of gold.relations) {
    goldRel.add(`${r.subject}|${r.predicate}|${r.object}`);
    if (r.predicate === 'COOPERATES_WITH') goldRel.add(`${r.object}|${r.predicate}|${r.subject}`);
  }
  const found = new Set<string>();
  for (const r of pred.relations) {
    const s = align.get(r.subject);
    const o = align.get(r.object);
    const key = `${s}|${r.predicate}|${o}`;
    if (s && o && goldRel.has(key) && !found.has(key)) {
      bump(scores.relations, r.predicate, 'tp');
      found.add(key);
      if (r.predicate === 'COOPERATES_WITH') found.add(`${o}|${r.predicate}|${s}`);
    } else {
      bump(scores.relations, r.predicate, 'fp');
      err.spuriousRelations.push(`${r.subject} ${r.predicate} ${r.object} [${r.rule}]`);
    }
  }
  for (const r of gold.relations) {
    if (!found.has(`${r.subject}|${r.predicate}|${r.object}`)) {
      bump(scores.relations, r.predicate, 'fn');
      err.missedRelations.push(`${r.subject} ${r.predicate} ${r.object} :: ${r.evidence.slice(0, 120)}`);
    }
  }
  scores.errors.push(err);
}
