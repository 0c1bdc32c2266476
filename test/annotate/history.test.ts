// Undo as data: revertedSeqs / liveCorrections / effectiveByKey / isUndoable.
import { describe, expect, it } from 'vitest';
import { effectiveByKey, isUndoable, liveCorrections, revertedSeqs } from '../../src/annotate/history.js';
import { _log } from './_helpers.js';

const span = { start: 0, end: 3, text: 'FAT' };
const accept = { action: 'accept' as const, doc: 'a.txt', span };
const reject = { action: 'reject' as const, doc: 'a.txt', span };

describe('undo history', () => {
  const rows: [string, Parameters<typeof _log>, number[], string | undefined][] = [
    ['nothing undone', [accept, reject], [1, 2], 'reject'],
    ['an undo gives the key back to the decision before', [accept, reject, { action: 'undo', undoes: 2 }], [1], 'accept'],
    ['undoing the only decision leaves the rules', [accept, { action: 'undo', undoes: 1 }], [], undefined],
    ['an undo of the undo (redo) brings it back', [accept, reject, { action: 'undo', undoes: 2 }, { action: 'undo', undoes: 3 }], [1, 2], 'reject'],
    ['undo, redo, undo again', [accept, { action: 'undo', undoes: 1 }, { action: 'undo', undoes: 2 }, { action: 'undo', undoes: 1 }], [], undefined],
    ['a redo does not beat a newer decision', [accept, { action: 'undo', undoes: 1 }, reject, { action: 'undo', undoes: 2 }], [1, 3], 'reject'],
  ];
  it.each(rows)('should handle %s', (_what, inputs, live, winner) => {
    const log = _log(...inputs);
    expect(liveCorrections(log).map((c) => c.seq)).toEqual(live);
    expect(effectiveByKey(log).get('a.txt#0-3')?.action).toBe(winner);
  });

  it('should say what can still be undone', () => {
    const log = _log(accept, reject, { action: 'undo', undoes: 2 });
    expect([...revertedSeqs(log)]).toEqual([2]);
    expect(isUndoable(log[0]!, log)).toBe(true);
    expect(isUndoable(log[1]!, log)).toBe(false); // already undone
    expect(isUndoable(log[2]!, log)).toBe(true); // the undo itself: redo
  });

  it('should key an undo like what it reverts', () => {
    const log = _log({ action: 'merge', entity: 'person:kim-nolan', target: 'person:kimberly-a-nolan-garcia' }, { action: 'undo', undoes: 1 });
    expect(log[1]!.key).toBe('person:kim-nolan');
  });
});
