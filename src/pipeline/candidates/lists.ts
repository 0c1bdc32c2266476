/**
 * Coordination: a name listed with names of a known class shares it ("SINTTIA, La Liga, and
 * SNITIS"; "workers at General Motors in Silao, VU Manufacturing in Piedras Negras, Tridonex in
 * Matamoros"; "Eliud Almaguer and Felipe Barron"). One pass over a sentence's segments, in order.
 */
import type { Candidate, DocContext } from '../context.js';
import { findTitle, isGeneric, isUpperChunk, looksLikePerson, wordsOf } from '../classify.js';
import { isDictionaryWord, wordTag } from '../english.js';
import { isFirstName } from './lookup.js';
import type { Token } from '../tokens.js';

/** One name segment of a sentence: its tokens [first, last] (indices into the sentence's tokens) and what the rules made of it. */
export interface SegmentResult {
  tokens: Token[];
  first: number;
  last: number;
  cands: Candidate[];
}

/** Rules whose guess a list (or a context cue) may overrule. */
export const WEAK_RULES = new Set(['person.surname', 'person.compromise', 'place.compromise']);

/** Is this segment's typing a guess (or none)? */
export function isWeak(r: SegmentResult): boolean {
  return r.cands.every((c) => WEAK_RULES.has(c.rule));
}

/** The class a segment's own rules gave it with confidence, if one. */
function strongType(r: SegmentResult): Candidate | undefined {
  const strong = r.cands.filter((c) => !WEAK_RULES.has(c.rule));
  return strong.length === 1 ? strong[0] : undefined;
}

const SEPARATOR = /^(,|and|y|&|or)$/;

/**
 * Type the weak members of coordinated lists by their typed members. `known(r)` gives the class of
 * a segment that the gazetteer names (curated). Mutates `results`.
 */
export function typeLists(ctx: DocContext, tokens: Token[], results: SegmentResult[], known: (r: SegmentResult) => Candidate['type'] | undefined): void {
  let i = 0;
  while (i < results.length) {
    // a list: members joined by separators; "in <place>" and "( … )" attach to the member before them
    const members: SegmentResult[] = [results[i]!];
    let conjunction = false;
    let j = i + 1;
    let end = results[i]!.last;
    while (j < results.length) {
      // "( … )" after a member, names inside it too ("VU Manufacturing (a Michigan-based company) in …"): skip to its close
      let aside = false;
      if (tokens[end + 1]?.t === '(') {
        let close = end + 2;
        while (close < tokens.length && close < end + 30 && tokens[close]!.t !== ')' && tokens[close]!.t !== '(') close++;
        if (tokens[close]?.t !== ')') break;
        while (j < results.length && results[j]!.first < close) j++;
        if (j >= results.length) break;
        end = close;
        aside = true;
      }
      const next = results[j]!;
      const rest = tokens.slice(end + 1, next.first).map((t) => t.t);
      if ((rest.length === 1 && (rest[0] === 'in' || rest[0] === 'at')) && (known(next) === 'Place' || next.cands.some((c) => c.type === 'Place'))) {
        end = next.last; // "General Motors in Silao"
        j++;
        continue;
      }
      if (rest.length === 0 && aside) break;
      if (!rest.length || rest.length > 2 || !rest.every((w) => SEPARATOR.test(w))) break;
      // "…, and Ancheita’s team": a possessor is not a listed name
      if (/^['’]s?$/.test(tokens[next.last + 1]?.t ?? '')) break;
      if (rest.some((w) => w !== ',')) conjunction = true;
      members.push(next);
      end = next.last;
      j++;
    }
    // "X, Y" alone is an aside ("The USW, Conway testified, …"); a list has a conjunction or three members
    // (unless the members are one name: the first member's complement runs on)
    const oneName = members.length >= 3 && complementOfFirst(ctx, tokens, members, known);
    if (!oneName && (members.length >= 3 || (members.length === 2 && conjunction))) typeMembers(ctx, members, known);
    i = Math.max(j, i + 1);
  }
}

function typeMembers(ctx: DocContext, members: SegmentResult[], known: (r: SegmentResult) => Candidate['type'] | undefined): void {
  const lex = ctx.ontology.lex;
  const typed = members.map((m) => ({ m, c: strongType(m), k: known(m) }));
  const orgs = typed.filter((x) => x.c?.type === 'Organization' || x.k === 'Organization');
  const people = typed.filter((x) => (x.c?.type === 'Person' && x.c.rule !== 'person.surname') || x.k === 'Person');
  const kinds = new Set(orgs.map((x) => x.c?.kind));
  const kind = kinds.size === 1 ? [...kinds][0] : undefined;
  for (const x of typed) {
    if (x.k || !isWeak(x.m)) continue;
    const words = wordsOf(lex, x.m.tokens, isUpperChunk(x.m.tokens));
    if (!words.length || words.length > 4 || isGeneric(lex, words) || !/^\p{Lu}/u.test(words[0]!) || /\d$/.test(words[words.length - 1]!)) continue;
    // a title ("Foreign Minister"), a state code ("CA"), a common word ("Steel", "Therefore") is no listed name
    const title = findTitle(lex, words);
    if (title && title.to === words.length) continue;
    if (words.length === 1 && (words[0]!.length < 3 || isDictionaryWord(words[0]!) || lex.stopwords.has(words[0]!) || lex.notName.has(words[0]!))) continue;
    // a person's name among organisations ("Robin Alexander", "Conway") is no organisation
    const personLike = isFirstName(lex, words[0]!) || /Name|Person/.test(wordTag(words[words.length - 1]!) ?? '');
    const span = { start: x.m.tokens[0]!.s, end: x.m.tokens[x.m.tokens.length - 1]!.e };
    if (orgs.length && !people.length && !personLike) x.m.cands = [{ ...span, type: 'Organization', rule: 'org.list', ...(kind ? { kind } : {}) }];
    else if (people.length && !orgs.length && words.length >= 2 && looksLikePerson(lex, words)) {
      // "Deputy Wage (and Hour Administrator …)": a title's modifier opens no name
      const mod = ctx.ontology.predicateLex.modality;
      if (mod['role-sub'].has(words[0]!.toLowerCase()) || mod['role-skip'].has(words[0]!.toLowerCase())) continue;
      x.m.cands = [{ ...span, type: 'Person', rule: 'person.list' }];
    }
  }
}

/**
 * "Industrial Union of Workers in the Transformation, Construction, Automotive, …, Similar, Annexes and
 * Related Industries of the State of Queretaro": a head-first organisation name ending in its
 * complement ("… in the Transformation"), followed by bare capitalised words, is one name whose
 * complement is the list (as in the Spanish "… de la Industria Metálica, Acero, Hierro, Conexos y
 * Similares"). Every other member must be untyped, of at most three words, no known name and no
 * person; the name then runs to the last member's end.
 * Mutates the members; true when it joined them.
 */
function complementOfFirst(ctx: DocContext, tokens: Token[], members: SegmentResult[], known: (r: SegmentResult) => Candidate['type'] | undefined): boolean {
  const lex = ctx.ontology.lex;
  const head = strongType(members[0]!);
  if (head?.type !== 'Organization' || !head.rule.includes('first') || known(members[0]!)) return false;
  // the first name ends in a complement: a preposition (and article) before its last word
  const firstWords = members[0]!.tokens.map((t) => t.t);
  if (firstWords.length < 4 || !lex.prepositions.has(firstWords[firstWords.length - 2]!) && !(lex.prepositions.has(firstWords[firstWords.length - 3]!) && /^(the|la|el|los|las)$/.test(firstWords[firstWords.length - 2]!))) return false;
  // (the last member may carry the name's own complement: "… and Related Industries of the State of Queretaro")
  const words = (m: SegmentResult) => {
    const p = m.tokens.findIndex((t, i) => i > 0 && lex.prepositions.has(t.t));
    return p < 0 ? m.tokens.length : p;
  };
  for (const [i, m] of members.slice(1).entries()) {
    const last = i === members.length - 2;
    // (the last may be typed by its own head: "… in the Metal, Steel, Iron and Allied Industries")
    const typedByHead = last && m.cands.length === 1 && /^org\.(head|company)$/.test(m.cands[0]!.rule);
    if ((!isWeak(m) && !typedByHead) || known(m) || (last ? words(m) : m.tokens.length) > 3 || isFirstName(lex, m.tokens[0]!.t)) return false;
  }
  const end = members[members.length - 1]!.last;
  members[0]!.cands = [{ ...head, end: tokens[end]!.e, rule: `${head.rule}.list` }];
  for (const m of members.slice(1)) m.cands = [];
  return true;
}
