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

const LIST_SEP = /^\s*(\([^)]{1,14}\)\s*)?(,|;|and|or|&|,\s*and|,\s*or)\s*(the\s+)?$/i;
const LEAD_TITLE = /^(president|presidente|presidenta|chair|chairman|chairwoman|chairperson|leader|líder|lider|head|dirigente|director|executive director|director general|director-general|secretary[- ]general|general secretary|secretario general|secretary[- ]treasurer|secretary|founder|co-founder|coordinator|national coordinator|coordinación nacional|coordinadora nacional|administrator|commissioner|undersecretary|under secretary)$/i;
const SUB_TITLE = /\b(vice|deputy|assistant|associate|executive vice|regional|acting deputy|former vice)\b/i;
const STAFF_TITLE = /\b(representative|official|officer|fellow|researcher|staff|staffer|organizer|organiser|economist|attorney|lawyer|advisor|adviser|analyst|professor|spokesperson|spokesman|spokeswoman|counsel|consultant|specialist|member|team leader|coordinadora general|coordinator general|director|president)\b/i;

/** Where a person's mention effectively starts: before its title and a demonym ("Mexican Secretary of Labor Carlos Abascal"). */
function leadStart(clean: string, m: Candidate): number {
  if (!m.title) return m.start;
  const before = /(?:U\.\s?S\.|US|Mexican|Canadian|American)\s+$/.exec(clean.slice(Math.max(0, m.title.start - 10), m.title.start));
  return before ? m.title.start - before[0].length : m.title.start;
}

/**
 * Appositions: "Linda Chavez Thompson, Executive Vice President of the AFL-CIO" (WORKS_FOR),
 * "John Sweeney, president of the AFL-CIO" (LEADS), "Tim Beaty, Deputy Director, International
 * Affairs Department, AFL-CIO" (a chain of organisations), and "the leader of the SNTE, Elba …".
 */
function appositions(ctx: DocContext, ms: Candidate[], typeOf: (id: string) => string | undefined, emit: (s: string, p: Predicate, o: string, rule: string) => void): void {
  const clean = ctx.doc.clean;
  for (let i = 0; i < ms.length; i++) {
    const p = ms[i]!;
    if (typeOf(p.entity!) !== 'Person') continue;
    const next = ms[i + 1];
    if (!next || typeOf(next.entity!) !== 'Organization') continue;
    const between = clean.slice(p.end, next.start).replace(/\s+/g, ' ');
    const m = /^\s*,\s*(?:(?:the|a|an|its|his|her)\s+)?(?:(?:new|former|then|current|longtime|long-time|veteran|national)\s+)*([^,;.()]{2,60}?)\s*(?:,|\bof\b|\bfor\b|\bat\b|\bin\b|\bwith\b)\s*(?:the\s+)?$/iu.exec(between);
    if (!m) continue;
    const title = m[1]!.trim();
    const words = title.split(/\s+/);
    if (words.length > 7 || /\b(and|who|which|that|said|says|was|is)\b/i.test(title)) continue;
    const core = title.replace(SUB_TITLE, '').trim();
    const predicate: Predicate | undefined = LEAD_TITLE.test(core) && !SUB_TITLE.test(title) ? 'LEADS' : STAFF_TITLE.test(title) || SUB_TITLE.test(title) ? 'WORKS_FOR' : undefined;
    if (!predicate) continue;
    emit(p.entity!, predicate, next.entity!, 'apposition.title');
    // a chain "…, International Affairs Department, AFL-CIO": the person works for each; departments are part of the last
    let prev = next;
    for (let k = i + 2; k < ms.length; k++) {
      const o = ms[k]!;
      if (typeOf(o.entity!) !== 'Organization' || !/^\s*,\s*$/.test(clean.slice(prev.end, o.start))) break;
      emit(p.entity!, 'WORKS_FOR', o.entity!, 'apposition.chain');
      emit(prev.entity!, 'PART_OF', o.entity!, 'apposition.chain');
      prev = o;
    }
  }
  // "the leader of the Sindicato … (STRM), Francisco Hernández Juárez"
  for (let i = 0; i + 1 < ms.length; i++) {
    const o = ms[i]!;
    if (typeOf(o.entity!) !== 'Organization') continue;
    let j = i + 1;
    if (ms[j] && ms[j]!.entity === o.entity) j++;
    const p = ms[j];
    if (!p || typeOf(p.entity!) !== 'Person') continue;
    if (!/^\s*(\([^)]{1,14}\)\s*)?,\s*$/.test(clean.slice(ms[j - 1]!.end, p.start))) continue;
    const lead = /\b(the\s+)?(new\s+|former\s+|then\s+)?(leader|president|head|chair|chairman|secretary[- ]general|general secretary|director|founder)\s+of\s+(the\s+)?$/i.exec(clean.slice(Math.max(0, o.start - 50), o.start));
    if (lead) emit(p.entity!, 'LEADS', o.entity!, 'apposition.leader-of');
  }
}

/** Find relations between the resolved mentions of each sentence. */
export function findRelations(ctx: DocContext, mentions: Candidate[]): Relation[] {
  const { ontology, doc } = ctx;
  const clean = doc.clean;
  const out = new Map<string, Relation>();
  const typeOf = (id: string) => ctx.entities.get(id)?.type;
  let lastEvent: { id: string; sentence: number } | undefined;
  let sentenceIndex = -1;
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
    sentenceIndex++;
    appositions(ctx, ms, typeOf, (s, p, o, rule) => emit(s, p, o, evidence, rule));
    // "Mexican labor unions in attendance included: …" — the event is the one just named
    const sentenceText = clean.slice(sentence.start, sentence.end);
    const events = ms.filter((m) => typeOf(m.entity!) === 'Event');
    if (!events.length && lastEvent && sentenceIndex - lastEvent.sentence <= 3 && /\b(in attendance|attendees|participants|delegates)\b[^.]{0,30}\b(included|were|was|came from)\b/i.test(sentenceText)) {
      for (const m of ms) if (typeOf(m.entity!) === 'Organization' || typeOf(m.entity!) === 'Person') emit(m.entity!, 'PARTICIPATED_IN', lastEvent.id, evidence, 'participated.attendance-list');
    }
    if (events.length) lastEvent = { id: events[events.length - 1]!.entity!, sentence: sentenceIndex };
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
        const bStart = leadStart(clean, b);
        if (bStart < a.end) continue;
        const between = clean.slice(a.end, bStart);
        if (between.length > 280) break;
        for (const p of patterns) {
          if (between.length > p.gap || !p.between.test(between)) continue;
          const [s, o] = p.reverse ? [b, a] : [a, b];
          if (p.subject && !p.subject.has(typeOf(s.entity!)!)) continue;
          if (p.object && !p.object.has(typeOf(o.entity!)!)) continue;
          if (p.before && !p.before.test(clean.slice(sentence.start, leadStart(clean, a)))) continue;
          if (p.after && !p.after.test(clean.slice(b.end, sentence.end))) continue;
          // coordinated lists on either side share the relation: "A and B filed …", "… launched by Presidents Fox and Bush"
          const left = coordinated(ms, i, -1);
          const right = coordinated(ms, j, +1);
          const subjects = p.reverse ? right : left;
          const objects = p.reverse ? left : right;
          for (const sm of subjects) {
            for (const om of objects) {
              if (p.subject && !p.subject.has(typeOf(sm.entity!)!)) continue;
              if (p.object && !p.object.has(typeOf(om.entity!)!)) continue;
              emit(sm.entity!, p.predicate, om.entity!, evidence, sm === s && om === o ? p.id : `${p.id}+list`);
            }
          }
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

  /** The mention at k and those coordinated with it in direction dir (same class). */
  function coordinated(ms: Candidate[], k: number, dir: 1 | -1): Candidate[] {
    const out = [ms[k]!];
    const type = typeOf(ms[k]!.entity!);
    for (let x = k + dir; x >= 0 && x < ms.length; x += dir) {
      const [l, r] = dir > 0 ? [ms[x - 1]!, ms[x]!] : [ms[x]!, ms[x + 1]!];
      if (r.entity === l.entity) continue;
      if (!LIST_SEP.test(clean.slice(l.end, leadStart(clean, r))) || typeOf(ms[x]!.entity!) !== type) break;
      out.push(ms[x]!);
    }
    return out;
  }
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
