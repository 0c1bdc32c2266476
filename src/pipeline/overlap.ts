/** The one overlap filter: longest span wins, then curated beats guessed, then the earlier rule. */
import type { Candidate } from './context.js';

/** Rank of a candidate when spans tie: curated first, then specific rules before generic ones. */
function rank(c: Candidate): number {
  if (c.curated?.length) return 0;
  if (c.rule.startsWith('case.numbered')) return 0.5;
  if (c.rule.startsWith('case.') || c.rule.startsWith('person.title')) return 1;
  if (c.rule.endsWith('.compromise') || c.rule === 'person.surname' || c.rule.startsWith('org.acronym')) return 4;
  return 3;
}

/** Keep a non-overlapping subset of candidates, sorted by start. Title info of a loser on the same span moves to the winner. */
export function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || rank(a) - rank(b) || a.start - b.start);
  const kept: Candidate[] = [];
  // Which kept candidate covers each character (-1: none). Kept spans never overlap, so a clash is
  // found by looking at the candidate's own characters: linear in the text, not kept × candidates.
  let owner = new Int32Array(0);
  for (const c of sorted) {
    if (c.end > owner.length) {
      const grown = new Int32Array(Math.max(c.end, owner.length * 2)).fill(-1);
      grown.set(owner);
      owner = grown;
    }
    let clash = -1;
    for (let i = Math.max(0, c.start); i < c.end && clash < 0; i++) clash = owner[i]!;
    if (clash < 0) {
      owner.fill(kept.length, Math.max(0, c.start), c.end);
      kept.push({ ...c });
      continue;
    }
    // a kept span with the same bounds is the only kept span it can overlap
    const k = kept[clash]!;
    if (k.start === c.start && k.end === c.end) {
      k.title ??= c.title;
      k.country ??= c.country;
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
