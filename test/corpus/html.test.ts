import { describe, it, expect } from 'vitest';
import { cleanHtml } from '../../src/corpus/html.js';

const _squash = (s: string) => s.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n+/g, '\n').trim();

describe('cleanHtml', () => {
  it('should keep the raw length and the text at its raw offsets', () => {
    const raw = '<p>The <b>STPS</b> met <a href="https://x.org">the AFL-CIO</a>.</p>';
    const { clean } = cleanHtml(raw);
    expect(clean).toHaveLength(raw.length);
    for (const word of ['STPS', 'AFL-CIO', 'The', 'met']) expect(clean.slice(raw.indexOf(word), raw.indexOf(word) + word.length)).toBe(word);
    expect(_squash(clean)).toBe('The STPS met the AFL-CIO .');
  });

  it('should blank scripts, styles, comments and the head, and take the title', () => {
    const raw = '<!DOCTYPE html><html><head><title>NAO Report</title><meta charset="utf-8"><style>.UAW{}</style></head><body><!-- CTM --><p>Text.</p><script>const FAT = 1;</script><noscript>CROC</noscript></body></html>';
    const { clean, title } = cleanHtml(raw);
    expect(title).toBe('NAO Report');
    expect(clean).toHaveLength(raw.length);
    for (const hidden of ['UAW', 'CTM', 'FAT', 'CROC', 'charset', 'DOCTYPE']) expect(clean).not.toContain(hidden);
    expect(clean.trim()).toContain('Text.');
  });

  it('should end block elements with a newline so sentences do not run together', () => {
    const raw = '<h1>Labor Report</h1><p>First.</p><ul><li>AFL-CIO</li><li>STPS</li></ul>';
    expect(_squash(cleanHtml(raw).clean).split('\n')).toEqual(['Labor Report', 'First.', 'AFL-CIO', 'STPS']);
  });

  it('should blank entities to the same length (&amp; keeps its ampersand)', () => {
    const raw = '<p>AT&amp;T&nbsp;and&#160;UAW &lt;x&gt;</p>';
    const { clean } = cleanHtml(raw);
    expect(clean).toHaveLength(raw.length);
    expect(_squash(clean)).toBe('AT& T and UAW x');
  });
});
