/**
 * People: a title before a name ("U.S. Secretary of Labor Elaine Chao", "AFL-CIO President John
 * Sweeney"), and capitalised pairs that look like a person's name — by a given name, by context
 * ("According to X, a …"), or by compromise when no head word types the phrase.
 */
import type { Candidate, DocContext } from '../context.js';
import { findTitle, looksLikePerson, typeByHead } from '../classify.js';
import type { Token } from '../tokens.js';
import { isCommonWord, isFirstName, titleOrg } from './lookup.js';
import type { SpanOracle } from './windows.js';

/** The word right before offset `at` in the clean text. */
function tokenBefore(ctx: DocContext, at: number): string {
  return /([\p{L}]+)\s*$/u.exec(ctx.doc.clean.slice(Math.max(0, at - 12), at))?.[1] ?? '';
}

/** A span of tokens. */
export const spanOf = (ts: Token[]) => ({ start: ts[0]!.s, end: ts[ts.length - 1]!.e });

/** A titled person in `tokens` (the title and what precedes it are handled by `rest`). */
export interface Titled {
  person: Candidate;
  /** tokens before the title, to classify on their own (undefined when they are the title's country) */
  before?: Token[];
}

/** "U.S. Secretary of Labor Elaine Chao": a title (found in `words`) followed by a person-like name. */
export function titledPerson(ctx: DocContext, tokens: Token[], words: string[], title: NonNullable<ReturnType<typeof findTitle>>): Titled | undefined {
  const lex = ctx.ontology.lex;
  if (title.to >= words.length) return undefined;
  const rest = tokens.slice(title.to);
  const restWords = words.slice(title.to);
  if (!looksLikePerson(lex, restWords)) return undefined;
  // "Mr. Chairman": the rest is a title too; "the Official Gazette": "the", a title word and one more word is no person
  const restTitle = findTitle(lex, restWords);
  if (restTitle && restTitle.from === 0) return undefined;
  if (restWords.length === 1 && title.from === 0 && /^(the|an?)$/i.test(tokenBefore(ctx, tokens[0]!.s))) return undefined;
  const pre = words.slice(0, title.from).join(' ');
  const country = lex.demonyms.get(pre) ?? lex.demonyms.get(ctx.doc.clean.slice(Math.max(0, tokens[0]!.s - 10), tokens[0]!.s).trim().split(/\s+/).pop() ?? '');
  const titleInfo: Candidate['title'] = {
    text: title.title.words,
    predicate: title.title.predicate,
    org: titleOrg(ctx, title.title.org, country ?? (/United States|U\.S\.|US /.test(title.title.words) ? 'US' : undefined)),
    start: tokens[title.from]!.s,
    end: tokens[title.to - 1]!.e,
    rule: title.title.rule,
  };
  const person: Candidate = { ...spanOf(rest), type: 'Person', rule: 'person.title', title: titleInfo, country: country ?? title.title.country, short: restWords.length === 1 };
  return { person, before: title.from > 0 && !lex.demonyms.has(pre) ? tokens.slice(0, title.from) : undefined };
}

/** A capitalised phrase no head word typed that looks like a person's (or, by compromise, a place's) name. */
export function guessPerson(ctx: DocContext, tokens: Token[], words: string[], spans: SpanOracle): Candidate[] {
  const lex = ctx.ontology.lex;
  if (!looksLikePerson(lex, words)) return [];
  const s = spanOf(tokens);
  const mid = /^\p{Lu}\.$/u.test(words[1] ?? '');
  if (words.length >= 2 && (isFirstName(lex, words[0]!) || mid)) return [{ ...s, type: 'Person', rule: 'person.first-name' }];
  // "According to Anaelsa Aviles, a …", "Author interview, Anaelsa Aviles, Solidarity Center"
  if (words.length >= 2 && words.length <= 3 && /(?:\b[Aa]ccording to|\binterview(?: with)?,?)\s+$/.test(ctx.doc.clean.slice(Math.max(0, s.start - 20), s.start)) && /^\s*,/.test(ctx.doc.clean.slice(s.end, s.end + 2))) return [{ ...s, type: 'Person', rule: 'person.context' }];
  if (words.length >= 2 && !lex.placeOpeners.has(words[0]!) && spans.person(s.start, s.end) && !spans.place(s.start, s.end)) return [{ ...s, type: 'Person', rule: 'person.compromise' }];
  const prep = /\b(in|from|to|near|of)\s+$/.test(ctx.doc.clean.slice(Math.max(0, s.start - 8), s.start));
  // the cheap test first: spans.place parses the sentence with compromise
  if ((words.length > 1 || (prep && !isCommonWord(ctx, words[0]!))) && spans.place(s.start, s.end)) return [{ ...s, type: 'Place', rule: 'place.compromise' }];
  if (words.length === 1) return [{ ...s, type: 'Person', rule: 'person.surname', short: true }];
  return [];
}

/**
 * "Director of International Affairs Robin Alexander", "Coordinator for Migrant Programs Ana Ruiz": a title
 * whose complement names a unit (capitalised words, no head word of a name of its own) before a person's
 * name. The title held is a post inside the organisation before it (WORKS_FOR), never its head.
 */
export function unitTitledPerson(ctx: DocContext, tokens: Token[], words: string[], title: NonNullable<ReturnType<typeof findTitle>>): Candidate | undefined {
  const lex = ctx.ontology.lex;
  if (!/^(of|for)$/.test(words[title.to] ?? '')) return undefined;
  for (let j = title.to + 2; j <= words.length - 2 && j <= title.to + 5; j++) {
    const name = words.slice(j);
    if (name.length > 3 || !isFirstName(lex, words[j]!) || !looksLikePerson(lex, name)) continue;
    const unit = words.slice(title.to + 1, j);
    if (!/^\p{Lu}/u.test(unit[0]!) || !unit.every((w) => /^\p{Lu}\p{Ll}/u.test(w) || /^(and|&)$/.test(w))) return undefined;
    if (typeByHead(lex, unit)) return undefined;
    const text = words.slice(title.from, j).join(' ');
    // "Minister of Labour": a title the lexicon lists whole is the lexicon's
    if (lex.titles.some((t) => t.words === text)) return undefined;
    const titleInfo: Candidate['title'] = { text, predicate: 'WORKS_FOR', start: tokens[title.from]!.s, end: tokens[j - 1]!.e, rule: title.title.rule };
    return { ...spanOf(tokens.slice(j)), type: 'Person', rule: 'person.title', title: titleInfo, country: title.title.country };
  }
  return undefined;
}
