/**
 * Rule candidates for one document, sentence by sentence: capitalised chunks split into name
 * segments (segment.ts) and typed (typed.ts: titles, followers, heads, acronyms, people), names
 * read back from acronyms, and numbered cases and laws (numbered.ts).
 */
import type { Candidate, DocContext } from '../context.js';
import { isAcronym, isGeneric, isUpperChunk, looksLikePerson, wordsOf } from '../classify.js';
import { isDictionaryWord, wordTag } from '../english.js';
import { isExcluded } from '../references.js';
import { chunk, tokenize, type Chunk, type Token } from '../tokens.js';
import { joinLegalSuffixes } from './company.js';
import { appositionCue, companyCue, listHeadCue, nounBeforeCue, placeCue, speechCue, type Cue } from './cues.js';
import { isWeak, typeLists, type SegmentResult } from './lists.js';
import { isCommonWord, isDate, isFirstName, isKnown, knownType } from './lookup.js';
import { sentenceSpans } from './windows.js';
import { headlineEvidence } from './headline.js';
import { numberedCases } from './numbered.js';
import { definedSpan, extendListedNames, listedName, segment, splitHeadBeforePerson, splitOrgUnits } from './segment.js';
import { trimSegment } from './trim.js';
import { classifySegment } from './typed.js';
import { pushAll } from '../../util/array.js';

export { numberedCases } from './numbered.js';
export { initialsBefore, initialsOf, segment } from './segment.js';

/**
 * The longest capitalised chunk read as one (tokens). The longest in the corpus and the evaluation
 * sets is 26 tokens, its longest name segment 16; a longer run is a list, a table or a hostile input
 * ("Secretary of Labor " × 5000), and several steps on one chunk (trimming, titles, the "X of Y"
 * reading, segment merging) cost more than linear in its length: 95 KB of one run took > 100 CPU-s.
 */
export const MAX_CHUNK_TOKENS = 64;

/** Chunks longer than {@link MAX_CHUNK_TOKENS} cut into consecutive pieces of at most that many tokens. */
export function boundChunks(chunks: Chunk[], max = MAX_CHUNK_TOKENS): Chunk[] {
  if (chunks.every((c) => c.tokens.length <= max)) return chunks;
  const out: Chunk[] = [];
  for (const c of chunks) {
    if (c.tokens.length <= max) out.push(c);
    else for (let k = 0; k < c.tokens.length; k += max) out.push({ tokens: c.tokens.slice(k, k + max), at: c.at + k });
  }
  return out;
}

/** Find rule candidates in every sentence of the document. */
export function findCandidates(ctx: DocContext): Candidate[] {
  const lex = ctx.ontology.lex;
  const clean = ctx.doc.clean;
  const known = (ts: Parameters<typeof isKnown>[1]) => isKnown(ctx, ts);
  const out: Candidate[] = [];
  for (const sentence of ctx.sentences) {
    if (isExcluded(ctx.excluded, sentence.start, sentence.end)) continue;
    const tokens = tokenize(clean, sentence.start, sentence.end);
    const spans = sentenceSpans(clean.slice(sentence.start, sentence.end), sentence.start);
    // the sentence's first word; after a dateline ("TIJUANA – When Norberto Cordoba left …"), the first word after it
    const dl = ctx.dateline;
    const afterDateline = dl && dl.start >= sentence.start && dl.end < sentence.end ? tokens.findIndex((t) => t.s >= dl.end && /[\p{L}\p{N}]/u.test(t.t)) : -1;
    const firstWord = afterDateline >= 0 ? afterDateline : tokens.findIndex((t) => /[\p{L}\p{N}]/u.test(t.t));
    const index = new Map<number, number>();
    tokens.forEach((t, i) => index.set(t.s, i));
    const results: SegmentResult[] = [];
    for (const ch of extendListedNames(ctx, tokens, splitHeadBeforePerson(ctx, splitOrgUnits(ctx, tokens, joinLegalSuffixes(lex, tokens, boundChunks(chunk(tokens, lex, clean))))))) {
      if (ch.unit) {
        // "Section 65", "Local 1010": a union's numbered unit
        const parent = ch.parentLen ? { start: ch.tokens[0]!.s, end: ch.tokens[ch.parentLen - 1]!.e } : undefined;
        results.push({ tokens: ch.tokens, first: ch.at, last: ch.at + ch.tokens.length - 1, cands: [{ start: ch.tokens[0]!.s, end: ch.tokens[ch.tokens.length - 1]!.e, type: 'Organization', rule: 'org.unit', kind: 'union', ...(parent ? { parent } : {}) }] });
        continue;
      }
      const next = tokens[ch.at + ch.tokens.length];
      // a follower may come after a bracketed acronym: "… Relief (SHR) program"
      const after = next?.t === '(' && tokens[ch.at + ch.tokens.length + 2]?.t === ')' && lex.followers.has(tokens[ch.at + ch.tokens.length + 3]?.t ?? '') ? tokens[ch.at + ch.tokens.length + 3] : next;
      if (ch.at === firstWord && ch.tokens.length > 1 && isCommonWord(ctx, ch.tokens[0]!.t, ch.tokens[1]!.t)) {
        ch.tokens = ch.tokens.slice(1);
        ch.at += 1;
      }
      const defined = definedSpan(lex, ch.tokens, tokens[ch.at + ch.tokens.length], tokens[ch.at + ch.tokens.length + 1]);
      // a list item after ", the" ("the UAW, the B and C"): its "and" ends the list rather than joining a head-first name
      const inList = /^(the|la|el)$/.test(tokens[ch.at - 1]?.t ?? '') && tokens[ch.at - 2]?.t === ',';
      const segs = ch.whole ? [ch.tokens] : defined > 0
        ? [...segment(lex, ch.tokens.slice(0, defined), known, inList), ch.tokens.slice(defined)]
        : defined === 0 ? [ch.tokens] : segment(lex, ch.tokens, known, inList);
      const listed = listedName(ctx, tokens, ch.at, ch.at + ch.tokens.length);
      if (listed && !isExcluded(ctx.excluded, listed.start, listed.end)) out.push(listed);
      let pluralTitle: Candidate['title'] | undefined;
      segs.forEach((seg, idx) => {
        const isLast = idx === segs.length - 1;
        const plural = after && /s$/.test(after.t) && lex.followers.get(after.t);
        const cands = classifySegment(ctx, seg, spans, isLast || plural ? after : undefined, tokens[ch.at - 1], pluralTitle);
        for (const c of cands) if (c.title && /s$/.test(c.title.text)) pluralTitle = c.title;
        const trimmed = trimSegment(ctx, seg, isUpperChunk(seg));
        if (trimmed.length) results.push({ tokens: trimmed, first: index.get(trimmed[0]!.s)!, last: index.get(trimmed[trimmed.length - 1]!.s)!, cands });
        else if (cands.length) results.push({ tokens: seg, first: index.get(seg[0]!.s)!, last: index.get(seg[seg.length - 1]!.s)!, cands });
      });
    }
    typeByContext(ctx, tokens, results);
    commaUnits(ctx, tokens, results);
    for (const r of results) for (const c of r.cands) if (!isExcluded(ctx.excluded, c.start, c.end) && !isDate(lex, clean.slice(c.start, c.end))) out.push(c.type === 'Person' ? givenNameStart(ctx, tokens, c) : c.rule === 'event.convention' ? treatyConvention(clean, c) : c);
    pushAll(out, numberedCases(clean, sentence).filter((c) => !isExcluded(ctx.excluded, c.start, c.end)));
  }
  // a title-cased headline's head-word names need the body's backing (headline.ts)
  const h = ctx.headline;
  if (!h) return out;
  const inHead = (c: Candidate) => c.start >= h.start && c.end <= h.end;
  return [...headlineEvidence(ctx, out.filter(inHead), out.filter((c) => !inHead(c))), ...out.filter((c) => !inHead(c))];
}

/**
 * "USWA, Local 6363", "United Auto Workers, Local 645": a local named right after its union and a comma is
 * one name with it (the union's words its `parent`), as when written without the comma.
 */
function commaUnits(ctx: DocContext, tokens: Token[], results: SegmentResult[]): void {
  for (let k = 1; k < results.length; k++) {
    const r = results[k]!;
    const unit = r.cands.length === 1 && r.cands[0]!.rule === 'org.unit' && !r.cands[0]!.parent ? r.cands[0]! : undefined;
    const prev = results[k - 1]!;
    if (!unit || prev.last !== r.first - 2 || tokens[r.first - 1]?.t !== ',') continue;
    const ts = prev.tokens;
    const org = (ts.length === 1 && isAcronym(ts[0]!.t)) || prev.cands.some((c) => c.type === 'Organization' && c.start === ts[0]!.s && c.end === ts[ts.length - 1]!.e) || (isKnown(ctx, ts) && knownType(ctx, ts) === 'Organization');
    if (!org) continue;
    unit.parent = { start: ts[0]!.s, end: ts[ts.length - 1]!.e };
    unit.name = `${ctx.doc.clean.slice(ts[0]!.s, ts[ts.length - 1]!.e)} ${ctx.doc.clean.slice(unit.start, unit.end)}`;
    unit.start = ts[0]!.s;
    prev.cands = [];
  }
}

/** Segments no rule typed (or only guessed) take the class their context gives: appositions, nouns, company and place contexts, lists. */
function typeByContext(ctx: DocContext, tokens: Token[], results: SegmentResult[]): void {
  const lex = ctx.ontology.lex;
  const known = (r: SegmentResult) => (isKnown(ctx, r.tokens) ? knownType(ctx, r.tokens) : undefined);
  for (const r of results) {
    if (!isWeak(r) || known(r)) continue;
    const cue: Cue | undefined = appositionCue(lex, tokens, r.last) ?? nounBeforeCue(lex, tokens, r.first) ?? companyCue(lex, tokens, r.first, r.last) ?? listHeadCue(lex, tokens, r.first) ?? placeCue(ctx, tokens, r.first, r.last) ?? speechCue(ctx, tokens, r.first, r.last);
    if (!cue) continue;
    const words = wordsOf(lex, r.tokens, isUpperChunk(r.tokens));
    if (!/^[\p{Lu}\d]/u.test(words[0]!) || isGeneric(lex, words) || words.length > 8) continue;
    // "two German plants", "the Assembly plant": one ordinary word or demonym is no name
    if (words.length === 1 && (isDictionaryWord(words[0]!) || lex.demonyms.has(words[0]!) || /Demonym|Country/.test(wordTag(words[0]!) ?? ''))) continue;
    // a person needs a name of two words or more that looks like one; a single word stays a surname guess
    if (cue.type === 'Person' && (words.length < 2 || !looksLikePerson(lex, words))) continue;
    r.cands = [{ start: r.tokens[0]!.s, end: r.tokens[r.tokens.length - 1]!.e, type: cue.type, rule: cue.rule, ...(cue.kind ? { kind: cue.kind } : {}) }];
  }
  typeLists(ctx, tokens, results, known);
}

/**
 * "the Forced Labour Convention, 1930 (No. 29)", "ratified the Domestic Workers Convention": a convention
 * dated after a comma, numbered in brackets or ratified is a treaty, not a meeting.
 */
function treatyConvention(clean: string, c: Candidate): Candidate {
  const after = clean.slice(c.end, c.end + 16);
  const before = clean.slice(Math.max(0, c.start - 24), c.start);
  return /^,\s*(?:1[89]|20)\d\d\b|^\s*\(No\.?\s*\d+\)/.test(after) || /\bratif\w*\s+(?:of\s+)?(?:the\s+)?$/i.test(before)
    ? { ...c, type: 'Agreement', rule: 'agreement.convention' }
    : c;
}

/**
 * "… Mine Safety and Health Doug Parker": a person's name of three words or more whose first word is no
 * given name but whose second is starts at the given name (the first word ends the title before it).
 */
function givenNameStart(ctx: DocContext, tokens: Token[], c: Candidate): Candidate {
  const lex = ctx.ontology.lex;
  const inside = tokens.filter((t) => t.s >= c.start && t.e <= c.end);
  if (inside.length < 3 || inside[0]!.s !== c.start) return c;
  // (only where the first word closes a capitalised phrase a connector joined: "… and Health", "… for Affairs")
  const at = tokens.indexOf(inside[0]!);
  if (!/^(and|of|for|&|y|de)$/.test(tokens[at - 1]?.t ?? '') || !/^\p{Lu}/u.test(tokens[at - 2]?.t ?? '')) return c;
  const [a, b] = [inside[0]!.t, inside[1]!.t];
  if (isFirstName(lex, a) || !isFirstName(lex, b) || !/^\p{Lu}\p{Ll}+$/u.test(a)) return c;
  return { ...c, start: inside[1]!.s };
}
