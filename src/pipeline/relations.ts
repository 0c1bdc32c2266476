/**
 * Relation rules over sentences: titles before names ("U.S. Secretary of Labor Elaine Chao" →
 * LEADS), trigger patterns between two mentions (ontology/patterns), and curated structure
 * (part_of) stated in one sentence. A relation is emitted only where relations.yaml allows its
 * classes; each carries its evidence sentence and rule id.
 */
import type { Predicate, Relation } from '../types.js';
import type { Candidate, DocContext } from './context.js';
import { isExcluded } from './references.js';
import { definiteMentions } from './anaphora.js';

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

const LIST_SEP = /^\s*[)*”"]*\s*(\([^)]{1,14}\)\s*)?[)*”"]*\s*(,|;|and|or|&|,\s*and|,\s*or)\s*((at|in|with|for)\s+)?(the\s+)?((Canadian|Mexican|American|U\.\s?S\.)\s+)?$/i;
const LEAD_TITLE = /^(president|presidente|presidenta|chair|chairman|chairwoman|chairperson|leader|líder|lider|head|dirigente|director|executive director|director general|director-general|secretary[- ]general|general secretary|secretario general|secretary[- ]treasurer|secretary|founder|co-founder|coordinator|national coordinator|coordinación nacional|coordinadora nacional|administrator|commissioner|undersecretary|under secretary)$/i;
/** Titles that name the head of a body despite a "deputy": ILAB is headed by the Deputy Undersecretary for International Affairs. */
const HEAD_TITLE = /^deputy under ?secretary for international affairs$/i;
const SUB_TITLE = /\b(vice|deputy|assistant|associate|executive vice|regional|acting deputy|former vice)\b/i;
const STAFF_TITLE = /\b(representative|official|officer|fellow|researcher|staff|staffer|organizer|organiser|economist|attorney|lawyer|advisor|adviser|analyst|professor|spokesperson|spokesman|spokeswoman|counsel|consultant|specialist|member|team leader|coordinadora general|coordinator general|director|president)\b/i;

/** Before an event that a participant list follows: "Testifying at …", "Among the speakers at …", "Participants in …". */
const FRONTED_BEFORE = /(?:^|[.;:]\s*)(?:(?:Also\s+)?(?:Testifying|Speaking|Participating|Presenting|Attending|Present|Represented)\s+(?:at|in|before|during)|(?:Among\s+)?(?:the\s+)?(?:participants|speakers|attendees|witnesses|delegates|panelists|presenters)\s+(?:at|in|of|to|before))\s+(?:the\s+)?["“]?$/iu;
/** The verb after the event that opens the list. */
const FRONTED_VERB = /^\s*["”]?\s*(?:\([^)]{1,30}\)\s*)?(?:,[^,;]{1,60},\s*)?(?:were|was|are|included|include|includes)\s*:?\s+/u;

/** Names of unions, networks, agencies and governments: not a company that a case targets. */
const UNIONLIKE = /\b(union|sindicato|syndicat|workers|federation|confederation|federación|confederación|committee|comité|network|coalition|center|centre|centro|council|department|ministry|secretar[iíy]a?t?|office|bureau|government|gobierno|board|junta|court|tribunal|authority|commission|comisión|institute|instituto)\b/iu;

/** Kinds of organisation that are not a case's target. */
const NOT_COMPANY = new Set(['union', 'federation', 'ministry', 'agency', 'intergovernmental', 'legislature', 'party', 'court', 'government', 'university']);
/** A target right after the case: "Mexican NAO 9803 on the DeCoster Egg Farm", "the case at the Tridonex plant". */
const CASE_NEAR_CUE = /^\s*(?:\([^)]{1,40}\)\s*)?(?:on|at)\s+(?:the\s+)?(?=\p{Lu})/u;
/** What introduces a case's target. */
const CASE_CUE = /^[^.;]{0,120}?\b(concerning|concerned|concerns|regarding|involving|involved|involves|against|alleging|alleged|alleges|accusing|accused|about|targeting|targeted|over (?:conditions|abuses|violations|the firing|the dismissal)|(?:denials? of [^.;]{0,40}?rights|violations|abuses|workers|employees) at)\b(?:\s+that\b)?/iu;

/** Ties whose object is not a possessor: "backed Los Mineros’ general secretary" is not backing Los Mineros. */
const RETARGET = new Set<Predicate>(['SUPPORTS', 'OPPOSES', 'COOPERATES_WITH', 'FUNDS']);

/** The text between two mentions without what does not change the tie: a closing bracket, a parenthetical acronym or note, dashes used as commas. */
function normalise(between: string): string {
  let t = between;
  for (let k = 0; k < 3; k++) {
    const next = t
      .replace(/^\s*[)\]”“"*]+/u, '')
      .replace(/^\s*\([^()]{1,80}\)/u, '')
      .replace(/^\s*[—–][^—–;]{1,60}[—–]/u, '')
      .replace(/^\s*[—–]\s*/u, ', ');
    if (next === t) break;
    t = next;
  }
  return t;
}

/** Text after a mention without a leading aside: "(STRM), led since 1976 by …, have cooperated" → " have cooperated". */
function skipAside(after: string): string {
  let t = after;
  for (let k = 0; k < 3; k++) {
    const next = t
      .replace(/^\s*[)\]”"*]+/u, '')
      .replace(/^\s*\([^()]{1,40}\)/u, '')
      .replace(/^\s*[—–][^—–.;]{1,80}[—–]/u, '')
      .replace(/^\s*,[^,.;]{1,90},/u, '');
    if (next === t) break;
    t = next;
  }
  return t;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const titleRegexes = new WeakMap<object, Map<string, { after: RegExp; before: RegExp }>>();

/** Regexes of a title's words: after a name ("X, Mexican Secretary of Labor") and before one ("… Labor Secretary X"). */
function titleRes(ctx: DocContext, words: string): { after: RegExp; before: RegExp } {
  let cache = titleRegexes.get(ctx.ontology);
  if (!cache) titleRegexes.set(ctx.ontology, (cache = new Map()));
  let res = cache.get(words);
  if (!res) {
    const w = escapeRe(words);
    res = {
      after: new RegExp(`^\\s*,\\s*(?:the\\s+)?(?:(U\\.\\s?S\\.|US|Mexican|Mexico['’]s|Canadian|American)\\s+)?${w}\\s*(?:[,.;]|$)`, 'u'),
      before: new RegExp(`(?:^|[^\\p{L}.])${w}\\s+$`, 'u'),
    };
    cache.set(words, res);
  }
  return res;
}

/**
 * A country-keyed title's organisation when the text gives no country: by the person's country, else
 * by the last country word earlier in the sentence, else the one the document names most (ties: none).
 */
function pickOrg(ctx: DocContext, orgs: Record<string, string>, country?: string | null, before?: string): string | undefined {
  if (country && orgs[country]) return orgs[country];
  if (before) {
    const words = [...before.matchAll(/\b(U\.\s?S\.|US|United States|American|Mexican|Mexico|Canadian|Canada)\b/gu)];
    const last = words.pop()?.[1];
    const c = last ? (/^(Mexican|Mexico)$/.test(last) ? 'MX' : /^(Canadian|Canada)$/.test(last) ? 'CA' : 'US') : undefined;
    if (c && orgs[c]) return orgs[c];
  }
  const counts = Object.values(orgs).map((id) => ({ id, n: ctx.entities.get(id)?.mentions.length ?? 0 }));
  counts.sort((x, y) => y.n - x.n);
  if (!counts[0]?.n || (counts[1] && counts[1].n === counts[0].n)) return undefined;
  return counts[0].id;
}

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
    const predicate: Predicate | undefined = (LEAD_TITLE.test(core) && !SUB_TITLE.test(title)) || HEAD_TITLE.test(title) ? 'LEADS' : STAFF_TITLE.test(title) || SUB_TITLE.test(title) ? 'WORKS_FOR' : undefined;
    if (!predicate) continue;
    // "… at the Department of Labor’s Bureau of International Labor Affairs": the title belongs to the last of the chain
    let target = next;
    for (let k = ms.indexOf(target) + 1; k < ms.length; k++) {
      const o = ms[k]!;
      if (o.entity === target.entity) continue;
      if (typeOf(o.entity!) !== 'Organization' || !/^\s*['’]s\s+$/.test(clean.slice(ms[k - 1]!.end, o.start))) break;
      target = o;
    }
    emit(p.entity!, predicate, target.entity!, 'apposition.title');
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
    // "the CTM, whose longtime leader, Fidel Velázquez"
    if (/^\s*[)*”"]*\s*(\([^)]{1,14}\)\s*)?[)*”"]*\s*,\s*whose\s+((new|former|then|current|longtime|long-time|veteran)\s+)?(leader|president|head|chair|chairman|chairwoman|secretary[- ]general|general secretary|director|founder)\s*,?\s*$/i.test(clean.slice(ms[j - 1]!.end, p.start)))
      emit(p.entity!, 'LEADS', o.entity!, 'apposition.whose-leader');
    if (!/^\s*[)*”"]*\s*(\([^)]{1,14}\)\s*)?[)*”"]*\s*,\s*$/.test(clean.slice(ms[j - 1]!.end, p.start))) continue;
    const window = clean.slice(Math.max(0, o.start - 50), o.start);
    const lead = /\b(the\s+)?(new\s+|former\s+|then\s+)?(leader|president|head|chair|chairman|secretary[- ]general|general secretary|director|founder)\s+of\s+(the\s+)?[*“"]?\s*$/i.exec(window);
    // "John Sweeney, president of the AFL-CIO, James P. Hoffa, …": the title is the previous person's
    const prevPerson = i > 0 && typeOf(ms[i - 1]!.entity!) === 'Person' && /^\s*,\s*[^,;.]{0,50}$/.test(clean.slice(ms[i - 1]!.end, o.start));
    if (lead && !prevPerson) emit(p.entity!, 'LEADS', o.entity!, 'apposition.leader-of');
  }
  // "James P. Hoffa, the Teamsters president," / "X, the AFL-CIO’s president"
  for (let i = 0; i + 1 < ms.length; i++) {
    const p = ms[i]!;
    const o = ms[i + 1]!;
    if (typeOf(p.entity!) !== 'Person' || typeOf(o.entity!) !== 'Organization') continue;
    if (!/^\s*,\s*(the\s+)?$/i.test(clean.slice(p.end, o.start))) continue;
    const t = /^\s*(\([^)]{1,14}\))?\s*(['’]s?\s+)?((?:new|former|then|current|longtime|long-time|national)\s+)?([\p{Ll} -]{2,40}?)\s*(?=[,.;]|$)/iu.exec(clean.slice(o.end, o.end + 60));
    if (!t) continue;
    const title = t[4]!.trim();
    if (/^(president|leader|head|chair|chairman|chairwoman|secretary[- ]general|general secretary|founder)$/i.test(title)) emit(p.entity!, 'LEADS', o.entity!, 'apposition.org-title');
    else if (HEAD_TITLE.test(title)) emit(p.entity!, 'LEADS', o.entity!, 'apposition.org-title');
    else if (STAFF_TITLE.test(title) && title.split(' ').length <= 6 && !/\b(and|who|which|that)\b/.test(title)) emit(p.entity!, 'WORKS_FOR', o.entity!, 'apposition.org-title');
  }
  // "Luisa Maria Alcalde Lujan, Mexican Secretary of Labor": a title after the name that points to its organisation
  for (const p of ms) {
    if (typeOf(p.entity!) !== 'Person') continue;
    const rest = clean.slice(p.end, p.end + 80);
    // every title's `after` regex opens with a comma
    if (!/^\s*,/.test(rest)) continue;
    for (const title of ctx.ontology.lex.titles) {
      if (!title.org) continue;
      const m = titleRes(ctx, title.words).after.exec(rest);
      if (!m) continue;
      const country = m[1] ? ctx.ontology.lex.demonyms.get(m[1]) : undefined;
      const org = country ? title.org[country] : pickOrg(ctx, title.org);
      if (org && ctx.entities.has(org)) emit(p.entity!, title.predicate, org, 'apposition.post-title');
      break;
    }
  }
}

/** Find relations between the resolved mentions of each sentence. */
export function findRelations(ctx: DocContext, mentions: Candidate[]): Relation[] {
  const first = findRelationsWith(ctx, mentions);
  // a second pass when a person's possessive ("whose union", "her group") can stand for the organisation they lead or work for
  if (!/\b(whose|his|her|His|Her)\s+(union|organization|organisation|group|federation)\b/u.test(ctx.doc.clean)) return first;
  const orgs = new Map<string, Set<string>>();
  for (const r of first) if (r.predicate === 'LEADS' || r.predicate === 'WORKS_FOR') (orgs.get(r.subject) ?? orgs.set(r.subject, new Set()).get(r.subject)!).add(r.object);
  const personOrg = new Map([...orgs].filter(([, o]) => o.size === 1).map(([p, o]) => [p, [...o][0]!]));
  return personOrg.size ? findRelationsWith(ctx, mentions, personOrg) : first;
}

/** One pass of the relation rules; `personOrg` resolves a person's possessive ("whose union") to their organisation. */
function findRelationsWith(ctx: DocContext, mentions: Candidate[], personOrg?: Map<string, string>): Relation[] {
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
  let ms0: Candidate[] = [];
  // "the union", "the submission", "both unions": descriptions standing for an earlier entity, as extra mentions
  const described = definiteMentions(ctx, mentions, personOrg);
  const pseudo = new Set<Candidate>(described);
  let dcursor = 0;
  for (const sentence of ctx.sentences) {
    if (isExcluded(ctx.excluded, sentence.start, sentence.end)) continue;
    while (cursor < mentions.length && mentions[cursor]!.start < sentence.start) cursor++;
    while (dcursor < described.length && described[dcursor]!.start < sentence.start) dcursor++;
    const ms: Candidate[] = [];
    for (let k = cursor; k < mentions.length && mentions[k]!.end <= sentence.end; k++) ms.push(mentions[k]!);
    for (let k = dcursor; k < described.length && described[k]!.end <= sentence.end; k++) ms.push(described[k]!);
    ms.sort((x, y) => x.start - y.start || x.end - y.end);
    ms0 = ms;
    const evidence = { start: sentence.start, end: sentence.end };
    sentenceIndex++;
    appositions(ctx, ms, typeOf, (s, p, o, rule) => emit(s, p, o, evidence, rule));
    // "Mexican labor unions in attendance included: …" — the event is the one just named
    const sentenceText = clean.slice(sentence.start, sentence.end);
    const events = ms.filter((m) => !pseudo.has(m) && typeOf(m.entity!) === 'Event');
    // a footnote ("<sup>16</sup> U.S. labor unions in attendance included: …") speaks of the sentence that carries its marker
    const note = /<sup>\s*(\d{1,3})\s*<\/sup>\s*$/.exec(doc.text.slice(Math.max(0, sentence.start - 20), sentence.start));
    if (note && !events.length) {
      const anchor = doc.text.indexOf(`<sup>${note[1]}</sup>`);
      if (anchor >= 0 && anchor < sentence.start - 20) {
        const ev = mentions.filter((m) => m.end <= anchor && anchor - m.end < 800 && typeOf(m.entity!) === 'Event').pop();
        if (ev) lastEvent = { id: ev.entity!, sentence: sentenceIndex };
      }
    }
    if (!events.length && lastEvent && sentenceIndex - lastEvent.sentence <= 3 && /\b(in attendance|attendees|participants|delegates)\b[^.]{0,30}\b(included|were|was|came from)\b/i.test(sentenceText)) {
      for (const m of ms) if (typeOf(m.entity!) === 'Organization' || typeOf(m.entity!) === 'Person') emit(m.entity!, 'PARTICIPATED_IN', lastEvent.id, evidence, 'participated.attendance-list');
    }
    if (events.length) lastEvent = { id: events[events.length - 1]!.entity!, sentence: sentenceIndex };
    caseTargets(ms, sentence.end, (s, o) => emit(s, 'TARGETS', o, evidence, 'targets.case-sentence'));
    for (const ev of events) frontedParticipants(ev, ms, sentence, (s, o) => emit(s, 'PARTICIPATED_IN', o, evidence, 'participated.fronted-list'));
    // titles
    const titled = new Set<Candidate>();
    for (const m of ms) {
      if (!m.title || !m.entity) continue;
      const orgBefore = ms.find((o) => o.end <= m.title!.start && m.title!.start - o.end <= 2 && typeOf(o.entity!) === 'Organization');
      const lexOrgs = !m.title.org ? ctx.ontology.lex.titles.find((t) => t.rule === m.title!.rule && t.words === m.title!.text)?.org : undefined;
      const guessed = lexOrgs ? pickOrg(ctx, lexOrgs, ctx.entities.get(m.entity)?.country, clean.slice(sentence.start, m.title.start)) : undefined;
      const org = orgBefore?.entity ?? (m.title.org && ctx.entities.has(m.title.org) ? m.title.org : guessed && ctx.entities.has(guessed) ? guessed : undefined);
      if (org) {
        emit(m.entity, m.title.predicate, org, evidence, m.title.rule);
        titled.add(m);
      }
    }
    // a curated person named after a title ("… with Labor Secretary Marty Walsh"): the title's organisation
    for (const m of ms) {
      if (titled.has(m) || typeOf(m.entity!) !== 'Person') continue;
      const before = clean.slice(Math.max(sentence.start, m.start - 60), m.start);
      if (!before.endsWith(' ')) continue;
      for (const t of ctx.ontology.lex.titles) {
        if (!t.org || !titleRes(ctx, t.words).before.test(before)) continue;
        const dem = /(U\.\s?S\.|US|Mexican|Mexico['’]s|Canadian|American)\s+\S+(\s+\S+){0,5}\s*$/u.exec(before);
        const country = dem && before.slice(dem.index).trim().endsWith(t.words) && before.slice(dem.index + dem[1]!.length).trim() === t.words ? ctx.ontology.lex.demonyms.get(dem[1]!) : undefined;
        const org = country ? t.org[country] : pickOrg(ctx, t.org, ctx.entities.get(m.entity!)?.country, clean.slice(sentence.start, m.start));
        if (org && ctx.entities.has(org)) emit(m.entity!, t.predicate, org, evidence, `${t.rule}.curated`);
        break;
      }
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
        // "… with Mexico’s STPS": a place in the possessive before B belongs to B's noun phrase
        const prev = ms[j - 1]!;
        const placePoss = j - 1 > i && typeOf(prev.entity!) === 'Place' && /^\s*['’]s\s+$/.test(clean.slice(prev.end, bStart)) ? clean.slice(a.end, prev.start) : undefined;
        // "X, the AFL-CIO’s international arm, has kept an office in …" / "The USW, Conway testified, “stands with …"
        const aside = /^\s*[)*”"]*\s*(\([^)]{1,14}\)\s*)?,\s*(?:(?:the|a|an|which|who|whose|after|before|since|during|following|in|at|for example|however|meanwhile|too|also|like|unlike|then|now|once)\s[^,.;]{0,90}?|\p{Lu}[\p{L}.-]+\s+(?:said|says|testified|added|noted)\s*),/u.exec(between);
        const variants = [...new Set([between, normalise(between), ...(aside && /\p{L}/u.test(between.slice(aside[0].length)) ? [normalise(between.slice(aside[0].length))] : []), ...(placePoss !== undefined ? [placePoss, normalise(placePoss)] : [])])];
        // "The National Administrative Office of Mexico is part of …": a place attached to A is part of its name
        const attached = ms[i + 1];
        if (attached && i + 1 < j && attached.entity !== b.entity && typeOf(attached.entity!) === 'Place' && /^\s*(of|in)\s+(the\s+)?$/i.test(clean.slice(a.end, attached.start))) variants.push(clean.slice(attached.end, bStart));
        // "The AFL-CIO opposed NAFTA and later endorsed the USMCA": the second verb's object
        for (let k = i + 1; k < j; k++) {
          const m = ms[k]!;
          if (!/^\s*(has |have |had |also |first |initially )?\p{L}+(ed|s)\s+(the\s+)?$/u.test(clean.slice(a.end, m.start))) continue;
          const conj = /^\s*(\([^)]{1,14}\)\s*)?,?\s*and\s+((later|also|then|subsequently|eventually|now)\s+)?(?=\p{L})/u.exec(clean.slice(m.end, bStart));
          if (conj && !/[,;.]/.test(clean.slice(m.end + conj[0].length, bStart))) variants.push(' ' + clean.slice(m.end + conj[0].length, bStart));
          break;
        }
        const afterText = clean.slice(b.end, sentence.end);
        let skipped: string | undefined; // skipAside(afterText), computed only when a pattern with `after` needs it
        const beforeText = clean.slice(sentence.start, leadStart(clean, a));
        for (const p of patterns) {
          if (!variants.some((v) => v.length <= p.gap && p.between.test(v))) continue;
          const [s, o] = p.reverse ? [b, a] : [a, b];
          if (p.subject && !p.subject.has(typeOf(s.entity!)!)) continue;
          if (p.object && !p.object.has(typeOf(o.entity!)!)) continue;
          if (p.before && !p.before.test(beforeText)) continue;
          if (p.after && !p.after.test(afterText) && !p.after.test((skipped ??= skipAside(afterText)))) continue;
          // "U.S. Secretary of Labor Elaine Chao": the place is part of a title, not a party
          if (titledPlace(a, i) || titledPlace(b, j)) continue;
          // "with the CTM's biggest challenger, the UNT": the tie is with the apposition, not the possessor
          if (!p.reverse && RETARGET.has(p.predicate) && /^['’]s?\s/.test(afterText)) {
            const n = ms[j + 1];
            const appositive = n && n.entity !== b.entity && typeOf(n.entity!) === typeOf(b.entity!) && /^['’]s?\s+[\p{L}\s-]{1,40}?,\s*(the\s+)?$/u.test(clean.slice(b.end, n.start));
            if (appositive) emit(a.entity!, p.predicate, n!.entity!, evidence, `${p.id}+apposition`);
            if (appositive || p.predicate === 'SUPPORTS' || p.predicate === 'OPPOSES') continue;
          }
          // "in partnership with Mexico’s STPS": the place is the possessor of the partner, not the partner
          if (!p.reverse && p.predicate !== 'LOCATED_IN' && typeOf(b.entity!) === 'Place' && /^\s*['’]s\s/.test(afterText)) continue;
          // a place phrase ("… which has an office in Mexico") belongs to the nearest organisation
          // (but not a modifier of A's apposition: "ITAPSA, an Echlin subsidiary in Puebla")
          if (p.predicate === 'LOCATED_IN' && ms.slice(i + 1, j).some((m) => m.entity !== a.entity && typeOf(m.entity!) === typeOf(a.entity!) && !(aside && m.end <= a.end + aside[0].length) && !/^(['’]s)?\s+(subsidiary|plant|factory|facility|affiliate|unit|division|mine|maquiladora)\b/u.test(clean.slice(m.end, m.end + 24)))) continue;
          // coordinated lists on either side share the relation: "A and B filed …", "… launched by Presidents Fox and Bush"
          // but an apposition after a list belongs to its last item ("… met X and Y, director of Z")
          // "a Joint Declaration … under the NAALC, signed by …": the participle after a comma describes the head noun phrase
          let head = a;
          if (p.reverse && /^\s*,/.test(normalise(between)) && i > 0) {
            const h = ms[i - 1]!;
            if (h.entity !== a.entity && typeOf(h.entity!) === typeOf(a.entity!) && /^\s*(under|of|to|within|pursuant to)\s+(the\s+)?$/i.test(clean.slice(h.end, a.start))) head = h;
          }
          // "The Protocol of Amendment to the USMCA was signed by …": what was signed is the unnamed head, not the USMCA
          if (p.reverse && head === a && (p.predicate === 'SIGNED' || p.predicate === 'PARTY_TO') && /\b(to|of|under|amending)\s+(the\s+)?$/i.test(clean.slice(Math.max(sentence.start, a.start - 12), leadStart(clean, a)))) continue;
          const left = (/^\s*,/.test(normalise(between)) && (p.reverse || typeOf(a.entity!) === 'Person')) || p.predicate === 'LOCATED_IN' ? [head] : coordinated(ms, i, -1);
          // "in Silao, Guanajuato" is a city and its state, not a list
          const right = p.predicate === 'LOCATED_IN' ? [b] : coordinated(ms, j, +1);
          const subjects = p.reverse ? right : left;
          const objects = p.reverse ? left : right;
          // "John Sweeney, president of the AFL-CIO, attended …": the apposition's organisation is not the subject
          if (!p.reverse && i > 0 && /^\s*,\s*(?!(the|a|an|which|who|whose)\b)/i.test(normalise(between)) && typeOf(a.entity!) === 'Organization' && ontology.allows(p.predicate, 'Person', typeOf(b.entity!)!)) {
            let k = i - 1;
            while (k > 0 && ms[k]!.entity === a.entity) k--;
            const person = ms[k]!;
            if (typeOf(person.entity!) === 'Person' && /^\s*,\s*([^,;.()]{1,60}?\s+(of|for|at|with)|who\s+(leads|heads|chairs|directs|runs|founded|works for|represents))\s+(the\s+)?$/i.test(clean.slice(person.end, ms[k + 1]!.start))) {
              if (p.subject && !p.subject.has('Person')) continue;
              subjects.splice(0, subjects.length, person);
            }
          }
          for (const sm of subjects) {
            for (const om of objects) {
              if (p.subject && !p.subject.has(typeOf(sm.entity!)!)) continue;
              if (p.object && !p.object.has(typeOf(om.entity!)!)) continue;
              // "Conway, whose union …": the possessor's own tie to the organisation is not restated
              if ((sm.rule === 'anaphora.person-org' && typeOf(om.entity!) === 'Person') || (om.rule === 'anaphora.person-org' && typeOf(sm.entity!) === 'Person')) continue;
              emit(sm.entity!, p.predicate, om.entity!, evidence, (sm === s && om === o ? p.id : `${p.id}+list`) + (pseudo.has(sm) || pseudo.has(om) ? '+anaphora' : ''));
            }
          }
        }
      }
    }
    // curated structure stated in one sentence
    const ids = new Set(ms.filter((m) => !pseudo.has(m)).map((m) => m.entity!));
    for (const id of ids) {
      const parent = ontology.entities.get(id)?.part_of;
      if (parent && ids.has(parent)) emit(id, 'PART_OF', parent, evidence, 'ontology.part_of');
    }
  }
  // a byline: "Julie Watts\n\nVisiting Fellow, Center for Comparative Immigration Studies"
  for (let k = 0; k + 1 < mentions.length; k++) {
    const p = mentions[k]!;
    const o = mentions[k + 1]!;
    if (typeOf(p.entity!) !== 'Person' || typeOf(o.entity!) !== 'Organization' || isExcluded(ctx.excluded, p.start, o.end)) continue;
    const m = /^[ \t]*\n[ \t]*\n?[ \t]*([\p{L} -]{3,50}?)\s*,\s*(the\s+)?$/u.exec(clean.slice(p.end, o.start));
    if (!m) continue;
    const title = m[1]!.trim();
    const predicate: Predicate | undefined = LEAD_TITLE.test(title) ? 'LEADS' : STAFF_TITLE.test(title) || SUB_TITLE.test(title) ? 'WORKS_FOR' : undefined;
    if (predicate) emit(p.entity!, predicate, o.entity!, { start: p.start, end: o.end }, 'byline.title');
  }
  return [...out.values()];

  /**
   * "Testifying at “USMCA at Two” were A, <title>; B, <title>; and a representative of C" and
   * "Participants in the E included …": the first actor of each item of the list took part in E.
   */
  function frontedParticipants(ev: Candidate, ms: Candidate[], sentence: { start: number; end: number }, out: (s: string, o: string) => void): void {
    const before = clean.slice(sentence.start, ev.start);
    if (!FRONTED_BEFORE.test(before)) return;
    const verb = FRONTED_VERB.exec(clean.slice(ev.end, sentence.end));
    if (!verb) return;
    const from = ev.end + verb[0].length;
    const list = clean.slice(from, sentence.end);
    const sep = list.includes(';') ? /;\s*(?:and\s+)?/g : /,\s*(?:and\s+)?|\s+and\s+/g;
    let itemStart = from;
    const items: [number, number][] = [];
    for (const m of list.matchAll(sep)) {
      items.push([itemStart, from + m.index!]);
      itemStart = from + m.index! + m[0].length;
    }
    items.push([itemStart, sentence.end]);
    for (const [a, b] of items) {
      const first = ms.find((m) => m.start >= a && m.start < b && (typeOf(m.entity!) === 'Person' || typeOf(m.entity!) === 'Organization'));
      if (!first) continue;
      // the item opens with its actor, or with a role of an organisation ("a representative of the …")
      const lead = clean.slice(a, first.start);
      if (!/^\s*(the\s+)?$/.test(lead) && !/^\s*((a|an|the|two|three|several)\s+)?[\p{Ll}\s-]{0,40}\b(representative|representatives|official|officials|delegation|delegations|delegate|delegates|member|members|leader|leaders|spokesperson)\s+(of|from)\s+(the\s+)?$/u.test(lead)) continue;
      out(first.entity!, ev.entity!);
    }
  }

  /** An organisation that may be a case's target: a company, not a union, agency, ministry or network. */
  function companyLike(id: string): boolean {
    const e = ctx.entities.get(id);
    return !!e && e.type === 'Organization' && !NOT_COMPANY.has(e.kind ?? '') && !UNIONLIKE.test(e.name) && ![...e.aliases].some((a) => /^(NAO|ILAB|OTLA|STPS|USTR|DOL)$/.test(a));
  }

  /**
   * A case, then a cue ("concerning", "alleging that", "against"): the first company after the cue
   * is its target; a country after the cue is the target of a case before the other country's NAO
   * ("Mexican NAO 9802 … concerning … workers in the United States").
   */
  function caseTargets(ms: Candidate[], sentenceEnd: number, out: (s: string, o: string) => void): void {
    for (let i = 0; i < ms.length; i++) {
      const c = ms[i]!;
      if (typeOf(c.entity!) !== 'Case') continue;
      const next = ms.slice(i + 1).find((m) => m.entity !== c.entity);
      const stop = ms.slice(i + 1).find((m) => m.entity !== c.entity && typeOf(m.entity!) === 'Case');
      const end = Math.min(stop ? stop.start : Infinity, c.end + 260, sentenceEnd);
      if (!next) continue;
      // "Mexican NAO 9802 on the … industry and Mexican NAO 9803 on the …, both concerning …": a shared cue after the last case
      const shared = stop ? /\b(both|each|all|all three|all of them)\s*,?\s*(concerning|regarding|involving|alleging|about)\b/iu.exec(clean.slice(stop.end, Math.min(c.end + 400, sentenceEnd))) : null;
      const cue = CASE_NEAR_CUE.exec(clean.slice(c.end, end)) ?? CASE_CUE.exec(clean.slice(c.end, end));
      if (!cue && !shared) continue;
      const from = cue ? c.end + cue.index + cue[0].length : stop!.end + shared!.index + shared![0].length;
      const to = cue ? end : Math.min(sentenceEnd, c.end + 500);
      // the first organisation after the cue, within a clause
      const org = ms.find((m) => m.start >= from && m.start < to && typeOf(m.entity!) === 'Organization');
      if (org && companyLike(org.entity!) && !/[;]/.test(clean.slice(from, org.start)) && org.start - from <= 140) out(c.entity!, org.entity!);
      // the country opposite the case's NAO
      const name = ctx.entities.get(c.entity!)!;
      const nao = [name.name, ...name.aliases].join(' ');
      const opposite = /\b(Mexican|Mexico)\s+NAO\b/.test(nao) ? 'US' : /\b(U\.\s?S\.|US|United States)\s+NAO\b/.test(nao) ? 'MX' : undefined;
      if (!opposite) continue;
      const sharedFrom = shared ? stop!.end + shared.index + shared[0].length : Infinity;
      for (const m of ms) {
        if (!((m.start >= from && m.start < to) || m.start >= sharedFrom) || typeOf(m.entity!) !== 'Place') continue;
        // "the State of Mexico" is a state
        if (/\b(State|Estado|Gulf|Government|Embassy|Bank|University) of\s+(the\s+)?$|\bNew\s+$/u.test(clean.slice(Math.max(0, m.start - 20), m.start))) continue;
        const e = ctx.entities.get(m.entity!)!;
        const place = [e.name, ...e.aliases].some((a) => /^(United States|United States of America|U\.\s?S\.?|USA|US)$/.test(a)) ? 'US' : [e.name, ...e.aliases].some((a) => /^(Mexico|México)$/.test(a)) ? 'MX' : undefined;
        if (place === opposite && !/^\s*['’]s?\s/.test(clean.slice(m.end, m.end + 4))) out(c.entity!, m.entity!);
      }
    }
  }

  /** A place that only qualifies a title: "U.S. Secretary of Labor Elaine Chao". */
  function titledPlace(m: Candidate, k: number): boolean {
    if (typeOf(m.entity!) !== 'Place') return false;
    const n = ms0[k + 1];
    return !!n && !!n.title && n.title.start >= m.end && n.title.start - m.end <= 2;
  }

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
