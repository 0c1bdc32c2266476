// The document view's model: flat mention list and mark spans from an Extraction (pure, tested).
import type { Entity, Extraction, Mention, Relation } from '../../../src/types.ts';
import type { MarkSpan } from './highlight.ts';

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
 * Flatten entities' mentions in text order; marks = mentions + relation evidence. Rejected spans
 * become mentions of a stand-in entity with status 'rejected' (unless a live mention has the same span).
 */
export function docModel(extraction: Extraction, rejected: readonly RejectedSpan[] = []): { mentions: FlatMention[]; relations: Relation[]; marks: MarkSpan[] } {
  const mentions: FlatMention[] = [];
  const live = new Set<string>();
  for (const entity of extraction.entities) {
    for (const mention of entity.mentions) {
      mentions.push({ id: 0, entity, mention });
      live.add(`${mention.start}-${mention.end}`);
    }
  }
  for (const r of rejected) {
    if (live.has(`${r.start}-${r.end}`)) continue;
    const entity: Entity = { id: r.entity ?? 'rejected:span', type: 'Rejected' as Entity['type'], name: r.text, aliases: [], country: null, status: 'rejected', mentions: [] };
    mentions.push({ id: 0, entity, mention: { start: r.start, end: r.end, text: r.text, rule: `rejected by ${r.who}`, status: 'rejected' } });
  }
  mentions.sort((a, b) => a.mention.start - b.mention.start || b.mention.end - a.mention.end);
  mentions.forEach((m, i) => { m.id = i; });
  const relations = extraction.relations;
  const marks: MarkSpan[] = [
    ...mentions.map((m) => ({ start: m.mention.start, end: m.mention.end, kind: 'mention' as const, id: m.id })),
    ...relations.filter((r) => r.status !== 'rejected')
      .map((r, i) => ({ start: r.evidence.start, end: r.evidence.end, kind: 'evidence' as const, id: relations.indexOf(r, i) })),
  ];
  return { mentions, relations, marks };
}

/** Spans whose latest correction is a reject (the contract: latest per key wins). */
export function rejectedSpans(corrections: readonly { key: string; seq: number; action: string; span?: { start: number; end: number; text: string }; entity?: string; who: string }[]): RejectedSpan[] {
  const latest = new Map<string, (typeof corrections)[number]>();
  for (const c of corrections) {
    if (!c.span) continue;
    const prev = latest.get(c.key);
    if (!prev || c.seq > prev.seq) latest.set(c.key, c);
  }
  return [...latest.values()].filter((c) => c.action === 'reject')
    .map((c) => ({ start: c.span!.start, end: c.span!.end, text: c.span!.text, entity: c.entity, who: c.who }));
}

/** Status of a mention for display (entity status when the mention has none). */
export function mentionStatus(m: FlatMention): string {
  return m.mention.status ?? m.entity.status ?? 'inferred';
}

/** The mention to act on in a segment covered by several: the shortest (most specific) one. */
export function primaryMention(ids: readonly number[], mentions: readonly FlatMention[]): FlatMention | undefined {
  let best: FlatMention | undefined;
  for (const id of ids) {
    const m = mentions[id];
    if (!best || m.mention.end - m.mention.start < best.mention.end - best.mention.start) best = m;
  }
  return best;
}
