/**
 * Type one name segment: trim its edges, then the first rule that decides — a title and a person,
 * a title naming an organisation, a follower ("the Echlin case"), a head word, an acronym, a
 * person-like name. Every candidate carries the id of the rule that made it.
 */
import type { Candidate, DocContext } from '../context.js';
import { findTitle, isGeneric, isUpperChunk, looksLikePerson, typeByHead, wordsOf } from '../classify.js';
import type { Token } from '../tokens.js';
import { acronymCandidate } from './acronym.js';
import { isDictionaryWord, wordTag } from '../english.js';
import { isCompany, isFirstName, isKnown, isPlace, knownType } from './lookup.js';
import type { SpanOracle } from './windows.js';
import { guessPerson, spanOf, titledPerson, unitTitledPerson } from './person.js';
import { introducedNames, trimSegment } from './trim.js';

/**
 * "USMCA Labor Rapid Response Mechanism", "Text of the NAALC": a curated name of the
 * segment's class ends it and what precedes is a curated name or plain words — the curated names
 * stand on their own (the gazetteer has them), the segment is no name of its own.
 */
function curatedTail(ctx: DocContext, tokens: Token[], words: string[], type: Candidate['type'], headFirst?: boolean): boolean {
  const lex = ctx.ontology.lex;
  if (headFirst || tokens.length < 2) return false;
  const plain = (w: string) => lex.generic.has(w) || lex.stopwords.has(w) || lex.functionWords.has(w) || lex.notName.has(w) || lex.demonyms.has(w);
  for (let k = 1; k < tokens.length; k++) {
    const tail = tokens.slice(k);
    if (!isKnown(ctx, tail) || knownType(ctx, tail) !== type) continue;
    let p = k;
    while (p > 0 && plain(words[p - 1]!)) p--;
    return p === 0 || isKnown(ctx, tokens.slice(0, p));
  }
  return false;
}

/**
 * "the Trade Subcommittee", "a Working Group on Wages", "the Labor Task Force": a body named by
 * what it deals with is a name though its other words are generic — a committee head (lexicon
 * org.head.committee) with a complement or a subject noun of its own (not a describing adjective:
 * "the Joint Committee" is a description), inside a sentence (not opening it).
 */
function committeeName(lex: DocContext['ontology']['lex'], words: string[], before: Token | undefined): boolean {
  if (!before || /^[.!?:;|•·–—-]$/.test(before.t)) return false;
  let at = -1;
  let len = 0;
  for (let i = 0; i < words.length && at < 0; i++) {
    if (lex.committeeHeads.has(`${words[i]} ${words[i + 1]}`)) [at, len] = [i, 2];
    else if (lex.committeeHeads.has(words[i]!)) [at, len] = [i, 1];
  }
  if (at < 0) return false;
  // "Working Group on Wages": a complement names the subject
  if (words.slice(at + len).some((w) => lex.prepositions.has(w)) && /^\p{Lu}/u.test(words[words.length - 1]!)) return true;
  // "the Trade Subcommittee", not "the Joint Committee": a subject noun, not a describing adjective
  const adjective = (w: string) => /Adjective|Gerund/.test(wordTag(w) ?? '') || /(al|ary|ive|ic|ory|ant|ent|ed|ing|int)$/.test(w);
  const own = words.slice(0, at).filter((w) => /^\p{Lu}/u.test(w) && !lex.stopwords.has(w) && !lex.demonyms.has(w));
  return own.length >= 1 && !own.some(adjective);
}

/** Type one segment (maybe a title + name, maybe nothing). */
export function classifySegment(ctx: DocContext, seg: Token[], spans: SpanOracle, after: Token | undefined, before: Token | undefined, pluralTitle?: Candidate['title']): Candidate[] {
  const lex = ctx.ontology.lex;
  const upper = isUpperChunk(seg);
  const tokens = trimSegment(ctx, seg, upper);
  if (!tokens.length) return [];
  if (tokens.length === 2 && /^(Administration|Government|administration|government)$/.test(tokens[1]!.t)) return [];
  const words = wordsOf(lex, tokens, upper);
  // "Centro de Solidaridad en México", "the Solidarity Center in Mexico": a curated organisation, then the place it is in
  const inAt = words.findIndex((w, k) => k > 0 && k < words.length - 1 && (w === 'en' || w === 'in'));
  if (inAt > 0 && isKnown(ctx, tokens.slice(0, inAt)) && knownType(ctx, tokens.slice(0, inAt)) === 'Organization' && isKnown(ctx, tokens.slice(inAt + 1)) && isPlace(ctx, tokens.slice(inAt + 1))) {
    return [...classifySegment(ctx, tokens.slice(0, inAt), spans, undefined, before), ...classifySegment(ctx, tokens.slice(inAt + 1), spans, after, tokens[inAt])];
  }
  // titles: "U.S. Secretary of Labor Elaine Chao", "AFL-CIO President John Sweeney", "Presidents Fox and Bush"
  const title = findTitle(lex, words);
  if (title && title.to < words.length) {
    const titled = titledPerson(ctx, tokens, words, title);
    if (titled) return [titled.person, ...(titled.before ? classifySegment(ctx, titled.before, spans, undefined, before) : [])];
    const restWords = words.slice(title.to);
    const unitTitled = unitTitledPerson(ctx, tokens, words, title);
    if (unitTitled) return [unitTitled, ...(title.from > 0 ? classifySegment(ctx, tokens.slice(0, title.from), spans, undefined, before) : [])];
    if (title.from === 0 && /^(of|for|de|del)$/.test(restWords[0]!)) {
      // "Vice President of the U.S. Chamber of Commerce": the title names an organisation
      let org = tokens.slice(title.to + 1);
      if (org[0]?.t === 'the' || org[0]?.t === 'la') org = org.slice(1);
      // "Coordinadora General de Asuntos Internacionales": a Spanish title names no person
      return classifySegment(ctx, org, spans, after, undefined).filter((c) => c.type !== 'Person' || !/^(de|del)$/.test(restWords[0]!));
    }
  }
  if (pluralTitle && looksLikePerson(lex, words) && words.length === 1) {
    return [{ ...spanOf(tokens), type: 'Person', rule: 'person.title', title: pluralTitle, short: true }];
  }
  if (title && title.from === 0 && title.to === words.length) return [];
  const ofAt = words.indexOf('of');
  if (ofAt >= 2 && isFirstName(lex, words[0]!) && looksLikePerson(lex, words.slice(0, ofAt))) {
    let rest = tokens.slice(ofAt + 1);
    if (rest[0]?.t === 'the') rest = rest.slice(1);
    return [{ ...spanOf(tokens.slice(0, ofAt)), type: 'Person', rule: 'person.first-name' }, ...classifySegment(ctx, rest, spans, after, undefined)];
  }
  const follower = after && lex.followers.get(after.t);
  // "Individual case summaries follow": an ordinary word opening the sentence is no name
  const ordinary = tokens.length === 1 && !before && isDictionaryWord(tokens[0]!.t);
  // "the Seasonal Harvest Relief (SHR) program": a bracketed acronym between name and follower
  const bracketed = !!after && /^\s*\(\s*[\p{Lu}][\p{Lu}\d&-]{1,9}\s*\)\s*$/u.test(ctx.doc.clean.slice(tokens[tokens.length - 1]!.e, after.s));
  if (follower && !ordinary && (after.s - tokens[tokens.length - 1]!.e <= 2 || /s$/.test(after.t) || bracketed) && !typeByHead(lex, words) && (!isKnown(ctx, tokens) || (follower.type === 'Case' && (isPlace(ctx, tokens) || isCompany(ctx, tokens))))) {
    const end = follower.include && !bracketed ? after.e : tokens[tokens.length - 1]!.e;
    if (!isGeneric(lex, words)) return [{ start: tokens[0]!.s, end, type: follower.type, rule: follower.rule, ...(follower.kind ? { kind: follower.kind } : {}) }];
  }
  const head = typeByHead(lex, words);
  if (head) {
    // "Government of Mexico", "Embassy of Canada": a head-first name of a country is a name, not a description
    const of = head.headFirst ? words.findIndex((w, i) => i > 0 && lex.prepositions.has(w)) : -1;
    const ofPlace = of > 0 && of < tokens.length - 1 && isKnown(ctx, tokens.slice(tokens[of + 1]!.t === 'the' ? of + 2 : of + 1)) && isPlace(ctx, tokens.slice(tokens[of + 1]!.t === 'the' ? of + 2 : of + 1));
    if (isGeneric(lex, words) && !ofPlace && !(head.type === 'Organization' && committeeName(lex, words, before)) && !introducedNames(ctx).has(tokens.map((t) => t.t).join(' '))) return [];
    if (curatedTail(ctx, tokens, words, head.type, head.headFirst)) return [];
    return [{ ...spanOf(tokens), type: head.type, rule: head.rule, ...(head.kind ? { kind: head.kind } : {}) }];
  }
  const acronym = acronymCandidate(ctx, tokens, before);
  if (acronym) return acronym;
  if (upper) return [];
  const person = guessPerson(ctx, tokens, words, spans);
  if (person.length) return person;
  // "Volunteers of Colectivo Tierra Digna", "Members of UAW Local 862": one untyped word, then "of" and a name
  if (tokens.length > 2 && /^(of|de)$/.test(words[1]!)) return classifySegment(ctx, tokens.slice(/^(the|la|el)$/.test(words[2]!) ? 3 : 2), spans, after, tokens[1]);
  return [];
}
