// Extraction quality end to end: the real eval (runEval, as `kg eval` runs it) on the shared seeds,
// the dev set and the sealed held-out set, checked against the floors below. The held-out texts and
// gold files are only ever scored here, never read or printed (test/fixtures/heldout/README.md).
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headline, runEval } from '../../src/eval/run.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * Floors per evaluation set (F1 and accuracy in [0, 1]). The bars: seeds entity F1 ≥ 0.95,
 * held-out entity F1 ≥ 0.85, seeds relation F1 ≥ 0.70, unseen (held-out) relation F1 ≥ 0.40.
 * Where today's code meets a bar, the floor IS the bar. Where it does not yet, the floor sits just
 * under the value measured on 2026-11-28 (measured − 0.03, or − 0.01 for the stable entity figure),
 * so regressions fail while the work continues; raise these as the numbers go up.
 *
 * Measured 2026-11-28 (07:40 UTC, relations work in progress):
 *   seeds    entity 0.9499  relation 0.7438  mention 0.9645  country 0.8571
 *   dev      entity 0.8772  relation 0.6800  mention 0.8858  country 0.7656
 *   held-out entity 0.8710  relation 0.3380  mention 0.8892  country 0.6835
 */
export const FLOORS = {
  seeds: {
    entityF1: 0.94, // bar 0.95 NOT met yet (0.9499): floor just under today's value
    relationF1: 0.70, // bar 0.70 met (0.744)
    mentionF1: 0.93, // no bar: measured − 0.03
    country: 0.82, // no bar: measured − 0.03
  },
  dev: {
    entityF1: 0.85, // unseen-text bar 0.85 met (0.877), though the dev set is tuned on
    relationF1: 0.65, // no bar for dev: measured − 0.03 (tuning on dev in progress)
    mentionF1: 0.85, // no bar: measured − 0.03
    country: 0.73, // no bar: measured − 0.03
  },
  heldout: {
    entityF1: 0.85, // bar 0.85 met (0.871)
    relationF1: 0.30, // bar 0.40 NOT met yet (0.338): floor = measured − 0.03
    mentionF1: 0.85, // no bar: measured − 0.03
    country: 0.65, // no bar: measured − 0.03
  },
} as const;

const SETS: Record<keyof typeof FLOORS, { gold: string; docs: string }> = {
  seeds: { gold: join(ROOT, '..', 'shared', 'gold', 'seeds'), docs: join(ROOT, 'corpus') },
  dev: { gold: join(ROOT, 'test', 'fixtures', 'dev'), docs: join(ROOT, 'test', 'fixtures', 'dev') },
  heldout: { gold: join(ROOT, 'test', 'fixtures', 'heldout'), docs: join(ROOT, 'test', 'fixtures', 'heldout') },
};

describe('extraction quality (kg eval)', () => {
  for (const [set, floors] of Object.entries(FLOORS) as [keyof typeof FLOORS, (typeof FLOORS)[keyof typeof FLOORS]][]) {
    it(`should meet the floors on ${set}`, async () => {
      const { scores, extractions } = await runEval({ gold: SETS[set].gold, docs: SETS[set].docs, ontology: join(ROOT, 'ontology') });
      expect(extractions.length).toBeGreaterThan(0);
      const h = headline(scores);
      // one message with every figure, so a failure shows the whole picture (numbers only)
      const figures = Object.entries(h).map(([k, v]) => `${k}=${v.toFixed(4)}`).join(' ');
      for (const [measure, floor] of Object.entries(floors)) {
        expect(h[measure as keyof typeof h], `${set} ${measure} below its floor ${floor} (${figures})`).toBeGreaterThanOrEqual(floor);
      }
    }, 300_000);
  }
});
