/** Inline Markdown layout: emphasis, footnote `<sup>`, links, code, escapes, entities and tags as display ranges. */
import type { LayoutSpan, LayoutTag } from './layout.js';

const TAG_STYLE: Record<string, LayoutTag> = { sup: 'sup', sub: 'sub', b: 'strong', strong: 'strong', i: 'em', em: 'em', u: 'u', code: 'code', a: 'a' };
const HIDDEN_ELEMENT = /<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^<>\n]{0,300})>/g;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!$|<>~])/g;
const LINK = /(!?)\[([^\]\n]{0,300})\]\(([^)\n]{0,500})\)/g;
const CODE = /`([^`\n]+)`/g;
const ENTITY = /&(amp|lt|gt|quot|apos|nbsp|ndash|mdash|hellip|rsquo|lsquo|rdquo|ldquo|#\d{1,6}|#x[0-9a-fA-F]{1,5});/g;
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…',
  rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“',
};

/** The character an HTML entity stands for (`&amp;` → `&`, `&#8217;` → `’`). */
export function decodeEntity(name: string): string | undefined {
  if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10));
  return NAMED[name];
}

function safeCodePoint(n: number): string | undefined {
  return Number.isFinite(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : undefined;
}

interface Run { at: number; len: number; ch: string; open: boolean; close: boolean }

/**
 * Append the inline spans of `text[start, end)` to `spans`: tags hidden (their element styled), escapes'
 * backslashes hidden, link targets hidden, emphasis delimiters paired and hidden. Characters that are
 * part of markup handled here are not looked at again (an escaped `\*` never opens emphasis).
 */
export function inlineMarkdown(text: string, start: number, end: number, spans: LayoutSpan[]): void {
  const part = text.slice(start, end);
  const taken = new Uint8Array(part.length); // 1 = markup or literal, not an emphasis delimiter
  const hide = (a: number, b: number) => {
    if (b <= a) return;
    spans.push({ start: start + a, end: start + b, tag: 'hide' });
    taken.fill(1, a, b);
  };
  const each = (re: RegExp, fn: (m: RegExpExecArray) => void) => {
    re.lastIndex = 0;
    for (let m = re.exec(part); m; m = re.exec(part)) if (!taken[m.index]) fn(m);
  };
  each(HIDDEN_ELEMENT, (m) => hide(m.index, m.index + m[0].length));
  each(CODE, (m) => {
    hide(m.index, m.index + 1);
    hide(m.index + m[0].length - 1, m.index + m[0].length);
    spans.push({ start: start + m.index + 1, end: start + m.index + m[0].length - 1, tag: 'code' });
    taken.fill(1, m.index + 1, m.index + m[0].length - 1);
  });
  each(ESCAPE, (m) => { hide(m.index, m.index + 1); taken[m.index + 1] = 1; });
  // paired inline tags style what they hold; every tag itself is hidden
  const open: { name: string; at: number; end: number; href?: string }[] = [];
  each(TAG, (m) => {
    const name = m[2]!.toLowerCase();
    const at = m.index;
    const after = at + m[0].length;
    if (name === 'br') { spans.push({ start: start + at, end: start + after, tag: 'br' }); taken.fill(1, at, after); return; }
    hide(at, after);
    if (!TAG_STYLE[name]) return;
    if (!m[1]) {
      const href = name === 'a' ? /href\s*=\s*["']([^"']*)["']/i.exec(m[3] ?? '')?.[1] : undefined;
      open.push({ name, at, end: after, ...(href ? { href } : {}) });
      return;
    }
    const i = open.map((o) => o.name).lastIndexOf(name);
    if (i < 0) return;
    const o = open.splice(i, 1)[0]!;
    if (at > o.end) spans.push({ start: start + o.end, end: start + at, tag: TAG_STYLE[name]!, ...(o.href ? { href: o.href } : {}) });
  });
  each(LINK, (m) => {
    const textStart = m.index + m[1]!.length + 1;
    const textEnd = textStart + m[2]!.length;
    hide(m.index, textStart);
    hide(textEnd, m.index + m[0].length);
    if (textEnd > textStart) spans.push({ start: start + textStart, end: start + textEnd, tag: 'a', href: m[3]! });
  });
  each(ENTITY, (m) => {
    const shown = decodeEntity(m[1]!);
    if (shown === undefined) return;
    spans.push({ start: start + m.index, end: start + m.index + m[0].length, tag: 'ent', text: shown });
    taken.fill(1, m.index, m.index + m[0].length);
  });
  emphasis(part, taken, start, spans);
}

/** Delimiter runs of * and _ (CommonMark's flanking rules, simplified), paired innermost first. */
function emphasis(part: string, taken: Uint8Array, start: number, spans: LayoutSpan[]): void {
  const runs: Run[] = [];
  for (let i = 0; i < part.length;) {
    const ch = part[i]!;
    if ((ch !== '*' && ch !== '_') || taken[i]) { i++; continue; }
    let j = i;
    while (j < part.length && part[j] === ch && !taken[j]) j++;
    const before = i > 0 ? part[i - 1]! : ' ';
    const after = j < part.length ? part[j]! : ' ';
    const word = (c: string) => /[\p{L}\p{N}]/u.test(c);
    let open = !/\s/.test(after);
    let close = !/\s/.test(before);
    if (ch === '_') { open &&= !word(before); close &&= !word(after); }
    runs.push({ at: i, len: j - i, ch, open, close });
    i = j;
  }
  const stack: Run[] = [];
  for (const run of runs) {
    while (run.close && run.len > 0) {
      let k = stack.length - 1;
      while (k >= 0 && stack[k]!.ch !== run.ch) k--;
      if (k < 0) break;
      const opener = stack[k]!;
      const n = opener.len >= 2 && run.len >= 2 ? 2 : 1;
      const innerStart = opener.at + opener.len;
      const innerEnd = run.at;
      spans.push({ start: start + innerStart - n, end: start + innerStart, tag: 'hide' });
      spans.push({ start: start + innerEnd, end: start + innerEnd + n, tag: 'hide' });
      if (innerEnd > innerStart) spans.push({ start: start + innerStart, end: start + innerEnd, tag: n === 2 ? 'strong' : 'em' });
      opener.len -= n;
      run.len -= n;
      run.at += n;
      stack.length = opener.len > 0 ? k + 1 : k; // openers above the match are left unmatched
    }
    if (run.open && run.len > 0) stack.push(run);
  }
}
