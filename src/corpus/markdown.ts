/** Markdown clean-up that blanks markup to spaces instead of deleting it, so offsets never shift. */

/**
 * Blank markdown artifacts: emphasis markers, heading hashes, horizontal rules, `<sup>n</sup>`
 * footnote markers, backslash escapes, link targets, HTML tags. Returns a string of the same length.
 */
export function cleanMarkdown(text: string): string {
  const chars = text.split('');
  const wipe = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (chars[i] !== '\n') chars[i] = ' ';
  };
  const each = (re: RegExp, fn: (m: RegExpExecArray) => void) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) fn(m);
  };
  // footnote markers <sup>12</sup> — the whole marker goes
  each(/<sup>[^<]{0,12}<\/sup>/g, (m) => wipe(m.index, m.index + m[0].length));
  // other inline tags: only the tag itself
  each(/<\/?[a-zA-Z][^>\n]{0,200}>/g, (m) => wipe(m.index, m.index + m[0].length));
  // link targets [text](url) → keep text, blank brackets + url
  each(/\[([^\]\n]{0,300})\]\(([^)\n]{0,500})\)/g, (m) => {
    wipe(m.index, m.index + 1);
    const close = m.index + 1 + m[1]!.length;
    wipe(close, m.index + m[0].length);
  });
  // backslash escapes \$ \* \_ …
  each(/\\([\\`*_{}[\]()#+\-.!$|<>~])/g, (m) => wipe(m.index, m.index + 1));
  // emphasis runs of * or _ (not inside words for _)
  each(/\*{1,3}|(?<![\p{L}\p{N}])_{1,3}|_{1,3}(?![\p{L}\p{N}])/gu, (m) => wipe(m.index, m.index + m[0].length));
  // headings and horizontal rules at line start
  each(/^(#{1,6})[ \t]/gm, (m) => wipe(m.index, m.index + m[1]!.length));
  each(/^[ \t]*([-*_][ \t]*){3,}$/gm, (m) => wipe(m.index, m.index + m[0].length));
  // blockquote markers and list bullets
  each(/^[ \t]*>[ \t]?/gm, (m) => wipe(m.index, m.index + m[0].length));
  return chars.join('');
}
