// Extraction quality end to end: the real eval (runSets, as `kg eval` runs it) on the standard sets
// (src/eval/sets.ts), checked against the floors below. real-dev is real public text nobody here
// wrote — the evidence of generalisation; seeds and the written-* sets are texts written by or for
// the team and are regression tests only (they overstate quality, relations by about 2×).
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headline, runSets } from '../../src/eval/run.ts';
import { EVAL_SETS } from '../../src/eval/sets.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * Floors per set (F1 and accuracy in [0, 1]; country accuracy as the independent scorer counts it:
 * linked people and organisations with a gold country). Issue 7's bars: real-dev entity F1 ≥ 0.90,
 * relation F1 ≥ 0.55, country ≥ 0.85; seeds entity F1 ≥ 0.95 and relation F1 ≥ 0.75. A floor is the
 * bar once the bar is met, else the measured value − 0.03 (so a regression fails, an improvement
 * raises the floor in the same commit).
 *
 * Measured 2026-12-01 (before issue 7's work):
 *   real-dev           entity 0.815  relation 0.242  mention 0.815  country 0.508
 *   seeds              entity 0.967  relation 0.792  mention 0.976  country 0.902
 *   written-dev        entity 0.939  relation 0.804  mention 0.933  country 0.858
 *   written-regression entity 0.911  relation 0.437  mention 0.918  country 0.754
 * After the names/countries work (entities, 2026-12-02):
 *   real-dev           entity 0.897  relation 0.347  mention 0.895  country 0.865
 *   seeds              entity 0.965  relation 0.789  mention 0.977  country 0.911
 *   written-dev        entity 0.935  relation 0.800  mention 0.934  country 0.934
 *   written-regression entity 0.924  relation 0.477  mention 0.932  country 0.865
 * After the structural relation engine (relations, 2026-12-02):
 *   real-dev           entity 0.897  relation 0.614  mention 0.895  country 0.878
 *   seeds              entity 0.963  relation 0.759  mention 0.976  country 0.911
 *   written-dev        entity 0.935  relation 0.622  mention 0.934  country 0.934
 *   written-regression entity 0.924  relation 0.521  mention 0.932  country 0.865
 * After the constructions and precision fixes (relations, 2026-12-02; entities' names work landed too):
 *   real-dev           entity 0.967  relation 0.667  mention 0.953  country 0.890
 *   seeds              entity 0.965  relation 0.756  mention 0.977  country 0.911
 *   written-dev        entity 0.935  relation 0.664  mention 0.934  country 0.934
 *   written-regression entity 0.917  relation 0.509  mention 0.918  country 0.865
 * after the case, affiliation and structure constructions (2026-12-02, second session):
 *   real-dev           entity 0.970  relation 0.744  mention 0.955  country 0.892
 *   seeds              entity 0.965  relation 0.761  mention 0.976  country 0.911
 *   written-dev        entity 0.937  relation 0.678  mention 0.935  country 0.942
 *   written-regression entity 0.920  relation 0.512  mention 0.921  country 0.865
 * after the country cues (naming custom, foreign heads, leaders, party-and-state; 2026-12-02, third session):
 *   real-dev           entity 0.970  relation 0.744  mention 0.955  country 0.946
 *   seeds              entity 0.967  relation 0.761  mention 0.977  country 0.919
 *   written-dev        entity 0.937  relation 0.682  mention 0.937  country 0.950
 *   written-regression entity 0.920  relation 0.512  mention 0.922  country 0.919
 * after lists with a repeated preposition, "saw X as a role of Y", "his group" among several, review requests (fifth session):
 *   real-dev           entity 0.978  relation 0.831  mention 0.963  country 0.947
 *   seeds              entity 0.967  relation 0.761  mention 0.977  country 0.919
 *   written-dev        entity 0.937  relation 0.690  mention 0.937  country 0.950
 *   written-regression entity 0.931  relation 0.617  mention 0.925  country 0.919
 * after the constructions of 27 new real documents (repeated names, surnames, participation lists, titles; 2026-12-03):
 *   real-dev           entity 0.985  relation 0.857  mention 0.972  country 0.949
 *   seeds              entity 0.967  relation 0.761  mention 0.977  country 0.919
 *   written-dev        entity 0.942  relation 0.699  mention 0.943  country 0.942
 *   written-regression entity 0.933  relation 0.656  mention 0.934  country 0.932
 * after the constructions of a second 32-document real check set (2026-12-03 evening, bd25d03):
 *   real-dev           entity 0.985  relation 0.857  mention 0.972  country 0.948
 *   seeds              entity 0.967  relation 0.766  mention 0.977  country 0.919
 *   written-dev        entity 0.942  relation 0.703  mention 0.943  country 0.959
 *   written-regression entity 0.944  relation 0.696  mention 0.940  country 0.946
 */
export const FLOORS: Record<string, { entityF1: number; relationF1: number; mentionF1: number; country: number }> = {
  'real-dev': { entityF1: 0.95, relationF1: 0.82, mentionF1: 0.94, country: 0.91 }, // bars met: measured − 0.03 (2026-12-03)
  seeds: { entityF1: 0.95, relationF1: 0.75, mentionF1: 0.94, country: 0.87 }, // entity and relation: bars
  // relation: the structural engine (2026-12-02) scores 0.622 here against the regex engine's 0.800 — the regexes
  // listed this set's phrasings; real-dev went 0.347 → 0.614. Measured − 0.03 until the constructions are back.
  'written-dev': { entityF1: 0.90, relationF1: 0.66, mentionF1: 0.90, country: 0.92 },
  'written-regression': { entityF1: 0.91, relationF1: 0.66, mentionF1: 0.91, country: 0.91 }, // measured − 0.03 (2026-12-03 evening)
};

describe('extraction quality (kg eval)', () => {
  it('should have a floor for every standard set', () => {
    expect(Object.keys(FLOORS).sort()).toEqual(EVAL_SETS.map((s) => s.name).sort());
  });
  for (const set of EVAL_SETS) {
    it(`should meet the floors on ${set.name}`, async () => {
      const [result] = await runSets([set], { root: ROOT, ontology: join(ROOT, 'ontology') });
      expect(result!.docs).toBeGreaterThan(0);
      const h = headline(result!.scores);
      // one message with every figure, so a failure shows the whole picture (numbers only)
      const figures = Object.entries(h).map(([k, v]) => `${k}=${v.toFixed(4)}`).join(' ');
      for (const [measure, floor] of Object.entries(FLOORS[set.name]!)) {
        expect(h[measure as keyof typeof h], `${set.name} ${measure} below its floor ${floor} (${figures})`).toBeGreaterThanOrEqual(floor);
      }
    }, 300_000);
  }
});
