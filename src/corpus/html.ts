/** HTML reading: tags, comments, scripts and styles are blanked in place (offsets index the raw HTML). */
import { Parser } from 'htmlparser2';

const BLOCK = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'section', 'article', 'header', 'footer', 'title', 'blockquote', 'table', 'ul', 'ol']);
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head']);

/**
 * Return `{clean, title}` where `clean` has the raw HTML's length with markup replaced by spaces
 * (block tags become a newline so sentences do not run together) and hidden elements blanked.
 */
export function cleanHtml(raw: string): { clean: string; title: string } {
  const chars = raw.split('');
  let title = '';
  let inTitle = false;
  let hidden = 0;
  let textStart = -1;
  const wipe = (start: number, end: number, newline: boolean) => {
    for (let i = start; i <= end && i < chars.length; i++) if (chars[i] !== '\n') chars[i] = ' ';
    if (newline && start < chars.length) chars[start] = '\n';
  };
  const parser: Parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name) && name !== 'head') hidden++;
        if (name === 'title') inTitle = true;
        wipe(parser.startIndex, parser.endIndex, BLOCK.has(name));
      },
      onclosetag(name) {
        if (HIDDEN.has(name) && name !== 'head') hidden = Math.max(0, hidden - 1);
        if (name === 'title') inTitle = false;
        if (parser.endIndex >= parser.startIndex) wipe(parser.startIndex, parser.endIndex, BLOCK.has(name));
      },
      ontext(text) {
        textStart = parser.startIndex;
        if (inTitle) title += text;
        if (hidden > 0) wipe(textStart, parser.endIndex, false);
      },
      oncomment() {
        wipe(parser.startIndex, parser.endIndex, false);
      },
      onprocessinginstruction() {
        wipe(parser.startIndex, parser.endIndex, false);
      },
    },
    { decodeEntities: false, lowerCaseTags: true },
  );
  parser.write(raw);
  parser.end();
  const clean = chars.join('').replace(/&(?:amp|nbsp|quot|lt|gt|#\d+|#x[0-9a-f]+);/gi, (m) =>
    m.startsWith('&amp') ? '&' + ' '.repeat(m.length - 1) : ' '.repeat(m.length),
  );
  return { clean, title: title.trim() };
}
