/**
 * How a document is displayed: blocks (headings, paragraphs, list items), inline styles (bold, italic,
 * footnote superscripts, links) and hidden markup, all as ranges of the ORIGINAL text, so the viewer can
 * render the text formatted while every highlighted span stays on its offsets.
 */
import type { DocFormat } from '../types.js';
import { htmlLayout } from './layout-html.js';
import { inlineMarkdown } from './layout-inline.js';

/** Block tags (rendered as block elements) and inline tags; `hide` = markup not shown; `ent` shows `text` instead. */
export const BLOCK_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'quote', 'hr', 'pre', 'cell'] as const;
export const INLINE_TAGS = ['strong', 'em', 'sup', 'sub', 'code', 'a', 'u', 'hide', 'ent', 'br'] as const;
export type LayoutTag = (typeof BLOCK_TAGS)[number] | (typeof INLINE_TAGS)[number];

/** One display range `[start, end)` of the original text. */
export interface LayoutSpan {
  start: number;
  end: number;
  tag: LayoutTag;
  /** ent: what to show instead of the raw characters (`&amp;` → `&`). */
  text?: string;
  /** a: the link target (shown as a tooltip, never followed from the document view). */
  href?: string;
}

/** The layout of a document and how its whitespace reads: `pre-line` keeps the author's line breaks. */
export interface DocumentLayout {
  spans: LayoutSpan[];
  whiteSpace: 'normal' | 'pre-line';
}

const HEADING = /^(#{1,6})[ \t]+/;
const RULE = /^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$/;
const BULLET = /^([ \t]*)([-*+])[ \t]+/;
const NUMBERED = /^[ \t]*\d{1,3}[.)][ \t]+/;
const QUOTE = /^[ \t]*>[ \t]?/;
const SETEXT = /^[ \t]*(=+|-+)[ \t]*$/;
const MINOR = /^(a|an|and|as|at|by|for|from|in|of|on|or|the|to|with|de|del|la|y|en)$/i;

interface Line { start: number; end: number; text: string }

function lines(text: string): Line[] {
  const out: Line[] = [];
  let at = 0;
  for (const t of text.split('\n')) {
    out.push({ start: at, end: at + t.length, text: t });
    at += t.length + 1;
  }
  return out;
}

/** A short stand-alone line that reads as a heading in plain text ("Migrant Workers", "How did you get involved?"). */
function isPlainHeading(line: string, next: string | undefined): boolean {
  const t = line.replace(/[*_]/g, '').trim();
  if (t.length < 3 || t.length > 90 || /[.,;]$/.test(t) || /^[-–•]/.test(t)) return false;
  const words = t.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (!words.length || words.length > 12) return false;
  const significant = words.filter((w) => !MINOR.test(w));
  const capital = significant.filter((w) => /^["“'(]?[\p{Lu}\d]/u.test(w)).length;
  const titled = significant.length > 0 && capital / significant.length >= 0.75;
  // a question line followed by an answer paragraph is an interview heading
  const question = /\?$/.test(t) && words.length >= 3;
  return (titled || question) && next !== undefined && next.trim().length > 0;
}

/**
 * Markdown (and text, which in this corpus carries Markdown artifacts): blocks by blank lines, ATX and
 * setext headings, rules, bullets, quotes; inline emphasis, `<sup>`, links, escapes, tags. In text
 * files a short title-case line before a paragraph is shown as a heading, and the title line as h1.
 */
function markdownLayout(text: string, format: DocFormat, title: string): LayoutSpan[] {
  const spans: LayoutSpan[] = [];
  const ls = lines(text);
  const plain = format !== 'md';
  const paragraphs: Line[][] = [];
  let para: Line[] = [];
  let titled = false;
  const hide = (start: number, end: number) => { if (end > start) spans.push({ start, end, tag: 'hide' }); };
  const block = (tag: LayoutTag, start: number, end: number) => {
    if (end > start) spans.push({ start, end, tag });
    inlineMarkdown(text, start, end, spans);
  };
  const clean = (l: Line) => l.text.replace(/<[^>]*>|[*_#\\]/g, '').replace(/\s+/g, ' ').trim();
  const flush = () => {
    if (para.length) paragraphs.push(para);
    para = [];
  };
  // paragraphs are laid out after the pass, when the block after each one is known
  const layParagraph = (p: Line[], next: Line[] | undefined) => {
    const first = p[0]!;
    const last = p[p.length - 1]!;
    const followedByProse = (l: Line | undefined) => !!l && l.text.trim().length > 90;
    if (plain && !titled && title && p.map(clean).join(' ').trim() === title) {
      titled = true;
      block('h1', first.start, last.end);
    } else if (plain && p.length === 1 && isPlainHeading(first.text, next?.[0]?.text) && followedByProse(next?.[0])) {
      block('h3', first.start, first.end);
    } else if (plain && p.length > 1 && isPlainHeading(first.text, p[1]!.text) && followedByProse(p[1])) {
      block('h3', first.start, first.end);
      block('p', p[1]!.start, last.end);
    } else {
      block('p', first.start, last.end);
    }
  };
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i]!;
    if (!l.text.trim()) { flush(); continue; }
    const h = HEADING.exec(l.text);
    if (h) {
      flush();
      const closing = /[ \t]+#+[ \t]*$/.exec(l.text);
      const end = closing ? l.start + closing.index : l.end;
      hide(l.start, l.start + h[0].length);
      if (closing) hide(end, l.end);
      block(`h${h[1]!.length}` as LayoutTag, l.start + h[0].length, end);
      if (clean(l) === title) titled = true;
      continue;
    }
    const next = ls[i + 1];
    if (!plain && para.length === 0 && next && SETEXT.exec(next.text) && next.text.trim().length >= 3) {
      block(next.text.trim()[0] === '=' ? 'h1' : 'h2', l.start, l.end);
      hide(next.start, next.end);
      i++;
      continue;
    }
    if (RULE.test(l.text)) {
      flush();
      hide(l.start, l.end);
      spans.push({ start: l.start, end: l.end, tag: 'hr' });
      continue;
    }
    const bullet = BULLET.exec(l.text);
    const numbered = NUMBERED.exec(l.text);
    if (bullet || numbered) {
      flush();
      let end = l.end;
      // continuation lines of the item: indented, not another item
      while (ls[i + 1] && /^[ \t]{2,}\S/.test(ls[i + 1]!.text) && !BULLET.test(ls[i + 1]!.text) && !NUMBERED.test(ls[i + 1]!.text)) end = ls[++i]!.end;
      if (bullet) hide(l.start, l.start + bullet[0].length);
      block('li', l.start + (bullet ? bullet[0].length : 0), end);
      continue;
    }
    const quote = QUOTE.exec(l.text);
    if (quote) {
      flush();
      hide(l.start, l.start + quote[0].length);
      block('quote', l.start + quote[0].length, l.end);
      continue;
    }
    para.push(l);
  }
  flush();
  paragraphs.forEach((p, i) => layParagraph(p, paragraphs[i + 1]));
  return spans;
}

/** PDF text: paragraphs by blank lines, nothing else is known. */
function pdfLayout(text: string): LayoutSpan[] {
  const spans: LayoutSpan[] = [];
  const re = /\n[ \t]*\n/g;
  let at = 0;
  for (let m = re.exec(text); ; m = re.exec(text)) {
    const end = m ? m.index : text.length;
    if (text.slice(at, end).trim()) spans.push({ start: at, end, tag: 'p' });
    if (!m) break;
    at = m.index + m[0].length;
  }
  return spans;
}

/**
 * The display layout of a document's text. Spans are sorted by start (then longest first); block spans
 * never overlap each other except by nesting (HTML); text outside every block is blank for Markdown/text.
 */
export function documentLayout(doc: { text: string; format: DocFormat; title?: string }): DocumentLayout {
  const spans = doc.format === 'html' ? htmlLayout(doc.text)
    : doc.format === 'pdf' ? pdfLayout(doc.text)
      : markdownLayout(doc.text, doc.format, doc.title ?? '');
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return { spans, whiteSpace: doc.format === 'html' || doc.format === 'md' ? 'normal' : 'pre-line' };
}
