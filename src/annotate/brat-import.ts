// brat → corrections: compare a parsed .ann with the current extraction of the same document.
import { ENTITY_TYPES, PREDICATES, type Document, type EntityType, type Extraction, type Predicate, type Span } from '../types.js';
import type { BratAnnotations, BratTextBound } from './brat-parse.js';
import { KG_DB } from './brat-export.js';
import { entityId, retypeId } from './ids.js';
import { findMention, sameRelation } from './ops.js';
import type { CorrectionInput } from './types.js';

/** Our entity type for a brat type name, matched case-insensitively (`organization` → Organization). */
export function mapEntityType(name: string): EntityType | undefined {
  return ENTITY_TYPES.find((t) => t.toLowerCase() === name.toLowerCase());
}

/** Our predicate for a brat relation name (`leads`, `Member-Of` → LEADS, MEMBER_OF). */
export function mapPredicate(name: string): Predicate | undefined {
  const n = name.toUpperCase().replace(/-/g, '_');
  return PREDICATES.find((p) => p === n);
}

/** What an import would do to one document. */
export interface BratImportPlan {
  corrections: CorrectionInput[];
  counts: { add: number; reject: number; retype: number; link: number; addRelation: number; unchanged: number };
  /** brat types we have no equivalent for, with how often they occur (entities, relations, events). */
  unknownTypes: Record<string, number>;
  warnings: string[];
}

/** One contiguous UTF-16 span for a T; discontinuous ones only when the gaps are whitespace. */
function contiguous(doc: Document, t: BratTextBound): Span | undefined {
  const f = t.fragments;
  for (let i = 1; i < f.length; i++) if (doc.text.slice(f[i - 1].end, f[i].start).trim()) return undefined;
  const start = f[0].start; const end = f[f.length - 1].end;
  return { start, end, text: doc.text.slice(start, end) };
}

/** Expand to the enclosing sentence(s): the evidence of an added relation. */
function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start; let e = end;
  while (s > 0 && text[s - 1] !== '\n' && !/[.!?]\s/.test(text.slice(s - 2, s))) s--;
  while (e < text.length && text[e] !== '\n' && !/[.!?]/.test(text[e - 1] ?? '')) e++;
  return { start: s, end: e };
}

/**
 * Turn brat annotations of `doc` into corrections against its current `extraction`: add for spans not
 * extracted, retype where the type differs, link where an N `kg:` reference names another entity, reject
 * for extracted mentions absent from brat, add-relation for R lines with our predicates. Pure.
 */
export function bratToCorrections(doc: Document, extraction: Extraction, ann: BratAnnotations, who: string): BratImportPlan {
  const plan: BratImportPlan = { corrections: [], counts: { add: 0, reject: 0, retype: 0, link: 0, addRelation: 0, unchanged: 0 }, unknownTypes: {}, warnings: [] };
  const unknown = (t: string) => { plan.unknownTypes[t] = (plan.unknownTypes[t] ?? 0) + 1; };
  const base = { who, doc: doc.name, sha256: doc.sha256 };
  const kgRef = new Map(ann.normalizations.filter((n) => n.db === KG_DB).map((n) => [n.target, n]));
  const spans = new Map<string, { span: Span; type: EntityType; id: string }>(); // T id → resolved
  const kept = new Set<string>();
  for (const t of ann.textbounds) {
    const type = mapEntityType(t.type);
    if (!type) { unknown(t.type); continue; }
    const span = contiguous(doc, t);
    if (!span) { plan.warnings.push(`line ${t.line}: ${t.id} is discontinuous; skipped`); continue; }
    const hit = findMention(extraction, span.start, span.end);
    const ref = kgRef.get(t.id);
    let id = ref?.dbId ?? (hit ? hit.entity.id : entityId(type, span.text));
    kept.add(`${span.start}-${span.end}`);
    if (!hit) {
      plan.corrections.push({ ...base, action: 'add', span, type, ...(ref ? { target: ref.dbId, name: ref.text || span.text } : { name: span.text }) });
      plan.counts.add++;
    } else if (ref && ref.dbId !== hit.entity.id) {
      // the annotator named the entity: moving the mention there also fixes its type
      plan.corrections.push({ ...base, action: 'link', span, target: ref.dbId, type, ...(ref.text ? { name: ref.text } : {}) });
      plan.counts.link++;
    } else if (hit.entity.type !== type) {
      plan.corrections.push({ ...base, action: 'retype', span, type });
      plan.counts.retype++;
      id = retypeId(hit.entity.id, type);
    } else {
      plan.counts.unchanged++;
    }
    spans.set(t.id, { span, type, id });
  }
  for (const entity of extraction.entities) {
    for (const m of entity.mentions) {
      if (m.status === 'rejected' || kept.has(`${m.start}-${m.end}`)) continue;
      plan.corrections.push({ ...base, action: 'reject', span: { start: m.start, end: m.end, text: m.text }, entity: entity.id });
      plan.counts.reject++;
    }
  }
  for (const r of ann.relations) {
    const predicate = mapPredicate(r.type);
    if (!predicate) { unknown(r.type); continue; }
    const [a, b] = [r.args.find((x) => x.role === 'Arg1'), r.args.find((x) => x.role === 'Arg2')].map((x) => x && spans.get(x.ref));
    if (!a || !b) { plan.warnings.push(`line ${r.line}: ${r.id} does not join two of our spans; skipped`); continue; }
    if (extraction.relations.some((x) => x.status !== 'rejected' && sameRelation(x, a.id, predicate, b.id))) { plan.counts.unchanged++; continue; }
    const evidence = sentenceAround(doc.text, Math.min(a.span.start, b.span.start), Math.max(a.span.end, b.span.end));
    plan.corrections.push({ ...base, action: 'add-relation', relation: { subject: a.id, predicate, object: b.id }, evidence });
    plan.counts.addRelation++;
  }
  for (const e of ann.events) unknown(e.type);
  return plan;
}
