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
  for (const c of sorted) {
    const clash = kept.find((k) => k.start < c.end && c.start < k.end);
    if (!clash) {
      kept.push({ ...c });
      continue;
    }
    if (clash.start === c.start && clash.end === c.end) {
      clash.title ??= c.title;
      clash.country ??= c.country;
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
