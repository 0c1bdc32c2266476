/**
 * Type one name segment: trim its edges, then the first rule that decides — a title and a person,
 * a title naming an organisation, a follower ("the Echlin case"), a head word, an acronym, a
 * person-like name. Every candidate carries the id of the rule that made it.
 */
import type { Candidate, DocContext } from '../context.js';
import { findTitle, isGeneric, isUpperChunk, looksLikePerson, typeByHead, wordsOf } from '../classify.js';
import type { Token } from '../tokens.js';
import { acronymCandidate } from './acronym.js';
import { isFirstName, isKnown, isPlace, type NlpSpans } from './lookup.js';
import { guessPerson, spanOf, titledPerson } from './person.js';
import { trimSegment } from './trim.js';

/** Type one segment (maybe a title + name, maybe nothing). */
export function classifySegment(ctx: DocContext, seg: Token[], spans: NlpSpans, after: Token | undefined, before: Token | undefined, pluralTitle?: Candidate['title']): Candidate[] {
  const lex = ctx.ontology.lex;
  const upper = isUpperChunk(seg);
  const tokens = trimSegment(ctx, seg, upper);
  if (!tokens.length) return [];
  if (tokens.length === 2 && /^(Administration|Government|administration|government)$/.test(tokens[1]!.t)) return [];
  const words = wordsOf(lex, tokens, upper);
  // titles: "U.S. Secretary of Labor Elaine Chao", "AFL-CIO President John Sweeney", "Presidents Fox and Bush"
  const title = findTitle(lex, words);
  if (title && title.to < words.length) {
    const titled = titledPerson(ctx, tokens, words, title);
    if (titled) return [titled.person, ...(titled.before ? classifySegment(ctx, titled.before, spans, undefined, before) : [])];
    const restWords = words.slice(title.to);
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
  if (follower && (after.s - tokens[tokens.length - 1]!.e <= 2 || /s$/.test(after.t)) && !typeByHead(lex, words) && (!isKnown(ctx, tokens) || (follower.type === 'Case' && isPlace(ctx, tokens)))) {
    const end = follower.include ? after.e : tokens[tokens.length - 1]!.e;
    if (!isGeneric(lex, words)) return [{ start: tokens[0]!.s, end, type: follower.type, rule: follower.rule }];
  }
  const head = typeByHead(lex, words);
  if (head) {
    // "Government of Mexico", "Embassy of Canada": a head-first name of a country is a name, not a description
    const of = head.headFirst ? words.findIndex((w, i) => i > 0 && lex.prepositions.has(w)) : -1;
    const ofPlace = of > 0 && of < tokens.length - 1 && isKnown(ctx, tokens.slice(tokens[of + 1]!.t === 'the' ? of + 2 : of + 1)) && isPlace(ctx, tokens.slice(tokens[of + 1]!.t === 'the' ? of + 2 : of + 1));
    if (isGeneric(lex, words) && !ofPlace) return [];
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
