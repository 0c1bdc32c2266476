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
 * seeds relation F1 ≥ 0.70, unseen (held-out) entity F1 ≥ 0.85 and relation F1 ≥ 0.40. Every bar
 * is met today, so those floors ARE the bars; figures without a bar sit at measured − 0.03.
 *
 * Measured 2026-11-28 (08:35 UTC):
 *   seeds    entity 0.965  relation 0.776  mention 0.976  country 0.888
 *   dev      entity 0.937  relation 0.804  mention 0.933  country 0.864
 *   held-out entity 0.895  relation 0.437  mention 0.918  country 0.775
 */
export const FLOORS = {
  seeds: {
    entityF1: 0.95, // bar
    relationF1: 0.70, // bar
    mentionF1: 0.94, // no bar: measured − 0.03
    country: 0.85, // no bar: measured − 0.03
  },
  dev: {
    entityF1: 0.90, // no bar (tuned on): measured − 0.03
    relationF1: 0.77, // no bar (tuned on): measured − 0.03
    mentionF1: 0.90, // no bar: measured − 0.03
    country: 0.83, // no bar: measured − 0.03
  },
  heldout: {
    entityF1: 0.85, // bar for unseen documents
    relationF1: 0.40, // bar for unseen documents
    mentionF1: 0.88, // no bar: measured − 0.03
    country: 0.74, // no bar: measured − 0.03
  },
} as const;

const SETS: Record<keyof typeof FLOORS, { gold: string; docs: string }> = {
  seeds: { gold: join(ROOT, 'test', 'fixtures', 'seeds'), docs: join(ROOT, 'corpus') },
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
