// Discourse (src/pipeline/discourse.ts): a description with no fitting mention in the sentences
// before it takes the one fitting entity of the document so far (none when there are two), found
// from an index of each description's fitting mentions instead of walking every earlier mention.
import { describe, expect, it } from 'vitest';
import { resolveReferences } from '../../src/pipeline/discourse.js';
import { _upToRelations } from './_helpers.js';


/** The entities "the union" stands for, at each of its occurrences. */
async function _unions(text: string): Promise<string[][]> {
  const { ctx, mentions } = await _upToRelations(text);
  const refs = resolveReferences(ctx, mentions);
  const at = [...text.matchAll(/the union\b/gi)].map((m) => m.index!);
  return at.map((a) => refs.filter((r) => r.start === a).map((r) => r.entity!));
}

const FILLER = 'Mexico is large. Canada is cold. Texas is hot. ';

describe('resolveReferences far back', () => {
  it('should take the one union named long before a description', async () => {
    expect(await _unions(`The UAW was founded in 1935. ${FILLER.repeat(3)}The union said no. ${FILLER}The union said yes.`)).toEqual([['org:uaw'], ['org:uaw']]);
  });
  it('should take none when two unions were named before', async () => {
    expect(await _unions(`The UAW was founded in 1935. The CTM was founded in 1936. ${FILLER.repeat(3)}The union said no.`)).toEqual([[]]);
  });
});

describe('titled people described by their title', () => {
  it('should read "the Secretaries" as the people the document titles Secretary, however far back', async () => {
    const { _extract } = await import('./_helpers.js');
    const x = await _extract(`The Secretary of Labor of the United States, Dana Whitfield, and the Secretary of Labor and Social Welfare of Mexico, Tomás Ibarra Ruiz, met in Washington. ${FILLER.repeat(3)}The Secretaries have adopted a Joint Declaration on Migrant Workers.`);
    const people = x.entities.filter((e) => e.type === 'Person').map((e) => e.id).sort();
    expect(people).toHaveLength(2);
    const signed = x.relations.filter((r) => r.predicate === 'SIGNED').map((r) => r.subject).sort();
    expect(signed).toEqual(people);
    // one titled person is no plural
    const y = await _extract(`Secretary of Labor Dana Whitfield met the union. Rosa Ortiz spoke. The Secretaries have adopted a Joint Declaration on Migrant Workers.`);
    expect(y.relations.filter((r) => r.predicate === 'SIGNED')).toEqual([]);
  });
});
