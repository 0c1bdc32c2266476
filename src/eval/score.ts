/**
 * Scoring extractions against gold, by the same rules as the project's independent scorer
 * (shared/tools/score.mjs, vendored in test/fixtures/independent-scorer): mentions (exact and
 * overlapping spans, typed, greedy one-to-one), document-level typed entities (a system entity is
 * linked to every gold entity of its type it shares an overlapping mention or a normalised name
 * with), relations through those links (COOPERATES_WITH in either order) and country accuracy on
 * linked people and organisations whose gold country is known. Pure functions; counts add up
 * across documents. test/eval/parity.test.ts checks the figures equal the independent scorer's.
 */
import type { Extraction } from '../types.js';
import type { Gold } from './gold.js';

/**
 * Counts of one measure. `tp` is counted on the gold side (gold items found); `ptp`, when set, is
 * the system-side count of correct items (entities: one system entity may stand for several gold
 * ones, or several for one), used for precision instead of `tp`.
 */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  ptp?: number;
}

/** Scores of one or many documents. */
export interface Scores {
  mentionsExact: Record<string, Counts>;
  mentionsOverlap: Record<string, Counts>;
  entities: Record<string, Counts>;
  relations: Record<string, Counts>;
  country: { correct: number; total: number };
  /** per document: missed and spurious entities and relations, for error analysis */
  errors: DocErrors[];
}

/** What one document got wrong, for `kg eval --errors`. */
export interface DocErrors {
  doc: string;
  missedEntities: string[];
  spuriousEntities: string[];
  missedRelations: string[];
  spuriousRelations: string[];
  wrongCountry: string[];
}

/** An empty score sheet. */
export function emptyScores(): Scores {
  return { mentionsExact: {}, mentionsOverlap: {}, entities: {}, relations: {}, country: { correct: 0, total: 0 }, errors: [] };
}

const bump = (table: Record<string, Counts>, key: string, field: keyof Counts, n = 1) => {
  table[key] ??= { tp: 0, fp: 0, fn: 0 };
  table[key]![field] = (table[key]![field] ?? 0) + n;
};

/** Precision, recall, F1 of counts (precision from `ptp` when the measure has one). */
export function prf(c: Counts): { p: number; r: number; f1: number } {
  const ptp = c.ptp ?? c.tp;
  const p = ptp + c.fp ? ptp / (ptp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Sum counts over types. */
export function total(table: Record<string, Counts>): Counts {
  const out: Counts = { tp: 0, fp: 0, fn: 0 };
  let ptp: number | undefined;
  for (const c of Object.values(table)) {
    out.tp += c.tp;
    out.fp += c.fp;
    out.fn += c.fn;
    if (c.ptp !== undefined) ptp = (ptp ?? 0) + c.ptp;
  }
  return ptp === undefined ? out : { ...out, ptp };
}

/** The independent scorer's name normalisation: accents folded, apostrophes unified, spaces collapsed, lower case. */
export function normName(s: string): string {
  return String(s ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’']/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * Link system entities to gold entities: same type and an overlapping mention (greedy one-to-one
 * over mentions, in system order) or a shared normalised name. One system entity may link to
 * several gold entities and several system entities to one gold entity.
 */
export function alignEntities(pred: Extraction, gold: Gold): Map<string, Set<string>> {
  const goldType = new Map(gold.entities.map((e) => [e.id, e.type as string]));
  const gM = gold.mentions.map((m) => ({ ...m, type: goldType.get(m.entity) }));
  const links = new Map<string, Set<string>>();
  const link = (sid: string, gid: string) => (links.get(sid) ?? links.set(sid, new Set()).get(sid)!).add(gid);
  const usedAny = new Set<number>();
  for (const e of pred.entities) {
    for (const m of e.mentions) {
      const i = gM.findIndex((g, k) => !usedAny.has(k) && overlaps(g, m));
      if (i < 0) continue;
      usedAny.add(i);
      if (gM[i]!.type === e.type) link(e.id, gM[i]!.entity);
    }
  }
  for (const e of pred.entities) {
    const names = new Set([e.name, ...(e.aliases ?? []), ...e.mentions.map((m) => m.text)].map(normName));
    for (const g of gold.entities) if (g.type === e.type && [g.name, ...(g.aliases ?? [])].some((a) => names.has(normName(a)))) link(e.id, g.id);
  }
  return links;
}

/**
 * Which system relation finds which gold relation: in gold order, the first unused system relation
 * with the predicate whose arguments link to the gold arguments (COOPERATES_WITH either way).
 * Returns gold index → system index.
 */
export function matchRelations(pred: Extraction, gold: Gold, links: Map<string, Set<string>> = alignEntities(pred, gold)): Map<number, number> {
  const gidsOf = (sid: string) => links.get(sid) ?? new Set<string>();
  const used = new Set<number>();
  const out = new Map<number, number>();
  gold.relations.forEach((r, g) => {
    const k = pred.relations.findIndex((x, i) => !used.has(i) && x.predicate === r.predicate && (
      (gidsOf(x.subject).has(r.subject) && gidsOf(x.object).has(r.object)) ||
      (r.predicate === 'COOPERATES_WITH' && gidsOf(x.subject).has(r.object) && gidsOf(x.object).has(r.subject))));
    if (k >= 0) {
      used.add(k);
      out.set(g, k);
    }
  });
  return out;
}

/** Score one document into `scores`. */
export function scoreDocument(scores: Scores, pred: Extraction, gold: Gold): void {
  const goldById = new Map(gold.entities.map((e) => [e.id, e]));
  const gM = gold.mentions.map((m) => ({ ...m, type: (goldById.get(m.entity)?.type ?? 'Unknown') as string }));
  const sM = pred.entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, type: e.type as string })));
  const err: DocErrors = { doc: gold.doc, missedEntities: [], spuriousEntities: [], missedRelations: [], spuriousRelations: [], wrongCountry: [] };

  // mentions, exact: a gold span+type is matched at most once (the independent scorer keys them by a Set)
  const strictKey = new Set(gM.map((m) => `${m.start}:${m.end}:${m.type}`));
  const exactTp = new Map<string, number>();
  for (const m of sM) {
    if (strictKey.delete(`${m.start}:${m.end}:${m.type}`)) exactTp.set(m.type, (exactTp.get(m.type) ?? 0) + 1);
  }
  const count = (list: { type: string }[]) => list.reduce((acc, m) => acc.set(m.type, (acc.get(m.type) ?? 0) + 1), new Map<string, number>());
  for (const [type, n] of count(sM)) bump(scores.mentionsExact, type, 'fp', n - (exactTp.get(type) ?? 0));
  for (const [type, n] of count(gM)) bump(scores.mentionsExact, type, 'fn', n - (exactTp.get(type) ?? 0));
  for (const [type, n] of exactTp) bump(scores.mentionsExact, type, 'tp', n);

  // mentions, overlapping: greedy typed one-to-one
  const used = new Set<number>();
  for (const m of sM) {
    const i = gM.findIndex((g, k) => !used.has(k) && overlaps(g, m) && g.type === m.type);
    if (i >= 0) {
      used.add(i);
      bump(scores.mentionsOverlap, m.type, 'tp');
    } else bump(scores.mentionsOverlap, m.type, 'fp');
  }
  gM.forEach((g, i) => used.has(i) || bump(scores.mentionsOverlap, g.type, 'fn'));

  // entities: recall on the gold side, precision on the system side
  const links = alignEntities(pred, gold);
  const found = new Set([...links.values()].flatMap((s) => [...s]));
  for (const g of gold.entities) {
    if (found.has(g.id)) bump(scores.entities, g.type, 'tp');
    else {
      bump(scores.entities, g.type, 'fn');
      err.missedEntities.push(`${g.type} ${g.name}`);
    }
  }
  for (const e of pred.entities) {
    if (links.has(e.id)) bump(scores.entities, e.type, 'ptp');
    else {
      bump(scores.entities, e.type, 'fp');
      err.spuriousEntities.push(`${e.type} ${e.name} [${e.mentions[0]?.rule}]`);
    }
  }
  for (const c of Object.values(scores.entities)) c.ptp ??= 0;

  // country, on linked people and organisations whose gold country is known
  for (const e of pred.entities) {
    for (const gid of links.get(e.id) ?? []) {
      const g = goldById.get(gid)!;
      if ((g.type !== 'Person' && g.type !== 'Organization') || !g.country) continue;
      scores.country.total++;
      if (e.country === g.country) scores.country.correct++;
      else err.wrongCountry.push(`${g.name}: ${e.country} ≠ ${g.country}`);
    }
  }

  // relations: a gold relation is found by an unused system relation with its predicate whose
  // arguments link to the gold arguments; every unused system relation is a false positive
  const found2 = matchRelations(pred, gold, links);
  const relUsed = new Set(found2.values());
  gold.relations.forEach((r, g) => {
    if (found2.has(g)) bump(scores.relations, r.predicate, 'tp');
    else {
      bump(scores.relations, r.predicate, 'fn');
      err.missedRelations.push(`${r.subject} ${r.predicate} ${r.object} :: ${r.evidence.slice(0, 120)}`);
    }
  });
  pred.relations.forEach((r, i) => {
    if (relUsed.has(i)) return;
    bump(scores.relations, r.predicate, 'fp');
    err.spuriousRelations.push(`${r.subject} ${r.predicate} ${r.object} [${r.rule}]`);
  });
  scores.errors.push(err);
}
