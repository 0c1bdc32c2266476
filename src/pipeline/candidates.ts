/**
 * Rule candidates for one document: capitalised chunks split into name segments and typed
 * (classify.ts), titles before names, followers ("the Echlin case", "the Simpson-Mazzoli bill"),
 * numbered cases and Rapid Response cases. compromise runs only on sentences with an undecided
 * person/place-like segment — the expensive NLP goes where the candidates are.
 */
import nlp from 'compromise';
import type { Lexicon } from '../ontology/index.js';
import type { Candidate, DocContext, Sentence } from './context.js';
import { findTitle, isAcronym, isGeneric, isUpperChunk, looksLikePerson, typeByHead, wordsOf, type Typed } from './classify.js';
import { isExcluded } from './references.js';
import { chunk, tokenize, type Token } from './tokens.js';
import { fold } from '../util/text.js';

const SPLITTERS = new Set(['and', 'y', '&', 'at', 'in', 'to', 'against', 'between', 'AND']);
const FOLLOWERS: Record<string, { type: Candidate['type']; include: boolean; rule: string }> = {
  case: { type: 'Case', include: true, rule: 'case.follower' },
  decision: { type: 'Case', include: true, rule: 'case.follower' },
  lawsuit: { type: 'Case', include: true, rule: 'case.follower' },
  bill: { type: 'Law', include: false, rule: 'law.follower' },
  bills: { type: 'Law', include: false, rule: 'law.follower' },
  cases: { type: 'Case', include: false, rule: 'case.follower' },
  program: { type: 'Program', include: true, rule: 'program.follower' },
  programme: { type: 'Program', include: true, rule: 'program.follower' },
  initiative: { type: 'Program', include: true, rule: 'program.follower' },
  union: { type: 'Organization', include: true, rule: 'org.follower' },
  subsidiary: { type: 'Organization', include: false, rule: 'org.follower' },
  subsidiaries: { type: 'Organization', include: false, rule: 'org.follower' },
};

/** Lazily computed compromise spans (people, places) of one sentence. */
class NlpSpans {
  private cache?: { people: [number, number][]; places: [number, number][] };
  constructor(private text: string, private offset: number) {}
  private get spans() {
    if (!this.cache) {
      const doc = nlp(this.text);
      const take = (view: { json(options: object): unknown }) =>
        (view.json({ offset: true }) as Array<{ terms: Array<{ offset: { start: number; length: number } }> }>).map((m) => {
          const first = m.terms[0]!.offset;
          const last = m.terms[m.terms.length - 1]!.offset;
          return [this.offset + first.start, this.offset + last.start + last.length] as [number, number];
        });
      this.cache = { people: take(doc.people()), places: take(doc.places()) };
    }
    return this.cache;
  }
  /** Does compromise see a person overlapping [s, e)? */
  person(s: number, e: number): boolean {
    return this.spans.people.some(([a, b]) => a < e && s < b);
  }
  place(s: number, e: number): boolean {
    return this.spans.places.some(([a, b]) => a <= s && e <= b + 1);
  }
}

/** Split a chunk into name segments at and/at/in/… unless the heads say the phrase is one name. */
export function segment(lex: Lexicon, tokens: Token[], known: (ts: Token[]) => boolean = () => false): Token[][] {
  const upper = isUpperChunk(tokens);
  const parts: Token[][] = [[]];
  const joins: Token[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (SPLITTERS.has(t.t) || (upper && SPLITTERS.has(t.t.toLowerCase()))) {
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
    const L = typeOrTitle(lex, wordsOf(cur, upper));
    const R = typeOrTitle(lex, wordsOf(next, upper));
    const c = join[0]!.t.toLowerCase();
    const coord = c === 'and' || c === 'y' || c === '&';
    const leftKnown = known(cur) || (cur.length === 1 && /^[\p{Lu}\d&-]{2,}$/u.test(cur[0]!.t));
    const rightKnown = known(next);
    // "US NAO 9601 and US NAO Submission 9702": two numbered items are two names
    const numbered = /^\d/.test(cur[cur.length - 1]!.t) && /^\d/.test(next[next.length - 1]!.t);
    const merge = leftKnown || rightKnown || numbered
      ? false
      : coord
        ? (!L && !!R && !R.headFirst && !findTitle(lex, wordsOf(next, upper))) || (!!L?.headFirst && !R)
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

/** Find rule candidates in every sentence of the document. */
export function findCandidates(ctx: DocContext): Candidate[] {
  const { doc, ontology } = ctx;
  const lex = ontology.lex;
  const clean = doc.clean;
  const out: Candidate[] = [];
  for (const sentence of ctx.sentences) {
    if (isExcluded(ctx.excluded, sentence.start, sentence.end)) continue;
    const tokens = tokenize(clean, sentence.start, sentence.end);
    const spans = new NlpSpans(clean.slice(sentence.start, sentence.end), sentence.start);
    for (const ch of chunk(tokens)) {
      const after = tokens[ch.at + ch.tokens.length];
      const firstWord = tokens.findIndex((t) => /[\p{L}\p{N}]/u.test(t.t));
      if (ch.at === firstWord && ch.tokens.length > 1 && isCommonWord(ctx, ch.tokens[0]!.t)) {
        ch.tokens = ch.tokens.slice(1);
        ch.at += 1;
      }
      const defined = definedSpan(ch.tokens, tokens[ch.at + ch.tokens.length], tokens[ch.at + ch.tokens.length + 1]);
      const segs = defined > 0
        ? [...segment(lex, ch.tokens.slice(0, defined), (ts) => isKnown(ctx, ts)), ch.tokens.slice(defined)]
        : defined === 0 ? [ch.tokens] : segment(lex, ch.tokens, (ts) => isKnown(ctx, ts));
      const listed = listedName(ctx, tokens, ch.at, ch.at + ch.tokens.length);
      if (listed && !isExcluded(ctx.excluded, listed.start, listed.end)) out.push(listed);
      let pluralTitle: Candidate['title'] | undefined;
      segs.forEach((seg, idx) => {
        const isLast = idx === segs.length - 1;
        const plural = after && /s$/.test(after.t) && FOLLOWERS[after.t];
        for (const c of classifySegment(ctx, seg, sentence, spans, isLast || plural ? after : undefined, tokens[ch.at - 1], pluralTitle)) {
          if (c.title && /s$/.test(c.title.text)) pluralTitle = c.title;
          if (!isExcluded(ctx.excluded, c.start, c.end)) out.push(c);
        }
      });
    }
    out.push(...numberedCases(clean, sentence).filter((c) => !isExcluded(ctx.excluded, c.start, c.end)));
  }
  return out;
}

/**
 * "Coalition for Justice in the Maquiladoras (CJM)": where a bracketed acronym follows the chunk and
 * its letters are the initials of a tail of the chunk that a splitter word would cut, the index where
 * that tail starts (the tail is one name); -1 otherwise.
 */
function definedSpan(ts: Token[], open: Token | undefined, acr: Token | undefined): number {
  if (open?.t !== '(' || !acr || !isAcronym(acr.t)) return -1;
  const letters = acr.t.replace(/[^\p{Lu}]/gu, '');
  if (letters.length < 3) return -1;
  for (let i = ts.length - 1; i >= 0; i--) {
    if (!/^\p{Lu}/u.test(ts[i]!.t)) continue;
    const tail = ts.slice(i);
    const initials = initialsOf(tail.map((t) => t.t));
    if (initials.length > letters.length) return -1;
    if (initials === letters) return tail.some((t) => SPLITTERS.has(t.t)) ? i : -1;
  }
  return -1;
}

/**
 * "Sindicato de Trabajadores de la Industria Metálica, Acero, Hierro, Conexos y Similares (STIMAHCS)": a name
 * with commas, read back from a bracketed acronym whose letters are the initials of the words.
 */
function listedName(ctx: DocContext, tokens: Token[], at: number, end: number): Candidate | undefined {
  const open = tokens[end];
  const acr = tokens[end + 1];
  if (open?.t !== '(' || !acr || !isAcronym(acr.t) || tokens[end + 2]?.t !== ')') return undefined;
  const letters = acr.t.replace(/[^\p{Lu}]/gu, '');
  if (letters.length < 4) return undefined;
  let initials = '';
  for (let k = end - 1; k >= 0 && k >= end - 30; k--) {
    const t = tokens[k]!.t;
    if (t === ',' || INITIAL_SKIP.test(t)) continue;
    if (!/^\p{Lu}/u.test(t)) return undefined;
    initials = initialsOf([t]) + initials;
    if (initials.length > letters.length || !letters.endsWith(initials)) return undefined;
    if (initials === letters) {
      if (k >= at || !tokens.slice(k, end).some((x) => x.t === ',')) return undefined;
      const words = tokens.slice(k, end).filter((x) => x.t !== ',').map((x) => x.t);
      const typed = typeByHead(ctx.ontology.lex, words);
      return { start: tokens[k]!.s, end: tokens[end - 1]!.e, type: typed?.type ?? 'Organization', rule: 'org.listed-name' };
    }
  }
  return undefined;
}

/** A capitalised word that also occurs in lower case in the document is an ordinary word at a sentence start. */
function isCommonWord(ctx: DocContext, word: string): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(word) || ctx.ontology.lex.firstNames.has(word)) return false;
  const lower = word.toLowerCase();
  let cache = lowerWords.get(ctx);
  if (!cache) lowerWords.set(ctx, (cache = new Set(ctx.doc.clean.match(/\b\p{Ll}+\b/gu) ?? [])));
  return cache.has(lower) || ctx.ontology.lex.stopwords.has(word);
}
const lowerWords = new WeakMap<DocContext, Set<string>>();

/** Do these tokens exactly form a curated name (a gazetteer hit covering them)? */
function isKnown(ctx: DocContext, ts: Token[]): boolean {
  if (!ts.length) return false;
  const s = ts[0]!.s;
  const e = ts[ts.length - 1]!.e;
  return ctx.ontology.gazetteer.scan(ctx.doc.clean.slice(s, e)).some((h) => h.start === 0 && h.end === e - s && !h.entries.every((x) => x.short));
}

const firstNameKeys = new WeakMap<Lexicon, Set<string>>();
/** Given-name check, accent-insensitive (José / Jose). */
function isFirstName(lex: Lexicon, word: string): boolean {
  let keys = firstNameKeys.get(lex);
  if (!keys) firstNameKeys.set(lex, (keys = new Set([...lex.firstNames].map((w) => fold(w)))));
  return keys.has(fold(word));
}

const curatedPresent = new WeakMap<DocContext, Set<string>>();

/** The organisation a bare title points to: by country, else the only one of its organisations named in the document. */
function titleOrg(ctx: DocContext, orgs: Record<string, string> | undefined, country: string | undefined): string | undefined {
  if (!orgs) return undefined;
  if (country) return orgs[country];
  const ids = Object.values(orgs);
  if (ids.length === 1) return ids[0];
  let present = curatedPresent.get(ctx);
  if (!present) curatedPresent.set(ctx, (present = new Set(ctx.ontology.gazetteer.scan(ctx.doc.clean, ctx.folded).flatMap((h) => h.entries.map((e) => e.entity)))));
  const named = ids.filter((id) => present!.has(id));
  return named.length === 1 ? named[0] : undefined;
}

/** Is this word a curated place name or alias? */
function isPlaceName(ctx: DocContext, word: string): boolean {
  return ctx.ontology.gazetteer.scan(word).some((h) => h.start === 0 && h.end === word.length && h.entries.some((x) => ctx.ontology.entities.get(x.entity)?.type === 'Place'));
}

function isPlace(ctx: DocContext, ts: Token[]): boolean {
  const hit = ctx.ontology.gazetteer.scan(ctx.doc.clean.slice(ts[0]!.s, ts[ts.length - 1]!.e))[0];
  return !!hit && ctx.ontology.entities.get(hit.entries[0]!.entity)?.type === 'Place';
}

/** Spanish place-name openers: "San Martín", "Ciudad Juárez" are not people. */
const PLACE_FIRST = /^(San|Santa|Santo|Puerto|Ciudad|Nuevo|Nueva|Villa|Sierra|Bahía|Río|Rio|Lago|Monte|Playa|Pasta|Valle|Cerro)$/;

const NOT_NAME_PART = /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Spring|Summer|Fall|Autumn|Winter|Today|Yesterday|Tomorrow)$/;

/**
 * Is a leading not-name word part of the name ("Border Workers Committee", "Labor Rights Declaration")?
 * Yes when the whole segment (3+ words) ends in a head word and the first word is a plain capitalised word.
 */
function opensName(lex: Lexicon, tokens: Token[], upper: boolean): boolean {
  const first = tokens[0]!.t;
  if (tokens.length < 3 || NOT_NAME_PART.test(first) || (lex.demonyms.has(first) && tokens.length < 4) || !/^\p{Lu}\p{Ll}+$/u.test(first)) return false;
  const words = wordsOf(tokens, upper);
  // "Agreement on Ministerial Consultations": the word is the head of an "X on Y" name
  if (lex.cues.has(first) && PREP_RE.test(words[1]!)) return true;
  const head = typeByHead(lex, words);
  if (!head) return false;
  // "National Conference of Labor Secretaries": the head right after the word
  // ("The Mexican Union of Electricians": a demonym before a head-first name is not part of it)
  if (head.headFirst) return !lex.demonyms.has(first) && words.findIndex((w, i) => i > 0 && PREP_RE.test(w)) === 2;
  return !words.slice(1).some((w) => PREP_RE.test(w));
}
const PREP_RE = /^(of|for|on|in|at|to|de|del|para|sobre)$/;

/** Type one segment (maybe a title + name, maybe nothing). */
function classifySegment(ctx: DocContext, seg: Token[], sentence: Sentence, spans: NlpSpans, after: Token | undefined, before: Token | undefined, pluralTitle?: Candidate['title']): Candidate[] {
  const lex = ctx.ontology.lex;
  const upper = isUpperChunk(seg);
  let tokens = seg;
  // leading stopwords, articles, months
  while (tokens.length && (lex.stopwords.has(tokens[0]!.t) || /^(THE|A|AN)$/.test(tokens[0]!.t) || (lex.notName.has(tokens[0]!.t) && tokens.length > 1 && !lex.orgHead.has(tokens[0]!.t) && !findTitle(lex, [tokens[0]!.t]) && !opensName(lex, tokens, upper)))) tokens = tokens.slice(1);
  // "Testing the Side Agreement": a gerund before "the" is a verb, not part of a name
  if (tokens.length > 2 && /^\p{Lu}\p{Ll}+ing$/u.test(tokens[0]!.t) && tokens[1]!.t === 'the') tokens = tokens.slice(2);
  while (tokens.length && (/^(and|the|of|y|de|la|to|in|at|for|on|-|–|&)$/i.test(tokens[0]!.t) || /^\d/.test(tokens[0]!.t))) tokens = tokens.slice(1);
  // trailing dates: "… of April 2002", "… June 2002", "… in 2003"
  const month = /^(January|February|March|April|May|June|July|August|September|October|November|December)$/;
  for (;;) {
    const n = tokens.length;
    if (n >= 2 && /^(19|20)\d{2}$/.test(tokens[n - 1]!.t) && month.test(tokens[n - 2]!.t)) tokens = tokens.slice(0, -2);
    else if (n >= 1 && month.test(tokens[n - 1]!.t)) tokens = tokens.slice(0, -1);
    else if (n >= 2 && /^(19|20)\d{2}$/.test(tokens[n - 1]!.t) && /^(of|in)$/i.test(tokens[n - 2]!.t)) tokens = tokens.slice(0, -2);
    else if (n >= 1 && /^(and|the|of|y|de|la|in|at|-|–|&)$/i.test(tokens[n - 1]!.t)) tokens = tokens.slice(0, -1);
    else break;
  }
  if (!tokens.length) return [];
  // "Goodyear Tire San Luis Potosi": a curated place at the end of a typed name is its own mention
  for (let k = 1; k < tokens.length; k++) {
    const tail = tokens.slice(k);
    if (isKnown(ctx, tail) && ctx.ontology.gazetteer.scan(ctx.doc.clean.slice(tail[0]!.s, tail[tail.length - 1]!.e)).some((h) => ctx.ontology.entities.get(h.entries[0]!.entity)?.type === 'Place')) {
      let headPart = tokens.slice(0, k);
      while (headPart.length && /^(of|in|at|de|del|the|,)$/i.test(headPart[headPart.length - 1]!.t)) headPart = headPart.slice(0, -1);
      const hw = wordsOf(headPart, upper);
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
    const hit = ctx.ontology.gazetteer.scan(ctx.doc.clean.slice(tail[0]!.s, tail[tail.length - 1]!.e))[0];
    const type = hit && ctx.ontology.entities.get(hit.entries[0]!.entity)?.type;
    if (type === 'Agreement' || type === 'Law') {
      tokens = tokens.slice(0, k - 2);
      break;
    }
  }
  if (tokens.length === 2 && /^(Administration|Government|administration|government)$/.test(tokens[1]!.t)) return [];
  const words = wordsOf(tokens, upper);
  const span = (ts: Token[]) => ({ start: ts[0]!.s, end: ts[ts.length - 1]!.e });
  const out: Candidate[] = [];
  // titles: "U.S. Secretary of Labor Elaine Chao", "AFL-CIO President John Sweeney", "Presidents Fox and Bush"
  const title = findTitle(lex, words);
  if (title && title.to < words.length) {
    const rest = tokens.slice(title.to);
    const restWords = words.slice(title.to);
    if (looksLikePerson(lex, restWords)) {
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
      out.push({ ...span(rest), type: 'Person', rule: 'person.title', title: titleInfo, country, short: restWords.length === 1 });
      if (title.from > 0 && !lex.demonyms.has(pre)) out.push(...classifySegment(ctx, tokens.slice(0, title.from), sentence, spans, undefined, before));
      return out;
    }
    if (title.from === 0 && /^(of|for|de|del)$/.test(restWords[0]!)) {
      // "Vice President of the U.S. Chamber of Commerce": the title names an organisation
      let org = rest.slice(1);
      if (org[0]?.t === 'the' || org[0]?.t === 'la') org = org.slice(1);
      // "Coordinadora General de Asuntos Internacionales": a Spanish title names no person
      return classifySegment(ctx, org, sentence, spans, after, undefined).filter((c) => c.type !== 'Person' || !/^(de|del)$/.test(restWords[0]!));
    }
  }
  if (pluralTitle && looksLikePerson(lex, words) && words.length === 1) {
    return [{ ...span(tokens), type: 'Person', rule: 'person.title', title: pluralTitle, short: true }];
  }
  if (title && title.from === 0 && title.to === words.length) return [];
  const ofAt = words.indexOf('of');
  if (ofAt >= 2 && isFirstName(lex, words[0]!) && looksLikePerson(lex, words.slice(0, ofAt))) {
    let rest = tokens.slice(ofAt + 1);
    if (rest[0]?.t === 'the') rest = rest.slice(1);
    return [{ ...span(tokens.slice(0, ofAt)), type: 'Person', rule: 'person.first-name' }, ...classifySegment(ctx, rest, sentence, spans, after, undefined)];
  }
  const follower = after && FOLLOWERS[after.t];
  if (follower && (after.s - tokens[tokens.length - 1]!.e <= 2 || /s$/.test(after.t)) && !typeByHead(lex, words) && (!isKnown(ctx, tokens) || (follower.type === 'Case' && isPlace(ctx, tokens)))) {
    const end = follower.include ? after.e : tokens[tokens.length - 1]!.e;
    if (!isGeneric(lex, words)) return [{ start: tokens[0]!.s, end, type: follower.type, rule: follower.rule }];
  }
  const head = typeByHead(lex, words);
  if (head) {
    if (isGeneric(lex, words)) return [];
    return [{ ...span(tokens), type: head.type, rule: head.rule }];
  }
  if (tokens.length === 1 && isAcronym(tokens[0]!.t) && tokens[0]!.t.replace(/[^\p{Lu}]/gu, '').length >= 3) {
    if (lex.notName.has(tokens[0]!.t) || lex.stopwords.has(tokens[0]!.t)) return [];
    // "Release Number: 23-2417-NAT": part of an identifier
    if (/[\d-]$/.test(ctx.doc.clean.slice(tokens[0]!.s - 1, tokens[0]!.s))) return [];
    // "WASHINGTON —": a place name in capitals (a dateline), not an acronym
    const t0 = tokens[0]!.t;
    if (/^\p{Lu}{4,}$/u.test(t0) && (isPlaceName(ctx, t0[0] + t0.slice(1).toLowerCase()) || (/(^|\n)\s*$/.test(ctx.doc.clean.slice(Math.max(0, tokens[0]!.s - 3), tokens[0]!.s)) && /^,?\s*[—–-]\s/.test(ctx.doc.clean.slice(tokens[0]!.e, tokens[0]!.e + 4))))) return [];
    if (before?.t === '(' && /\p{Ll}\s*\(\s*$/u.test(ctx.doc.clean.slice(Math.max(0, tokens[0]!.s - 4), tokens[0]!.s))) {
      // "Tijuana Workers Committee (TWC)": kept only if resolution finds the name it defines
      return initialsBefore(ctx.doc.clean, before.s, tokens[0]!.t) ? [{ ...span(tokens), type: 'Organization', rule: 'org.acronym.defined' }] : [];
    }
    return [{ ...span(tokens), type: 'Organization', rule: 'org.acronym' }];
  }
  if (upper) return [];
  if (looksLikePerson(lex, words)) {
    const s = span(tokens);
    const mid = /^\p{Lu}\.$/u.test(words[1] ?? '');
    if (words.length >= 2 && (isFirstName(lex, words[0]!) || mid)) return [{ ...s, type: 'Person', rule: 'person.first-name' }];
    // "According to Anaelsa Aviles, a …", "Author interview, Anaelsa Aviles, Solidarity Center"
    if (words.length >= 2 && words.length <= 3 && /(?:\b[Aa]ccording to|\binterview(?: with)?,?)\s+$/.test(ctx.doc.clean.slice(Math.max(0, s.start - 20), s.start)) && /^\s*,/.test(ctx.doc.clean.slice(s.end, s.end + 2))) return [{ ...s, type: 'Person', rule: 'person.context' }];
    if (words.length >= 2 && !PLACE_FIRST.test(words[0]!) && spans.person(s.start, s.end) && !spans.place(s.start, s.end)) return [{ ...s, type: 'Person', rule: 'person.compromise' }];
    const prep = /\b(in|from|to|near|of)\s+$/.test(ctx.doc.clean.slice(Math.max(0, s.start - 8), s.start));
    // the cheap test first: spans.place parses the sentence with compromise
    if ((words.length > 1 || (prep && !isCommonWord(ctx, words[0]!))) && spans.place(s.start, s.end)) return [{ ...s, type: 'Place', rule: 'place.compromise' }];
    if (words.length === 1) return [{ ...s, type: 'Person', rule: 'person.surname', short: true }];
  }
  return [];
}

const INITIAL_SKIP = /^(of|for|the|and|in|on|at|to|de|del|la|las|los|el|y|en|para|&)$/i;

/** Initials of the words of a name ("Coalition for Justice in the Maquiladoras" → "CJM"); hyphenated parts count. */
export function initialsOf(words: string[]): string {
  return words.filter((w) => !INITIAL_SKIP.test(w)).flatMap((w) => w.split(/[-–]/)).filter((w) => /^[\p{Lu}\p{Ll}]/u.test(w)).map((w) => w[0]!.toUpperCase()).join('');
}

/** Do the capitalised words just before `open` (a bracket) have the acronym's letters as initials ("Tijuana Workers Committee (TWC)")? */
export function initialsBefore(clean: string, open: number, acr: string): boolean {
  const letters = acr.replace(/[^\p{Lu}]/gu, '');
  if (letters.length < 2) return false;
  const words = clean.slice(Math.max(0, open - 160), open).split(/\s+/).filter(Boolean);
  let initials = '';
  for (let i = words.length - 1; i >= 0 && initials.length < letters.length; i--) {
    const w = words[i]!.replace(/^[“"‘'(*_]+|[”"’'),*_]+$/g, '');
    if (INITIAL_SKIP.test(w)) continue;
    if (!/^\p{Lu}/u.test(w)) return false;
    initials = initialsOf([w]) + initials;
  }
  return initials === letters;
}

const LAW_NUMBERED = /\bProposition\s+\d{1,3}[A-Z]?\b/g;

const NUMBERED = /\b((?:(?:U\.\s?S\.|US|United States|Mexican|Canadian|Mexico['’]s|Canada['’]s)\s+NAO\s+(?:Public\s+)?(?:Submission|Communication|Case)?\s*(?:No\.?\s*)?)|(?:(?:Public\s+)?(?:Submission|Communication)s?\s+(?:No\.?\s*)?))((?:US|MEX|CAN)?\s*(?:\d{6}|9\d{3}|(?:19|20)\d{2}-\d{1,3})(?!\d))((?:\s*(?:,|and|&)\s*(?:\d{6}|9\d{3}|(?:19|20)\d{2}-\d{1,3})(?!\d))*)/giu;
const RRM = /\bRapid Response (?:Mechanism |Labor Mechanism )?(?:case|cases|complaint|request|petition|claim)\s+(?:at|against|involving|concerning|regarding|about)\s+(?:the\s+)?[\p{Lu}][\p{L}\d&.-]*(?:\s+(?:de\s+)?[\p{Lu}][\p{L}\d&.-]*){0,4}/gu;

/** Numbered submissions ("U.S. NAO Submission 9702", "submissions 9803 and 9804") and Rapid Response cases. */
export function numberedCases(clean: string, sentence: Sentence): Candidate[] {
  const text = clean.slice(sentence.start, sentence.end);
  const out: Candidate[] = [];
  NUMBERED.lastIndex = 0;
  for (let m = NUMBERED.exec(text); m; m = NUMBERED.exec(text)) {
    const prefix = m[1]!;
    const start = sentence.start + m.index;
    const firstEnd = start + prefix.length + m[2]!.length;
    const country = /Mexic/.test(prefix) ? 'MX' : /Canad/.test(prefix) ? 'CA' : /U\.?\s?S|United/.test(prefix) ? 'US' : undefined;
    // a submission to one country's NAO is about the labor law of another: its country is the target's
    const target = country === 'MX' ? 'US' : country === 'US' ? 'MX' : undefined;
    const label = (num: string) => `${country === 'MX' ? 'Mexican ' : country === 'CA' ? 'Canadian ' : country === 'US' ? 'U.S. ' : ''}NAO Submission ${num.replace(/^(US|MEX|CAN)\s*/, '')}`;
    out.push({ start, end: firstEnd, type: 'Case', rule: 'case.numbered', name: label(m[2]!.trim()), country: target });
    const more = /\d{4,6}(?:-\d{1,3})?/g;
    const tailStart = firstEnd;
    for (let k = more.exec(m[3]!); k; k = more.exec(m[3]!)) {
      const s = tailStart + k.index;
      out.push({ start: s, end: s + k[0].length, type: 'Case', rule: 'case.numbered.list', name: label(k[0]), country: target });
    }
  }
  LAW_NUMBERED.lastIndex = 0;
  for (let m = LAW_NUMBERED.exec(text); m; m = LAW_NUMBERED.exec(text)) out.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length, type: 'Law', rule: 'law.proposition' });
  RRM.lastIndex = 0;
  // the USMCA Rapid Response Mechanism is enforced against facilities in Mexico
  for (let m = RRM.exec(text); m; m = RRM.exec(text)) out.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length, type: 'Case', rule: 'case.rapid-response', country: 'MX' });
  return out;
}
