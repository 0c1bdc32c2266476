// Curation of two annotators on one document (INCEpTION's way): where their decisions differ, side by side. Pure.
import { annotatorAgreement, decisionLabel, type Agreement } from './agreement.js';
import { liveCorrections } from './history.js';
import { RELATION_ACTIONS, SPAN_ACTIONS } from './key.js';
import type { Correction } from './types.js';

/** One thing two annotators decided differently (a span, or a relation of the document). */
export interface Disagreement {
  key: string;
  span?: Correction['span'];
  relation?: Correction['relation'];
  /** Each annotator's decision in force on the key (null = left to the rules). */
  a: Correction | null;
  b: Correction | null;
  /** The decision in force for everyone (latest live on the key), when it is neither a's nor b's: the curator's. */
  curated: Correction | null;
}

/** What the curation view shows for one document. */
export interface Curation {
  /** Annotators with decisions on the document, most decisions first. */
  annotators: { who: string; decisions: number }[];
  a: string | null;
  b: string | null;
  agreement: Agreement | null;
  disagreements: Disagreement[];
}

const isDecision = (c: Correction) => (SPAN_ACTIONS.has(c.action) && !!c.span) || RELATION_ACTIONS.has(c.action);

/** The outcome a decision stands for: what it does, with the choice it makes (type, target, predicate). */
function outcome(c: Correction | null): string {
  if (!c) return 'rules';
  const label = decisionLabel(c);
  if (c.action === 'link' || c.action === 'add') return `${label}:${c.target ?? `${c.type}:${c.name ?? ''}`}`;
  if (c.action === 'retype-relation') return `${label}:${c.predicate}`;
  return label;
}

/** Do two outcomes differ in effect? Accepting what the rules found is the same as leaving it. */
function differ(a: Correction | null, b: Correction | null): boolean {
  const x = outcome(a);
  const y = outcome(b);
  if (x === y) return false;
  const same = new Set([x, y]);
  return !(same.has('rules') && (same.has('accept') || same.has('add-relation')));
}

function latestPerKey(corrections: Correction[]): Map<string, Correction> {
  const out = new Map<string, Correction>();
  for (const c of corrections) {
    const prev = out.get(c.key);
    if (!prev || c.seq > prev.seq) out.set(c.key, c);
  }
  return out;
}

/**
 * Who annotated `doc` and where the chosen two (default: the two with most decisions) disagree, with
 * their agreement (span F1, Cohen's kappa on shared decisions) and what a curator picked, if anything.
 * `corrections` is the whole log (undos are taken into account per annotator and for the curator).
 */
export function curate(corrections: Correction[], doc: string, pair?: [string, string]): Curation {
  const inDoc = corrections.filter((c) => c.doc === doc);
  const live = liveCorrections(inDoc).filter(isDecision);
  const counts = new Map<string, number>();
  for (const c of live) counts.set(c.who, (counts.get(c.who) ?? 0) + 1);
  const annotators = [...counts].map(([who, decisions]) => ({ who, decisions })).sort((x, y) => y.decisions - x.decisions || (x.who < y.who ? -1 : 1));
  const [a, b] = pair ?? [annotators[0]?.who ?? null, annotators[1]?.who ?? null];
  if (!a || !b) return { annotators, a, b, agreement: null, disagreements: [] };
  const mine = (who: string) => inDoc.filter((c) => c.who === who);
  const da = latestPerKey(liveCorrections(mine(a)).filter(isDecision));
  const db = latestPerKey(liveCorrections(mine(b)).filter(isDecision));
  const inForce = latestPerKey(live);
  const keys = [...new Set([...da.keys(), ...db.keys()])];
  const disagreements: Disagreement[] = [];
  for (const key of keys) {
    const ca = da.get(key) ?? null;
    const cb = db.get(key) ?? null;
    if (!differ(ca, cb)) continue;
    const any = (ca ?? cb)!;
    const current = inForce.get(key) ?? null;
    const curated = current && current.who !== a && current.who !== b ? current : null;
    disagreements.push({ key, ...(any.span ? { span: any.span } : {}), ...(any.relation ? { relation: any.relation } : {}), a: ca, b: cb, curated });
  }
  disagreements.sort((x, y) => (x.span?.start ?? Infinity) - (y.span?.start ?? Infinity) || (x.key < y.key ? -1 : 1));
  return { annotators, a, b, agreement: annotatorAgreement(mine(a), mine(b)), disagreements };
}
