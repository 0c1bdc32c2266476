// The document view's model: flat mention list and mark spans from an Extraction (pure, tested).
import type { Entity, Extraction, Mention, Relation } from '../../../src/types.ts';
import type { MarkSpan } from './highlight.ts';

/** One mention with its entity. */
export interface FlatMention {
  id: number;
  entity: Entity;
  mention: Mention;
}

/** Flatten entities' mentions in text order; marks = mentions + relation evidence. */
export function docModel(extraction: Extraction): { mentions: FlatMention[]; relations: Relation[]; marks: MarkSpan[] } {
  const mentions: FlatMention[] = [];
  for (const entity of extraction.entities) {
    for (const mention of entity.mentions) mentions.push({ id: 0, entity, mention });
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
