// nest(): overlapping ranges become a nested token stream; hidden markup does not split a mark.
import { describe, expect, it } from 'vitest';
import { nest, type ElementRange, type Substitution } from '../../viewer/src/lib/nest.ts';

/** Tokens as a string: <name>…</name>, replacements in [brackets], voids as <name/>. */
export function _html(text: string, elements: (ElementRange & { name: string })[], subs: (Substitution & { name?: string })[] = [], drop = false): string {
  const name = (key: number) => elements.find((e) => e.key === key)?.name ?? subs.find((s) => s.key === key)?.name ?? '?';
  return nest(text.length, elements, subs, drop, text).map((t) => {
    if (t.t === 'open') return `<${name(t.key)}>`;
    if (t.t === 'close') return `</${name(t.key)}>`;
    if (t.t === 'text') return text.slice(t.start, t.end);
    if (t.t === 'replace') return `[${t.text}]`;
    return `<${name(t.key)}/>`;
  }).join('');
}

const el = (name: string, start: number, end: number, key: number, rank: 0 | 1 = 1) => ({ name, start, end, key, rank });

describe('nest', () => {
  const rows: [string, string, ReturnType<typeof el>[], (Substitution & { name?: string })[], string][] = [
    ['nested marks stay whole', 'Kimberly Nolan García', [el('m', 0, 21, 1), el('n', 9, 14, 2)], [], '<m>Kimberly <n>Nolan</n> García</m>'],
    ['crossing marks: the later one is split', 'abcdef', [el('a', 0, 4, 1), el('b', 2, 6, 2)], [], '<a>ab<b>cd</b></a><b>ef</b>'],
    ['blocks are outside inline, whatever their length', 'ab', [el('m', 0, 2, 1), el('p', 0, 2, 2, 0)], [], '<p><m>ab</m></p>'],
    ['hidden markup inside a mark does not split it', '**Julie** Watts', [el('m', 2, 15, 1)], [{ start: 0, end: 2, kind: 'hide', key: 8 }, { start: 7, end: 9, kind: 'hide', key: 9 }], '<m>Julie Watts</m>'],
    ['a replacement is shown once', 'A &amp; B', [el('m', 0, 9, 1)], [{ start: 2, end: 7, kind: 'replace', key: 9, text: '&' }], '<m>A [&] B</m>'],
    ['voids go where they stand', 'a<br>b', [el('p', 0, 6, 1, 0)], [{ start: 1, end: 5, kind: 'void', key: 9, name: 'br' }], '<p>a<br/>b</p>'],
  ];
  it.each(rows)('should handle %s', (_what, text, els, subs, expected) => {
    expect(_html(text, els, subs)).toBe(expected);
  });

  it('should drop blank text between blocks only when asked', () => {
    const text = 'one\n\ntwo';
    const els = [el('p', 0, 3, 1, 0), el('p', 5, 8, 2, 0)];
    expect(_html(text, els, [], true)).toBe('<p>one</p><p>two</p>');
    expect(_html(text, els, [], false)).toBe('<p>one</p>\n\n<p>two</p>');
  });

  it('should cover every visible character exactly once, in order', () => {
    const text = 'x'.repeat(200);
    const els = Array.from({ length: 60 }, (_, i) => el('e', (i * 37) % 190, ((i * 37) % 190) + 1 + (i % 9), i, (i % 7 === 0 ? 0 : 1) as 0 | 1));
    const tokens = nest(text.length, els);
    let at = 0;
    let depth = 0;
    for (const t of tokens) {
      if (t.t === 'text') { expect(t.start).toBe(at); at = t.end; }
      if (t.t === 'open') depth++;
      if (t.t === 'close') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(at).toBe(200);
    expect(depth).toBe(0);
  });
});
