// The parse gate (src/pipeline/relations/gate.ts): parsing only the sentences where a rule could
// fire gives the same relations as parsing every sentence with two entities, and a sentence with
// no lexicon trigger is not parsed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Candidate, DocContext } from '../../../src/pipeline/context.js';
import { COMPONENTS } from '../../../src/pipeline/index.js';
import { tokenizeSentences } from '../../../src/pipeline/relations/clauses.js';
import { couldRelate } from '../../../src/pipeline/relations/gate.js';
import { findRelations } from '../../../src/pipeline/relations/index.js';
import { fold } from '../../../src/util/text.js';
import { _doc, _ontology } from '../_helpers.js';

/** The pipeline up to its relations step: the context and the resolved mentions. */
async function _upToRelations(text: string): Promise<{ ctx: DocContext; mentions: Candidate[] }> {
  const doc = _doc(text);
  const ctx: DocContext = { doc, ontology: await _ontology(), folded: fold(doc.clean), sentences: [], excluded: [], candidates: [], entities: new Map(), relations: [] };
  const state = { candidates: [] as Candidate[], mentions: [] as Candidate[] };
  for (const c of COMPONENTS) {
    if (c.name === 'relations') break;
    c.run(ctx, state);
  }
  return { ctx, mentions: state.mentions };
}

/** couldRelate for the first sentence of `text`, with its entity mentions. */
async function _gate(text: string): Promise<boolean> {
  const { ctx, mentions } = await _upToRelations(text);
  const s = ctx.sentences[0]!;
  const ms = mentions.filter((m) => m.entity && m.start >= s.start && m.end <= s.end);
  const [p] = tokenizeSentences(ctx.doc.clean, [{ start: s.start, end: s.end, mentions: ms }]);
  return couldRelate(ctx, p!.toks, p!.mentions);
}

const SENTENCES: { text: string; parse: boolean }[] = [
  { text: 'The UAW and the AFL-CIO filed a petition with the U.S. Department of Labor.', parse: false },
  { text: 'The AFL-CIO supports the UAW.', parse: true },
  { text: 'Maria Lopez is the president of the Authentic Labor Front.', parse: true },
  { text: 'The AFL-CIO opposed NAFTA.', parse: true },
  { text: 'The AFL-CIO and the UAW.', parse: false },
  { text: 'Photographs: the AFL-CIO; the UAW.', parse: false },
];

describe('couldRelate', () => {
  for (const c of SENTENCES) {
    it(`should ${c.parse ? '' : 'not '}parse "${c.text}"`, async () => {
      expect(await _gate(c.text)).toBe(c.parse);
    });
  }
});

describe('findRelations with the gate', () => {
  const corpus = join(__dirname, '../../../corpus');
  const files = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
  for (const f of files) {
    it(`should find the same relations as without it in corpus/${f}`, async () => {
      const { ctx, mentions } = await _upToRelations(readFileSync(join(corpus, f), 'utf8'));
      const all = findRelations(ctx, mentions, false);
      expect(all.length).toBeGreaterThan(0);
      expect(findRelations(ctx, mentions, true)).toEqual(all);
    });
  }
});
