/** Document titles: the title element or first heading, not whatever line happens to come first. */
import { basename, extname } from 'node:path';
import type { DocFormat } from '../types.js';

const MAX = 160;
/** Words that stay lower-case in a title ("Hand in Hand", "Secretaría del Trabajo"). */
const MINOR = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'vs', 'via', 'with',
  'de', 'del', 'la', 'las', 'los', 'el', 'y', 'e', 'en', 'para', 'por']);

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();
const clip = (s: string): string => (s.length > MAX ? `${s.slice(0, MAX - 1).trimEnd()}…` : s);
/** Markup-free, one line, no trailing colon (a heading that introduces a subtitle). */
const tidy = (s: string): string => clip(oneLine(s).replace(/[:;,]$/, '').trim());

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/gi, ' ').replace(/&amp;/gi, '&').replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'").replace(/&lt;/gi, '<').replace(/&gt;/gi, '>');
}

/** HTML: the <title> element (as the reader found it), else the first h1, else the first heading of any level. */
function htmlTitle(raw: string, titleElement: string): string {
  if (oneLine(titleElement)) return tidy(titleElement);
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1\s*>/i.exec(raw);
  const any = h1 ?? /<h[1-6]\b[^>]*>([\s\S]*?)<\/h[1-6]\s*>/i.exec(raw);
  return any ? tidy(stripTags(any[1]!)) : '';
}

/** A block of consecutive non-blank lines: [first line, last line] with the clean text. */
interface Block { first: number; last: number; raw: string; clean: string }

function blocks(rawLines: string[], cleanLines: string[]): Block[] {
  const out: Block[] = [];
  let start = -1;
  for (let i = 0; i <= rawLines.length; i++) {
    const blank = i === rawLines.length || !cleanLines[i]!.trim();
    if (!blank && start < 0) start = i;
    if (blank && start >= 0) {
      out.push({ first: start, last: i - 1, raw: rawLines.slice(start, i).join('\n'), clean: oneLine(cleanLines.slice(start, i).join(' ')) });
      start = -1;
    }
  }
  return out;
}

/** Running prose, not a title: long, or more than one sentence. */
function isProse(b: Block): boolean {
  return b.clean.length > 200 || (b.clean.match(/[a-z\u00e0-\u00ff)][.!?](\s|$)/g)?.length ?? 0) >= 2;
}

/** The whole block is one emphasis run (`**CCIS**`, `***The Evolution … Challenges***`): a title in disguise. */
function isEmphasised(b: Block): boolean {
  const t = b.raw.trim();
  return /^(\*{1,3}|_{1,3})[^*_\s]/.test(t) && /[^*_\s](\*{1,3}|_{1,3})$/.test(t) && b.clean.length <= MAX;
}

const words = (s: string): string[] => s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** How title-like a plain line is; higher is better. `nameWords` are the file name's words. */
function score(line: string, position: number, nameWords: Set<string>): number {
  const ws = words(line);
  if (!ws.length) return -Infinity;
  const significant = ws.filter((w) => !MINOR.has(w.toLowerCase()) && !/^\d+$/.test(w));
  const capitalised = significant.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  let s = significant.length ? (2 * capitalised) / significant.length : 0;
  // a file named after its title is common: its words are the strongest clue
  const matched = ws.filter((w) => nameWords.has(w.toLowerCase())).length;
  if (matched >= 2) s += (3 * matched) / ws.length;
  if (/[!?]$/.test(line) || /,\s*[!?.]$/.test(line)) s -= 2; // "Welcome to the Dashboard, !": a template greeting
  if (/\d+\.\d+\.\d+/.test(line)) s -= 1; // a version number: software chrome
  if (ws.length < 2) s -= 1;
  if (/^[\p{Ll}]/u.test(line)) s -= 1;
  return s - 0.05 * position;
}

/**
 * Markdown and text: the first level-1 heading; else an emphasised or heading block before the first
 * paragraph of prose; else the most title-like short line before it (title case, words of the file name,
 * no greeting or version string); else the first line.
 */
function textTitle(raw: string, clean: string, name: string): string {
  const rawLines = raw.split('\n');
  const cleanLines = clean.split('\n');
  const h1 = rawLines.findIndex((l) => /^#[ \t]+\S/.test(l));
  if (h1 >= 0 && tidy(cleanLines[h1]!)) return tidy(cleanLines[h1]!);
  const bs = blocks(rawLines, cleanLines);
  const prose = bs.findIndex(isProse);
  const head = bs.slice(0, prose < 0 ? Math.min(bs.length, 12) : prose).filter((b) => b.clean.length > 3);
  const marked = head.find((b) => isEmphasised(b) || /^#{1,6}[ \t]/.test(b.raw));
  if (marked) return tidy(marked.clean);
  const nameWords = new Set(words(basename(name, extname(name)).toLowerCase()).filter((w) => !/^\d+$/.test(w)));
  let best: { line: string; s: number } | null = null;
  let position = 0;
  for (const b of head) {
    // a title is one line: score each line of the blocks before the prose, stand-alone lines a little higher
    for (let i = b.first; i <= b.last; i++) {
      const line = oneLine(cleanLines[i]!);
      if (line.length <= 3 || line.length > MAX) continue;
      const s = score(line, position++, nameWords) + (b.first === b.last ? 0.5 : 0);
      if (!best || s > best.s) best = { line, s };
    }
  }
  if (best) return tidy((best as { line: string }).line);
  const first = cleanLines.map(oneLine).find((l) => l.length > 3);
  return first ? tidy(first) : '';
}

/**
 * The title of a read document: for HTML the title element or first heading; for Markdown/text the first
 * heading (or its stand-ins, see textTitle); PDFs get the text rules. Falls back to the file name.
 */
export function documentTitle(doc: { format: DocFormat; text: string; clean: string; name: string }, titleElement = ''): string {
  const t = doc.format === 'html' ? htmlTitle(doc.text, titleElement) || textTitle(doc.clean, doc.clean, doc.name) : textTitle(doc.text, doc.clean, doc.name);
  return t || doc.name;
}
