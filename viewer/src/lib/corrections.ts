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

const LABEL: Record<string, string> = {
  accept: 'accepted', reject: 'rejected', retype: 'retyped', link: 'linked', add: 'added', merge: 'merged',
  'set-country': 'country set', 'add-relation': 'relation added', 'delete-relation': 'relation deleted', 'retype-relation': 'relation retyped', undo: 'undone',
};

/** The toast after a correction went through: `said` (what the user asked for, e.g. "unmerged …"), else by mode and action. */
export function doneMessage(draft: Draft, mode: 'decision' | 'undo' | 'redo', said?: string): string {
  if (said) return said;
  if (mode === 'redo') return 'redone';
  return LABEL[draft.action] ?? `${draft.action} saved`;
}

/** The toast after an unmerge: which entity came apart from which (names when known). */
export function unmergedMessage(merge: { entity?: string; target?: string }, nameOf: (id: string) => string): string {
  const name = (id?: string) => (id ? nameOf(id) : '?');
  return `unmerged “${name(merge.entity)}” from “${name(merge.target)}”`;
}
