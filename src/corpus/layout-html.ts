/** HTML layout with htmlparser2: element ranges on the raw HTML's offsets; tags and hidden elements hidden. */
import { Parser } from 'htmlparser2';
import type { LayoutSpan, LayoutTag } from './layout.js';
import { decodeEntity } from './layout-inline.js';

const BLOCK: Record<string, LayoutTag> = {
  h1: 'h1', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h5', h6: 'h6', p: 'p', li: 'li', blockquote: 'quote', pre: 'pre',
  dt: 'p', dd: 'p', figcaption: 'p', caption: 'p', td: 'cell', th: 'cell', div: 'p', section: 'p', article: 'p', header: 'p', footer: 'p',
};
const INLINE: Record<string, LayoutTag> = { b: 'strong', strong: 'strong', i: 'em', em: 'em', sup: 'sup', sub: 'sub', code: 'code', a: 'a', u: 'u' };
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head']);
const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'wbr', 'area', 'base', 'col', 'embed', 'source', 'track']);

/**
 * The layout of a raw HTML text: every tag, comment and doctype hidden; script/style/head contents hidden
 * (the <title> is the document's title, shown above the text); block and inline elements as spans of their content;
 * `<br>` as a line break; entities shown decoded.
 */
export function htmlLayout(raw: string): LayoutSpan[] {
  const spans: LayoutSpan[] = [];
  const stack: { name: string; contentStart: number; href?: string }[] = [];
  let hiddenFrom = -1;
  let hiddenDepth = 0;
  const hide = (start: number, end: number) => { if (end > start) spans.push({ start, end, tag: 'hide' }); };
  const parser: Parser = new Parser({
    onopentag(name, attrs) {
      const s = parser.startIndex;
      const e = parser.endIndex + 1;
      if (HIDDEN.has(name)) {
        if (hiddenDepth++ === 0) hiddenFrom = s;
        return;
      }
      if (name === 'br') { spans.push({ start: s, end: e, tag: 'br' }); return; }
      hide(s, e);
      if (name === 'hr') spans.push({ start: s, end: e, tag: 'hr' });
      if (VOID.has(name)) return;
      stack.push({ name, contentStart: e, ...(name === 'a' && attrs.href ? { href: attrs.href } : {}) });
    },
    onclosetag(name, implied) {
      if (HIDDEN.has(name)) {
        if (--hiddenDepth === 0) hide(hiddenFrom, parser.endIndex + 1);
        hiddenDepth = Math.max(0, hiddenDepth);
        return;
      }
      if (VOID.has(name)) return;
      const s = parser.startIndex;
      const e = implied ? s : parser.endIndex + 1;
      if (!implied) hide(s, e);
      const i = stack.map((x) => x.name).lastIndexOf(name);
      if (i < 0) return;
      const [open] = stack.splice(i, stack.length - i);
      const tag = BLOCK[name] ?? INLINE[name];
      if (tag && s > open!.contentStart) spans.push({ start: open!.contentStart, end: s, tag, ...(open!.href ? { href: open!.href } : {}) });
    },
    ontext(text) {
      if (hiddenDepth > 0) return;
      const at = parser.startIndex;
      for (const m of text.matchAll(/&(#x[0-9a-fA-F]{1,5}|#\d{1,6}|[a-zA-Z]{2,8});/g)) {
        const shown = decodeEntity(m[1]!);
        if (shown !== undefined) spans.push({ start: at + m.index!, end: at + m.index! + m[0].length, tag: 'ent', text: shown });
      }
    },
    oncomment() { hide(parser.startIndex, parser.endIndex + 1); },
    onprocessinginstruction() { hide(parser.startIndex, parser.endIndex + 1); },
  }, { decodeEntities: false, lowerCaseTags: true, recognizeSelfClosing: true });
  parser.write(raw);
  parser.end();
  if (hiddenDepth > 0) hide(hiddenFrom, raw.length);
  return spans;
}
