// The document view's model: flat mention list from an Extraction, rejected spans, arc ends, evidence (pure, tested).
import type { Entity, Extraction, Mention, Relation } from '../../../src/types.ts';
import type { Correction } from '../../../src/annotate/types.ts';
import { effectiveByKey } from '../../../src/annotate/history.ts';

/** One mention with its entity. */
export interface FlatMention {
  id: number;
  entity: Entity;
  mention: Mention;
}

/** A span an annotator rejected (gone from the extraction, still shown struck through for audit). */
export interface RejectedSpan {
  start: number;
  end: number;
  text: string;
  entity?: string;
  who: string;
}

/**
 * Flatten entities' mentions in text order (outer first) and number them. Rejected spans
 * become mentions of a stand-in entity with status 'rejected', unless a live mention overlaps them (a span
 * added over rejected pieces supersedes them, and must not be cut into fragments by them).
 */
export function docModel(extraction: Extraction, rejected: readonly RejectedSpan[] = []): { mentions: FlatMention[]; relations: Relation[] } {
  const mentions: FlatMention[] = [];
  const live = new Set<string>();
  for (const entity of extraction.entities) {
    for (const mention of entity.mentions) {
      mentions.push({ id: 0, entity, mention });
      live.add(`${mention.start}-${mention.end}`);
    }
  }
  const liveSpans = mentions.map((m) => m.mention).sort((a, b) => a.start - b.start);
  const overlapsLive = (r: RejectedSpan) => {
    let lo = 0, hi = liveSpans.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (liveSpans[mid]!.start < r.end) lo = mid + 1; else hi = mid; }
    for (let i = lo - 1; i >= 0 && i >= lo - 64; i--) if (liveSpans[i]!.end > r.start) return true;
    return false;
  };
  for (const r of rejected) {
    if (live.has(`${r.start}-${r.end}`) || overlapsLive(r)) continue;
    const entity: Entity = { id: r.entity ?? 'rejected:span', type: 'Rejected' as Entity['type'], name: r.text, aliases: [], country: null, status: 'rejected', mentions: [] };
    mentions.push({ id: 0, entity, mention: { start: r.start, end: r.end, text: r.text, rule: `rejected by ${r.who}`, status: 'rejected' } });
  }
  mentions.sort((a, b) => a.mention.start - b.mention.start || b.mention.end - a.mention.end);
  mentions.forEach((m, i) => { m.id = i; });
  return { mentions, relations: extraction.relations };
}

/** Spans whose decision in force is a reject (latest per key wins; undone corrections do not count). */
export function rejectedSpans(corrections: readonly Correction[]): RejectedSpan[] {
  return [...effectiveByKey(corrections).values()].filter((c) => c.action === 'reject' && c.span)
    .map((c) => ({ start: c.span!.start, end: c.span!.end, text: c.span!.text, entity: c.entity, who: c.who }));
}

/**
 * The two mentions a relation's arc joins: of the subject's and the object's mentions, those inside the
 * evidence (else nearest to it), as brat draws an arc within its sentence. null when either end has none.
 */
export function relationEnds(r: Relation, byEntity: ReadonlyMap<string, readonly FlatMention[]>): [FlatMention, FlatMention] | null {
  const pick = (id: string, other?: FlatMention): FlatMention | undefined => {
    const all = byEntity.get(id);
    if (!all?.length) return undefined;
    const inside = all.filter((m) => m.mention.start >= r.evidence.start && m.mention.end <= r.evidence.end && m !== other);
    const pool = inside.length ? inside : all.filter((m) => m !== other);
    const at = other ? other.mention.start : r.evidence.start;
    let best: FlatMention | undefined;
    for (const m of pool) if (!best || Math.abs(m.mention.start - at) < Math.abs(best.mention.start - at)) best = m;
    return best;
  };
  const s = pick(r.subject);
  const o = s && pick(r.object, s);
  return s && o ? [s, o] : null;
}

/** Mentions grouped by entity id (live ones only). */
export function mentionsByEntity(mentions: readonly FlatMention[]): Map<string, FlatMention[]> {
  const out = new Map<string, FlatMention[]>();
  for (const m of mentions) {
    if (m.mention.status === 'rejected') continue;
    const list = out.get(m.entity.id);
    if (list) list.push(m); else out.set(m.entity.id, [m]);
  }
  return out;
}

/**
 * The evidence of a relation drawn between two spans: the sentence(s) holding both (from the server's
 * sentence spans), else the stretch from the first to the last.
 */
export function evidenceFor(sentences: readonly (readonly [number, number])[], a: { start: number; end: number }, b: { start: number; end: number }): { start: number; end: number } {
  const lo = Math.min(a.start, b.start);
  const hi = Math.max(a.end, b.end);
  let start = lo, end = hi;
  for (const [s, e] of sentences) {
    if (s <= lo && lo < e) start = Math.min(start, s);
    if (s < hi && hi <= e) end = Math.max(end, e);
  }
  return { start, end };
}

/** Status of a mention for display (entity status when the mention has none). */
export function mentionStatus(m: FlatMention): string {
  return m.mention.status ?? m.entity.status ?? 'inferred';
}
