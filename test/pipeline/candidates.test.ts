import { describe, it, expect, beforeAll } from 'vitest';
import { findCandidates, numberedCases, segment } from '../../src/pipeline/candidates/index.js';
import type { DocContext } from '../../src/pipeline/context.js';
import type { Ontology } from '../../src/ontology/index.js';
import { findCitations } from '../../src/pipeline/references.js';
import { splitSentences } from '../../src/pipeline/sentences.js';
import { tokenize } from '../../src/pipeline/tokens.js';
import { fold } from '../../src/util/text.js';
import { _doc, _ontology } from './_helpers.js';

let o: Ontology;
beforeAll(async () => {
  o = await _ontology();
});

/** Rule candidates of `text` as [surface, type, rule]. */
function _candidates(text: string): [string, string, string][] {
  const doc = _doc(text);
  const ctx: DocContext = { doc, ontology: o, folded: fold(doc.clean), sentences: splitSentences(doc.clean, o.lex.abbreviations), excluded: findCitations(doc.text, doc.clean, o.lex.citationHeadings), candidates: [], entities: new Map(), relations: [] };
  return findCandidates(ctx).map((c) => [text.slice(c.start, c.end), c.type, c.rule]);
}

const _segments = (text: string) => segment(o.lex, tokenize(text, 0, text.length)).map((seg) => text.slice(seg[0]!.s, seg[seg.length - 1]!.e));

describe('segment', () => {
  it.each([
    ['AFL-CIO and the UAW', ['AFL-CIO', 'UAW']],
    ['Department of Labor and Social Welfare', ['Department of Labor and Social Welfare']],
    ['Mexico and Canada', ['Mexico', 'Canada']],
    ['Workshop on Labor Rights in Mexico', ['Workshop on Labor Rights in Mexico']],
    ['Puebla Workers Union in Mexico', ['Puebla Workers Union', 'Mexico']],
    ['Health and Safety Network', ['Health and Safety Network']],
  ])('should split %j into %j', (text, want) => {
    expect(_segments(text)).toEqual(want);
  });
});

describe('numberedCases', () => {
  const _cases = (text: string) => numberedCases(text, { start: 0, end: text.length }).map((c) => [text.slice(c.start, c.end), c.rule, c.name, c.country ?? null]);

  it('should find numbered NAALC submissions with a label and the target country', () => {
    expect(_cases('Unions filed U.S. NAO Submission 9702 in 1997.')).toEqual([['U.S. NAO Submission 9702', 'case.numbered', 'U.S. NAO Submission 9702', 'MX']]);
    expect(_cases('The Mexican NAO Case 9804 followed.')).toEqual([['Mexican NAO Case 9804', 'case.numbered', 'Mexican NAO Submission 9804', 'US']]);
    expect(_cases('See US NAO 940003.')).toEqual([['US NAO 940003', 'case.numbered', 'U.S. NAO Submission 940003', 'MX']]);
    expect(_cases('Public Communication CAN 2003-1 was reviewed.')).toEqual([['Public Communication CAN 2003-1', 'case.numbered', 'NAO Submission 2003-1', null]]);
  });

  it('should split a list of submissions into one case each', () => {
    expect(_cases('Submissions 9803, 9804 and 9901 were filed.').map((c) => [c[0], c[1]])).toEqual([
      ['Submissions 9803', 'case.numbered'],
      ['9804', 'case.numbered.list'],
      ['9901', 'case.numbered.list'],
    ]);
  });

  it('should find Rapid Response cases by their target', () => {
    expect(_cases('They filed a Rapid Response Mechanism petition against Tridonex, a Mexican plant.').map((c) => [c[0], c[1]])).toEqual([['Rapid Response Mechanism petition against Tridonex', 'case.rapid-response']]);
    expect(_cases('The Rapid Response case at General Motors Silao ended.').map((c) => c[0])).toEqual(['Rapid Response case at General Motors Silao']);
  });

  it('should not take years, amounts or other numbers for cases', () => {
    expect(_cases('In 1997 the NAO spent 9702 dollars; Article 9702 applies.')).toEqual([]);
  });
});

describe('findCandidates', () => {
  it('should type name segments with the rule that found them', () => {
    const got = _candidates('The Puebla Workers Union met Attorney María Fernanda Ortiz about the Farmworker Justice Act.');
    expect(got).toEqual(expect.arrayContaining([
      ['Puebla Workers Union', 'Organization', 'org.head'],
      ['María Fernanda Ortiz', 'Person', 'person.title'],
      ['Farmworker Justice Act', 'Law', 'law.cue'],
    ]));
  });

  it('should turn a following case/bill/program word into a typed name', () => {
    const got = _candidates('The Echlin case followed the Simpson-Mazzoli bill and the Maquila Safety program.');
    expect(got).toEqual(expect.arrayContaining([
      ['Echlin case', 'Case', 'case.follower'],
      ['Simpson-Mazzoli', 'Law', 'law.follower'],
      ['Maquila Safety program', 'Program', 'program.follower'],
    ]));
  });

  it('should skip sentence-initial common words and excluded citation ranges', () => {
    const got = _candidates('Workers met in Tijuana (Compa 2001).');
    expect(got.map((c) => c[0])).not.toContain('Workers');
    expect(got.map((c) => c[0]).filter((s) => s.includes('Compa'))).toEqual([]);
  });

  it('should not make generic descriptions into names', () => {
    const got = _candidates('The Labor Department and the National Union met the Joint Committee.');
    expect(got).toEqual([]);
  });
});

describe('club as a head word', () => {
  it('should read "the Sierra Club" as an organisation', async () => {
    const { _bySurface, _extract } = await import('./_helpers.js');
    expect(_bySurface(await _extract('Public Citizen and the Sierra Club opposed the deal.'), 'Sierra Club')).toMatchObject({ type: 'Organization' });
  });
});

describe('a name never ends in a preposition', () => {
  it('should end a title-case headline name before a capitalised preposition ("… Petition Regarding a …")', async () => {
    const { _bySurface, _extract } = await import('./_helpers.js');
    const x = await _extract('United States Announces Resolution of a Rapid Response Mechanism Petition Regarding a Kanto Plastics Facility in Mexico\n\nWASHINGTON – The United States today announced the resolution.');
    expect(_bySurface(x, 'Rapid Response Mechanism Petition')).toMatchObject({ type: 'Case' });
    expect(x.entities.some((e) => /Regarding/.test(e.name))).toBe(false);
  });
});

describe('Spanish company contexts', () => {
  it('should read a name after "la planta de" or "los trabajadores de" as a company', async () => {
    const { _bySurface, _extract } = await import('./_helpers.js');
    const x = await _extract('La planta de Tecnos cerró. Los trabajadores de Kanto votaron.');
    expect(_bySurface(x, 'Tecnos')).toMatchObject({ type: 'Organization', kind: 'company' });
    expect(_bySurface(x, 'Kanto')).toMatchObject({ type: 'Organization', kind: 'company' });
  });
});
