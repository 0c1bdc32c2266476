// Inter-annotator agreement: exact-match span F1 and Cohen's kappa on shared decisions. Pure.
import type { Correction } from './types.js';
import { SPAN_ACTIONS } from './key.js';
import { liveCorrections } from './history.js';

/** A marked span; `type` counts only with `typed: true`. */
export interface SpanItem { doc: string; start: number; end: number; type?: string }

/** Exact-match agreement of two span sets (b measured against a; F1 is symmetric). */
export interface F1 { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }

/** Cohen's kappa over paired labels. `kappa` is NaN with no items; 1 when both always use one same label. */
export interface Kappa { n: number; observed: number; expected: number; kappa: number; categories: string[] }

const spanKey = (s: SpanItem, typed: boolean) => `${s.doc}#${s.start}-${s.end}${typed ? `:${s.type ?? ''}` : ''}`;
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Span-level exact-match precision/recall/F1 of `b` against `a` (duplicates count once). */
export function spanF1(a: SpanItem[], b: SpanItem[], options: { typed?: boolean } = {}): F1 {
  const typed = options.typed ?? false;
  const A = new Set(a.map((s) => spanKey(s, typed)));
  const B = new Set(b.map((s) => spanKey(s, typed)));
  const tp = [...B].filter((k) => A.has(k)).length;
  const precision = ratio(tp, B.size);
  const recall = ratio(tp, A.size);
  return { tp, fp: B.size - tp, fn: A.size - tp, precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
}

/** Cohen's kappa: (observed − expected) / (1 − expected), expected from each rater's label distribution. */
export function cohenKappa(pairs: [string, string][]): Kappa {
  const n = pairs.length;
  const categories = [...new Set(pairs.flat())].sort();
  if (!n) return { n, observed: NaN, expected: NaN, kappa: NaN, categories };
  const observed = pairs.filter(([x, y]) => x === y).length / n;
  const expected = categories.reduce((sum, c) => {
    const pa = pairs.filter(([x]) => x === c).length / n;
    const pb = pairs.filter(([, y]) => y === c).length / n;
    return sum + pa * pb;
  }, 0);
  const kappa = expected === 1 ? (observed === 1 ? 1 : 0) : (observed - expected) / (1 - expected);
  return { n, observed, expected, kappa, categories };
}

/** An annotator's final decision per key (latest by seq, undone ones left out), span actions only. */
export function decisions(corrections: Correction[]): Map<string, Correction> {
  const out = new Map<string, Correction>();
  for (const c of liveCorrections(corrections)) {
    if (!SPAN_ACTIONS.has(c.action) || !c.span) continue;
    const prev = out.get(c.key);
    if (!prev || c.seq > prev.seq) out.set(c.key, c);
  }
  return out;
}

/** The label a decision counts as in kappa: the action, with the type for retype (`retype:Organization`). */
export function decisionLabel(c: Correction): string {
  return c.action === 'retype' ? `retype:${c.type}` : c.action;
}

/** Agreement of two annotators. */
export interface Agreement {
  /** Spans each kept (accept/add/retype/link), exact match. */
  spans: F1;
  /** Kappa on the decisions both made on the same span (shared items). */
  decisions: Kappa;
}

/**
 * Agreement between two annotators' corrections (e.g. `store.list({who: 'ana'})` and `…{who: 'bob'}`):
 * span F1 over the spans each kept, and Cohen's kappa over the spans both decided on.
 */
export function annotatorAgreement(a: Correction[], b: Correction[], options: { typed?: boolean } = {}): Agreement {
  const da = decisions(a);
  const db = decisions(b);
  const kept = (d: Map<string, Correction>) => [...d.values()].filter((c) => c.action !== 'reject')
    .map((c) => ({ doc: c.doc!, start: c.span!.start, end: c.span!.end, type: c.type }));
  const shared = [...da.keys()].filter((k) => db.has(k)).sort();
  return {
    spans: spanF1(kept(da), kept(db), options),
    decisions: cohenKappa(shared.map((k) => [decisionLabel(da.get(k)!), decisionLabel(db.get(k)!)])),
  };
}
