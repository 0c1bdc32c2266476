/**
 * Rule candidates for one document, sentence by sentence: capitalised chunks split into name
 * segments (segment.ts) and typed (typed.ts: titles, followers, heads, acronyms, people), names
 * read back from acronyms, and numbered cases and laws (numbered.ts).
 */
import type { Candidate, DocContext } from '../context.js';
import { isExcluded } from '../references.js';
import { chunk, tokenize } from '../tokens.js';
import { isCommonWord, isKnown, NlpSpans } from './lookup.js';
import { numberedCases } from './numbered.js';
import { definedSpan, listedName, segment } from './segment.js';
import { classifySegment } from './typed.js';

export { numberedCases } from './numbered.js';
export { initialsBefore, initialsOf, segment } from './segment.js';

/** Find rule candidates in every sentence of the document. */
export function findCandidates(ctx: DocContext): Candidate[] {
  const lex = ctx.ontology.lex;
  const clean = ctx.doc.clean;
  const known = (ts: Parameters<typeof isKnown>[1]) => isKnown(ctx, ts);
  const out: Candidate[] = [];
  for (const sentence of ctx.sentences) {
    if (isExcluded(ctx.excluded, sentence.start, sentence.end)) continue;
    const tokens = tokenize(clean, sentence.start, sentence.end);
    const spans = new NlpSpans(clean.slice(sentence.start, sentence.end), sentence.start);
    const firstWord = tokens.findIndex((t) => /[\p{L}\p{N}]/u.test(t.t));
    for (const ch of chunk(tokens, lex)) {
      const after = tokens[ch.at + ch.tokens.length];
      if (ch.at === firstWord && ch.tokens.length > 1 && isCommonWord(ctx, ch.tokens[0]!.t)) {
        ch.tokens = ch.tokens.slice(1);
        ch.at += 1;
      }
      const defined = definedSpan(lex, ch.tokens, tokens[ch.at + ch.tokens.length], tokens[ch.at + ch.tokens.length + 1]);
      const segs = defined > 0
        ? [...segment(lex, ch.tokens.slice(0, defined), known), ch.tokens.slice(defined)]
        : defined === 0 ? [ch.tokens] : segment(lex, ch.tokens, known);
      const listed = listedName(ctx, tokens, ch.at, ch.at + ch.tokens.length);
      if (listed && !isExcluded(ctx.excluded, listed.start, listed.end)) out.push(listed);
      let pluralTitle: Candidate['title'] | undefined;
      segs.forEach((seg, idx) => {
        const isLast = idx === segs.length - 1;
        const plural = after && /s$/.test(after.t) && lex.followers.get(after.t);
        for (const c of classifySegment(ctx, seg, spans, isLast || plural ? after : undefined, tokens[ch.at - 1], pluralTitle)) {
          if (c.title && /s$/.test(c.title.text)) pluralTitle = c.title;
          if (!isExcluded(ctx.excluded, c.start, c.end)) out.push(c);
        }
      });
    }
    out.push(...numberedCases(clean, sentence).filter((c) => !isExcluded(ctx.excluded, c.start, c.end)));
  }
  return out;
}
