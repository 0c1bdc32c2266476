/**
 * Definite-description anaphora for relation arguments: "the union", "the company", "the
 * submission", "both unions" stand for the most recent compatible entity (class and head word) in
 * the same sentence or the two before. The descriptions become extra mentions for the relation
 * rules only (never entity mentions), so every trigger pattern applies to them unchanged.
 */
import type { Candidate, DocContext, DocEntity, Sentence } from './context.js';

interface Head {
  /** head nouns (singular, plural) */
  words: RegExp;
  fits: (e: DocEntity) => boolean;
}

const org = (kinds: string[], name: RegExp) => (e: DocEntity) => e.type === 'Organization' && (kinds.includes(e.kind ?? '') || name.test(e.name) || [...e.aliases].some((a) => name.test(a)));
const COMPANY = /\b(Inc|Corp|Corporation|Company|Co|S\.\s?A\.|C\.\s?V\.|Ltd|LLC|Industries|Industrias|Grupo|Group|Automotive|Manufacturing|Motors|Electric|Mining|Minera|Foods|Farms?|Enterprises)\b/;
/** Unions, federations and public bodies are not "the company", whatever words their names share with firms. */
const NOT_COMPANY_NAME = /\b(sindicato|syndicat|union|workers|trabajadores|federation|confederation|federación|confederación|ministry|secretar[ií]a|department|office|committee|council|network|coalition|center|centro)\b/iu;
const HEADS: Head[] = [
  { words: /^(union|unions)$/, fits: org(['union'], /\b(union|unions|sindicato|syndicat|workers|steelworkers|teamsters|mineros|brotherhood|metalworkers|electricians|telefonistas)\b/i) },
  { words: /^(federation|confederation|federations|confederations)$/, fits: org(['federation'], /\b(federation|confederation|federación|confederación|AFL-CIO|congress|CTM|CROC|UNT)\b/i) },
  { words: /^(company|companies|employer|firm|automaker|manufacturer)$/, fits: (e) => org(['company'], COMPANY)(e) && !['union', 'federation', 'ministry', 'agency'].includes(e.kind ?? '') && !NOT_COMPANY_NAME.test(e.name) },
  { words: /^(ministry|secretariat|department)$/, fits: org(['ministry', 'agency', 'government'], /\b(ministry|secretar(y|iat|ía)|department)\b/i) },
  { words: /^(committee|commission)$/, fits: org([], /\b(committee|commission|comité|comisión)\b/i) },
  { words: /^(nao|office)$/, fits: org([], /\b(NAO|national administrative office|office)\b/i) },
  { words: /^(agreement|accord|treaty|deal|pact)$/, fits: (e) => e.type === 'Agreement' },
  { words: /^(submission|petition|complaint|case|request|submissions|petitions|complaints|cases)$/, fits: (e) => e.type === 'Case' },
  { words: /^(conference|meeting|hearing|forum|summit|encounter|gathering|seminar|congress)$/, fits: (e) => e.type === 'Event' },
  { words: /^(program|programme|initiative|project|mechanism)$/, fits: (e) => e.type === 'Program' },
];

/** Nouns after which "the union"/"the company" is a modifier, not the entity ("the company union", "the union movement"). */
const COMPOUND = /^\s+(union|unions|movement|members?|membership|leaders?|leadership|officials?|contracts?|elections?|votes?|drive|drives|local|locals|hall|dues|busting|avoidance|density|side|level|management|owners?|workers?|plants?|towns?|process|mechanism|procedure|procedures|system|panel|panels|stage|phase|law|file|record|number|history)\b/i;
const ADJ = '(?:new|independent|local|national|mexican|american|u\\.s\\.|canadian|same|two|three|u\\.s\\.-based|mexico-based|parent|original|joint|first|second|latest|trinational|tri-national|binational|bi-national|steelworkers[’\']?|miners[’\']?|auto|independent\\s+mexican)';
const CASE_NOUN = /^(submission|petition|complaint|request)$/;
/** "her group", "his union", "their organization": the person's organisation, named earlier in the sentence. */
const ORG_NOUN = /^(group|organization|organisation|union|federation)$/;
const ANY_ORG: Head = { words: ORG_NOUN, fits: (e) => e.type === 'Organization' };
const DESC = new RegExp(`\\b(the|The|this|This|that|both|Both|these|These|a|an|his|His|her|Her|their|Their|its|Its)\\s+(?:${ADJ}\\s+)?(\\p{Ll}[\\p{Ll}-]+|NAO)\\b`, 'gu');

/** "these (Mexican) (four) organizations": a coordinated list just named. */
const LIST_DESC = /\b(?:(?:These|these|Those|those)\s+(?:(Mexican|U\.S\.|American|Canadian)\s+)?(?:(two|three|four|five|six)\s+)?|(?:The|the)\s+(?:(Mexican|U\.S\.|American|Canadian)\s+)?(two|three|four|five|six)\s+)(?:organizations|organisations|groups|unions|federations)\b/gu;
const LIST_JOIN = /^\s*[)”"*]*\s*(?:\([^)]{1,14}\)\s*)?[)”"*]*\s*(?:,|and|,\s*and|&)\s*(?:the\s+)?$/u;
const NUMBER: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6 };

/** A person's organisation by a possessive: "whose union", "his federation", "her group". */
const PERSON_POSS = /\b(whose|his|her|His|Her)\s+(union|organization|organisation|group|federation)\b/gu;

/** How many sentences back an antecedent may be. */
const WINDOW = 3;

/** Descriptions in `clean` resolved to an earlier entity; sorted by start. */
export function definiteMentions(ctx: DocContext, mentions: Candidate[], personOrg?: Map<string, string>): Candidate[] {
  const clean = ctx.doc.clean;
  const sentences = ctx.sentences;
  const out: Candidate[] = [];
  let cursor = 0;
  const sentenceOf = (pos: number): number => {
    while (cursor + 1 < sentences.length && sentences[cursor]!.end <= pos) cursor++;
    return cursor;
  };
  /** The sentence of an earlier position (binary search; does not move the cursor). */
  const sentenceOf2 = (pos: number): number => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid]!.start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  let mi = 0;
  DESC.lastIndex = 0;
  for (let m = DESC.exec(clean); m; m = DESC.exec(clean)) {
    // "that the federation": the next description may start inside this match
    DESC.lastIndex = m.index + m[1]!.length;
    const det = m[1]!.toLowerCase();
    const noun = m[2]!.toLowerCase();
    const indefinite = det === 'a' || det === 'an';
    // "Rethink Trade’s director, Lori Wallach, said her group …": a possessive pronoun's organisation is in its sentence
    const possessive = /^(his|her|their|its)$/.test(det);
    const head = indefinite ? (CASE_NOUN.test(noun) ? HEADS.find((h) => h.words.test('case')) : undefined) : possessive ? (ORG_NOUN.test(noun) ? ANY_ORG : undefined) : HEADS.find((h) => h.words.test(noun));
    if (!head) continue;
    const start = m.index;
    const end = m.index + m[0].length;
    const plural = /s$/.test(noun) && !/^(nao|congress|process|cases?)$/.test(noun) ? true : noun === 'cases';
    // plural only as "both X" / "the two X"; singular not after "both"/"these"
    if (plural !== (det === 'both' || /\btwo\s/.test(m[0]))) continue;
    if (det === 'these' && !plural) continue;
    // a capitalised head is part of a name ("the Union of …"); "the union" inside a mention is a name
    while (mi < mentions.length && mentions[mi]!.end <= start) mi++;
    if (mentions.slice(Math.max(0, mi - 1), mi + 2).some((x) => x.start < end && start < x.end)) continue;
    if (COMPOUND.test(clean.slice(end, end + 20)) || /^\s*(of|for)\s+(the\s+)?\p{Lu}/u.test(clean.slice(end, end + 12))) continue;
    const si = sentenceOf(start);
    const floor: Sentence = sentences[Math.max(0, si - WINDOW)] ?? { start: 0, end: 0 };
    // the nearest sentence (this one up to the description, then the two before) with a compatible
    // entity must name exactly as many as the description stands for: otherwise it is ambiguous
    const need = plural ? 2 : 1;
    const found: string[] = [];
    let foundIn = -1;
    let ambiguous = false;
    for (let k = mi - 1; k >= 0; k--) {
      const a = mentions[k]!;
      if (a.start < floor.start) break;
      if (a.end > start || !a.entity || found.includes(a.entity)) continue;
      const e = ctx.entities.get(a.entity);
      if (!e || !head.fits(e)) continue;
      const at = sentenceOf2(a.start);
      if (found.length === need) {
        ambiguous = at === foundIn;
        break;
      }
      foundIn = at;
      found.push(a.entity);
    }
    // "filed a petition concerning …, the San Martín case": an indefinite description may name a case later in its sentence
    if (indefinite && found.length === 0) {
      // mentions are sorted by start: stop at the sentence's end instead of scanning the rest of the document
      const after: Candidate[] = [];
      for (let k = mi; k < mentions.length && mentions[k]!.start < sentences[si]!.end; k++) {
        const a = mentions[k]!;
        if (a.entity && head.fits(ctx.entities.get(a.entity)!)) after.push(a);
      }
      const ids = [...new Set(after.map((a) => a.entity!))];
      if (ids.length === 1) {
        found.push(ids[0]!);
        foundIn = si;
      }
    }
    if (ambiguous || found.length !== need) continue;
    // an indefinite description ("filed a petition concerning …") stands only for a case named earlier in its sentence
    if ((indefinite || possessive) && foundIn !== si) continue;
    for (const id of found) out.push({ start, end, type: ctx.entities.get(id)!.type, rule: 'anaphora.definite', entity: id });
  }
  // "Conway, whose union has an alliance with …", "Wallach said her group …": the organisation the person leads or works for
  if (personOrg?.size) {
    const taken = new Set(out.map((c) => c.start));
    PERSON_POSS.lastIndex = 0;
    for (let m = PERSON_POSS.exec(clean); m; m = PERSON_POSS.exec(clean)) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (taken.has(start)) continue;
      const si = sentenceOf2(start);
      const person = mentions.filter((x) => x.end <= start && x.start >= sentences[si]!.start && x.entity && ctx.entities.get(x.entity)?.type === 'Person').pop();
      // "whose" belongs to the name just before it
      if (!person || (/^whose$/i.test(m[1]!) && !/^\s*(\([^)]{1,30}\)\s*)?,\s*$/.test(clean.slice(person.end, start)))) continue;
      const org = personOrg.get(person.entity!);
      if (org) out.push({ start, end, type: 'Organization', rule: 'anaphora.person-org', entity: org });
    }
  }
  // "These Mexican organizations filed …": the last coordinated list of organisations just before
  LIST_DESC.lastIndex = 0;
  mi = 0;
  for (let m = LIST_DESC.exec(clean); m; m = LIST_DESC.exec(clean)) {
    const start = m.index;
    const end = m.index + m[0].length;
    while (mi < mentions.length && mentions[mi]!.end <= start) mi++;
    if (mentions.slice(Math.max(0, mi - 1), mi + 2).some((x) => x.start < end && start < x.end)) continue;
    const si = sentenceOf2(start);
    const floor = sentences[Math.max(0, si - 1)]!.start;
    const dem = m[1] ?? m[3];
    const num = m[2] ?? m[4];
    const demonym = dem ? ctx.ontology.lex.demonyms.get(dem) : undefined;
    const count = num ? NUMBER[num.toLowerCase()] : undefined;
    // the last organisation before the description, and those coordinated with it
    let k = mi - 1;
    while (k >= 0 && mentions[k]!.start >= floor && ctx.entities.get(mentions[k]!.entity ?? '')?.type !== 'Organization') k--;
    if (k < 0 || mentions[k]!.start < floor) continue;
    const list = [mentions[k]!];
    let left = mentions[k]!;
    for (let x = k - 1; x >= 0 && mentions[x]!.start >= floor; x--) {
      const l = mentions[x]!;
      // "the Unión Nacional de Trabajadores (UNT)": the name and its acronym are one item
      if (l.entity === left.entity && /^\s*\(?\s*$/.test(clean.slice(l.end, left.start))) {
        left = l;
        continue;
      }
      if (ctx.entities.get(l.entity ?? '')?.type !== 'Organization' || !LIST_JOIN.test(clean.slice(l.end, left.start))) break;
      list.push(l);
      left = l;
    }
    const ids = [...new Set(list.map((x) => x.entity!))].filter((id) => !demonym || ctx.entities.get(id)!.country === demonym);
    if (ids.length < 2 || ids.length !== new Set(list.map((x) => x.entity!)).size || (count && ids.length !== count)) continue;
    for (const id of ids) out.push({ start, end, type: 'Organization', rule: 'anaphora.list', entity: id });
  }
  return out.sort((a, b) => a.start - b.start);
}
