// Mutations on a (cloned) Extraction used by applyCorrections: find, move, fold, rename, remove.
import type { Country, Entity, EntityType, Extraction, Mention, Relation, Status } from '../types.js';
import { typeOfId } from './ids.js';

/** Predicates whose direction does not matter. */
const SYMMETRIC = new Set(['COOPERATES_WITH']);

/** Entity by id. */
export function findEntity(ex: Extraction, id: string): Entity | undefined {
  return ex.entities.find((e) => e.id === id);
}

/** The mention at exactly [start, end), with its entity. */
export function findMention(ex: Extraction, start: number, end: number): { entity: Entity; mention: Mention } | undefined {
  for (const entity of ex.entities) {
    const mention = entity.mentions.find((m) => m.start === start && m.end === end);
    if (mention) return { entity, mention };
  }
  return undefined;
}

/** Fields for an entity created by a correction. */
export interface NewEntity { type?: EntityType; name?: string; country?: Country | null }

/** The entity `id`, created (status confirmed, no mentions yet) when this document did not have it. */
export function ensureEntity(ex: Extraction, id: string, init: NewEntity = {}): Entity {
  const found = findEntity(ex, id);
  if (found) return found;
  const entity: Entity = {
    id,
    type: init.type ?? typeOfId(id) ?? 'Organization',
    name: init.name ?? id.slice(id.indexOf(':') + 1).replace(/-/g, ' '),
    aliases: [],
    country: init.country ?? null,
    status: 'confirmed',
    mentions: [],
  };
  ex.entities.push(entity);
  return entity;
}

/** Mark an inferred entity confirmed (curated stays curated: the ontology already vouches for it). */
export function confirm(entity: Entity): void {
  if (entity.status === 'inferred' || entity.status === 'rejected') entity.status = 'confirmed';
}

export function addAlias(entity: Entity, alias: string): void {
  if (alias && alias !== entity.name && !entity.aliases.includes(alias)) entity.aliases.push(alias);
}

/** Add a mention unless one already sits at the same span; keeps mentions sorted. */
export function addMention(entity: Entity, mention: Mention): void {
  if (entity.mentions.some((m) => m.start === mention.start && m.end === mention.end)) return;
  entity.mentions.push(mention);
  entity.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  addAlias(entity, mention.text);
}

/** Remove an entity and every relation touching it. */
export function removeEntity(ex: Extraction, id: string): void {
  ex.entities = ex.entities.filter((e) => e.id !== id);
  ex.relations = ex.relations.filter((r) => r.subject !== id && r.object !== id);
}

/** Remove one mention; an entity left without mentions goes too (with its relations). */
export function removeMention(ex: Extraction, entity: Entity, mention: Mention): void {
  entity.mentions = entity.mentions.filter((m) => m !== mention);
  if (!entity.mentions.length) removeEntity(ex, entity.id);
}

const STATUS_RANK: Record<Status, number> = { rejected: 0, inferred: 1, curated: 2, confirmed: 3 };

/** Same relation: subject, predicate, object (either direction for symmetric predicates). */
export function sameRelation(r: Pick<Relation, 'subject' | 'predicate' | 'object'>, s: string, p: string, o: string): boolean {
  if (r.predicate !== p) return false;
  return (r.subject === s && r.object === o) || (SYMMETRIC.has(p) && r.subject === o && r.object === s);
}

/** Drop self-loops and duplicate relations (same triple and evidence), keeping the strongest status. */
export function dedupeRelations(ex: Extraction): void {
  const seen = new Map<string, Relation>();
  for (const r of ex.relations) {
    if (r.subject === r.object) continue;
    const [a, b] = SYMMETRIC.has(r.predicate) && r.object < r.subject ? [r.object, r.subject] : [r.subject, r.object];
    const key = `${a}|${r.predicate}|${b}|${r.evidence.start}-${r.evidence.end}`;
    const kept = seen.get(key);
    if (!kept) seen.set(key, r);
    else if (STATUS_RANK[r.status ?? 'inferred'] > STATUS_RANK[kept.status ?? 'inferred']) kept.status = r.status;
  }
  ex.relations = [...seen.values()];
}

/**
 * Fold entity `from` into `to` (created from `from` when absent): mentions, aliases (and from's name),
 * country when `to` has none, relations re-pointed, self-loops dropped, duplicates removed.
 */
export function fold(ex: Extraction, fromId: string, toId: string, init: NewEntity = {}): void {
  if (fromId === toId) return;
  const from = findEntity(ex, fromId);
  if (!from) return;
  const to = ensureEntity(ex, toId, { type: init.type ?? typeOfId(toId) ?? from.type, name: init.name ?? from.name, country: from.country });
  if (init.type) to.type = init.type;
  for (const m of from.mentions) addMention(to, m);
  for (const a of [from.name, ...from.aliases]) addAlias(to, a);
  to.country ??= from.country;
  to.kind ??= from.kind;
  if (STATUS_RANK[from.status] > STATUS_RANK[to.status]) to.status = from.status;
  ex.entities = ex.entities.filter((e) => e !== from);
  for (const r of ex.relations) {
    if (r.subject === fromId) r.subject = toId;
    if (r.object === fromId) r.object = toId;
  }
  dedupeRelations(ex);
}

/** Give an entity a new id (and type), folding it into an entity that already has that id. */
export function renameEntity(ex: Extraction, fromId: string, toId: string, type: EntityType): void {
  const from = findEntity(ex, fromId);
  if (!from) return;
  from.type = type;
  fold(ex, fromId, toId, { type, name: from.name });
}

/** Move one mention to entity `toId`; an entity left empty is folded into the target (its relations follow). */
export function moveMention(ex: Extraction, from: Entity, mention: Mention, toId: string, init: NewEntity = {}): Entity {
  const to = ensureEntity(ex, toId, init);
  if (from === to) return to;
  from.mentions = from.mentions.filter((m) => m !== mention);
  addMention(to, mention);
  if (!from.mentions.length) fold(ex, from.id, to.id);
  return to;
}
