/** Sentence splitting with offsets into the original text (rule-based; abbreviations from the ontology). */
import type { DocContext, Sentence } from './context.js';
import { findFrontMatter, type FrontMatter } from './headline.js';
import { unwrapLines } from './unwrap.js';
import { fold } from '../util/text.js';

const CONNECTOR_END = /\b(of|for|the|and|de|del|la|y|on|in|to|a|an)\s*$/i;

/**
 * Split `clean` (same length as the original) into sentences. Paragraph breaks always end a
 * sentence; a single line break ends one after terminal punctuation or after a short heading line;
 * so does every offset in `breaks` (the end of a headline).
 */
export function splitSentences(clean: string, abbreviations: Set<string>, breaks: number[] = []): Sentence[] {
  const out: Sentence[] = [];
  const cut = [...breaks].sort((a, b) => a - b);
  const push = (s: number, e: number) => {
    while (cut.length && cut[0]! <= s) cut.shift();
    while (cut.length && cut[0]! < e) {
      const at = cut.shift()!;
      push(s, at);
      s = at;
    }
    while (s < e && /\s/.test(clean[s]!)) s++;
    while (e > s && /\s/.test(clean[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  const para = /\n[ \t]*\n/g;
  let pStart = 0;
  const paragraphs: [number, number][] = [];
  for (let m = para.exec(clean); m; m = para.exec(clean)) {
    paragraphs.push([pStart, m.index]);
    pStart = m.index + m[0].length;
  }
  paragraphs.push([pStart, clean.length]);
  for (const [ps, pe] of paragraphs) {
    let s = ps;
    for (let i = ps; i < pe; i++) {
      const ch = clean[i]!;
      if (ch === '\n') {
        const line = clean.slice(s, i).trim();
        const nextLine = clean.slice(i + 1, clean.indexOf('\n', i + 1) < 0 ? pe : Math.min(pe, clean.indexOf('\n', i + 1))).trim();
        if (/[.!?:;]["”’)]?$/.test(line) || (line.length < 90 && !CONNECTOR_END.test(line) && /^[\p{Lu}\d"“•*-]/u.test(nextLine) && !/,$/.test(line))) {
          push(s, i);
          s = i + 1;
        }
        continue;
      }
      if (ch !== '.' && ch !== '!' && ch !== '?') continue;
      let j = i + 1;
      while (j < pe && /["”’)\]]/.test(clean[j]!)) j++;
      if (j < pe && !/\s/.test(clean[j]!)) continue;
      let k = j;
      while (k < pe && /\s/.test(clean[k]!)) k++;
      if (k < pe && !/[\p{Lu}\d"“‘(¿¡]/u.test(clean[k]!)) continue;
      if (ch === '.') {
        const word = /([\p{L}.]+)$/u.exec(clean.slice(Math.max(ps, i - 12), i))?.[1] ?? '';
        const bare = word.replace(/^\.+/, '');
        if (abbreviations.has(bare) || /^\p{Lu}$/u.test(bare) || /^(\p{L}\.)+\p{L}$/u.test(bare)) {
          // "U.S. Department" keeps going; "the U.S. The" still ends (next word is a sentence starter)
          const next = /^[\p{L}]+/u.exec(clean.slice(k, k + 20))?.[0] ?? '';
          if (!/^(The|In|It|This|These|Those|He|She|They|We|But|However|A|An|As|At|On|For|Since|While|When|After|Although)$/.test(next)) continue;
        }
      }
      push(s, j);
      s = j;
    }
    push(s, pe);
  }
  return out;
}

/**
 * The `sentences` component: unwrap hard-wrapped paragraphs in the clean copy (same length), find
 * the front matter (headline, dateline, date, byline) and split sentences, the headline being one.
 */
export function layoutDocument(ctx: DocContext): void {
  const clean = unwrapLines(ctx.doc.clean);
  if (clean !== ctx.doc.clean) {
    ctx.doc = { ...ctx.doc, clean };
    ctx.folded = fold(clean);
  }
  const { gazetteer, entities, lex } = ctx.ontology;
  const isPlace = (name: string) => gazetteer.scan(name).some((h) => h.start === 0 && h.end === name.length && h.entries.some((x) => entities.get(x.entity)?.type === 'Place'));
  // a later part of a cut document starts mid-text: it has no front matter
  const front: FrontMatter = ctx.part ? {} : findFrontMatter(clean, { boilerplate: lex.boilerplate, isPlace });
  ctx.headline = front.headline;
  ctx.dateline = front.dateline;
  ctx.date = front.date;
  ctx.byline = front.byline;
  ctx.sentences = splitSentences(clean, lex.abbreviations, front.headline ? [front.headline.end] : []);
}
