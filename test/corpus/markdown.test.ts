import { describe, it, expect } from 'vitest';
import { cleanMarkdown } from '../../src/corpus/markdown.js';
import { _extract } from '../pipeline/_helpers.js';

/** The cleaned text with runs of blanks collapsed (what the NLP effectively reads). */
const _squash = (s: string) => s.replace(/[ \t]+/g, ' ').trim();

describe('cleanMarkdown', () => {
  const cases: { name: string; md: string; clean: string }[] = [
    { name: 'bold', md: 'The **AFL-CIO** met.', clean: 'The AFL-CIO met.' },
    { name: 'italic with * and _', md: 'The *Frente Auténtico del Trabajo* and _Los Mineros_.', clean: 'The Frente Auténtico del Trabajo and Los Mineros .' },
    { name: 'bold italic', md: '***NAFTA*** took effect.', clean: 'NAFTA took effect.' },
    { name: 'footnote marker', md: 'Kim Nolan<sup>12</sup> wrote.', clean: 'Kim Nolan wrote.' },
    { name: 'escaped dollar', md: 'It gave \\$2 million.', clean: 'It gave $2 million.' },
    { name: 'heading hashes', md: '## The STPS Report', clean: 'The STPS Report' },
    { name: 'link target', md: 'See [the ILO](https://ilo.org/x) site.', clean: 'See the ILO site.' },
    { name: 'inline tag', md: 'The <em>UAW</em> voted.', clean: 'The UAW voted.' },
    { name: 'blockquote marker', md: '> The UAW voted.', clean: 'The UAW voted.' },
  ];
  it.each(cases)('should blank $name without shifting offsets', ({ md, clean }) => {
    const out = cleanMarkdown(md);
    expect(out).toHaveLength(md.length);
    expect(_squash(out)).toBe(clean);
  });

  it('should blank horizontal rules but keep newlines, so line structure and offsets survive', () => {
    const md = 'First paragraph.\n\n---\n\n* * *\n\nSecond paragraph.\n';
    const out = cleanMarkdown(md);
    expect(out).toHaveLength(md.length);
    expect(out.split('\n')).toHaveLength(md.split('\n').length);
    expect(out).not.toMatch(/[-*]/);
    expect(out.indexOf('Second')).toBe(md.indexOf('Second'));
  });

  it('should keep underscores inside words and hyphens inside names', () => {
    expect(cleanMarkdown('snake_case_name and AFL-CIO')).toBe('snake_case_name and AFL-CIO');
  });
});

describe('markdown artifacts in extracted names', () => {
  it('should not leak **, *, <sup>, \\$, # or rules into entity names, aliases or mention texts', async () => {
    const text = [
      '# The **AFL-CIO** and the *Frente Auténtico del Trabajo*',
      '',
      'In 2002 **Elaine Chao**<sup>4</sup> of the *U.S. Department of Labor* met ***Carlos Abascal*** of the STPS, who pledged \\$2 million to the *Sindicato Nacional de Trabajadores Mineros*.',
      '',
      '---',
      '',
      '<sup>4</sup> John Sweeney of the AFL-CIO described the ***Labor Working Group*** in Mexico City.',
      '',
    ].join('\n');
    const x = await _extract(text, 'artifacts.md');
    const names = x.entities.flatMap((e) => [e.name, ...e.aliases]);
    expect(names.length).toBeGreaterThan(5);
    for (const n of names) expect(n, n).not.toMatch(/\*|<\/?sup>|\\\$|^#|---|_/);
    for (const e of x.entities) for (const m of e.mentions) {
      expect(m.text).toBe(text.slice(m.start, m.end));
      expect(m.text, m.text).not.toMatch(/^[*_<#\\]|[*_>]$/);
    }
    const ids = x.entities.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['org:afl-cio', 'person:elaine-chao', 'org:us-department-of-labor', 'person:carlos-abascal', 'org:stps', 'person:john-sweeney', 'place:mexico-city']));
    expect(x.entities.find((e) => e.name === 'Sindicato Nacional de Trabajadores Mineros' || e.aliases.includes('Sindicato Nacional de Trabajadores Mineros'))).toBeDefined();
    // the footnote number is no part of a name
    expect(names.some((n) => /^\d|\d$/.test(n) && !/\d{3,}/.test(n))).toBe(false);
  });
});
