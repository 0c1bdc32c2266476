// Text bound for a terminal: control characters in file names and messages are shown escaped, never sent raw.

// C0 controls but tab, DEL, C1 controls, and the bidi overrides that can reorder what a terminal shows.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `s` with every control character written as an escape (`\n`, `\x1b`, `\u202e`), so a file
 * named `a\x1b[2Jb.txt` or `a\nkg: fake.txt` prints as one visible line and cannot drive the terminal.
 */
export function printable(s: string): string {
  return s.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
