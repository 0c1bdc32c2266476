/**
 * Name segments of a capitalised chunk: split at the lexicon's splitter words ("and", "in",
 * "against", …) unless the heads say the phrase is one name ("Department of Labor and Social
 * Welfare"), and names read back from a bracketed acronym ("Coalition for Justice in the
 * Maquiladoras (CJM)", "Sindicato de Trabajadores de la Industria Metálica, Acero, … (STIMAHCS)").
 */
import type { Lexicon } from '../../ontology/index.js';
import type { Candidate, DocContext } from '../context.js';
import { findTitle, isAcronym, isUpperChunk, typeByHead, wordsOf, type Typed } from '../classify.js';
import type { Token } from '../tokens.js';

/** Split a chunk into name segments at and/at/in/… unless the heads say the phrase is one name. */
export function segment(lex: Lexicon, tokens: Token[], known: (ts: Token[]) => boolean = () => false): Token[][] {
  const upper = isUpperChunk(tokens);
  const parts: Token[][] = [[]];
  const joins: Token[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (lex.splitters.has(t.t) || (upper && lex.splitters.has(t.t.toLowerCase()))) {
      const join = [t];
      while (i + 1 < tokens.length && /^(the|la|el|los|las|THE)$/.test(tokens[i + 1]!.t)) join.push(tokens[++i]!);
      joins.push(join);
      parts.push([]);
    } else parts[parts.length - 1]!.push(t);
  }
  const out: Token[][] = [];
  let cur = parts[0]!;
  for (let k = 1; k < parts.length; k++) {
    const next = parts[k]!;
    const join = joins[k - 1]!;
    if (!cur.length || !next.length) {
      cur = cur.length ? cur : next;
      continue;
    }
    const L = typeOrTitle(lex, wordsOf(lex, cur, upper));
    const R = typeOrTitle(lex, wordsOf(lex, next, upper));
    const c = join[0]!.t.toLowerCase();
    const coord = c === 'and' || c === 'y' || c === '&';
    const leftKnown = known(cur) || (cur.length === 1 && /^[\p{Lu}\d&-]{2,}$/u.test(cur[0]!.t));
    const rightKnown = known(next);
    // "US NAO 9601 and US NAO Submission 9702": two numbered items are two names
    const numbered = /^\d/.test(cur[cur.length - 1]!.t) && /^\d/.test(next[next.length - 1]!.t);
    const merge = leftKnown || rightKnown || numbered
      ? false
      : coord
        ? (!L && !!R && !R.headFirst && !findTitle(lex, wordsOf(lex, next, upper))) || (!!L?.headFirst && !R)
        : (!!L && L.headFirst && ['Event', 'Agreement', 'Program'].includes(L.type) && !R) || (!L && !!R && !R.headFirst && R.type !== 'Organization');
    if (merge) cur = [...cur, ...join, ...next];
    else {
      out.push(cur);
      cur = next;
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

function typeOrTitle(lex: Lexicon, words: string[]): Typed | undefined {
  const head = typeByHead(lex, words);
  if (head) return head;
  const title = findTitle(lex, words);
  if (title && title.to === words.length) return { type: 'Organization', rule: 'title', headFirst: /\bof\b/.test(title.title.words) };
  return undefined;
}

/**
 * "Coalition for Justice in the Maquiladoras (CJM)": where a bracketed acronym follows the chunk and
 * its letters are the initials of a tail of the chunk that a splitter word would cut, the index where
 * that tail starts (the tail is one name); -1 otherwise.
 */
export function definedSpan(lex: Lexicon, ts: Token[], open: Token | undefined, acr: Token | undefined): number {
  if (open?.t !== '(' || !acr || !isAcronym(acr.t)) return -1;
  const letters = acr.t.replace(/[^\p{Lu}]/gu, '');
  if (letters.length < 3) return -1;
  for (let i = ts.length - 1; i >= 0; i--) {
    if (!/^\p{Lu}/u.test(ts[i]!.t)) continue;
    const tail = ts.slice(i);
    const initials = initialsOf(lex, tail.map((t) => t.t));
    if (initials.length > letters.length) return -1;
    if (initials === letters) return tail.some((t) => lex.splitters.has(t.t)) ? i : -1;
  }
  return -1;
}

/**
 * "Sindicato de Trabajadores de la Industria Metálica, Acero, Hierro, Conexos y Similares (STIMAHCS)": a name
 * with commas, read back from a bracketed acronym whose letters are the initials of the words.
 */
export function listedName(ctx: DocContext, tokens: Token[], at: number, end: number): Candidate | undefined {
  const lex = ctx.ontology.lex;
  const open = tokens[end];
  const acr = tokens[end + 1];
  if (open?.t !== '(' || !acr || !isAcronym(acr.t) || tokens[end + 2]?.t !== ')') return undefined;
  const letters = acr.t.replace(/[^\p{Lu}]/gu, '');
  if (letters.length < 4) return undefined;
  let initials = '';
  for (let k = end - 1; k >= 0 && k >= end - 30; k--) {
    const t = tokens[k]!.t;
    if (t === ',' || skipsInitial(lex, t)) continue;
    if (!/^\p{Lu}/u.test(t)) return undefined;
    initials = initialsOf(lex, [t]) + initials;
    if (initials.length > letters.length || !letters.endsWith(initials)) return undefined;
    if (initials === letters) {
      if (k >= at || !tokens.slice(k, end).some((x) => x.t === ',')) return undefined;
      const words = tokens.slice(k, end).filter((x) => x.t !== ',').map((x) => x.t);
      const typed = typeByHead(lex, words);
      return { start: tokens[k]!.s, end: tokens[end - 1]!.e, type: typed?.type ?? 'Organization', rule: 'org.listed-name' };
    }
  }
  return undefined;
}

/** Is this a function word that initials skip ("of", "de la", "&"), in any case? */
export function skipsInitial(lex: Lexicon, word: string): boolean {
  return lex.functionWords.has(word.toLowerCase());
}

/** Initials of the words of a name ("Coalition for Justice in the Maquiladoras" → "CJM"); hyphenated parts count. */
export function initialsOf(lex: Lexicon, words: string[]): string {
  return words.filter((w) => !skipsInitial(lex, w)).flatMap((w) => w.split(/[-–]/)).filter((w) => /^[\p{Lu}\p{Ll}]/u.test(w)).map((w) => w[0]!.toUpperCase()).join('');
}

/** Do the capitalised words just before `open` (a bracket) have the acronym's letters as initials ("Tijuana Workers Committee (TWC)")? */
export function initialsBefore(lex: Lexicon, clean: string, open: number, acr: string): boolean {
  const letters = acr.replace(/[^\p{Lu}]/gu, '');
  if (letters.length < 2) return false;
  const words = clean.slice(Math.max(0, open - 160), open).split(/\s+/).filter(Boolean);
  let initials = '';
  for (let i = words.length - 1; i >= 0 && initials.length < letters.length; i--) {
    const w = words[i]!.replace(/^[“"‘'(*_]+|[”"’'),*_]+$/g, '');
    if (skipsInitial(lex, w)) continue;
    if (!/^\p{Lu}/u.test(w)) return false;
    initials = initialsOf(lex, [w]) + initials;
  }
  return initials === letters;
}
