// applyCorrections: annotators' decisions win over rules. Pure: the input extraction is not touched.
import type { Document, Extraction, Mention, Span } from '../types.js';
import type { ApplyResult, Correction } from './types.js';
import { anchorSpan } from './anchor.js';
import { liveCorrections } from './history.js';
import { entityId, retypeId } from './ids.js';
import { RELATION_ACTIONS } from './key.js';
import {
  addAlias, addMention, confirm, dedupeRelations, ensureEntity, findEntity, findMention, fold,
  moveMention, removeEntity, removeMention, renameEntity, sameRelation,
} from './ops.js';

/** Corrections that hold for every document: entity-level ones and relation deletes/retypes without a doc. */
function isGlobal(c: Correction): boolean {
  if (c.doc !== undefined) return false;
  return c.action === 'merge' || c.action === 'set-country' || RELATION_ACTIONS.has(c.action)
    || ((c.action === 'retype' || c.action === 'accept' || c.action === 'reject') && !c.span && !!c.entity);
}

/**
 * The winning (highest seq) correction per key among those that concern `docName`, in seq order.
 * Undone corrections do not count (nor do the undos themselves): an undo gives the key back to the
 * decision before it, or to the rules when there was none.
 */
export function relevantCorrections(docName: string, corrections: Correction[]): Correction[] {
  const latest = new Map<string, Correction>();
  for (const c of liveCorrections(corrections)) {
    if (c.doc !== docName && !isGlobal(c)) continue;
    const prev = latest.get(c.key);
    if (!prev || c.seq > prev.seq) latest.set(c.key, c);
  }
  return [...latest.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * Apply annotators' corrections to one document's extraction: only this document's corrections plus
 * global entity-level ones (merge, set-country, retype/accept/reject of an entity), latest per key wins,
 * applied in seq order. A span correction whose text is no longer at its offsets is re-anchored to the
 * unique / nearest copy of its text; when that fails it is returned in `stale`, not applied.
 */
export function applyCorrections(doc: Document, extraction: Extraction, corrections: Correction[]): ApplyResult {
  const ex: Extraction = structuredClone(extraction);
  const stale: Correction[] = [];
  const ids = new Map<string, string>(); // entity ids renamed/merged by earlier corrections
  const resolve = (id: string): string => {
    for (let seen = 0; ids.has(id) && seen < 100; seen++) id = ids.get(id)!;
    return id;
  };
  for (const c of relevantCorrections(extraction.doc, corrections)) {
    if (c.span) {
      const span = anchorSpan(doc.text, c.span);
      if (!span) stale.push(c);
      else applySpan(ex, c, span, resolve, ids);
    } else if (!applyOther(ex, doc, c, resolve, ids)) {
      stale.push(c);
    }
  }
  dedupeRelations(ex);
  return { extraction: ex, stale };
}

function newMention(span: Span, c: Correction): Mention {
  return { start: span.start, end: span.end, text: span.text, rule: `correction:${c.action}`, status: 'confirmed' };
}

function applySpan(ex: Extraction, c: Correction, span: Span, resolve: (id: string) => string, ids: Map<string, string>): void {
  const hit = findMention(ex, span.start, span.end);
  switch (c.action) {
    case 'accept': {
      if (hit) {
        hit.mention.status = 'confirmed';
        confirm(hit.entity);
      } else if (c.entity) {
        addMention(ensureEntity(ex, resolve(c.entity), { type: c.type, name: c.name ?? span.text }), newMention(span, c));
      }
      return;
    }
    case 'reject':
      if (hit) removeMention(ex, hit.entity, hit.mention);
      return;
    case 'retype': {
      if (!hit) {
        addMention(ensureEntity(ex, entityId(c.type!, c.name ?? span.text), { type: c.type, name: c.name ?? span.text }), newMention(span, c));
        return;
      }
      hit.mention.status = 'confirmed';
      if (hit.entity.type === c.type) return confirm(hit.entity);
      const to = retypeId(hit.entity.id, c.type!);
      // the only mention: the entity itself was mistyped; else just this mention moves to a sibling entity
      if (hit.entity.mentions.length === 1) {
        renameEntity(ex, hit.entity.id, to, c.type!);
        ids.set(hit.entity.id, to);
      } else {
        moveMention(ex, hit.entity, hit.mention, to, { type: c.type, name: hit.entity.name, country: hit.entity.country });
      }
      confirm(findEntity(ex, to)!);
      return;
    }
    case 'link':
    case 'add': {
      const to = c.target
        ? resolve(c.target)
        : entityId(c.type!, c.name ?? span.text);
      const init = { type: c.type, name: c.name ?? (c.target ? undefined : span.text), country: c.country };
      if (hit) {
        hit.mention.status = 'confirmed';
        moveMention(ex, hit.entity, hit.mention, to, init);
      } else {
        addMention(ensureEntity(ex, to, init), newMention(span, c));
      }
      confirm(findEntity(ex, to)!);
      return;
    }
  }
}

/** Entity- and relation-level corrections; false when not applicable here (e.g. an added relation's entity is gone). */
function applyOther(ex: Extraction, doc: Document, c: Correction, resolve: (id: string) => string, ids: Map<string, string>): boolean {
  const id = c.entity ? resolve(c.entity) : '';
  const entity = c.entity ? findEntity(ex, id) : undefined;
  switch (c.action) {
    case 'accept':
      if (entity) { confirm(entity); for (const m of entity.mentions) m.status = 'confirmed'; }
      return true;
    case 'reject':
      removeEntity(ex, id);
      return true;
    case 'retype': {
      const to = retypeId(id, c.type!);
      if (entity) renameEntity(ex, id, to, c.type!);
      ids.set(id, to);
      return true;
    }
    case 'merge': {
      const to = resolve(c.target!);
      if (entity) fold(ex, id, to, { name: c.name });
      ids.set(id, to);
      survive(ex, to, c, ids);
      return true;
    }
    case 'set-country':
      if (entity) entity.country = c.country ?? null;
      return true;
    default:
      return applyRelation(ex, doc, c, resolve);
  }
}

/**
 * A merge names what survives (name, type, country): set them on the merged entity in every document
 * that has it, so the graph node agrees across documents. Without them the target keeps its own.
 */
function survive(ex: Extraction, id: string, c: Correction, ids: Map<string, string>): void {
  const target = findEntity(ex, id);
  if (!target) {
    if (c.type) ids.set(id, retypeId(id, c.type));
    return;
  }
  if (c.name && c.name !== target.name) {
    const old = target.name;
    target.name = c.name;
    target.aliases = target.aliases.filter((a) => a !== c.name);
    addAlias(target, old);
  }
  if (c.country !== undefined) target.country = c.country;
  if (c.type && c.type !== target.type) {
    const to = retypeId(id, c.type);
    renameEntity(ex, id, to, c.type);
    ids.set(id, to);
  }
}

function applyRelation(ex: Extraction, doc: Document, c: Correction, resolve: (id: string) => string): boolean {
  const s = resolve(c.relation!.subject);
  const o = resolve(c.relation!.object);
  const p = c.relation!.predicate;
  const matching = ex.relations.filter((r) => sameRelation(r, s, p, o));
  if (c.action === 'delete-relation') {
    ex.relations = ex.relations.filter((r) => !matching.includes(r));
  } else if (c.action === 'retype-relation') {
    for (const r of matching) { r.predicate = c.predicate!; r.status = 'confirmed'; }
  } else if (matching.length) {
    for (const r of matching) r.status = 'confirmed';
  } else {
    const subject = findEntity(ex, s);
    const object = findEntity(ex, o);
    if (!subject || !object) return false; // an edge needs both ends in this document
    const ev = c.evidence && c.evidence.end <= doc.text.length ? c.evidence : cover(subject.mentions[0], object.mentions[0]);
    ex.relations.push({ subject: s, predicate: p, object: o, evidence: ev, rule: 'correction:add-relation', status: 'confirmed' });
  }
  return true;
}

function cover(a: Mention | undefined, b: Mention | undefined): { start: number; end: number } {
  if (!a || !b) return { start: 0, end: 0 };
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

