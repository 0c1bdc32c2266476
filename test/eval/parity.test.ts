// kg eval must agree with the independent scorer (test/fixtures/independent-scorer/score.mjs, a verbatim
// copy of shared/tools/score.mjs): the same extractions, scored both ways, give the same figures.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runEval } from '../../src/eval/run.ts';
import { prf, total } from '../../src/eval/score.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SCORER = join(ROOT, 'test', 'fixtures', 'independent-scorer', 'score.mjs');

describe('kg eval and the independent scorer', () => {
  for (const set of [{ name: 'real-dev', gold: 'test/fixtures/real-dev/gold', docs: 'test/fixtures/real-dev/docs' }, { name: 'seeds', gold: 'test/fixtures/seeds', docs: 'corpus' }]) {
    it(`should give the same figures on ${set.name}`, async () => {
      const gold = join(ROOT, set.gold);
      const { scores, extractions } = await runEval({ gold, docs: join(ROOT, set.docs), ontology: join(ROOT, 'ontology') });
      const out = join(mkdtempSync(join(tmpdir(), 'kg-parity-')), 'out.jsonl');
      writeFileSync(out, extractions.map((x) => JSON.stringify(x)).join('\n') + '\n');
      const ref = JSON.parse(execFileSync(process.execPath, [SCORER, gold, out, '--json'], { encoding: 'utf8' }));
      const close = (a: number, b: number, what: string) => expect(a, what).toBeCloseTo(b, 10);
      close(prf(total(scores.entities)).f1, ref.entity.f1, 'entity F1');
      close(prf(total(scores.entities)).p, ref.entity.p, 'entity P');
      close(prf(total(scores.entities)).r, ref.entity.r, 'entity R');
      close(prf(total(scores.relations)).f1, ref.relation.f, 'relation F1');
      close(prf(total(scores.relations)).p, ref.relation.p, 'relation P');
      close(prf(total(scores.mentionsExact)).f1, ref.mentionStrict.micro.f, 'mention exact F1');
      close(prf(total(scores.mentionsOverlap)).f1, ref.mentionOverlap.micro.f, 'mention overlap F1');
      close(scores.country.correct / scores.country.total, ref.countryAccuracy, 'country accuracy');
      for (const [type, c] of Object.entries(scores.mentionsOverlap)) close(prf(c).f1, ref.mentionOverlap.perType[type].f, `mention overlap F1 of ${type}`);
    }, 120_000);
  }
});
