import { describe, expect, it } from 'vitest';
import { baseFor, doneMessage, prepare, unmergedMessage } from '../../viewer/src/lib/corrections.ts';
import type { Correction } from '../../src/annotate/types.ts';

const c = (seq: number, key: string, who = 'ana'): Correction =>
  ({ id: String(seq), seq, at: '2024-01-01T00:00:00Z', who, action: 'accept', key } as Correction);

describe('baseFor', () => {
  const seen = [c(1, 'a.txt#0-4'), c(3, 'a.txt#0-4'), c(2, 'a.txt#5-9'), c(4, 'org:x#country')];

  it('should be the latest seq on the same span key', () => {
    expect(baseFor({ action: 'reject', doc: 'a.txt', span: { start: 0, end: 4, text: 'abcd' }, entity: 'org:x' }, seen)).toBe(3);
  });

  it('should be 0 when nothing was seen on that key', () => {
    expect(baseFor({ action: 'accept', doc: 'a.txt', span: { start: 1, end: 4, text: 'bcd' } }, seen)).toBe(0);
  });

  it('should use the entity key for set-country', () => {
    expect(baseFor({ action: 'set-country', entity: 'org:x', country: 'MX' }, seen)).toBe(4);
  });
});

describe('prepare', () => {
  it('should require an annotator name and fill who and base', () => {
    expect(() => prepare({ action: 'merge', entity: 'org:a', target: 'org:b' }, '  ', [])).toThrow(/annotator/);
    expect(prepare({ action: 'merge', entity: 'org:a', target: 'org:b' }, ' ana ', [])).toMatchObject({ who: 'ana', base: 0 });
  });
});

describe('doneMessage', () => {
  it.each([
    ['an accept', { action: 'accept' as const }, 'decision' as const, undefined, 'accepted'],
    ['an undo by Ctrl+Z', { action: 'undo' as const, undoes: 3 }, 'undo' as const, undefined, 'undone'],
    ['a redo', { action: 'undo' as const, undoes: 4 }, 'redo' as const, undefined, 'redone'],
    ['an undo that unmerges', { action: 'undo' as const, undoes: 5 }, 'decision' as const, 'unmerged “A” from “B”', 'unmerged “A” from “B”'],
  ])('should say what happened for %s', (_name, draft, mode, said, want) => {
    expect(doneMessage(draft, mode, said)).toBe(want);
  });
});

describe('unmergedMessage', () => {
  it('should name the entity taken apart and the one it was merged into', () => {
    const names: Record<string, string> = { 'person:kim-nolan': 'Kim Nolan', 'person:knl': 'Kimberly A. Nolan García' };
    expect(unmergedMessage({ entity: 'person:kim-nolan', target: 'person:knl' }, (id) => names[id] ?? id)).toBe('unmerged “Kim Nolan” from “Kimberly A. Nolan García”');
  });
});
