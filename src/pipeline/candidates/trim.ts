/**
 * What is not part of a name at a segment's edges: leading stopwords, articles and months ("In
 * June Acme …"), a gerund before "the", trailing dates ("… of April 2002"), and curated names that
 * stand on their own at the end ("Goodyear Tire | San Luis Potosi", "National Administrative Office
 * | of the NAFTA era").
 */
import type { Lexicon } from '../../ontology/index.js';
import type { DocContext } from '../context.js';
import { findTitle, typeByHead, typeByHeadSuffixes, wordsOf, type Typed } from '../classify.js';
import type { Token } from '../tokens.js';
import { isKnown, isKnownSpan, knownType, namesPlace } from './lookup.js';

const PREP_RE = /^(of|for|on|in|at|to|de|del|para|sobre)$/;
const YEAR = /^(19|20)\d{2}$/;

const introducedCache = new WeakMap<DocContext, Set<string>>();

/**
 * The names a document introduces by a naming cue (lexicon role naming-cue: "defined as the Government Board
 * and the General Directorate", "known as the Executive Council"): a name so introduced is a name though every
 * word of it is generic, there and wherever it recurs ("The Government Board will have …"), as GATE's
 * orthographic matcher carries a name through a document.
 */
export function introducedNames(ctx: DocContext): Set<string> {
  let names = introducedCache.get(ctx);
  if (names) return names;
  names = new Set();
  const cues = [...ctx.ontology.lex.namingCues].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  if (cues.length) {
    const run = '\\p{Lu}[\\p{L}-]*(?:\\s+(?:(?:of|for|on|de|del|la)\\s+)?\\p{Lu}[\\p{L}-]*){0,6}';
    const re = new RegExp(`\\b(?:${cues.join('|')})\\s+(?:(?:the|a|an|la|el)\\s+)?(${run})(?:\\s+(?:and|y|or)\\s+(?:(?:the|la|el)\\s+)?(${run}))?`, 'gu');
    for (const m of ctx.doc.clean.matchAll(re)) for (const name of [m[1], m[2]]) if (name && /\s/.test(name)) names.add(name.replace(/\s+/g, ' '));
  }
  // "The Labour Council (the Council)", 'the Working Group ("the Group")': a phrase the document defines a short term
  // for, its own head word, is a name
  const defined = /(\p{Lu}[\p{L}-]*(?:\s+(?:(?:of|for|on|de|del|la)\s+)?\p{Lu}[\p{L}-]*){1,6})\s*\(\s*(?:the\s+|hereinafter\s+(?:the\s+)?)?["“']?(\p{Lu}[\p{L}-]*)["”']?\s*\)/gu;
  for (const m of ctx.doc.clean.matchAll(defined)) {
    const name = m[1]!.replace(/\s+/g, ' ').replace(/^(The|La|El)\s+/, '');
    if (/\s/.test(name) && name.split(' ').includes(m[2]!)) names.add(name);
  }
  introducedCache.set(ctx, names);
  return names;
}

/** Does the segment from token i on start with a name the document introduced ("Government Board" of "Government Board will")? */
export function opensIntroduced(ctx: DocContext, seg: Token[], i: number): boolean {
  const names = introducedNames(ctx);
  if (!names.size) return false;
  let text = '';
  for (let k = i; k < seg.length && k < i + 8; k++) {
    text += (k > i ? ' ' : '') + seg[k]!.t;
    if (names.has(text)) return true;
  }
  return false;
}

/**
 * Is a leading not-name word part of the name ("Border Workers Committee", "Labor Rights Declaration")?
 * Yes when the whole segment (3+ words) ends in a head word and the first word is a plain capitalised word.
 */
export function opensName(lex: Lexicon, tokens: Token[], upper: boolean): boolean {
  const first = tokens[0]!.t;
  if (tokens.length < 3 || lex.months.has(first) || lex.dateWords.has(first) || (lex.demonyms.has(first) && tokens.length < 4) || !/^\p{Lu}\p{Ll}+$/u.test(first)) return false;
  const words = wordsOf(lex, tokens, upper);
  // "Agreement on Ministerial Consultations", "Government of Mexico": the word is the head of an "X on Y" name
  if ((lex.cues.has(first) || lex.orgHeadFirst.has(`${first} ${words[1]}`)) && PREP_RE.test(words[1]!)) return true;
  const head = typeByHead(lex, words);
  if (!head) return false;
  // "National Conference of Labor Secretaries": the head right after the word
  // ("The Mexican Union of Electricians": a demonym before a head-first name is not part of it)
  if (head.headFirst) return !lex.demonyms.has(first) && words.findIndex((w, i) => i > 0 && PREP_RE.test(w)) === 2;
  return !words.slice(1).some((w) => PREP_RE.test(w));
}

/** Segments longer than this ask {@link suffixOpensName} instead of {@link opensName} per suffix. */
const LONG = 12;

/**
 * opensName(lex, seg.slice(i), upper) for any i, in constant time after one linear pass: the
 * words, the head type of every suffix and the first preposition after each word are computed once.
 */
export function suffixOpensName(lex: Lexicon, seg: Token[], upper: boolean): (i: number) => boolean {
  let words: string[] | undefined;
  let heads: (Typed | undefined)[] | undefined;
  let nextPrep: number[] | undefined;
  return (i) => {
    const first = seg[i]!.t;
    const len = seg.length - i;
    if (len < 3 || lex.months.has(first) || lex.dateWords.has(first) || (lex.demonyms.has(first) && len < 4) || !/^\p{Lu}\p{Ll}+$/u.test(first)) return false;
    if (!words) {
      words = wordsOf(lex, seg, upper);
      heads = typeByHeadSuffixes(lex, words);
      nextPrep = new Array(words.length + 1).fill(-1);
      for (let k = words.length - 1; k >= 0; k--) nextPrep[k] = PREP_RE.test(words[k]!) ? k : nextPrep[k + 1]!;
    }
    if ((lex.cues.has(first) || lex.orgHeadFirst.has(`${first} ${words[i + 1]}`)) && PREP_RE.test(words[i + 1]!)) return true;
    const head = heads![i];
    if (!head) return false;
    // the first preposition after the first word, relative to i (-1: none)
    const at = nextPrep![i + 1]!;
    if (head.headFirst) return !lex.demonyms.has(first) && at - i === 2;
    return at < 0;
  };
}

/** Does a curated name end at `end` in the text from `from` ("National Administrative Office" before "of Mexico")? */
function curatedEndsAt(ctx: DocContext, from: number, end: number): boolean {
  return ctx.ontology.gazetteer.scan(ctx.doc.clean.slice(from, end)).some((h) => h.end === end - from && !h.entries.every((x) => x.short));
}

/** The tokens of a segment without what is not part of the name at its edges. */
export function trimSegment(ctx: DocContext, seg: Token[], upper: boolean): Token[] {
  const lex = ctx.ontology.lex;
  // Edges are trimmed by moving indices and sliced once: slicing per dropped token is quadratic on
  // a long run ("THE THE THE …", "… and and and").
  let i = 0;
  // leading stopwords, articles, months
  // (on a long segment opensName is asked of each suffix through one right-to-left pass: asking
  // it of seg.slice(i) per i is quadratic on a run of capitalised not-name words)
  const opens = seg.length > LONG ? suffixOpensName(lex, seg, upper) : (k: number) => opensName(lex, seg.slice(k), upper);
  while (i < seg.length && (lex.stopwords.has(seg[i]!.t) || /^(THE|A|AN)$/.test(seg[i]!.t) || (lex.notName.has(seg[i]!.t) && seg.length - i > 1 && !lex.orgHead.has(seg[i]!.t) && !findTitle(lex, [seg[i]!.t]) && !opens(i) && !(i === 0 && opensIntroduced(ctx, seg, 0))))) i++;
  // "Testing the Side Agreement": a gerund before "the" is a verb, not part of a name
  if (seg.length - i > 2 && /^\p{Lu}\p{Ll}+ing$/u.test(seg[i]!.t) && seg[i + 1]!.t === 'the') i += 2;
  // ("La Liga", "El Frente …": a Spanish article before a Spanish head is part of the name)
  while (i < seg.length && (/^(and|the|of|y|de|la|to|in|at|for|on|-|–|&)$/i.test(seg[i]!.t) || /^\d/.test(seg[i]!.t)) && !(/^(La|El|Los|Las)$/.test(seg[i]!.t) && seg[i + 1] && (lex.orgHeadFirst.has(seg[i + 1]!.t) || lex.headFirstCues.has(seg[i + 1]!.t)))) i++;
  // trailing dates: "… of April 2002", "… June 2002", "… in 2003"
  let n = seg.length;
  for (;;) {
    const m = n - i;
    if (m >= 2 && YEAR.test(seg[n - 1]!.t) && lex.months.has(seg[n - 2]!.t)) n -= 2;
    else if (m >= 1 && lex.months.has(seg[n - 1]!.t)) n -= 1;
    else if (m >= 2 && YEAR.test(seg[n - 1]!.t) && /^(of|in)$/i.test(seg[n - 2]!.t)) n -= 2;
    else if (m >= 1 && /^(and|the|of|y|de|la|in|at|for|on|to|with|by|regarding|concerning|against|involving|targeting|-|–|&)$/i.test(seg[n - 1]!.t)) n -= 1;
    else break;
  }
  let tokens = i === 0 && n === seg.length ? seg : seg.slice(i, Math.max(i, n));
  if (!tokens.length) return tokens;
  // "Goodyear Tire San Luis Potosi": a curated place at the end of a typed name is its own mention
  for (let k = 1; k < tokens.length; k++) {
    // the bounds are checked before the tail is sliced (a slice per token is quadratic on long runs)
    if (!isKnownSpan(ctx, tokens[k]!.s, tokens[tokens.length - 1]!.e)) continue;
    const tail = tokens.slice(k);
    if (namesPlace(ctx, tail)) {
      let headPart = tokens.slice(0, k);
      // "Embassy of Mexico", "Bank of Mexico": the place completes a head-first name ("United Farm Workers | of Texas" it does not)
      const prep = headPart[headPart.length - 1]!.t === 'the' ? headPart.length - 2 : headPart.length - 1;
      // ("National Administrative Office | of Mexico": a curated name before "of" stands alone)
      if (prep >= 1 && /^(of|de|del)$/i.test(headPart[prep]!.t) && lex.orgHeadFirst.has(`${headPart[prep - 1]!.t} ${headPart[prep]!.t.toLowerCase()}`) && !curatedEndsAt(ctx, seg[0]!.s, headPart[prep - 1]!.e)) break;
      while (headPart.length && /^(of|in|at|de|del|the|,)$/i.test(headPart[headPart.length - 1]!.t)) headPart = headPart.slice(0, -1);
      const hw = wordsOf(lex, headPart, upper);
      const ht = typeByHead(lex, hw);
      if (headPart.length && ht && !ht.headFirst && !(hw[hw.length - 1] === 'Workers' && /^America$/.test(tail[tail.length - 1]!.t))) {
        tokens = headPart;
        break;
      }
    }
  }
  // "National Administrative Office of the NAFTA era": a curated agreement after "of the" is its own mention
  for (let k = 3; k < tokens.length; k++) {
    if (tokens[k - 2]!.t !== 'of' || tokens[k - 1]!.t !== 'the') continue;
    const tail = tokens.slice(k);
    if (!isKnown(ctx, tail)) continue;
    const type = knownType(ctx, tail);
    if (type === 'Agreement' || type === 'Law') {
      tokens = tokens.slice(0, k - 2);
      break;
    }
  }
  return tokens;
}
