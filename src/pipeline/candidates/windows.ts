/**
 * compromise's people and places for one sentence, parsed in bounded windows when the sentence is
 * very long: compromise's match sweep is superlinear in the length of a clause (a 200 KB "sentence"
 * of names joined by "and" took 143 CPU-s, 50 KB 2.6 s), so a sentence longer than
 * {@link MAX_NLP_CHARS} is parsed as consecutive windows cut at a clause break or a space.
 */
import { NlpSpans } from './lookup.js';

/** What the candidate rules ask of compromise's reading of a sentence. */
export type SpanOracle = Pick<NlpSpans, 'person' | 'place'>;

/**
 * The longest text parsed in one piece (characters). The longest sentence of the corpus and the
 * evaluation sets is ~325 tokens (a few KB), far below: ordinary documents are parsed whole, as before.
 */
export const MAX_NLP_CHARS = 8000;

/** Where windows of `text` end: at most `max` characters each, cut after a clause break (,;:) or else a space when there is one. */
export function windowEnds(text: string, max = MAX_NLP_CHARS): number[] {
  const ends: number[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + max);
    if (end < text.length) {
      const half = start + (max >> 1);
      const clause = Math.max(text.lastIndexOf(', ', end - 1), text.lastIndexOf('; ', end - 1), text.lastIndexOf(': ', end - 1));
      const space = text.lastIndexOf(' ', end - 1);
      if (clause >= half) end = clause + 2;
      else if (space >= half) end = space + 1;
    }
    ends.push(end);
    start = end;
  }
  return ends;
}

/** People and places of a windowed sentence: a query asks each window it overlaps. */
class WindowedSpans implements SpanOracle {
  private windows: { s: number; e: number; spans: NlpSpans }[] = [];
  constructor(text: string, offset: number) {
    let s = 0;
    for (const e of windowEnds(text)) {
      this.windows.push({ s: offset + s, e: offset + e, spans: new NlpSpans(text.slice(s, e), offset + s) });
      s = e;
    }
  }
  /** The windows overlapping [s, e) (binary search: a long sentence has many). */
  private over(s: number, e: number): NlpSpans[] {
    let lo = 0;
    let hi = this.windows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.windows[mid]!.e <= s) lo = mid + 1;
      else hi = mid;
    }
    const out: NlpSpans[] = [];
    for (let i = lo; i < this.windows.length && this.windows[i]!.s < Math.max(e, s + 1); i++) out.push(this.windows[i]!.spans);
    return out;
  }
  person(s: number, e: number): boolean {
    return this.over(s, e).some((w) => w.person(s, e));
  }
  place(s: number, e: number): boolean {
    return this.over(s, e).some((w) => w.place(s, e));
  }
}

/** compromise's spans of one sentence (its text and offset in the clean text): whole, or in windows when it is longer than {@link MAX_NLP_CHARS}. */
export function sentenceSpans(text: string, offset: number): SpanOracle {
  return text.length > MAX_NLP_CHARS ? new WindowedSpans(text, offset) : new NlpSpans(text, offset);
}
