/**
 * The project's standard evaluation sets, scored side by side by `kg eval` (no --gold). Real
 * documents nobody on the team wrote come first: they are the evidence of how extraction
 * generalises. Texts written by or for the team (seeds, written-*) are regression tests only.
 */
import { join } from 'node:path';

/** One standard gold set: gold files and the directory holding their documents, relative to the project root. */
export interface EvalSet {
  name: string;
  gold: string;
  docs: string;
  /** `real`: public documents nobody here wrote; `written`: texts written by or for the team */
  kind: 'real' | 'written';
  description: string;
}

/** The standard sets, in report order. */
export const EVAL_SETS: readonly EvalSet[] = [
  { name: 'real-dev', gold: join('test', 'fixtures', 'real-dev', 'gold'), docs: join('test', 'fixtures', 'real-dev', 'docs'), kind: 'real', description: '10 real public documents (shared/gold/real-dev)' },
  { name: 'seeds', gold: join('test', 'fixtures', 'seeds'), docs: 'corpus', kind: 'written', description: 'the 5 corpus documents (regression)' },
  { name: 'written-dev', gold: join('test', 'fixtures', 'written-dev'), docs: join('test', 'fixtures', 'written-dev'), kind: 'written', description: '6 documents written for the project (regression)' },
  { name: 'written-regression', gold: join('test', 'fixtures', 'written-regression'), docs: join('test', 'fixtures', 'written-regression'), kind: 'written', description: '5 documents written for the project by a separate annotator (regression)' },
];

/** The sets named in a comma-separated list (all when empty); unknown names are returned apart. */
export function pickSets(names: string | undefined): { sets: EvalSet[]; unknown: string[] } {
  if (!names) return { sets: [...EVAL_SETS], unknown: [] };
  const wanted = names.split(',').map((s) => s.trim()).filter(Boolean);
  return { sets: EVAL_SETS.filter((s) => wanted.includes(s.name)), unknown: wanted.filter((w) => !EVAL_SETS.some((s) => s.name === w)) };
}
