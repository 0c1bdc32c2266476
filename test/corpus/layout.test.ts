// documentLayout: formatted display of Markdown / text / HTML as ranges of the original text.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { BLOCK_TAGS, documentLayout, type LayoutSpan } from '../../src/corpus/layout.js';
import type { DocFormat } from '../../src/types.js';
import { nest } from '../../viewer/src/lib/nest.ts';

/** The layout rendered as tag soup (hidden markup dropped, entities decoded), as the viewer nests it. */
function _shown(text: string, format: DocFormat = 'md', title = ''): string {
  const { spans } = documentLayout({ text, format, title });
  const els = spans.map((s, key) => ({ s, key })).filter(({ s }) => !['hide', 'ent', 'br', 'hr'].includes(s.tag));
  const subs = spans.map((s, key) => ({ s, key })).filter(({ s }) => ['hide', 'ent', 'br', 'hr'].includes(s.tag));
  const tag = (key: number): LayoutSpan => spans[key]!;
  return nest(text.length,
    els.map(({ s, key }) => ({ start: s.start, end: s.end, key, rank: (BLOCK_TAGS as readonly string[]).includes(s.tag) ? 0 : 1 })),
    subs.map(({ s, key }) => ({ start: s.start, end: s.end, key, kind: s.tag === 'ent' ? 'replace' : s.tag === 'hide' ? 'hide' : 'void', text: s.text })),
    true, text,
  ).map((t) => {
    if (t.t === 'open') return `<${tag(t.key).tag}>`;
    if (t.t === 'close') return `</${tag(t.key).tag}>`;
    if (t.t === 'text') return text.slice(t.start, t.end);
    if (t.t === 'replace') return t.text;
    return `<${tag(t.key).tag}/>`;
  }).join('');
}

describe('documentLayout', () => {
  const rows: [string, string, DocFormat, string, string][] = [
    ['ATX headings and emphasis', '# **Title**\n\nSome *em* and **bold**.', 'md', '', '<h1><strong>Title</strong></h1><p>Some <em>em</em> and <strong>bold</strong>.</p>'],
    ['footnote markers as superscripts', 'NAFTA.<sup>1</sup> Next.', 'md', '', '<p>NAFTA.<sup>1</sup> Next.</p>'],
    ['escapes without their backslash', 'It cost \\$81 billion \\*\\*.', 'md', '', '<p>It cost $81 billion **.</p>'],
    ['links as their text', 'See [the report](http://x.org/a_b) now.', 'md', '', '<p>See <a>the report</a> now.</p>'],
    ['bold and italic together, across a hard break', '***The Evolution  \n(1994)***', 'md', '', '<p><em><strong>The Evolution  \n(1994)</strong></em></p>'],
    ['bullets as list items without their marker', '- one\n- two', 'md', '', '<li>one</li><li>two</li>'],
    ['a rule', 'a\n\n---\n\nb', 'md', '', '<p>a</p><hr/><p>b</p>'],
    ['intraword underscores as text', 'snake_case_name', 'md', '', '<p>snake_case_name</p>'],
    ['unpaired stars as text', '5 * 3 = 15', 'md', '', '<p>5 * 3 = 15</p>'],
    ['entities decoded', 'AT&amp;T', 'md', '', '<p>AT&T</p>'],
    ['script elements hidden', 'a <script>x()</script> b', 'md', '', '<p>a  b</p>'],
    ['a text title line as h1, short title-case lines as headings', 'Hand in Hand\n\nMigrant Workers\n' + 'The U.S. Secretary of Labor met the Mexican Secretary of Labor in Mexico City to talk.'.repeat(2), 'txt', 'Hand in Hand',
      '<h1>Hand in Hand</h1><h3>Migrant Workers</h3><p>' + 'The U.S. Secretary of Labor met the Mexican Secretary of Labor in Mexico City to talk.'.repeat(2) + '</p>'],
    ['HTML blocks and inline elements, tags and head hidden', '<html><head><title>T</title></head><body><h1>NAFTA &amp; NAALC</h1><p>The <b>STPS</b> met.<br>Next</p></body></html>', 'html', '',
      '<h1>NAFTA & NAALC</h1><p>The <strong>STPS</strong> met.<br/>Next</p>'],
  ];
  it.each(rows)('should show %s', (_what, text, format, title, expected) => {
    expect(_shown(text, format, title)).toBe(expected);
  });

  it('should keep every span inside the text and mark the whitespace of text files as pre-line', async () => {
    const text = await readFile('corpus/watts-2003-mexico-us-migration-and-labor-unions.txt', 'utf8');
    const layout = documentLayout({ text, format: 'txt', title: 'x' });
    expect(layout.whiteSpace).toBe('pre-line');
    for (const s of layout.spans) expect(s.start >= 0 && s.end <= text.length && s.end >= s.start).toBe(true);
    const shown = _shown(text, 'txt');
    expect(shown).not.toMatch(/\\\$|\n#|&lt;/);
    expect(shown).toContain('<sup>26</sup>');
    expect(shown).not.toMatch(/\*\*\w/); // bold markers are gone; `\\*\\*\\*\\*\\*` shows as *****
    expect(shown).toContain('<p>*****</p>');
  });
});
