// Client side of the corrections contract: the `base` to send is the latest seq on the same key.
import { correctionKey } from '../../../src/annotate/key.ts';
import type { Correction, CorrectionInput } from '../../../src/annotate/types.ts';

/** Input without `who` and `base` (filled in by `prepare`). */
export type Draft = Omit<CorrectionInput, 'who' | 'base'>;

/** Latest seq among `seen` with the draft's key (0 = none): what the annotator saw. An undo's key is its target's. */
export function baseFor(draft: Draft, seen: readonly Correction[]): number {
  const key = correctionKey(draft, (n) => seen.find((c) => c.seq === n)?.key);
  let base = 0;
  for (const c of seen) if (c.key === key && c.seq > base) base = c.seq;
  return base;
}

/** What a correction without an annotator name is told (its toast goes once a name is set). */
export const NAME_FIRST = 'set your annotator name first (top right)';

/** Complete a draft with annotator and base. Throws when no annotator name is set. */
export function prepare(draft: Draft, who: string, seen: readonly Correction[]): CorrectionInput {
  if (!who.trim()) throw new Error(NAME_FIRST);
  return { ...draft, who: who.trim(), base: baseFor(draft, seen) };
}
