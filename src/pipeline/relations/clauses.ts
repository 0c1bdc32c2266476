/**
 * Clause structure of the sentences that hold two or more mentions: one compromise parse per
 * sentence (all of a document's in one call), with each mention replaced by a placeholder noun so
 * a long name stays one noun chunk; then verb groups with lemma, voice, negation and modality.
 * Tokens keep offsets into the original text.
 */
import type { PredicateLexicon } from '../../ontology/predicates.js';
import { foldChar } from '../../util/text.js';
import type { Candidate } from '../context.js';
import { parseWith, taggerHooks } from '../tagger.js';

/** compromise's compute hooks as nlp() runs them, without chunking, with the fast post-tagger. */
const TAGGER_HOOKS: string[] = taggerHooks(['chunks']);

/** Tag bits (compromise's tags that the relation rules read). */
export const T = {
  Verb: 1, Aux: 2, Copula: 4, Modal: 8, Negative: 16, Past: 32, Gerund: 64, Infinitive: 128, Participle: 256,
  Adverb: 512, Noun: 1024, Adjective: 2048, Determiner: 4096, Preposition: 8192, Conjunction: 16384, Pronoun: 32768,
  Passive: 65536, Possessive: 131072, Proper: 262144, Value: 524288, Date: 1048576, Question: 2097152, Plural: 4194304, Present: 8388608, Demonym: 16777216,
} as const;
const TAG_BITS: Record<string, number> = {
  Verb: T.Verb, Auxiliary: T.Aux, Copula: T.Copula, Modal: T.Modal, Negative: T.Negative, PastTense: T.Past, Gerund: T.Gerund,
  Infinitive: T.Infinitive, Participle: T.Participle, Adverb: T.Adverb, Noun: T.Noun, Adjective: T.Adjective, Determiner: T.Determiner,
  Preposition: T.Preposition, Conjunction: T.Conjunction, Pronoun: T.Pronoun, Passive: T.Passive, Possessive: T.Possessive,
  ProperNoun: T.Proper, Value: T.Value, Date: T.Date, QuestionWord: T.Question, Plural: T.Plural, PresentTense: T.Present, Demonym: T.Demonym,
};

/** A token of a sentence: a word, a punctuation mark or a whole mention. */
export interface Tok {
  start: number;
  end: number;
  /** folded text ('' for a mention) */
  w: string;
  tags: number;
  /** index into the sentence's mentions, or -1 */
  m: number;
  /** starts with a capital letter */
  cap: boolean;
}

/** A verb group: auxiliaries, adverbs, negation and the main verb. */
export interface VerbGroup {
  from: number;
  to: number;
  /** the main verb's token */
  head: number;
  /** folded main verb form */
  form: string;
  passive: boolean;
  negated: boolean;
  /** a non-assertive auxiliary (could, would, …) */
  modal: boolean;
  /** "to" + verb */
  infinitive: boolean;
  /** -ing form without auxiliary */
  gerund: boolean;
  /** past participle without auxiliary ("the petition filed by X") */
  participle: boolean;
  copula: boolean;
}

/** One analysed sentence. */
export interface Parsed {
  start: number;
  end: number;
  toks: Tok[];
  groups: VerbGroup[];
  /** the sentence's mentions (token m indexes this) */
  mentions: Candidate[];
  /** token index of each mention */
  mentionTok: number[];
}

const WORD = /[\p{L}\p{N}]+(?:[-'’.&/][\p{L}\p{N}]+)*/uy;
const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", 'am', 'get', 'got', 'gets', 'getting', 'gotten', 'become', 'became', 'remain', 'remains', 'remained']);
const PLACEHOLDER: Record<string, string> = { Person: 'Zperson', Organization: 'Zorgan', Place: 'Zplace', Agreement: 'Zaccord', Law: 'Zstatute', Case: 'Zcase', Program: 'Zprogram', Event: 'Zevent' };

/** Tokenise [from, to) of `clean` into words and punctuation (possessive 's split off). */
function tokenize(clean: string, from: number, to: number, out: Tok[]): void {
  let i = from;
  while (i < to) {
    const ch = clean[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    // a possessive right after a mention ("Mexico’s"): its own token
    if ((ch === "'" || ch === '’') && (clean[i + 1] === 's' || clean[i + 1] === 'S') && !/[\p{L}\p{N}]/u.test(clean[i + 2] ?? '') && i + 2 <= to) {
      out.push(tok(clean, i, i + 2));
      i += 2;
      continue;
    }
    WORD.lastIndex = i;
    const m = WORD.exec(clean);
    if (m && m.index === i && i + m[0].length <= to) {
      let word = m[0];
      // "U.S." keeps its final period when it is an abbreviation of single letters
      const poss = /['’]s$/i.exec(word);
      if (poss && word.length > 2) word = word.slice(0, -2);
      out.push(tok(clean, i, i + word.length));
      if (poss && m[0].length > 2) out.push(tok(clean, i + word.length, i + m[0].length));
      i += m[0].length;
      continue;
    }
    out.push(tok(clean, i, i + 1));
    i++;
  }
}

function tok(clean: string, start: number, end: number): Tok {
  let w = '';
  for (let k = start; k < end; k++) w += foldChar(clean[k]!);
  return { start, end, w, tags: 0, m: -1, cap: /\p{Lu}/u.test(clean[start]!) };
}

/** A sentence tokenised for {@link tagSentences}: its tokens and the text compromise is to see. */
export interface Untagged extends Parsed {
  /** the sentence as compromise sees it (mentions as placeholder nouns), ending in a blank line */
  src: string;
  /** for each token of `src` (not a mention): token index, offset in `src`, length */
  at: { tok: number; pos: number; len: number }[];
}

/**
 * Tokenise the given sentences (each with its mentions, sorted, non-overlapping): words and
 * punctuation keep offsets into `clean`, each mention becomes one token (untagged but for the
 * mention's own Noun | Proper). {@link tagSentences} then tags the ones worth a parse.
 */
export function tokenizeSentences(clean: string, sentences: { start: number; end: number; mentions: Candidate[] }[]): Untagged[] {
  const out: Untagged[] = [];
  for (const s of sentences) {
    const p: Untagged = { start: s.start, end: s.end, toks: [], groups: [], mentions: s.mentions, mentionTok: [], src: '', at: [] };
    // each sentence's text is built on its own (the pad below never sees the previous sentence: it ends in a blank line)
    let src = '';
    let cursor = s.start;
    const pieces: { from: number; to: number; mention?: number }[] = [];
    s.mentions.forEach((m, k) => {
      // a title right before the name is part of the mention's token ("Mrs. Vanita Gupta", "Labor Secretary X")
      const start = m.title && m.title.end <= m.start && m.start - m.title.end <= 2 && m.title.start >= cursor ? m.title.start : m.start;
      pieces.push({ from: cursor, to: start });
      pieces.push({ from: start, to: m.end, mention: k });
      cursor = m.end;
    });
    pieces.push({ from: cursor, to: s.end });
    for (const piece of pieces) {
      if (piece.mention !== undefined) {
        const m = s.mentions[piece.mention]!;
        const word = PLACEHOLDER[m.type] ?? 'Zthing';
        // a space keeps the placeholder apart from glued punctuation ("SNITIS—independent"); only the
        // last character is tested (a `$`-anchored test of all of src is O(n) per mention, O(n²) in a
        // sentence of many mentions: a 1 MB table without sentence punctuation spent 5.5 s here)
        const pad = src.length && !/[\s("“'‘]/u.test(src[src.length - 1]!) ? ' ' : '';
        src += pad;
        p.mentionTok.push(p.toks.length);
        p.toks.push({ start: piece.from, end: m.end, w: '', tags: T.Noun | T.Proper, m: piece.mention, cap: true });
        src += word;
        if (/^[\p{L}\p{N}]/u.test(clean[m.end] ?? '')) src += ' ';
        continue;
      }
      const first = p.toks.length;
      tokenize(clean, piece.from, piece.to, p.toks);
      const base = src.length - piece.from;
      src += clean.slice(piece.from, piece.to).replace(/[’‘]/g, "'").replace(/\n/g, ' ');
      for (let k = first; k < p.toks.length; k++) p.at.push({ tok: k, pos: p.toks[k]!.start + base, len: p.toks[k]!.end - p.toks[k]!.start });
    }
    p.src = `${src}\n\n`;
    out.push(p);
  }
  return out;
}

/**
 * Tag the given tokenised sentences with one compromise call (their texts joined; each sentence's
 * tags depend on its own text only) and find their verb groups.
 */
/** Articles and possessive determiners: what follows one starts a noun phrase. */
const ARTICLE = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'these', 'those']);

export function tagSentences(parsed: Untagged[], lex: PredicateLexicon): Parsed[] {
  let src = '';
  const at: { p: Parsed; tok: number; pos: number; len: number }[] = [];
  for (const p of parsed) {
    const base = src.length;
    for (const a of p.at) at.push({ p, tok: a.tok, pos: a.pos + base, len: a.len });
    src += p.src;
  }
  if (!at.length) return parsed;
  // compromise's terms reproduce the text exactly (pre + text + post), so offsets follow by summing
  // compromise's own hooks less 'chunks' (noun/verb chunking, which no rule reads): the same tags
  // at ~40% less time (tags checked identical on the corpus)
  const doc = parseWith(TAGGER_HOOKS, src) as unknown as { docs: { text: string; pre: string; post: string; tags: Set<string> }[][] };
  let pos = 0;
  let k = 0;
  for (const terms of doc.docs) {
    for (const term of terms) {
      pos += term.pre.length;
      const start = pos;
      pos += term.text.length + term.post.length;
      let bits = 0;
      for (const t of term.tags) bits |= TAG_BITS[t] ?? 0;
      // the token that holds the term's start; the last term of a hyphenated word gives its tags
      while (k < at.length && at[k]!.pos + at[k]!.len <= start) k++;
      const a = at[k];
      if (a && a.pos <= start && start < a.pos + a.len) a.p.toks[a.tok]!.tags = bits;
    }
  }
  for (const p of parsed) {
    // "a labor rights activist": a compound noun the tagger read as a verb, between a noun and a noun
    for (let k = 1; k + 1 < p.toks.length; k++) {
      const t = p.toks[k]!;
      if (t.m >= 0 || !(t.tags & T.Verb) || !lex.modality['compound-noun'].has(t.w)) continue;
      const prev = p.toks[k - 1]!;
      const next = p.toks[k + 1]!;
      if (prev.m < 0 && (prev.tags & (T.Noun | T.Adjective)) && !(prev.tags & (T.Verb | T.Pronoun | T.Determiner)) && (next.m >= 0 || (next.tags & (T.Noun | T.Adjective)) && !(next.tags & (T.Verb | T.Determiner | T.Pronoun)))) t.tags = T.Noun | T.Plural;
    }
    // "the rank-and-file dissident group": a hyphenated word between an article and a noun modifies the noun
    // (its last part, "file", gave it a verb's tags)
    for (let k = 1; k + 1 < p.toks.length; k++) {
      const t = p.toks[k]!;
      if (t.m >= 0 || !(t.tags & T.Verb) || !/\p{L}-\p{L}/u.test(t.w) || !ARTICLE.has(p.toks[k - 1]!.w)) continue;
      const next = p.toks[k + 1]!;
      if (next.m >= 0 || (next.tags & (T.Noun | T.Adjective) && !(next.tags & (T.Verb | T.Determiner | T.Preposition)))) t.tags = T.Adjective;
    }
    // "A and B co-chair the Committee": a known verb form the tagger read as a noun, between a name and an article
    for (let k = 1; k + 1 < p.toks.length; k++) {
      const t = p.toks[k]!;
      if (t.m >= 0 || t.tags & (T.Verb | T.Possessive | T.Proper) || !(t.tags & T.Noun) || !lex.verbs.has(t.w) || p.toks[k - 1]!.m < 0) continue;
      // (not a noun after a name in a PP: "with AFL-CIO support the union won")
      const before = p.toks[k - 2];
      if (before && before.m < 0 && before.tags & T.Preposition) continue;
      const next = p.toks[k + 1]!;
      if (next.m < 0 && (next.w === 'the' || next.w === 'a' || next.w === 'an')) t.tags = T.Verb | T.Present;
    }
    // "encabezado por X", "denunció a Y": a Spanish form of the lexicon is a verb whatever the English tagger made of it
    for (const t of p.toks) {
      if (t.m >= 0 || t.tags & T.Verb || !lex.verbs.get(t.w)?.some((f) => f.entry.lang === 'es')) continue;
      t.tags = T.Verb | T.Past | (/(?:ad|id)[oa]s?$/.test(t.w) ? T.Participle : 0);
    }
    p.groups = verbGroups(p.toks, lex);
  }
  return parsed;
}

/**
 * Parse the given sentences (each with its mentions, sorted, non-overlapping) with one compromise
 * call. Mentions become placeholder nouns in the parsed text and single tokens in the result.
 */
export function parseSentences(clean: string, sentences: { start: number; end: number; mentions: Candidate[] }[], lex: PredicateLexicon): Parsed[] {
  return tagSentences(tokenizeSentences(clean, sentences), lex);
}

/** Sentence adverbs compromise may tag otherwise ("later" as an adjective, "now" as a conjunction). */
export const ADVERBS = new Set(['later', 'also', 'then', 'subsequently', 'eventually', 'now', 'still', 'again', 'once', 'soon', 'already', 'jointly', 'together', 'first', 'initially', 'recently', 'formally', 'officially', 'publicly', 'ultimately', 'finally', 'further', 'previously', 'originally', 'currently', 'today', 'since', 'long', 'just', 'never', 'ever', 'always', 'often']);

/** Prepositions compromise tags as a verb's particle ("filed in June"): never a verb of their own. */
const PARTICLES = new Set(['in', 'on', 'at', 'for', 'with', 'by', 'from', 'into', 'of', 'under', 'against', 'about', 'during', 'since']);
const isVerbish = (t: Tok) => t.m < 0 && (t.tags & (T.Verb | T.Aux | T.Modal)) !== 0 && !PARTICLES.has(t.w);

/** Verb groups of a token list. */
export function verbGroups(toks: Tok[], lex: PredicateLexicon): VerbGroup[] {
  const out: VerbGroup[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const to = t.w === 'to' && toks[i + 1] && isVerbish(toks[i + 1]!) && (toks[i + 1]!.tags & (T.Infinitive | T.Present | T.Verb)) !== 0;
    if (!isVerbish(t) && !to) continue;
    let j = i + (to ? 1 : 0);
    let last = j;
    // auxiliaries, adverbs and negation inside the group: "has not yet been filed"
    for (let k = j; k < toks.length; k++) {
      const x = toks[k]!;
      if (isVerbish(x)) last = k;
      // "was established under X": a participle of a lexicon verb the tagger read as an adjective after "be"
      else if (k > j && BE.has(toks[last]!.w) && x.m < 0 && (x.tags & T.Adjective) !== 0 && /(?:ed|en)$/.test(x.w) && lex.verbs.has(x.w)) {
        last = k;
        x.tags |= T.Verb | T.Past | T.Passive;
      }
      else if (x.m < 0 && ((x.tags & (T.Adverb | T.Negative)) !== 0 || ADVERBS.has(x.w) || lex.modality.negation.has(x.w)) && toks[k + 1] && isVerbish(toks[k + 1]!)) continue;
      else break;
    }
    j = last;
    const head = toks[j]!;
    const words = toks.slice(i, j + 1).map((x) => x.w);
    const aux = words.slice(to ? 1 : 0, words.length - 1);
    const copula = BE.has(head.w) || (head.tags & T.Copula) !== 0;
    const passive = !copula && aux.some((w) => BE.has(w)) && (head.tags & (T.Past | T.Participle | T.Passive)) !== 0;
    const negated = words.some((w) => lex.modality.negation.has(w)) || (toks[j + 1]?.w === 'not' && copula);
    out.push({
      from: i, to: j, head: j, form: head.w, passive, negated,
      modal: aux.some((w) => lex.modality.aux.has(w)), infinitive: !!to, copula,
      gerund: !to && !aux.length && (head.tags & T.Gerund) !== 0,
      participle: !to && !aux.length && (head.tags & (T.Past | T.Participle)) !== 0 && !copula,
    });
    i = j;
  }
  return out;
}
