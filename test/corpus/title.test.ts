// documentTitle: title element / first heading / title-like line, never a greeting or software chrome.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanHtml } from '../../src/corpus/html.js';
import { cleanMarkdown } from '../../src/corpus/markdown.js';
import { readDocument } from '../../src/corpus/read.js';
import { documentTitle } from '../../src/corpus/title.js';
import type { DocFormat } from '../../src/types.js';

function _title(text: string, format: DocFormat = 'md', name = 'doc.md'): string {
  if (format === 'html') {
    const { clean, title } = cleanHtml(text);
    return documentTitle({ format, text, clean, name }, title);
  }
  return documentTitle({ format, text, clean: cleanMarkdown(text), name });
}

describe('documentTitle', () => {
  const rows: [string, string, DocFormat, string, string][] = [
    ['a level-1 heading after boilerplate', '**CCIS**\n\n**Center**\n\n---\n\n# **Migration and Unions**\n\nBody text here.', 'md', 'x.md', 'Migration and Unions'],
    ['an emphasised block spanning hard-wrapped lines', '\n***The Evolution of Cooperation  \n(1994-2010):  \nThe NAALC***\n\nby Someone\n\n### ***Early Efforts***\n\nProse.', 'txt', 'x.txt', 'The Evolution of Cooperation (1994-2010): The NAALC'],
    ['a plain first line', 'U.S.–Mexico Labor Cooperation\n\nThe **AFL-CIO** met the STPS.\n', 'txt', 'coop.txt', 'U.S.–Mexico Labor Cooperation'],
    ['the heading, not a template greeting or chrome',
      'Welcome to the Dashboard, !\n\nClose dashboard icon\nLibreOrganize 0.6.0 - Documentation\n\nHand in Hand: US and Mexican Labor Officials\n\nfrom the Oct. 19, 2022 Bulletin\n\n' +
      'Kim Nolan is currently working as the team leader. She has worked in Mexico for a decade. She knows the unions well and visits often.',
      'txt', 'doc1.txt', 'Hand in Hand: US and Mexican Labor Officials'],
    ['the line that matches the file name', 'Menu\n\nTechnical Assistance in Mexico\n\nBuilding a robust labor rights system together\n\nIn partnership with the government. The projects help. They work.',
      'txt', 'dol-technical-assistance-in-mexico.txt', 'Technical Assistance in Mexico'],
    ['the title element of HTML', '<html><head><title>NAO Report</title></head><body><h1>Other</h1><p>Text.</p></body></html>', 'html', 'r.html', 'NAO Report'],
    ['the first h1 of HTML without a title', '<html><body><p>Skip to content</p><h1>NAFTA &amp; NAALC</h1><p>Text.</p></body></html>', 'html', 'r.html', 'NAFTA & NAALC'],
    ['the file name when there is no text to use', '***', 'txt', 'empty-ish.txt', 'empty-ish.txt'],
  ];
  it.each(rows)('should take %s', (_what, text, format, name, expected) => {
    expect(_title(text, format, name)).toBe(expected);
  });

  it('should title every document of corpus/ by its heading', async () => {
    const titles: Record<string, string> = {};
    for (const name of ['2003-labor-working-group-accomplishments.txt', '2022-hand-in-hand-us-and-mexican-labor-officials.txt',
      'dol-technical-assistance-in-mexico.txt', 'nolan-garcia-us-mexico-labor-cooperation-1994-2010.txt', 'watts-2003-mexico-us-migration-and-labor-unions.txt']) {
      titles[name] = (await readDocument(join('corpus', name))).title;
    }
    expect(titles).toEqual({
      '2003-labor-working-group-accomplishments.txt': '2003 Accomplishments',
      '2022-hand-in-hand-us-and-mexican-labor-officials.txt': 'Hand in Hand: US and Mexican Labor Officials',
      'dol-technical-assistance-in-mexico.txt': 'Technical Assistance in Mexico',
      'nolan-garcia-us-mexico-labor-cooperation-1994-2010.txt': 'The Evolution of US-Mexico Labor Cooperation (1994-2010): The NAALC Institutions and their Policy Challenges',
      'watts-2003-mexico-us-migration-and-labor-unions.txt': 'Mexico-U.S. Migration and Labor Unions: Obstacles to Building Cross-Border Solidarity',
    });
    expect(await readFile(join('corpus', '2022-hand-in-hand-us-and-mexican-labor-officials.txt'), 'utf8')).toMatch(/^Welcome to the Dashboard, !/);
  });
});
