/**
 * Name rules over capitalised chunks: split a chunk into name segments, then type each segment by
 * its head word (English heads end a name, "X of Y" and Spanish heads start one), titles, given
 * names and acronyms. Every candidate carries the id of the rule that made it.
 */
import type { Lexicon } from '../ontology/index.js';
import type { EntityType } from '../types.js';
import type { Token } from './tokens.js';

/** What a segment is, by its words alone. */
export interface Typed {
  type: EntityType;
  rule: string;
  /** true when the head comes first ("Department of …"): a following "and X" may continue the name */
  headFirst?: boolean;
  /** the kind of organisation the words show ("company" for a legal suffix) */
  kind?: string;
}

/** The legal suffix ending these words ("… S.A. de C.V.", "… Inc."): its length in words, 0 when none. */
export function legalSuffixAt(lex: Lexicon, words: string[], end = words.length): number {
  for (let k = Math.min(lex.legalSuffixWords, end - 1); k >= 1; k--) {
    if (lex.legalSuffixes.has(words.slice(end - k, end).join(' '))) return k;
  }
  return 0;
}

/** Comparison form of a word: title-case when the whole chunk is upper-case ("CENTER" → "Center"). */
export function wordsOf(lex: Lexicon, tokens: Token[], upper: boolean): string[] {
  return tokens.map((t) => (upper && t.t.length > 1 && /^[\p{Lu}]+$/u.test(t.t) ? (lowerInCaps(lex, t.t.toLowerCase()) ? t.t.toLowerCase() : t.t[0] + t.t.slice(1).toLowerCase()) : t.t));
}

/** Words of a heading in capitals that read as lower case ("CENTER FOR …" → "Center for …"): prepositions, "and", "the", "y". */
function lowerInCaps(lex: Lexicon, word: string): boolean {
  return lex.prepositions.has(word) || word === 'and' || word === 'the' || word === 'y';
}

/** Is the chunk written all in capitals (a heading)? */
export function isUpperChunk(tokens: Token[]): boolean {
  const words = tokens.filter((t) => /\p{L}{2,}/u.test(t.t));
  return words.length >= 3 && words.every((t) => t.t === t.t.toUpperCase());
}

/** Head-word type of one word, from the lexicon. */
export function headType(lex: Lexicon, word: string, next?: string): Typed | undefined {
  if (word === 'Convention') return next && /^(No\.?|\d+|on)$/.test(next) ? { type: 'Agreement', rule: 'agreement.convention' } : { type: 'Event', rule: 'event.convention' };
  const cue = lex.cues.get(word);
  if (cue) return { type: cue.type, rule: cue.rule };
  if (lex.orgHead.has(word) || (lex.orgHeadFirst.has(word) && !word.includes(' '))) return { type: 'Organization', rule: 'org.head' };
  return undefined;
}

/** Type a segment by its head word(s); undefined when no head decides. */
export function typeByHead(lex: Lexicon, words: string[]): Typed | undefined {
  const n = words.length;
  if (words.some((w) => w === 'v.' || w === 'vs.')) return { type: 'Case', rule: 'case.versus' };
  let last = n - 1;
  while (last > 0 && /^(\d[\d-]*|No\.?|[IVX]+)$/.test(words[last]!)) last--;
  const p = words.findIndex((w, i) => i > 0 && lex.prepositions.has(w.toLowerCase()));
  if (p > 0) {
    if (lex.orgHeadFirst.has(`${words[p - 1]} ${words[p]!.toLowerCase()}`)) return { type: 'Organization', rule: 'org.head.first', headFirst: true };
    const h = headType(lex, words[p - 1]!, words[p]);
    if (h) return { ...h, rule: h.rule + '.first', headFirst: !lex.orgHeadEnd.has(words[p - 1]!) };
  }
  const end = headType(lex, words[last]!, words[last + 1]);
  // "Smith Opening Statement": a cue in a common phrase names nothing
  if (end && last > 0 && lex.generic.has(`${words[last - 1]} ${words[last]}`)) return undefined;
  if (end) return end;
  // a cue word followed by a preposition anywhere: "… Joint Ministerial Statement Regarding …"
  for (let i = 1; i < last; i++) {
    if (!lex.prepositions.has(words[i + 1]!.toLowerCase())) continue;
    const h = headType(lex, words[i]!, words[i + 1]);
    if (h && h.type !== 'Organization') return { ...h, rule: h.rule + '.inner', headFirst: true };
  }
  if (n >= 2 && legalSuffixAt(lex, words) > 0) return { type: 'Organization', rule: 'org.company.legal', kind: 'company' };
  if (lex.companySuffix.has(words[last]!) && n >= 2) return { type: 'Organization', rule: 'org.company', kind: 'company' };
  // Mexican company names: "Grupo México", "Han Young de México", "Magnéticos de México"
  if (n >= 2 && lex.companyOpener.has(words[0]!)) return { type: 'Organization', rule: 'org.company.es', kind: 'company' };
  // "Han Young de México", "Magnéticos de México" ("Sindicato … de México" is a union, not a company)
  if (n >= 3 && /^(México|Mexico)$/.test(words[last]!) && words[last - 1] === 'de' && /^\p{Lu}\p{L}+$/u.test(words[0]!) && !lex.nonCompanyOpener.has(words[0]!)) return { type: 'Organization', rule: 'org.company.mx', ...(lex.orgHeadFirst.has(words[0]!) ? {} : { kind: 'company' }) };
  if (lex.orgHeadFirst.has(words[0]!) && (n >= 3 || words.some((w) => /^(de|del|la|y)$/.test(w)))) return { type: 'Organization', rule: 'org.head-first.es', headFirst: true };
  // "Casa Obrera", "Liga Sindical": a Spanish head and one more word
  if (n === 2 && lex.orgHeadFirst.has(words[0]!) && !lex.sharedHeads.has(words[0]!) && /^\p{Lu}\p{Ll}/u.test(words[1]!) && !lex.orgHead.has(words[1]!) && !lex.stopwords.has(words[1]!)) return { type: 'Organization', rule: 'org.head-first.es', headFirst: true };
  // "Ley Federal del Trabajo", "Programa Nacional de …": a Spanish cue opens the name
  const es = n >= 2 ? lex.headFirstCues.get(words[0]!) : undefined;
  if (es && /^\p{Lu}/u.test(words[1]!)) return { type: es.type, rule: es.rule, headFirst: true };
  // "La Liga", "El Frente Auténtico del Trabajo": a Spanish article before a head-first name
  if (n >= 2 && /^(La|El|Los|Las)$/.test(words[0]!) && (lex.orgHeadFirst.has(words[1]!) || lex.headFirstCues.has(words[1]!))) {
    const inner = n === 2 ? (lex.orgHeadFirst.has(words[1]!) ? { type: 'Organization' as const, rule: 'org.head-first.es', headFirst: true } : undefined) : typeByHead(lex, words.slice(1));
    if (inner) return inner;
  }
  return undefined;
}

/**
 * {@link typeByHead} of every suffix of `words` (`[s]` is typeByHead(words.slice(s))) in one pass
 * from the right, for callers that ask about each suffix of a long run: the same tests in the same
 * order, with what a suffix has "somewhere" (a preposition, "v.", "de") carried along instead of
 * searched per suffix. test/pipeline/classify.test.ts checks it against typeByHead.
 */
export function typeByHeadSuffixes(lex: Lexicon, words: string[]): (Typed | undefined)[] {
  const n = words.length;
  const out: (Typed | undefined)[] = new Array(n).fill(undefined);
  const isPrep = words.map((w) => lex.prepositions.has(w.toLowerCase()));
  // the last word that is not a number (typeByHead's `last`), for the whole list; a suffix's is this or its first word
  let lastAll = n - 1;
  while (lastAll > 0 && /^(\d[\d-]*|No\.?|[IVX]+)$/.test(words[lastAll]!)) lastAll--;
  let versus = false;
  let de = false;
  let p = -1;
  let inner = -1;
  for (let s = n - 1; s >= 0; s--) {
    const w0 = words[s]!;
    const w1 = words[s + 1];
    const len = n - s;
    if (w0 === 'v.' || w0 === 'vs.') versus = true;
    if (/^(de|del|la|y)$/.test(w0)) de = true;
    if (s + 1 < n && isPrep[s + 1]) p = s + 1;
    if (s + 2 < n && isPrep[s + 2]) {
      const h = headType(lex, words[s + 1]!, words[s + 2]);
      if (h && h.type !== 'Organization') inner = s + 1;
    }
    out[s] = ((): Typed | undefined => {
      if (versus) return { type: 'Case', rule: 'case.versus' };
      const last = lastAll > s ? lastAll : s;
      if (p > s) {
        if (lex.orgHeadFirst.has(`${words[p - 1]} ${words[p]!.toLowerCase()}`)) return { type: 'Organization', rule: 'org.head.first', headFirst: true };
        const h = headType(lex, words[p - 1]!, words[p]);
        if (h) return { ...h, rule: h.rule + '.first', headFirst: !lex.orgHeadEnd.has(words[p - 1]!) };
      }
      const end = headType(lex, words[last]!, words[last + 1]);
      if (end && last > s && lex.generic.has(`${words[last - 1]} ${words[last]}`)) return undefined;
      if (end) return end;
      if (inner > s && inner < last) {
        const h = headType(lex, words[inner]!, words[inner + 1])!;
        return { ...h, rule: h.rule + '.inner', headFirst: true };
      }
      if (len >= 2 && legalSuffixAt(lex, words.slice(n - Math.min(len, lex.legalSuffixWords + 1))) > 0) return { type: 'Organization', rule: 'org.company.legal', kind: 'company' };
      if (lex.companySuffix.has(words[last]!) && len >= 2) return { type: 'Organization', rule: 'org.company', kind: 'company' };
      if (len >= 2 && lex.companyOpener.has(w0)) return { type: 'Organization', rule: 'org.company.es', kind: 'company' };
      if (len >= 3 && /^(México|Mexico)$/.test(words[last]!) && last > s && words[last - 1] === 'de' && /^\p{Lu}\p{L}+$/u.test(w0) && !lex.nonCompanyOpener.has(w0)) return { type: 'Organization', rule: 'org.company.mx', ...(lex.orgHeadFirst.has(w0) ? {} : { kind: 'company' }) };
      if (lex.orgHeadFirst.has(w0) && (len >= 3 || de)) return { type: 'Organization', rule: 'org.head-first.es', headFirst: true };
      if (len === 2 && lex.orgHeadFirst.has(w0) && !lex.sharedHeads.has(w0) && /^\p{Lu}\p{Ll}/u.test(w1!) && !lex.orgHead.has(w1!) && !lex.stopwords.has(w1!)) return { type: 'Organization', rule: 'org.head-first.es', headFirst: true };
      const es = len >= 2 ? lex.headFirstCues.get(w0) : undefined;
      if (es && /^\p{Lu}/u.test(w1!)) return { type: es.type, rule: es.rule, headFirst: true };
      if (len >= 2 && /^(La|El|Los|Las)$/.test(w0) && (lex.orgHeadFirst.has(w1!) || lex.headFirstCues.has(w1!))) {
        const inn = len === 2 ? (lex.orgHeadFirst.has(w1!) ? { type: 'Organization' as const, rule: 'org.head-first.es', headFirst: true } : undefined) : out[s + 1];
        if (inn) return inn;
      }
      return undefined;
    })();
  }
  return out;
}

/** Does a segment consist only of generic words (a definite description, not a name)? */
export function isGeneric(lex: Lexicon, words: string[]): boolean {
  return words.filter((w) => /^\p{Lu}/u.test(w)).length <= 2 && words.every((w) => lex.generic.has(w) || lex.orgHead.has(w) || lex.cues.has(w) || lex.headFirstCues.has(w) || lex.notName.has(w) || lex.stopwords.has(w) || lex.demonyms.has(w) || lex.prepositions.has(w) || /^(and|the|y|de|la|del|&|-|–)$/.test(w) || /^\d+$/.test(w));
}

/** Find a title phrase inside the words: [from, to) token indices, longest first. */
export function findTitle(lex: Lexicon, words: string[]): { from: number; to: number; title: Lexicon['titles'][number] } | undefined {
  const byFirst = titleIndex(lex);
  for (let i = 0; i < words.length; i++) {
    const candidates = byFirst.get(words[i]!);
    if (!candidates) continue;
    for (const { title, parts } of candidates) {
      if (parts.length > words.length - i) continue;
      if (parts.every((p, k) => words[i + k] === p)) return { from: i, to: i + parts.length, title };
    }
  }
  return undefined;
}

const titleIndexes = new WeakMap<Lexicon['titles'], Map<string, { title: Lexicon['titles'][number]; parts: string[] }[]>>();

/** Titles by their first word, in lexicon order (so the first match is the one the linear scan found). */
function titleIndex(lex: Lexicon): Map<string, { title: Lexicon['titles'][number]; parts: string[] }[]> {
  let index = titleIndexes.get(lex.titles);
  if (!index) {
    index = new Map();
    for (const title of lex.titles) {
      // a hyphen is a token of its own ("Secretary-Treasurer" → Secretary - Treasurer); two words may be written
      // hyphenated ("Vice-President", "Co-Chair")
      const spaced = title.words.replace(/-/g, ' - ').split(/\s+/);
      const forms = [spaced];
      if (spaced.length === 2 && !title.words.includes('-')) forms.push([spaced[0]!, '-', spaced[1]!]);
      for (const parts of forms) {
        const list = index.get(parts[0]!) ?? [];
        list.push({ title, parts });
        index.set(parts[0]!, list);
      }
    }
    titleIndexes.set(lex.titles, index);
  }
  return index;
}

/** Could these words be a person's name (2–4 capitalised words, or 1 after a title)? */
export function looksLikePerson(lex: Lexicon, words: string[]): boolean {
  // a hyphenated surname is one word ("Wendy Chun-Hoon", tokenised Chun - Hoon)
  if (words.includes('-')) {
    const joined: string[] = [];
    for (let i = 0; i < words.length; i++) {
      if (words[i] === '-' && joined.length && i + 1 < words.length) joined[joined.length - 1] += `-${words[++i]}`;
      else joined.push(words[i]!);
    }
    // (one hyphenated word alone is no person's name: "Saint-Gobain")
    if (joined.length < 2) return false;
    words = joined;
  }
  if (words.length < 1 || words.length > 5) return false;
  return words.every((w, i) =>
    (i === 0 && words.length >= 2 && lex.firstNames.has(w) && /^\p{Lu}\p{Ll}+$/u.test(w) && !lex.stopwords.has(w) && !lex.notName.has(w)) ||
    ((/^\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}]+)?$/u.test(w) || (i > 0 && /^(?:Mc|Mac|De|Di|Le|La|O['’])\p{Lu}\p{Ll}+$/u.test(w)) || /^\p{Lu}\.$/u.test(w) || (i > 0 && /^(de|del|la|y|van|von|da|Jr\.|Sr\.)$/.test(w))) &&
    !lex.notName.has(w) && !lex.stopwords.has(w) && !lex.demonyms.has(w) && !lex.generic.has(w) && !lex.orgHead.has(w) && !lex.cues.has(w) && !lex.headFirstCues.has(w)));
}

/** An all-capitals acronym token (2–10 letters, digits, & or -). */
export function isAcronym(word: string): boolean {
  return /^[\p{Lu}][\p{Lu}\d&-]{1,9}$/u.test(word) && /[\p{Lu}].*[\p{Lu}]/u.test(word) && !/^[IVXLC]+$/.test(word);
}
