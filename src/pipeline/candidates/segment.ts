/**
 * Name segments of a capitalised chunk: split at the lexicon's splitter words ("and", "in",
 * "against", …) unless the heads say the phrase is one name ("Department of Labor and Social
 * Welfare"), and names read back from a bracketed acronym ("Coalition for Justice in the
 * Maquiladoras (CJM)", "Sindicato de Trabajadores de la Industria Metálica, Acero, … (STIMAHCS)").
 */
import nlp from '../nlp.js';
import type { Lexicon } from '../../ontology/index.js';
import type { Candidate, DocContext } from '../context.js';
import { findTitle, isAcronym, isUpperChunk, typeByHead, wordsOf, type Typed } from '../classify.js';
import type { Token } from '../tokens.js';
import { isFirstName } from './lookup.js';

/**
 * Split a chunk into name segments at and/at/in/… unless the heads say the phrase is one name.
 * `listed`: the chunk follows a comma of a list ("the UAW, the Sindicato Nacional de Trabajadores
 * Mineros and Public Citizen"), so its "and" is the list's, not one inside a head-first name.
 */
export function segment(lex: Lexicon, tokens: Token[], known: (ts: Token[]) => boolean = () => false, listed = false): Token[][] {
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
        ? (!L && !!R && !R.headFirst && !findTitle(lex, wordsOf(lex, next, upper))) || (!!L?.headFirst && !R && !listed)
        : (!!L && L.headFirst && ['Event', 'Agreement', 'Program'].includes(L.type) && !R) || (!L && !!R && !R.headFirst && R.type !== 'Organization') ||
          // "Coalition for Justice in the Maquiladoras": "in the" and a plain noun go on an organisation's head-first name
          (c === 'in' && join.length > 1 && !!L && L.headFirst && L.type === 'Organization' && !R && next.length <= 2);
    // "Independent Union of the Free and Democratic Workers of X": adjectives of one member noun
    const members = coord && join.length === 1 && !leftKnown && !rightKnown && memberPhrase(lex, wordsOf(lex, cur, upper), wordsOf(lex, next, upper), L, R);
    // "Coalition to Defend Workers’ Rights", "Campaign to End Child Labor": a head, "to" and a verb phrase
    const purpose = c === 'to' && join.length === 1 && !leftKnown && !rightKnown && !!L && !L.headFirst && ['Organization', 'Program', 'Event'].includes(L.type) && opensVerbPhrase(next[0]!.t);
    // "Pacific Gas and Electric", "Acme Iron and Steel Works": two trades of one company
    const trades = coord && join.length === 1 && !leftKnown && !rightKnown && companyTrades(lex, wordsOf(lex, cur, upper), wordsOf(lex, next, upper), L);
    // "Trabajadores de Industrias y de Servicios", "Workers of Mines and of Smelters": a coordinated complement
    // repeating the name's own preposition continues it
    const complement = coord && join.length === 1 && !rightKnown && /^\p{Ll}/u.test(next[0]!.t) && lex.prepositions.has(next[0]!.t) && cur.slice(1).some((t) => t.t === next[0]!.t);
    if (merge || members || purpose || trades || complement) cur = [...cur, ...join, ...next];
    else {
      out.push(cur);
      cur = next;
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

/**
 * Is "L and R" one organisation whose complement is "adjective and adjective Members" ("Union of the
 * Free and Democratic Workers of …")? L is an "X of Y" organisation whose complement has no head of
 * its own; R is an organisation headed by a plural person noun ("Workers", "Employees", "Miners").
 */
function memberPhrase(lex: Lexicon, lw: string[], rw: string[], L: Typed | undefined, R: Typed | undefined): boolean {
  if (L?.type !== 'Organization' || !L.rule.endsWith('.first') || R?.type !== 'Organization') return false;
  const p = lw.findIndex((w, i) => i > 0 && lex.prepositions.has(w));
  let complement = lw.slice(p + 1);
  if (/^(the|la|el|los|las)$/.test(complement[0] ?? '')) complement = complement.slice(1);
  if (!complement.length || typeByHead(lex, complement)) return false;
  const rp = rw.findIndex((w, i) => i > 0 && lex.prepositions.has(w));
  const head = rw[(rp > 0 ? rp : rw.length) - 1]!;
  return lex.personNouns.has(head.toLowerCase());
}

/**
 * Is "L and R" one company's name: R opens with a trade (lexicon org.company.joined) and holds
 * nothing but trades, a company suffix or a legal form after it; L ends in a trade or another
 * capitalised word and is no organisation of another kind ("Department of Labor and Power" is not)?
 */
function companyTrades(lex: Lexicon, lw: string[], rw: string[], L: Typed | undefined): boolean {
  if (!lex.companyJoined.has(rw[0]!) || lw.length > 4 || rw.length > 4) return false;
  if (L && (L.type !== 'Organization' || L.headFirst || !lex.companySuffix.has(lw[lw.length - 1]!))) return false;
  if (lw.some((w) => lex.prepositions.has(w))) return false;
  return rw.slice(1).every((w) => lex.companyJoined.has(w) || lex.companySuffix.has(w) || lex.legalSuffixes.has(w) || /^(Works|Co\.?|Inc\.?|Corp\.?)$/.test(w));
}

/** "Defend", "End", "Protect": a capitalised word that reads as a verb after "to" (compromise's tagger). */
function opensVerbPhrase(word: string): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  return nlp(`they want to ${word.toLowerCase()} it`).match('want to [#Infinitive]', 0).found;
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

/** A chunk that is one name whole (never split at its "and"/"y"), or a union's local or section. */
export interface WholeChunk {
  tokens: Token[];
  at: number;
  whole?: boolean;
  /** "Section 65", "Local 1010": a numbered unit of the organisation beside it */
  unit?: boolean;
  /** "IBT Local 745": how many of the unit's tokens name its organisation */
  parentLen?: number;
}

/**
 * "the Trade Subcommittee Vern Buchanan", "the Maquila Workers Union Ana Ruiz": a person's name right after
 * an organisation's head word is a name of its own (a title-like phrase before a name, with no comma). The
 * head must end a head-typed name and the two words after it be a given name and a capitalised word.
 */
export function splitHeadBeforePerson(ctx: DocContext, chunks: WholeChunk[]): WholeChunk[] {
  const lex = ctx.ontology.lex;
  if (!chunks.some((c) => c.tokens.length >= 4)) return chunks;
  const out: WholeChunk[] = [];
  for (const c of chunks) {
    const ts = c.tokens;
    const h = ts.length >= 4 && !c.whole ? ts.findIndex((t, k) => k >= 1 && k + 2 < ts.length && lex.orgHead.has(t.t) && isFirstName(lex, ts[k + 1]!.t) && /^\p{Lu}\p{Ll}/u.test(ts[k + 2]!.t) && !lex.orgHead.has(ts[k + 2]!.t)) : -1;
    if (h < 0 || typeByHead(lex, ts.slice(0, h + 1).map((t) => t.t))?.type !== 'Organization') {
      out.push(c);
      continue;
    }
    out.push({ tokens: ts.slice(0, h + 1), at: c.at }, { tokens: ts.slice(h + 1), at: c.at + h + 1 });
  }
  return out;
}

/**
 * "Section 65 of the Mexican Union of Mine …", "UAW Local 600": a numbered unit of an organisation is
 * a name of its own. After "of" it is split from the organisation's; written after the organisation's
 * name it is one name with it ("IBT Local 745": locals of several unions share numbers), whose first
 * words name the organisation (`parentLen`). The organisation must be one: a head-typed name, an
 * acronym or a curated organisation ("Section 3 of the Act" is no unit).
 */
export function splitOrgUnits(ctx: DocContext, tokens: Token[], chunks: WholeChunk[]): WholeChunk[] {
  const lex = ctx.ontology.lex;
  // (`whole`: the tokens are one organisation's name, not only begin with one)
  const isOrg = (ts: Token[], whole = false) => {
    if (!ts.length) return false;
    if (ts.length === 1 && isAcronym(ts[0]!.t)) return true;
    const typed = typeByHead(lex, ts.map((t) => t.t));
    if (typed) return typed.type === 'Organization';
    const text = ctx.doc.clean.slice(ts[0]!.s, ts[ts.length - 1]!.e);
    const hit = ctx.ontology.gazetteer.scan(text)[0];
    return !!hit && hit.start === 0 && (!whole || hit.end === text.length) && ctx.ontology.entities.get(hit.entries[0]!.entity)?.type === 'Organization';
  };
  const out: WholeChunk[] = [];
  const split = (c: WholeChunk): void => {
    const ts = c.tokens;
    const u = ts.findIndex((t, k) => lex.orgUnits.has(t.t) && /^\d{1,5}[A-Z]?$/.test(ts[k + 1]?.t ?? ''));
    if (u < 0) {
      out.push(c);
      return;
    }
    const unit = ts.slice(u, u + 2);
    const before = ts.slice(0, u);
    let after = ts.slice(u + 2);
    const of = /^(of|de|del)$/.test(after[0]?.t ?? '');
    if (of) after = after.slice(/^(the|la|el)$/.test(after[1]?.t ?? '') ? 2 : 1);
    if (u === 0 && of && isOrg(after)) {
      out.push({ tokens: unit, at: c.at, unit: true }, { tokens: after, at: c.at + ts.indexOf(after[0]!) });
    } else if (u === 0 && !of && lex.unionLocals.has(ts[0]!.t) && (!after.length || (/^\p{Ll}/u.test(after[0]!.t) && after.length > 1))) {
      // "Tom Dunne from Local 1172 in South Milwaukee": a local named alone (the place after it read again)
      out.push({ tokens: unit, at: c.at, unit: true });
      if (after.length) split({ tokens: after.slice(1), at: c.at + 3 });
    } else if (u > 0 && (!after.length || (/^(and|y|&)$/.test(after[0]!.t) && after.length > 1))) {
      // "UAW Local 600", "Members of UAW Local 600": the organisation is the longest name ending before the unit
      // (a name that only opens with a curated one, "UFCW Canada", unless it joins two: "the Teamsters and IBT")
      const k = before.findIndex((_t, i) => (i === 0 || /^\p{Ll}/u.test(before[i - 1]!.t)) && (isOrg(before.slice(i), true) || (!before.slice(i).some((t) => /^(and|y|&)$/.test(t.t)) && isOrg(before.slice(i)))));
      if (k > 0) out.push({ tokens: before.slice(0, k), at: c.at });
      if (k >= 0) out.push({ tokens: ts.slice(k, u + 2), at: c.at + k, unit: true, parentLen: u - k });
      else out.push(after.length ? { tokens: ts.slice(0, u + 2), at: c.at } : c);
      // "UAW Local 600 and USW Local 600": the coordinated name after it, read again
      if (after.length) split({ tokens: after.slice(1), at: c.at + u + 3 });
    } else out.push(c);
  };
  for (const c of chunks) split(c);
  return out;
}

/** Most comma-separated items a name's list may hold ("… Comercio, Alimenticia, Textil, Automotriz, …"). */
const MAX_ITEMS = 10;

/**
 * "Mexican Union of Mine, Metal and Allied Workers", "National Institute of Transparency, Access to
 * Information and Protection of Personal Data": a head-first organisation name whose complement is a
 * list. The chunk after the head ("… of Mine") goes on over ", Item" chunks to a last item joined by
 * "and"/"y" (not "and the"); items are plain capitalised words, none a curated name or an acronym.
 */
export function extendListedNames(ctx: DocContext, tokens: Token[], chunks: WholeChunk[]): WholeChunk[] {
  const lex = ctx.ontology.lex;
  const out: WholeChunk[] = [];
  const listableAt = (c: WholeChunk) => {
    const words = c.tokens.map((t) => t.t);
    const head = typeByHead(lex, words);
    // (a chunk that joins two names — "ANAD and the Sindicato …", "… in the …" — is not one name with a list)
    const joinsNames = words.some((w, k) => (/^(and|y|&)$/.test(w) && /^(the|la|el|los|las)$/.test(words[k + 1] ?? '')) || /^(at|in|to|against|between)$/.test(w));
    return !joinsNames && head?.type === 'Organization' && (head.headFirst || head.rule.endsWith('.first')) && words.some((w, k) => k > 0 && lex.prepositions.has(w));
  };
  for (let i = 0; i < chunks.length; i++) {
    const whole = chunks[i]!;
    let c = whole;
    let listable = listableAt(c);
    // "Secretary-Treasurer of the International Union of Electronic, …": a title before the name, up to "of the"
    const the = listable ? -1 : c.tokens.findIndex((t, k) => k > 1 && t.t === 'the' && c.tokens[k - 1]!.t === 'of');
    const title = the > 0 && the + 1 < c.tokens.length ? c.tokens.slice(0, the + 1) : undefined;
    if (title) {
      c = { tokens: c.tokens.slice(the + 1), at: c.at + the + 1 };
      listable = listableAt(c);
    }
    let j = i;
    let end = -1;
    while (listable && j + 1 < chunks.length && j - i < MAX_ITEMS) {
      const prev = chunks[j]!;
      const n = chunks[j + 1]!;
      const comma = prev.at + prev.tokens.length;
      if (tokens[comma]?.t !== ',' || n.at !== comma + 1) break;
      // an item is a plain noun phrase: no acronym, no curated name, no name of its own ("…, Committee on Ways and Means")
      if (isAcronym(n.tokens[0]!.t) || ctx.ontology.gazetteer.scan(ctx.doc.clean.slice(n.tokens[0]!.s, n.tokens[n.tokens.length - 1]!.e)).some((h) => h.start === 0)) break;
      if (typeByHead(lex, n.tokens.slice(0, Math.max(1, n.tokens.findIndex((t) => t.t === 'and' || t.t === 'y'))).map((t) => t.t))) break;
      const joinAt = n.tokens.findIndex((t, k) => k > 0 && (t.t === 'and' || t.t === 'y'));
      j++;
      if (joinAt > 0) {
        if (!/^(the|la|el|los|las)$/.test(n.tokens[joinAt + 1]?.t ?? '')) end = j;
        break;
      }
    }
    if (end > i) {
      const last = chunks[end]!;
      if (title) out.push({ tokens: title, at: whole.at });
      out.push({ tokens: tokens.slice(c.at, last.at + last.tokens.length), at: c.at, whole: true });
      i = end;
    } else out.push(whole);
  }
  return out;
}
