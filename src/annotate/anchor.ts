// Re-anchoring: where a correction's span lies in the current document text, if anywhere.
import type { Span } from '../types.js';

/** How far (UTF-16 units) a span may have drifted and still be moved to the nearest copy of its text. */
export const ANCHOR_WINDOW = 2000;

const WORD = /[\p{L}\p{N}]/u;

function bounded(text: string, start: number, end: number, needle: string): boolean {
  const before = start > 0 ? text[start - 1] : '';
  const after = end < text.length ? text[end] : '';
  // only demand a word boundary where the span itself starts/ends with a word character
  return !(WORD.test(needle[0] ?? '') && WORD.test(before)) && !(WORD.test(needle[needle.length - 1] ?? '') && WORD.test(after));
}

/**
 * The span in `text` for a correction made on `span` of a possibly older version: the same offsets
 * when the text there is unchanged; else the one copy of the span text in the document, or the nearest
 * copy within ANCHOR_WINDOW when it is strictly nearer than the next one; undefined when lost (stale).
 */
export function anchorSpan(text: string, span: Span): Span | undefined {
  if (text.slice(span.start, span.end) === span.text) return span;
  if (!span.text) return undefined;
  const hits: number[] = [];
  for (let i = text.indexOf(span.text); i >= 0; i = text.indexOf(span.text, i + 1)) {
    if (bounded(text, i, i + span.text.length, span.text)) hits.push(i);
  }
  if (!hits.length) return undefined;
  const byDistance = hits.map((h) => [Math.abs(h - span.start), h] as const).sort((a, b) => a[0] - b[0]);
  const [best, second] = byDistance;
  const unique = hits.length === 1;
  const nearest = best[0] <= ANCHOR_WINDOW && (!second || second[0] > best[0]);
  if (!unique && !nearest) return undefined;
  return { start: best[1], end: best[1] + span.text.length, text: span.text };
}
