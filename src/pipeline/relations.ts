/**
 * Relation rules over sentences: titles before names ("U.S. Secretary of Labor Elaine Chao" →
 * LEADS), trigger patterns between two mentions (ontology/patterns), and curated structure
 * (part_of) stated in one sentence. A relation is emitted only where relations.yaml allows its
 * classes; each carries its evidence sentence and rule id.
 */
import type { Predicate, Relation } from '../types.js';
import type { Candidate, DocContext } from './context.js';
import { isExcluded } from './references.js';

interface CompiledPattern {
  id: string;
  predicate: Predicate;
  between: RegExp;
  before?: RegExp;
  after?: RegExp;
  reverse: boolean;
  subject?: Set<string>;
  object?: Set<string>;
  gap: number;
}

const compiled = new WeakMap<object, CompiledPattern[]>();

function patternsOf(ctx: DocContext): CompiledPattern[] {
  let out = compiled.get(ctx.ontology);
  if (!out) {
    out = ctx.ontology.patterns.map((p) => ({
      id: p.id,
      predicate: p.predicate,
      between: new RegExp(p.between, 'iu'),
      before: p.before ? new RegExp(p.before, 'iu') : undefined,
      after: p.after ? new RegExp(p.after, 'iu') : undefined,
      reverse: p.direction === 'reverse',
      subject: p.subject && new Set(p.subject),
      object: p.object && new Set(p.object),
      gap: p.gap,
    }));
    compiled.set(ctx.ontology, out);
  }
  return out;
}

/** Find relations between the resolved mentions of each sentence. */
export function findRelations(ctx: DocContext, mentions: Candidate[]): Relation[] {
  const { ontology, doc } = ctx;
  const clean = doc.clean;
  const out = new Map<string, Relation>();
  const typeOf = (id: string) => ctx.entities.get(id)?.type;
  const emit = (subject: string, predicate: Predicate, object: string, evidence: { start: number; end: number }, rule: string) => {
    if (subject === object) return;
    const st = typeOf(subject);
    const ot = typeOf(object);
    if (!st || !ot || !ontology.allows(predicate, st, ot)) return;
    const symmetric = ontology.relations.get(predicate)!.symmetric;
    const [s, o] = symmetric && object < subject ? [object, subject] : [subject, object];
    const key = `${s}|${predicate}|${o}`;
    if (!out.has(key)) out.set(key, { subject: s, predicate, object: o, evidence, rule });
  };
  const patterns = patternsOf(ctx);
  let cursor = 0;
  for (const sentence of ctx.sentences) {
    if (isExcluded(ctx.excluded, sentence.start, sentence.end)) continue;
    while (cursor < mentions.length && mentions[cursor]!.start < sentence.start) cursor++;
    const ms: Candidate[] = [];
    for (let k = cursor; k < mentions.length && mentions[k]!.end <= sentence.end; k++) ms.push(mentions[k]!);
    const evidence = { start: sentence.start, end: sentence.end };
    // titles
    for (const m of ms) {
      if (!m.title || !m.entity) continue;
      const orgBefore = ms.find((o) => o.end <= m.title!.start && m.title!.start - o.end <= 2 && typeOf(o.entity!) === 'Organization');
      const org = orgBefore?.entity ?? (m.title.org && ctx.entities.has(m.title.org) ? m.title.org : undefined);
      if (org) emit(m.entity, m.title.predicate, org, evidence, m.title.rule);
    }
    // trigger patterns between two mentions
    for (let i = 0; i < ms.length; i++) {
      for (let j = i + 1; j < ms.length; j++) {
        const a = ms[i]!;
        const b = ms[j]!;
        if (!a.entity || !b.entity || a.entity === b.entity) continue;
        const between = clean.slice(a.end, b.start);
        if (between.length > 160) break;
        for (const p of patterns) {
          if (between.length > p.gap || !p.between.test(between)) continue;
          const [s, o] = p.reverse ? [b, a] : [a, b];
          if (p.subject && !p.subject.has(typeOf(s.entity!)!)) continue;
          if (p.object && !p.object.has(typeOf(o.entity!)!)) continue;
          if (p.before && !p.before.test(clean.slice(sentence.start, a.start))) continue;
          if (p.after && !p.after.test(clean.slice(b.end, sentence.end))) continue;
          emit(s.entity!, p.predicate, o.entity!, evidence, p.id);
        }
      }
    }
    // curated structure stated in one sentence
    const ids = new Set(ms.map((m) => m.entity!));
    for (const id of ids) {
      const parent = ontology.entities.get(id)?.part_of;
      if (parent && ids.has(parent)) emit(id, 'PART_OF', parent, evidence, 'ontology.part_of');
    }
  }
  return [...out.values()];
}

/** People inherit the country of the organisation they lead, work for or belong to. */
export function inheritCountries(ctx: DocContext, relations: Relation[]): void {
  for (const r of relations) {
    if (r.predicate !== 'LEADS' && r.predicate !== 'WORKS_FOR' && r.predicate !== 'MEMBER_OF') continue;
    const person = ctx.entities.get(r.subject);
    const org = ctx.entities.get(r.object);
    if (person?.type === 'Person' && person.country === null && org?.country && org.country !== 'INTL') person.country = org.country;
  }
}
