/**
 * Hard-wrap unwrapping: a paragraph written as lines cut at a fixed width (e-mail, plain-text
 * pages, PDF text) keeps its sentences and names whole. A line break inside such a paragraph
 * becomes a space in the clean copy — one character for one, so every offset still indexes the
 * original text.
 */
import { maxOf } from '../util/array.js';

/** Widest line a hard-wrapped paragraph has (wider lines are paragraphs that merely end in a break). */
const MAX_WRAP = 110;
/** Narrowest wrap width taken for one (shorter lines are lists, addresses, verse). */
const MIN_WRAP = 40;
/** A line at least this share of the paragraph's width was cut by the wrap, not ended by the writer. */
const FULL_LINE = 0.6;

/** A line that opens a list item or a new block: never joined to the line above. */
const OPENS_BLOCK = /^[ \t]*(?:[-–—•*·▪◦>]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s|#)/u;

/**
 * Return `clean` with the line breaks inside hard-wrapped paragraphs replaced by spaces (same length).
 * A paragraph counts as hard-wrapped when it has three or more lines, its widest line is between
 * MIN_WRAP and MAX_WRAP characters, most of its lines (all but the last) fill that width and at
 * least a third of its lines go on in lower case (a wrap cuts sentences; a letterhead never does).
 */
export function unwrapLines(clean: string): string {
  const out = clean.split('');
  let changed = false;
  const para = /\n[ \t\r]*\n/g;
  let start = 0;
  const paragraphs: [number, number][] = [];
  for (let m = para.exec(clean); m; m = para.exec(clean)) {
    paragraphs.push([start, m.index]);
    start = m.index + m[0].length;
  }
  paragraphs.push([start, clean.length]);
  for (const [ps, pe] of paragraphs) {
    const lines: [number, number][] = [];
    let s = ps;
    for (let i = ps; i <= pe; i++) {
      if (i === pe || clean[i] === '\n') {
        lines.push([s, i]);
        s = i + 1;
      }
    }
    if (lines.length < 3) continue;
    const width = (l: [number, number]) => clean.slice(l[0], l[1]).trimEnd().length;
    const widths = lines.map(width);
    const w = maxOf(widths);
    if (w < MIN_WRAP || w > MAX_WRAP) continue;
    const body = widths.slice(0, -1);
    const full = body.filter((x) => x >= FULL_LINE * w).length;
    if (full < 2 || full < 0.75 * body.length) continue;
    // a wrap cuts sentences, so some lines go on in lower case; a letterhead or an address never does
    const goesOn = lines.slice(1).filter((l) => /^[ \t]*\p{Ll}/u.test(clean.slice(l[0], l[1]))).length;
    if (goesOn * 3 < lines.length - 1) continue;
    for (let k = 0; k < lines.length - 1; k++) {
      const next = clean.slice(lines[k + 1]![0], lines[k + 1]![1]);
      if (widths[k]! < FULL_LINE * w || OPENS_BLOCK.test(next) || !next.trim()) continue;
      out[lines[k]![1]] = ' ';
      changed = true;
    }
  }
  return changed ? out.join('') : clean;
}
