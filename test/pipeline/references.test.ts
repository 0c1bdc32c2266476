import { describe, it, expect } from 'vitest';
import { findCitations, isCitation, isExcluded } from '../../src/pipeline/references.js';
import { cleanMarkdown } from '../../src/corpus/markdown.js';
import { _extract, _mentions, _ontology } from './_helpers.js';

describe('isCitation', () => {
  it.each([
    'Compa, Lance. 2001. Justice for All. Ithaca: Cornell.',
    'García, K. 2011. Transnational Tensions.',
    'Ibid., p. 12.',
    'Id. at 4.',
    'See Hardin 1982, p. 3.',
    'Human Rights Watch (2001) Trading Away Rights.',
    '“Labor Rights in Mexico”. Washington, 2001.',
    '*Migration News*. “Unions and Immigrants.” 2002.',
    'https://www.dol.gov/ilab',
    'Interview with a union organizer, Tijuana.',
    '“Bush, Fox vow to better treatment of illegal immigrants.” *The Houston Chronicle*. September 7, 2001.',
    'Farmworker Justice Fund. Information on the Guestworker Rights Education Project, January 2003.',
    '',
  ])('should take %j as a citation', (body) => {
    expect(isCitation(body)).toBe(true);
  });

  it.each([
    'Lance Compa, a professor at Cornell, advised the UE on the submission.',
    'The AFL-CIO later opened an office in Mexico City.',
  ])('should take %j as prose', (body) => {
    expect(isCitation(body)).toBe(false);
  });
});

describe('findCitations', () => {
  it('should exclude a whole reference in parentheses and a publisher imprint, not a dateline or a press office', async () => {
    const headings = (await _ontology()).lex.citationHeadings;
    const text = [
      'Workers organise (Olson, M. 1965. *The Logic of Collective Action*. Cambridge: Harvard University Press, p. 2.) in many ways.',
      'See Cowie, Jefferson. Capital Moves. Ithaca: Cornell University Press, 1999.',
      'WASHINGTON: The AFL-CIO Press Office said the Teamsters agreed (in Chicago, 2001).',
    ].join('\n');
    const ranges = findCitations(text, text, headings).map((r) => text.slice(r.start, r.end));
    expect(ranges).toEqual(['(Olson, M. 1965. *The Logic of Collective Action*. Cambridge: Harvard University Press, p. 2.)', 'Ithaca: Cornell University Press']);
  });

  it('should exclude inline author–year citations', async () => {
    const headings = (await _ontology()).lex.citationHeadings;
    const text = 'Unions grew (Compa 2001). Others disagree (see Fox and Smith 1999: 12). One more (Nolan et al. 2010; Watts 2003).';
    const ranges = findCitations(text, text, headings).map((r) => text.slice(r.start, r.end));
    expect(ranges).toEqual(['(Compa 2001)', '(see Fox and Smith 1999: 12)', '(Nolan et al. 2010; Watts 2003)']);
  });

  it('should exclude an organisation as author and an undated work, but not a place and year after a comma', async () => {
    const headings = (await _ontology()).lex.citationHeadings;
    const text = 'Talks began (Secretaria de Relaciones Exteriores n.d.) and grew (U.S. Department of Labor 2002). They met (Mexico City, 2001).';
    const ranges = findCitations(text, text, headings).map((r) => text.slice(r.start, r.end));
    expect(ranges).toEqual(['(Secretaria de Relaciones Exteriores n.d.)', '(U.S. Department of Labor 2002)']);
  });

  it('should exclude a reference list from its heading to the end', async () => {
    const headings = (await _ontology()).lex.citationHeadings;
    const text = 'Body about the AFL-CIO.\n\n## References\n\nCompa, Lance. 2001. Justice.\n';
    const clean = cleanMarkdown(text);
    const ranges = findCitations(text, clean, headings);
    expect(ranges).toEqual([{ start: text.indexOf('## References'), end: text.length }]);
  });

  it('should exclude citation-only footnotes and keep prose footnotes', async () => {
    const headings = (await _ontology()).lex.citationHeadings;
    const text = 'Body.\n<sup>1</sup> Compa, Lance. 2001. Justice for All.\n<sup>2</sup> Lance Compa advised the UE on the case.\n';
    const ranges = findCitations(text, cleanMarkdown(text), headings).map((r) => text.slice(r.start, r.end));
    expect(ranges).toEqual(['<sup>1</sup> Compa, Lance. 2001. Justice for All.']);
  });

  it('should exclude citation-only [^n]: footnotes too', async () => {
    const headings = (await _ontology()).lex.citationHeadings;
    const text = 'Body.[^1]\n\n[^1]: Hathaway, Dale. 2000. Allies Across the Border.\n[^2]: The FAT and the UE signed a pact in 1992.\n';
    const ranges = findCitations(text, cleanMarkdown(text), headings).map((r) => text.slice(r.start, r.end));
    expect(ranges).toEqual(['[^1]: Hathaway, Dale. 2000. Allies Across the Border.']);
  });
});

describe('isExcluded', () => {
  it('should be true only inside a range', () => {
    const ranges = [{ start: 10, end: 20 }, { start: 30, end: 40 }];
    expect(isExcluded(ranges, 10, 20)).toBe(true);
    expect(isExcluded(ranges, 32, 35)).toBe(true);
    expect(isExcluded(ranges, 5, 12)).toBe(false);
    expect(isExcluded(ranges, 18, 25)).toBe(false);
    expect(isExcluded(ranges, 21, 29)).toBe(false);
    expect(isExcluded([], 0, 1)).toBe(false);
  });
});

describe('citations in extraction', () => {
  it('should not make a cited author an actor, in the text or in the bibliography', async () => {
    const text = [
      'Cross-border alliances grew after NAFTA (Compa 2001; Nolan García 2011). The UE worked with the FAT (Hathaway 2000).',
      '',
      '## References',
      '',
      'Compa, Lance. 2001. Justice for All. Ithaca: Cornell University Press.',
      'Hathaway, Dale. 2000. Allies Across the Border. Cambridge: South End Press.',
      'Nolan García, Kimberly. 2011. Transnational Tensions. Journal of Labor Research.',
      '',
    ].join('\n');
    const x = await _extract(text, 'cited.md');
    const surfaces = _mentions(x).map((m) => m.text);
    for (const author of ['Compa', 'Hathaway', 'Nolan', 'Lance', 'Dale', 'Kimberly', 'Cornell', 'South End Press', 'Journal of Labor Research']) {
      expect(surfaces.filter((s) => s.includes(author)), author).toEqual([]);
    }
    expect(x.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['agreement:nafta', 'org:ue', 'org:fat']));
    const refs = text.indexOf('## References');
    for (const m of _mentions(x)) expect(text.indexOf(m.text)).toBeLessThan(refs);
  });

  it('should still find the same author named in prose', async () => {
    const x = await _extract('Labor rights matter (Compa 2001). Lance Compa later advised the UE.');
    expect(_mentions(x).filter((m) => m.type === 'Person').map((m) => m.text)).toEqual(['Lance Compa']);
  });
});
